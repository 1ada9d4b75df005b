"""Official law texts in the store (``quanze laws import``, ``quanze laws show``) and the link of
every citation to the text it cites (docs/laws.md).

``versions`` groups parsed files (``extractors.lawtext``) into versions of instruments named as
the registry names them, ``write`` makes each version's N-Quads, ``importer`` loads them and keeps
the record that makes a second import change nothing, ``links`` recomputes the citations' links to
the text in force, ``show`` finds a provision's text for a reference written as free text.
"""
