"""Building: power lists and their citations → N-Quads, one named graph per list plus the shared
graph of laws, provisions and authorities, with clause nodes, SKOS concepts and tallies."""
