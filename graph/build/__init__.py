"""Building: power lists and their citations → N-Quads, one named graph per list plus the shared
graph of laws, provisions and authorities, with clause nodes, SKOS concepts and tallies.

``build`` drives it (``build_graph``, ``build_cited``), one list at a time: ``lists`` writes the
list and its items, ``citations`` their citations and what they cite, ``clauses`` the clause
nodes, ``concepts`` maps list vocabulary onto SKOS concepts and ``tally`` keeps the citation
counts; ``quads`` holds the N-Quads writing primitives they share. ``identity`` names each list
(files of the same name told apart, the same list given twice found), ``record`` keeps the
build's record of each list graph, and ``commit`` makes a build's lists current in one
transaction once their new quads are in, so nothing stored is lost whatever stops a build.
"""
