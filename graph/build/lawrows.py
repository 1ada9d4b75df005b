"""The rows a query counted by law gives per law for one list, counted by the engine, where the
build's own count (``derived.Collector``) cannot be trusted.

``audit-citations`` gives a row per resolved citation times its law's titles (``# counted: by-law
audit``): the derived graph keeps per law the citations (``LAW_ROWS``'s ``audit``) and its count
joins the titles the store holds when asked (``graph.store.counting``), so that ``quanze laws
import``, which adds titles, leaves it right. The build counts a citation once as it writes it;
but a list whose items' IRIs meet (a repeated row keyed ``1.2`` beside a row written ``1.2``: one
node with two ``qz:row``) gives a citation of that node once per row, which only the store shows.
So the engine counts such a list once it is current (``ENGINE``, grouped per law, its rows divided
by the law's titles it met), as it does a list graph read back from the store (a rebuilt list's
old part, a store counted afresh) that holds two values of something the query reads once
(``graph.build.irregular``): either way the count is the query's, so what is added for a list is
what is taken away for it later.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from graph.build.derived import LAW_ROWS, Facts

#: Per count of ``LAW_ROWS`` the engine may be asked for: the query, its law's and its title's
#: variables.
ENGINE: dict[str, tuple[str, str, str]] = {"audit": ("audit-citations", "lawNode", "law")}


def law_rows(store: ox.Store, lists: Sequence[ox.NamedNode], count: str = "audit") -> Facts:
    """Per law, the rows the query counted as ``count`` gives for ``lists`` (one list graph's),
    its titles taken out, as ``LAW_ROWS`` keeps them (the other counts 0, to be added)."""
    from graph.store.counting import grouped_form
    from graph.store.query import inline_bindings, prepare_query, run_query

    facts = Facts()
    if not lists:
        return facts
    name, law, title = ENGINE[count]
    text, terms = prepare_query(name, {"list": list(lists)})
    column = LAW_ROWS.counts.index(count)
    for row in run_query(store, grouped_form(inline_bindings(text, terms), law, title)).rows:
        node, rows, titles = row[law], row["rows"], row["per"]
        if isinstance(node, ox.NamedNode) and isinstance(rows, ox.Literal):
            per = int(titles.value) if isinstance(titles, ox.Literal) else 0
            facts.rows[LAW_ROWS.name][(node,)][column] += int(rows.value) // max(per, 1)
    return facts
