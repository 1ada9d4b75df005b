"""The store and what talks to it: opening the on-disk Oxigraph store, loading quads, SPARQL
(bundled queries in ``queries/``, local or on a remote endpoint), result writers, export, the
endpoint server, SHACL validation and the who-cites answers."""
