"""Writes query results and answer rows as text tables, CSV or JSON (SPARQL 1.1 JSON results)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Mapping, Sequence
from typing import IO, Any, Literal

import pyoxigraph as ox

from graph.store.query import QueryResult, Term

OutputFormat = Literal["table", "json", "jsonl", "csv"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_CELL_WIDTH = 48  # display columns a table cell is cut to, unless the table is wide
_NARROWEST = 6  # display columns a column keeps when a table is fitted to the terminal
#: How a table shows a missing value (CSV: an empty cell; JSON: null), docs/cli.md.
MISSING = "–"
_XSD_NUMBERS = {
    "http://www.w3.org/2001/XMLSchema#" + name: kind
    for name, kind in [("integer", int), ("decimal", float), ("double", float), ("float", float)]
}


def term_text(term: Term | None) -> str:
    """The plain text of a term, as a table or CSV shows it: IRI, lexical form, ``_:id``, or ""
    for an unbound value.

    >>> term_text(ox.Literal("第87条", language="zh")), term_text(ox.NamedNode("http://e/a"))
    ('第87条', 'http://e/a')
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def term_json(term: Term) -> dict[str, Any]:
    """One RDF term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": term_json(term.subject),
            "predicate": term_json(term.predicate),
            "object": term_json(term.object),
        },
    }


def to_sparql_json(result: QueryResult) -> dict[str, Any]:
    """A SELECT or ASK result as a SPARQL 1.1 JSON results document."""
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    if result.kind != "select":
        raise ValueError(f"a {result.kind} result has no SPARQL JSON form; write it as N-Triples")
    bindings = [{name: term_json(term) for name, term in row.items()} for row in result.rows]
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def term_value(term: Term | None) -> str | int | float | bool | None:
    """A term as a JSON Lines value: numbers and booleans as JSON ones, other terms as their text,
    an unbound value as None (null).

    >>> term_value(ox.Literal("87", datatype=ox.NamedNode(_XSD + "integer"))), term_value(None)
    (87, None)
    """
    if isinstance(term, ox.Literal):
        kind = _XSD_NUMBERS.get(term.datatype.value)
        if kind is not None:
            try:
                return kind(term.value)
            except ValueError:
                return term.value
        if term.datatype.value == _XSD + "boolean":
            return term.value in ("true", "1")
    return None if term is None else term_text(term)


def result_rows(result: QueryResult) -> list[dict[str, str]]:
    """A SELECT result as plain rows (unbound variables give empty strings)."""
    return [
        {name: term_text(row[name]) if name in row else "" for name in result.variables}
        for row in result.rows
    ]


def to_ntriples(result: QueryResult) -> str:
    """A CONSTRUCT / DESCRIBE result as N-Triples."""
    return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in result.triples)


def to_csv(header: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> str:
    """Rows as CSV (RFC 4180, the SPARQL 1.1 CSV layout); None is an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if row.get(k) is None else row[k] for k in header])
    return buffer.getvalue()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        used += _width(ch)
        if used > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def to_table(
    header: Sequence[str],
    rows: Sequence[Mapping[str, Any]],
    *,
    width: int | None = None,
    wide: bool = False,
) -> str:
    """Rows as an aligned plain-text table; wide (Chinese) characters count two columns, a missing
    value is shown as ``–``. Cells are cut (``…``) to 48 columns, and the widest columns further
    so that a line fits in ``width`` columns (a terminal's); ``wide`` shows every cell in full.

    >>> print(to_table(["row", "name"], [{"row": "1", "name": "处罚"}, {"row": "2"}]), end="")
    row  name
    ---  ----
    1    处罚
    2    –
    >>> print(to_table(["name"], [{"name": "行政处罚决定书送达"}], width=10), end="")
    name
    ----------
    行政处罚…

    Columns that cannot fit even when narrowed are left out, from the last, and a line says so:

    >>> print(to_table(["row", "name", "note"], [{"row": "1", "name": "处罚"}], width=12), end="")
    (left out to fit the terminal: note; --wide shows them)
    row  name
    ---  ----
    1    处罚
    """
    texts = _texts(header, rows)
    widths = _widths(header, texts, width=width, wide=wide)
    body = "".join(_line(_fitted(t, widths), widths) for t in texts)
    return _head(header, widths) + body


def _head(header: Sequence[str], widths: Sequence[int]) -> str:
    """The header line and its dashes, after a line naming the columns left out, if any."""
    left_out = [h for h, w in zip(header, widths, strict=True) if w == 0]
    note = f"(left out to fit the terminal: {', '.join(left_out)}; --wide shows them)\n"
    dashes = _line(["-" * w for w in widths], widths)
    return (note if left_out else "") + _line(header, widths) + dashes


def _texts(header: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Each row's cells as one line of text each (missing: ``–``)."""
    return [[_text(r.get(k)) for k in header] for r in rows]


def _text(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text or MISSING


def _widths(
    header: Sequence[str],
    texts: Sequence[Sequence[str]],
    *,
    width: int | None = None,
    wide: bool = False,
) -> list[int]:
    """Column widths: as wide as the cells (at most 48 unless ``wide``), then the widest narrowed
    in turn until a line fits ``width`` (no column below its header or 6); the last columns get 0
    (left out) when even that does not fit."""
    cap = None if wide else _CELL_WIDTH
    widths = [
        max([_width(h)] + [min(_width(t[i]), cap or _width(t[i])) for t in texts])
        for i, h in enumerate(header)
    ]
    if wide or width is None:
        return widths
    floors = [min(w, max(_width(h), _NARROWEST)) for w, h in zip(widths, header, strict=True)]
    kept = len(widths)
    while kept > 1 and sum(floors[:kept]) + 2 * (kept - 1) > width:
        kept -= 1
    widths[kept:] = [0] * (len(widths) - kept)
    room = width - 2 * (kept - 1)
    while sum(widths) > room:
        shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not shrinkable:
            break  # too many columns for the terminal: the lines run over
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def _fitted(texts: Sequence[str], widths: Sequence[int]) -> list[str]:
    return [_cut(t, w) for t, w in zip(texts, widths, strict=True)]


def _line(values: Sequence[str], widths: Sequence[int]) -> str:
    """One line of the table; a column of width 0 is left out."""
    padded = [v + " " * max(w - _width(v), 0) for v, w in zip(values, widths, strict=True) if w]
    return "  ".join(padded).rstrip() + "\n"


def write_result(
    result: QueryResult,
    fmt: OutputFormat,
    stream: IO[str],
    *,
    width: int | None = None,
    wide: bool = False,
) -> None:
    """Write a query result: SPARQL 1.1 JSON, JSON Lines (one object per solution, unbound values
    null), SPARQL 1.1 CSV or a table fitted to ``width`` (graphs as N-Triples)."""
    if result.kind == "update":
        return
    if result.kind == "graph":
        stream.write(to_ntriples(result))
    elif fmt == "json":
        stream.write(json.dumps(to_sparql_json(result), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for line in _json_lines(result):
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
    elif result.kind == "ask":
        stream.write(("true" if result.boolean else "false") + "\n")
    elif fmt == "csv":
        stream.write(to_csv(result.variables, result_rows(result)))
    else:
        rows = [{k: term_text(v) for k, v in row.items()} for row in result.rows]
        stream.write(to_table(result.variables, rows, width=width, wide=wide))


def _json_lines(result: QueryResult) -> list[dict[str, Any]]:
    if result.kind == "ask":
        return [{"boolean": bool(result.boolean)}]
    return [{k: term_value(row.get(k)) for k in result.variables} for row in result.rows]


class RowStream:
    """Writes answer rows page by page as they come (``quanze cites``): a JSON array, CSV, or a
    table whose columns are as wide as the first page needs (a wider cell later pushes its row
    out of line rather than being cut further). ``close`` ends the output; the text written is
    that of ``write_rows`` with all the rows when one page holds them all."""

    def __init__(
        self,
        fmt: OutputFormat,
        stream: IO[str],
        *,
        title: str | None = None,
        columns: Sequence[str] | None = None,
        width: int | None = None,
        wide: bool = False,
    ) -> None:
        self.fmt, self.stream, self.title = fmt, stream, title
        self.width, self.wide = width, wide
        self.header: list[str] | None = list(columns) if columns else None
        self.widths: list[int] = []
        self.count = 0

    def write(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Write one page of rows."""
        if self.fmt == "jsonl":
            for row in rows:
                self.stream.write(json.dumps(dict(row), ensure_ascii=False) + "\n")
            self.count += len(rows)
            self.stream.flush()
            return
        if self.fmt == "json":
            for row in rows:
                lead = "[\n" if self.count == 0 else ",\n"
                body = json.dumps(dict(row), ensure_ascii=False, indent=2)
                self.stream.write(lead + "\n".join("  " + line for line in body.splitlines()))
                self.count += 1
            self.stream.flush()
            return
        if not rows:
            return
        if self.header is None:
            self.header = list(rows[0].keys())
        if self.fmt == "csv":
            text = to_csv(self.header, rows)
            self.stream.write(text if self.count == 0 else text.split("\r\n", 1)[1])
        else:
            texts = _texts(self.header, rows)
            if self.count == 0:
                self.widths = _widths(self.header, texts, width=self.width, wide=self.wide)
                if self.title:
                    self.stream.write(self.title + "\n")
                self.stream.write(_head(self.header, self.widths))
            self.stream.write("".join(_line(_fitted(t, self.widths), self.widths) for t in texts))
        self.count += len(rows)
        self.stream.flush()

    def close(self) -> None:
        """End the output (the closing bracket of JSON; the empty table's line)."""
        if self.fmt == "json":
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.count == 0 and self.fmt != "jsonl":
            write_rows([], self.fmt, self.stream, title=self.title, columns=self.header)
        self.stream.flush()


def write_rows(
    rows: Sequence[Mapping[str, Any]],
    fmt: OutputFormat,
    stream: IO[str],
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
    width: int | None = None,
    wide: bool = False,
) -> None:
    """Write answer rows (e.g. from ``find_citing_items``): a JSON array, JSON Lines, CSV, or a
    table fitted to ``width`` columns (in full if ``wide``).

    ``columns`` chooses and orders the CSV / table columns (default: the keys of the first row);
    JSON always carries every key. ``title`` heads the table.
    """
    if fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(dict(row), ensure_ascii=False) + "\n")
        return
    if fmt == "json":
        stream.write(json.dumps(list(map(dict, rows)), ensure_ascii=False, indent=2) + "\n")
        return
    header = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        stream.write(to_csv(header, rows))
        return
    if title:
        stream.write(title + "\n")
    stream.write(to_table(header, rows, width=width, wide=wide) if header else "(none)\n")
