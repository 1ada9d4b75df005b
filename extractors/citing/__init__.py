"""Citing statutes: one cell's text → the provisions it cites, resolved to canonical laws.

``cite`` holds the public verbs (``get_citations``, ``cite_items``, ``cite_text``); ``cell`` runs
the one pass over a cell, through one of two backends that read alike (``fast``, through caches;
``general``, the reference); ``grammar`` reads the pieces of a reference (anchors, provision
chains, titles, the notes after a title, document numbers, context, unmarked titles); ``records``
builds the citation records; ``resolve`` turns a title as written into the instrument it names
through the registry (``lawdb``); ``numerals`` reads the numbers; ``words`` loads the grammar's word
lists (``data/grammar.json``); ``annotate`` renders a list with its citations highlighted for
review.

The compiled build of the hot modules (``native``) is set up here, before any of them loads.
"""

from __future__ import annotations

from extractors.citing.native import use_source_when_needed

use_source_when_needed()  # before any compiled module is imported (see extractors.citing.native)
