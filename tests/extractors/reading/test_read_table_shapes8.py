"""Round 9 of the table readers' shapes: JSON whose fields nest an object or a list of
label/value pairs, a web page's list in a ``<pre>`` or an ``<iframe srcdoc>``, a DOCX holding
its list as an HTML altChunk, and CSV written with full-width commas or each line quoted whole.
Each list is read item by item and citation by citation (``test_read_shapes._read_back``)."""

from __future__ import annotations

import csv
import html
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from extractors import read_list
from extractors.errors import InputError
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same


def _json(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "list.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "other"), [("名称", "编码"), ("name", "code"), ("deptName", "deptCode")]
)
def test_json_field_given_as_an_object_takes_its_name(
    tmp_path: Path, name: str, other: str
) -> None:
    # "实施主体": {"名称": …, "编码": …}: before, the inner 名称 read as a second name column
    # (flagged), the department empty, and its 编码 the item's code without a word.
    records = [
        {
            "序号": i[0],
            "事项名称": i[1],
            "事项类型": {"code": f"0{n}", "text": i[2]},
            "实施主体": {name: i[3], other: f"11330000{n:04d}"},
            "设定依据": i[4],
            "追责依据": i[5],
        }
        for n, i in enumerate(ITEMS)
    ]
    path = _json(tmp_path, {"code": 200, "data": records})
    plist = _read_back(path, ITEMS)
    assert [i.code for i in plist.items] == [None, None, None]
    _same(path, size=1)


def test_json_field_given_as_a_list_of_objects_takes_their_names(tmp_path: Path) -> None:
    # Two departments each as an object: the field is both names, a line each.
    records: list[dict[str, object]] = [dict(zip(HEADER, i, strict=True)) for i in ITEMS]
    records[0]["实施主体"] = [{"名称": "县人力社保局", "编码": "1"}, {"名称": "县医疗保障局"}]
    first = (*ITEMS[0][:3], "县人力社保局县医疗保障局", *ITEMS[0][4:])
    plist = _read_back(_json(tmp_path, records), (first, *ITEMS[1:]))
    assert plist.items[0].department == "县人力社保局\n县医疗保障局"


@pytest.mark.parametrize(
    ("label", "value"), [("label", "value"), ("name", "value"), ("key", "val")]
)
def test_json_items_as_label_value_lists(tmp_path: Path, label: str, value: str) -> None:
    # [{"label": "事项名称", "value": …}, …] per item: before, refused ("no array of objects").
    items = [[{label: h, value: v} for h, v in zip(HEADER, i, strict=True)] for i in ITEMS]
    _read_back(path := _json(tmp_path, {"code": 200, "data": items}), ITEMS)
    _same(path, size=1)
    wrapped = [{"id": n, "fields": f} for n, f in enumerate(items)]
    _read_back(path := _json(tmp_path, {"data": {"list": wrapped}}), ITEMS)
    _same(path, size=1)


def test_json_field_given_as_an_object_of_two_texts_is_said(tmp_path: Path) -> None:
    # "设定依据": {"name": "《…法》", "article": "第六十九条"}: taking the name alone would drop
    # the article without a word; the object's members are read as before, said (its name a
    # second name column, duplicate-column) and its article kept (extra). A guard: so on a66b106.
    records: list[dict[str, object]] = [dict(zip(HEADER, i, strict=True)) for i in ITEMS]
    law, article = ITEMS[0][4].split("》")
    records[0]["设定依据"] = {"name": law + "》", "article": article}
    item = read_list(_json(tmp_path, records)).items[0]
    assert "duplicate-column" in [a.code for a in item.anomalies]
    assert ("article", article) in item.extra


@pytest.mark.parametrize("envelope", [False, True])
def test_json_arrays_keyed_by_their_power_type(tmp_path: Path, envelope: bool) -> None:
    # {"行政许可": [...], "行政处罚": [...]}, the items without a type of their own: before, the
    # first array alone was read, its items without type, as sure (the others lost silently).
    fields = ("序号", "事项名称", "实施主体", "设定依据", "追责依据")
    groups: dict[str, list[dict[str, str]]] = {}
    for i in ITEMS:
        groups.setdefault(i[2], []).append(dict(zip(fields, (*i[:2], *i[3:]), strict=True)))
    path = _json(tmp_path, {"code": 200, "data": groups} if envelope else groups)
    plist = _read_back(path, ITEMS)
    assert [s.text for s in plist.sections] == [i[2] for i in ITEMS]  # the groups' rows
    assert plist.rows_seen == plist.rows_accounted()
    _same(path, size=1)


def test_json_one_array_keyed_by_its_power_type(tmp_path: Path) -> None:
    # {"data": {"行政处罚": [...]}}: the one group's items take its type (before: none, as sure).
    fields = ("序号", "事项名称", "实施主体", "设定依据", "追责依据")
    item = ITEMS[1]
    records = [dict(zip(fields, (*item[:2], *item[3:]), strict=True))]
    _read_back(_json(tmp_path, {"data": {item[2]: records}}), (item,))


def test_json_arrays_keyed_by_their_department(tmp_path: Path) -> None:
    # {"县人力社保局": [...], "县医疗保障局": [...]}: each item falls under its group's department
    # (section_department: department is only a record's own field, round 15)
    records = [dict(zip(HEADER, i, strict=True)) for i in ITEMS]
    groups: dict[str, list[dict[str, str]]] = {}
    for r in records:
        groups.setdefault(r.pop("实施主体"), []).append(r)
    read = read_list(_json(tmp_path, groups))
    assert [(i.row, i.section_department) for i in read.items] == [
        ("1", ITEMS[0][3]),
        ("3", ITEMS[2][3]),
        ("2", ITEMS[1][3]),
    ]


TITLE = "某县人力资源和社会保障局权责清单"


@pytest.mark.parametrize("separator", ["\t", ","])
@pytest.mark.parametrize("head", ["<title>{}</title></head><body>", "</head><body><h1>{}</h1>"])
def test_web_page_list_in_a_pre_block(tmp_path: Path, separator: str, head: str) -> None:
    # A page whose list is text in a <pre>, a row a line, the page's head on the header's
    # line: before, read as TSV or CSV from the page's first line, the title and tags run into
    # the first header cell (序号 lost, no item had its serial) and the tags after the list
    # into the last cell, as sure.
    rows = "\n".join(separator.join(r) for r in (HEADER, *ITEMS))
    page = f"<html><head>{head.format(TITLE)}<pre>{html.escape(rows)}</pre></body></html>\n"
    path = tmp_path / "list.html"
    path.write_text(page, "utf-8")
    plist = _read_back(path, ITEMS)
    assert TITLE in (plist.meta.title or "")
    assert [i.line for i in plist.items] == [2, 3, 4]
    _same(path, size=1)


def test_web_page_list_inside_an_iframe_srcdoc(tmp_path: Path) -> None:
    # The page shows the list in a frame whose document is written into the srcdoc attribute
    # (escaped): before, refused (no table; the frame's page is an attribute's text).
    inner = write(tmp_path, [Table((HEADER, *ITEMS))], "html").read_text("utf-8")
    page = (f"<html><body><h1>{TITLE}</h1>\n"
            f'<iframe width="100%" srcdoc="{html.escape(inner, quote=True)}"></iframe>\n'
            "</body></html>\n")  # fmt: skip
    path = tmp_path / "framed.html"
    path.write_text(page, "utf-8")
    plist = _read_back(path, ITEMS)
    assert TITLE in (plist.meta.title or "")
    # the frame's page starts on the page's line 2, its rows (a cell a line) on its 11, 19, 27
    assert [i.line for i in plist.items] == [12, 20, 28]
    _same(path, size=1)


_ALT_CHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"


def _chunked(tmp_path: Path, inner: bytes, kind: str, table: bool = False) -> Path:
    """A DOCX of a title paragraph (and the list's table, when ``table``) and a part of content
    type ``kind`` holding ``inner`` that the body takes in whole (w:altChunk)."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    if table:
        grid = document.add_table(rows=len(ITEMS) + 1, cols=len(HEADER))
        for r, row in enumerate((HEADER, *ITEMS)):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    path = tmp_path / "list.docx"
    document.save(str(path))

    def edit(name: str, data: bytes) -> bytes:
        if name == "word/document.xml":
            chunk = b'<w:altChunk r:id="rIdChunk1"/>'
            return data.replace(b"<w:sectPr", chunk + b"<w:sectPr", 1)
        if name == "word/_rels/document.xml.rels":
            rel = (f'<Relationship Id="rIdChunk1" Type="{_ALT_CHUNK}" '
                   'Target="afchunk1.htm"/>').encode()  # fmt: skip
            return data.replace(b"</Relationships>", rel + b"</Relationships>")
        if name == "[Content_Types].xml":
            default = f'<Default Extension="htm" ContentType="{kind}"/>'.encode()
            return data.replace(b"<Default ", default + b"<Default ", 1)
        return data

    _rezip(path, edit, {"word/afchunk1.htm": inner})
    return path


def test_docx_holding_its_list_as_an_html_alt_chunk(tmp_path: Path) -> None:
    # Word's "insert a web page" (w:altChunk): the document part holds a title paragraph and a
    # reference to an HTML part holding the table. Before: refused (no table, no list).
    inner = write(tmp_path, [Table((HEADER, *ITEMS))], "html").read_bytes()
    plist = _read_back(path := _chunked(tmp_path, inner, "text/html"), ITEMS)
    assert TITLE in (plist.meta.title or "")
    _same(path, size=1)


def test_docx_alt_chunk_not_read_is_said(tmp_path: Path) -> None:
    # A part of a type not read (RTF) taken in whole: a reject beside the document's table;
    # the reason of the refusal when the document has no table. Before: passed over, no word.
    rtf = b"{\\rtf1\\ansi list}"
    plist = _read_back(path := _chunked(tmp_path, rtf, "application/rtf", table=True), ITEMS)
    assert [r.reason for r in plist.rejects] == [
        "a part of type application/rtf taken in whole, not read"
    ]
    _same(path, size=1)
    with pytest.raises(InputError, match="altChunk"):
        read_list(_chunked(tmp_path, rtf, "application/rtf"))


def _rezip(path: Path, edit: Callable[[str, bytes], bytes], added: dict[str, bytes]) -> None:
    """The archive at ``path`` written again, each member's bytes through ``edit``, and the
    members ``added``."""
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [*members, *added.items()]:
            archive.writestr(name, edit(name, data))


def test_csv_separated_by_full_width_commas(tmp_path: Path) -> None:
    # 序号，事项名称，… : a CSV typed with the Chinese input method's comma. Read when every line
    # has as many cells and the first is a header; before, refused (no table).
    path = tmp_path / "list.csv"
    path.write_text("\n".join("，".join(r) for r in (HEADER, *ITEMS)) + "\n", "utf-8")
    _read_back(path, ITEMS)
    _same(path, size=1)


def test_csv_full_width_commas_inside_cells_are_no_separators(tmp_path: Path) -> None:
    # A cell holding a full-width comma (the basis: 《…》第六十九条，第七十条) gives its line one
    # more cell than the header: the structure is not sure, and the file is refused, said (a
    # guard: refused on a66b106 too).
    rows = [HEADER, *ITEMS]
    rows[1] = (*ITEMS[0][:4], ITEMS[0][4] + "，第七十条", ITEMS[0][5])
    path = tmp_path / "list.csv"
    path.write_text("\n".join("，".join(r) for r in rows) + "\n", "utf-8")
    with pytest.raises(InputError, match="no recognisable table"):
        read_list(path)


def test_csv_with_each_whole_line_quoted(tmp_path: Path) -> None:
    # "序号,事项名称,…" each line one quoted field (a tool's export quoting the record): before,
    # refused (one column). A quote inside a cell is doubled twice over.
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([HEADER, *ITEMS])
    lines = buffer.getvalue().splitlines()
    path = tmp_path / "list.csv"
    path.write_text("\n".join('"' + ln.replace('"', '""') + '"' for ln in lines) + "\n", "utf-8")
    _read_back(path, ITEMS)
    _same(path, size=1)


def test_csv_cell_opening_with_a_quote_it_does_not_close(tmp_path: Path) -> None:
    # "双随机、一公开"监管检查 written unquoted: the quote opens the cell but does not close it.
    # Before: read as 双随机、一公开监管检查 (the quotes dropped, as Excel drops them), as sure;
    # read as written, a cell truly quoted on the same line (a comma inside) read as quoted.
    name = '"双随机、一公开"监管检查'
    items = ((*ITEMS[0][:1], name, *ITEMS[0][2:]), *ITEMS[1:])
    lines = [",".join(HEADER), ",".join(items[0])]
    lines += [",".join((*i[:4], f'"{i[4]},第一百条"', i[5])) for i in ITEMS[1:]]
    path = tmp_path / "list.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    plist = read_list(path)
    assert [i.name for i in plist.items] == [i[1] for i in items]
    assert [i.basis for i in plist.items[1:]] == [f"{i[4]},第一百条" for i in ITEMS[1:]]
    _same(path, size=1)


def test_json_list_encoded_twice_in_a_string(tmp_path: Path) -> None:
    # {"code": 200, "data": "[{\"序号\": …}]"}: an API that encodes its list as a JSON string.
    # Before: refused, no array of objects found.
    records = [dict(zip(HEADER, i, strict=True)) for i in ITEMS]
    data = {"code": 200, "msg": "成功", "data": json.dumps(records, ensure_ascii=False)}
    plist = _read_back(path := _json(tmp_path, data), ITEMS)
    assert [i.line for i in plist.items] == [4, 4, 4]  # the string's line
    assert "事项名称" not in (plist.meta.title or "")  # the string is no context line
    _same(path, size=1)


def test_json_records_of_opaque_keys_beside_their_column_configuration(tmp_path: Path) -> None:
    # A grid component's data: "columns": [{"dataIndex": "c1", "title": "序号"}, …] beside
    # "rows" of records keyed c1, c2, …. Before: refused (the configuration read as records).
    columns = [{"dataIndex": f"c{n}", "title": h, "width": 120} for n, h in enumerate(HEADER)]
    rows = [{f"c{n}": v for n, v in enumerate(i)} for i in ITEMS]
    path = _json(tmp_path, {"code": 0, "data": {"columns": columns, "rows": rows, "total": 3}})
    _read_back(path, ITEMS)
    _same(path, size=1)
