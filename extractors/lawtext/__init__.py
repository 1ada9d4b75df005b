"""Official law texts: one file (the layout of ``../shared/lawtexts``) → one version of one
instrument with its tree of divisions, articles, paragraphs, items and points.

``read_law_text(path)`` (:mod:`extractors.lawtext.parse`) gives a
:class:`~extractors.lawtext.model.LawText`; the model's dataclasses are in
:mod:`extractors.lawtext.model`. Pure Python: the store's writing of them is in ``graph/laws/``.
"""
