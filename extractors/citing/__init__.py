"""Citing statutes: one cell's text → the provisions it cites, resolved to canonical laws.

``cite`` runs the one pass over a cell, ``scan`` finds its anchors, ``find`` reads titles,
provision chains, notes and document numbers, ``resolve`` turns a title as written into the
instrument it names through the registry (``lawdb``), ``numerals`` reads the numbers, and
``annotate`` renders a list with its citations highlighted for review.

The compiled build of the hot modules (``native``) is set up here, before any of them loads.
"""

from __future__ import annotations

from extractors.citing.native import use_source_when_needed

use_source_when_needed()  # before any compiled module is imported (see extractors.citing.native)
