"""Text → records and citations; knows nothing about RDF and can be used alone.

>>> from extractors import get_citations
>>> [(c.law, c.article) for c in get_citations("《社会保险法》第八十七条、第八十八条")]
[('中华人民共和国社会保险法', 87), ('中华人民共和国社会保险法', 88)]

Public verbs: ``read_list`` (a power-list file → PowerList), ``get_citations`` (one cell's text →
citations), ``cite_items`` (every text field of every item → cell citations).
"""

from extractors.citations import cite_items, get_citations
from extractors.errors import InputError, QuanzeError
from extractors.models import CellCitation, Citation, PowerItem, PowerList
from extractors.read import read_list

__all__ = [
    "CellCitation",
    "Citation",
    "InputError",
    "PowerItem",
    "PowerList",
    "QuanzeError",
    "cite_items",
    "get_citations",
    "read_list",
]
