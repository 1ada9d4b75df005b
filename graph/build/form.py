"""The form of the derived graph (``graph.build.derived``): which kinds of facts it keeps, and since
which form the facts the store's counts read mean what they mean now. A module of its own so that
``graph.store.boundcount`` reads the two numbers without importing the build, whose record imports
the ontology's namespaces and with them rdflib (0.15-0.7 s of a ``quanze query NAME --count`` at
load 7, 2.8 s with the page cache dropped, at 1M items)."""

#: The namespace of the derived graph's classes and properties (``qzd:``).
QZD = "https://w3id.org/quanze/derived#"
#: The form of the derived graph: its kinds and how they are kept. A graph of another form (one
#: written before a kind was added holds none of it, so its sums would count only the lists built
#: since) is counted afresh. Raise it whenever a kind is added or kept otherwise.
FORM = 10
#: The first form whose facts mean what they mean in ``FORM``, but for the kinds added since
#: (``LIST_HOLDS`` and ``BARE_RESTING``, in 8), the places numbered since (``VersionsCited``'s,
#: in 9, read by ``conflicting-versions`` only when its ranking is there) and the facts kept since
#: (``MostCitedArticle``, in 10, read by ``most-cited-articles`` only when its ranking is there,
#: else the query it replaced: ``graph.store.asbuilt``):
#: what reads only those others reads a graph of any form from this one on (a store built by
#: that code answers as fast until its next build counts it afresh).
READ_SINCE = 7
