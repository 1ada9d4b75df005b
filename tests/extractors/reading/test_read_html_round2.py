"""Web pages as department sites serve them, round 2: a page saved as a web archive (MHTML:
its HTML part quoted-printable, base64 or as is, in UTF-8 or GBK, the list in the part of a
frame), a page whose rows a script makes from data written into it (``var data = [...]``, a
``<script type="application/json">``, a JavaScript literal, a table of a header alone), and a
``rowspan="0"`` (to the end of its row group, as a browser shows it). Whole and in batches."""

from __future__ import annotations

import base64
import json
import quopri
from pathlib import Path

import pytest

from extractors import read_list
from extractors.models import PowerList
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same

TITLE = "某县人力资源和社会保障局权责清单"
RECORDS = [dict(zip(HEADER, item, strict=True)) for item in ITEMS]
#: The items' fields under coded (pinyin) keys, as a site's API names them.
CODES = ("xh", "sxmc", "sxlx", "ssbm", "sdyj", "zzyj")


def _page(body: str, charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="{charset}">\n<title>{TITLE}</title>\n'
        f"</head>\n<body>\n{body}</body>\n</html>\n"
    )


def _table(rows: tuple[tuple[str, ...], ...] = (HEADER, *ITEMS)) -> str:
    cells = ("".join(f"<td>{c}</td>" for c in row) for row in rows)
    return '<table border="1">\n' + "".join(f"<tr>{r}</tr>\n" for r in cells) + "</table>\n"


LIST_PAGE = _page(f"<h1>{TITLE}</h1>\n{_table()}")


def _part(page: str, charset: str, transfer: str, boundary: str, number: int = 0) -> str:
    data = page.encode(charset)
    if transfer == "quoted-printable":
        payload = quopri.encodestring(data).decode("ascii")
    elif transfer == "base64":
        payload = base64.encodebytes(data).decode("ascii")
    else:
        payload = data.decode(charset)
    return (
        f'--{boundary}\nContent-Type: text/html; charset="{charset}"\n'
        f"Content-Transfer-Encoding: {transfer}\nContent-ID: <frame-{number}@mhtml.blink>\n"
        f"Content-Location: http://www.example.gov.cn/qzqd/p{number}.html\n\n{payload}\n"
    )


def _archive(
    pages: list[str], charset: str = "utf-8", transfer: str = "quoted-printable", crlf: bool = True
) -> bytes:
    """A web archive as a browser saves one: MIME headers, the pages' parts, an image part."""
    boundary = "----MultipartBoundary--k3Jd8aPq2x"
    text = (
        "From: <Saved by Blink>\nSnapshot-Content-Location: http://www.example.gov.cn/qzqd/\n"
        "Subject: =?utf-8?Q?=E6=9D=83=E8=B4=A3=E6=B8=85=E5=8D=95?=\nMIME-Version: 1.0\n"
        f'Content-Type: multipart/related;\n\ttype="text/html";\n\tboundary="{boundary}"\n\n'
        + "".join(_part(p, charset, transfer, boundary, n) for n, p in enumerate(pages))
        + f"--{boundary}\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n"
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5Erk\n\n"
        f"--{boundary}--\n"
    )
    if crlf:
        text = text.replace("\n", "\r\n")
    return text.encode(charset if transfer == "8bit" else "ascii")


def _written(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, "utf-8")
    else:
        path.write_bytes(content)
    return path


def _row_lines(path: Path) -> list[int]:
    """The line of the archive or page each item's row is written on (``<tr><td>1</td>``)."""
    lines = path.read_bytes().decode("ascii", "replace").replace("\r\n", "\n").split("\n")
    return [next(n for n, t in enumerate(lines, 1) if f"<tr><td>{i[0]}</td>" in t) for i in ITEMS]


@pytest.mark.parametrize(
    ("charset", "transfer", "crlf"),
    [
        ("utf-8", "quoted-printable", True),
        ("gbk", "quoted-printable", True),
        ("utf-8", "quoted-printable", False),
        ("utf-8", "base64", True),
        ("gb2312", "base64", True),
        ("gbk", "8bit", False),
    ],
)
def test_web_archive(tmp_path: Path, charset: str, transfer: str, crlf: bool) -> None:
    # Before: not detected (a quoted-printable part holds "<table" and was read as HTML, its
    # cells =E5=BA=8F…; a base64 one as page text): refused, no recognisable table.
    page = LIST_PAGE.replace('charset="utf-8"', f'charset="{charset}"')
    path = _written(tmp_path, "list.mht", _archive([page], charset, transfer, crlf))
    plist = _read_back(path, ITEMS)
    assert plist.format == "mhtml"
    assert plist.meta.title == TITLE
    if transfer == "quoted-printable":  # each row on the archive's line it is written on
        assert [i.line for i in plist.items] == _row_lines(path)
    _same(path)


def test_web_archive_whose_part_says_gbk_of_utf8_bytes(tmp_path: Path) -> None:
    # The part's charset and the page's <meta> say GBK, the bytes are UTF-8: the bytes tell.
    archive = _archive([LIST_PAGE]).replace(b'charset="utf-8"', b'charset="gbk"')
    plist = _read_back(_written(tmp_path, "list.mht", archive), ITEMS)
    assert plist.format == "mhtml"


@pytest.mark.parametrize("transfer", ["quoted-printable", "base64"])
def test_web_archive_of_a_page_framing_its_list(tmp_path: Path, transfer: str) -> None:
    # The page shows the list in an <iframe src>: the browser saves the framed page as a part
    # of its own, after the page's. Read from it, the page's part holding no list.
    outer = _page(f'<h1>{TITLE}</h1>\n<iframe src="http://www.example.gov.cn/qzqd/p1.html">'
                  "</iframe>\n")  # fmt: skip
    path = _written(tmp_path, "list.mht", _archive([outer, LIST_PAGE], transfer=transfer))
    plist = _read_back(path, ITEMS)
    assert plist.format == "mhtml"
    _same(path)


def _scripted(code: str, shell: str = '<div id="app"></div>\n') -> str:
    return _page(f"<h1>{TITLE}</h1>\n{shell}<script>\n{code}\n</script>\n")


def _literal(records: list[dict[str, str]]) -> str:
    """``records`` written as a JavaScript literal: keys bare, strings in single quotes, a
    trailing comma."""
    objects = ("{" + ", ".join(f"{k}: '{v}'" for k, v in r.items()) + "}," for r in records)
    return "[\n" + "\n".join(objects) + "\n]"


_CODED = [dict(zip(CODES, item, strict=True)) for item in ITEMS]
SCRIPTS = {
    "var-data": _scripted(f"var data = {json.dumps(RECORDS, ensure_ascii=False, indent=1)};"),
    "envelope": _scripted(
        "let tableData = "
        + json.dumps({"code": 200, "data": {"list": RECORDS}}, ensure_ascii=False, indent=1)
        + ";"
    ),
    "initial-state": _scripted(
        "window.__INITIAL_STATE__ = "
        + json.dumps({"page": {"pageNo": 1, "rows": RECORDS}}, ensure_ascii=False, indent=1)
    ),
    "application-json": _page(
        f'<h1>{TITLE}</h1>\n<script type="application/json" id="list-data">\n'
        + json.dumps(RECORDS, ensure_ascii=False, indent=1)
        + "\n</script>\n"
    ),
    "pinyin-keys": _scripted(f"var qzqd = {json.dumps(_CODED, ensure_ascii=False, indent=1)};"),
    "js-literal": _scripted(f"var data = {_literal(_CODED)};\nrender(data);"),
    "call-argument": _scripted(
        "$('#list').bootstrapTable({\n pagination: true,\n data: "
        + json.dumps(RECORDS, ensure_ascii=False, indent=1)
        + "\n});"
    ),
    "table-of-a-header-alone": _page(
        f"<h1>{TITLE}</h1>\n"
        + _table((HEADER,)).replace("<tr>", "<thead><tr>").replace("</tr>", "</tr></thead>")
        + '<script type="text/javascript">\nvar data = '
        + json.dumps(RECORDS, ensure_ascii=False, indent=1)
        + ";\n$.each(data, function (i, r) { $('tbody').append('<tr>…</tr>'); });\n</script>\n"
    ),
    "rendered-grid-empty-body": _page(
        f'<h1>{TITLE}</h1>\n<div class="layui-table-view">\n<table class="layui-table"><thead>'
        + "".join(f'<th><div class="layui-table-cell">{h}</div></th>' for h in HEADER)
        + '</thead></table>\n<table class="layui-table"><tbody></tbody></table>\n</div>\n'
        + "<script>\nlayui.table.render({\n elem: '#list',\n data: "
        + json.dumps(RECORDS, ensure_ascii=False, indent=1)
        + "\n});\n</script>\n"
    ),
}


def _object_lines(page: str) -> list[int]:
    """The line each record's object opens on: its serial's, or the line before when the
    serial is a member of its own line (JSON written a member a line)."""
    lines = page.split("\n")
    found = []
    for item in ITEMS:
        serial = (f'"序号": "{item[0]}"', f'"xh": "{item[0]}"', f"xh: '{item[0]}'")
        at = next(n for n, t in enumerate(lines, 1) if any(s in t for s in serial))
        found.append(at if lines[at - 1].lstrip().startswith("{") else at - 1)
    return found


@pytest.mark.parametrize("shape", list(SCRIPTS))
def test_list_in_a_script(tmp_path: Path, shape: str) -> None:
    # Before: no table holds the list (or one of a header alone, its rows made by a script):
    # refused, no recognisable table (or read as probably wrong, no item).
    path = _written(tmp_path, "list.html", SCRIPTS[shape])
    plist = _read_back(path, ITEMS)
    assert plist.meta.title == TITLE
    assert all("from-script" in {a.code for a in i.anomalies} for i in plist.items)
    assert [i.line for i in plist.items] == _object_lines(SCRIPTS[shape])
    _same(path)


def test_list_in_a_string_the_script_parses(tmp_path: Path) -> None:
    written = json.dumps(RECORDS, ensure_ascii=False).replace("'", "\\'")
    page = _scripted(f"var data = JSON.parse('{written}');")
    path = _written(tmp_path, "list.html", page)
    plist = _read_back(path, ITEMS)
    line = next(n for n, t in enumerate(page.split("\n"), 1) if "JSON.parse" in t)
    assert [i.line for i in plist.items] == [line] * len(ITEMS)
    _same(path)


@pytest.mark.parametrize("layout", ["columns-configured", "header-and-rows"])
def test_list_in_two_values_of_a_script(tmp_path: Path, layout: str) -> None:
    # A grid component's configuration (field → title) in one variable and its records keyed
    # by field in another; or a header and rows as arrays: together they are the list.
    fields = [f"c{n}" for n in range(len(HEADER))]
    if layout == "columns-configured":
        first = [{"field": f, "title": h} for f, h in zip(fields, HEADER, strict=True)]
        second: list[object] = [dict(zip(fields, i, strict=True)) for i in ITEMS]
    else:
        first, second = list(HEADER), [list(i) for i in ITEMS]  # type: ignore[assignment]
    page = _scripted(
        f"var cols = {json.dumps(first, ensure_ascii=False)};\n"
        f"var rows = {json.dumps(second, ensure_ascii=False)};"
    )
    plist = _read_back(_written(tmp_path, "list.html", page), ITEMS)
    line = next(n for n, t in enumerate(page.split("\n"), 1) if t.startswith("var rows"))
    assert [i.line for i in plist.items] == [line] * len(ITEMS)


def test_a_table_the_page_shows_is_read_before_a_script(tmp_path: Path) -> None:
    # A guard (passes on 463c2ff): a page whose table holds the list and whose script holds
    # data of its own reads the table, nothing said.
    page = _page(
        f"<h1>{TITLE}</h1>\n{_table()}<script>var data = "
        f"{json.dumps(RECORDS[:1], ensure_ascii=False)};</script>\n"
    )
    plist = _read_back(_written(tmp_path, "list.html", page), ITEMS)
    assert not any(a.code == "from-script" for i in plist.items for a in i.anomalies)


def _department_rows(span: str, rows: tuple[tuple[str, ...], ...]) -> str:
    """Rows whose department cell the first one spans down with ``rowspan="{span}"``, the rows
    below written without it."""
    first, *rest = rows
    out = "<tr>" + "".join(
        f'<td rowspan="{span}">{c}</td>' if k == 3 else f"<td>{c}</td>" for k, c in enumerate(first)
    )
    out += "</tr>\n"
    for row in rest:
        out += "<tr>" + "".join(f"<td>{c}</td>" for k, c in enumerate(row) if k != 3) + "</tr>\n"
    return out


SAME = tuple((*i[:3], "县人力社保局", *i[4:]) for i in ITEMS)


def test_rowspan_zero_spans_the_rest_of_its_row_group(tmp_path: Path) -> None:
    # rowspan="0": the cell spans the rest of its <tbody> in a browser. Before, read as 1: the
    # rows below, written without it, had their cells shifted left (the basis read as the
    # department), as sure.
    head = "<thead><tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr></thead>\n"
    page = _page(f'<table border="1">\n{head}<tbody>\n{_department_rows("0", SAME)}</tbody>\n'
                 "</table>\n")  # fmt: skip
    _read_back(_written(tmp_path, "list.html", page), SAME)


def test_rowspan_zero_ends_with_its_row_group(tmp_path: Path) -> None:
    # The next <tbody> writes its department cells again: the span does not reach them.
    other = ("4", "城乡医疗救助", "行政给付", "县医疗保障局",
             "《社会救助暂行办法》第二十八条", "《社会救助暂行办法》第六十六条")  # fmt: skip
    head = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>\n"
    tail = "<tr>" + "".join(f"<td>{c}</td>" for c in other) + "</tr>\n"
    page = _page(
        f'<table border="1">\n<thead>{head}</thead>\n<tbody>\n{_department_rows("0", SAME)}'
        f"</tbody>\n<tbody>\n{tail}</tbody>\n</table>\n"
    )
    plist = _read_back(_written(tmp_path, "list.html", page), (*SAME, other))
    assert isinstance(plist, PowerList)
    _same(tmp_path / "list.html")


def test_read_list_of_an_archive_names_its_format(tmp_path: Path) -> None:
    # detect: the archive's headers, not the "<table" its quoted-printable part holds
    path = _written(tmp_path, "saved.html", _archive([LIST_PAGE]))
    assert read_list(path).format == "mhtml"


JSP = (
    '<%@ page contentType="text/html;charset=UTF-8" language="java" %>\n'
    '<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>\n'
)


@pytest.mark.parametrize("comment", ["<%--", "<%-- 已取消\n"])
def test_page_template_with_a_row_commented_out_for_its_server(
    tmp_path: Path, comment: str
) -> None:
    # A JSP page as a site's sources keep it: a row inside <%-- … --%> is never sent to a
    # browser. Before, libxml2 read it as a row: an item the page does not show, as sure.
    withdrawn = ("9", "已取消的审批事项", "行政许可", "县人力社保局", "无", "无")
    rows = "".join(
        f"<tr>{''.join(f'<td>{c}</td>' for c in row)}</tr>\n" for row in (HEADER, *ITEMS)
    )
    old = "".join(f"<td>{c}</td>" for c in withdrawn)
    rows = rows.replace("</tr>\n<tr><td>2", f"</tr>\n{comment}<tr>{old}</tr> --%>\n<tr><td>2")
    page = JSP + _page(f"<h1>{TITLE}</h1>\n<table>\n{rows}</table>\n")
    path = _written(tmp_path, "list.jsp", page)
    plist = _read_back(path, ITEMS)
    assert [i.line for i in plist.items] == _row_lines(path)
    _same(path)


@pytest.mark.parametrize("joined", [False, True])
def test_table_a_script_writes_from_its_text(tmp_path: Path, joined: bool) -> None:
    # document.write('<table>…'): the page's table is in a string of its script (one, or one
    # literal a row joined by +). Before: refused, no recognisable table.
    rows = ["<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in (HEADER, *ITEMS)]
    pieces = ['<table border="1">', *rows, "</table>"]
    written = "' +\n  '".join(pieces) if joined else "".join(pieces)
    page = _scripted(f"document.write('{written}');")
    path = _written(tmp_path, "list.html", page)
    plist = _read_back(path, ITEMS)
    line = next(n for n, t in enumerate(page.split("\n"), 1) if "document.write" in t)
    assert [i.line for i in plist.items] == [line] * len(ITEMS)
    assert all("from-script" in {a.code for a in i.anomalies} for i in plist.items)
    _same(path)
