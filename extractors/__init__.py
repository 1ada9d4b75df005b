"""Text → records and citations; knows nothing about RDF and can be used alone.

>>> from extractors import get_citations
>>> [(c.law, c.article) for c in get_citations("《社会保险法》第八十七条、第八十八条")]
[('中华人民共和国社会保险法', 87), ('中华人民共和国社会保险法', 88)]

Public verbs: ``read_list`` (a power-list file → PowerList), ``get_citations`` (one cell's text →
citations), ``cite_items`` (every text field of every item → cell citations). They are loaded on
first use, so importing ``extractors.models`` alone does not load the readers and the grammar.
``Report`` and ``FileReport`` (``extractors.report``) count what each step made of each file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.lazy import lazy_exports

if TYPE_CHECKING:
    from extractors.citing.cite import cite_items as cite_items
    from extractors.citing.cite import get_citations as get_citations
    from extractors.errors import InputError as InputError
    from extractors.errors import QuanzeError as QuanzeError
    from extractors.models import (
        CellCitation as CellCitation,
    )
    from extractors.models import (
        Citation as Citation,
    )
    from extractors.models import (
        PowerItem as PowerItem,
    )
    from extractors.models import (
        PowerList as PowerList,
    )
    from extractors.reading.read import read_list as read_list
    from extractors.report import FileReport as FileReport
    from extractors.report import Report as Report

_EXPORTS = {
    "CellCitation": "extractors.models",
    "Citation": "extractors.models",
    "FileReport": "extractors.report",
    "InputError": "extractors.errors",
    "PowerItem": "extractors.models",
    "PowerList": "extractors.models",
    "QuanzeError": "extractors.errors",
    "Report": "extractors.report",
    "cite_items": "extractors.citing.cite",
    "get_citations": "extractors.citing.cite",
    "read_list": "extractors.reading.read",
}
__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)
