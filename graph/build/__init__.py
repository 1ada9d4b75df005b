"""Building: power lists and their citations → N-Quads, one named graph per list plus the shared
graph of laws, provisions and authorities, with clause nodes, SKOS concepts and tallies.

``build`` drives it (``build_graph``, ``build_cited``), one list at a time: ``lists`` writes the
list and its items, ``citations`` their citations and what they cite, ``clauses`` the clause
nodes, ``concepts`` maps list vocabulary onto SKOS concepts and ``tally`` keeps the citation
counts; ``quads`` holds the N-Quads writing primitives they share.
"""
