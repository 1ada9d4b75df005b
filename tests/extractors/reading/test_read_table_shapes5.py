"""Round 5 of the table readers' shapes: ditto marks in a type, department or basis cell (同上一项,
〃, 见上, 同前), a page Word saved as HTML (its cells' paragraphs end in ``<o:p></o:p>``), sheets
and columns a workbook hides, and JSON written as a table (columns and rows, a header row,
records keyed by serial, columns keyed by header). Each list is read item by item and citation
by citation (``test_read_shapes._read_back``) and, where the format is read in batches, in
batches too (``test_stream._same``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
import xlwt
from PIL import Image

from extractors import read_list
from extractors.errors import InputError
from extractors.models import PowerList
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same

#: A fourth item, of the third one's type, department and bases, written under it.
FOURTH = ("4", "对用人单位未按规定申报社会保险费的检查", *ITEMS[2][2:])


def _codes(plist: PowerList, code: str) -> list[int]:
    return [sum(a.code == code for a in i.anomalies) for i in plist.items]


@pytest.mark.parametrize("suffix", ["md", "csv", "html", "xlsx", "xls", "docx"])
@pytest.mark.parametrize(
    ("mark", "column"),
    [("同上一项", 2), ("〃", 3), ("见上", 5), ("同前", 4), ("同上", 3), ("″", 2)],
)
def test_a_ditto_mark_takes_the_cell_above(
    tmp_path: Path, suffix: str, mark: str, column: int
) -> None:
    # Item 4 writes 〃 (同上一项, 见上, 同前) for the type, department or basis of item 3: before,
    # a type of 同上 (doubtful), a department of 〃, an accountability basis of 见上 citing
    # nothing (as sure); only 同上 in a text field was copied.
    fourth = list(FOURTH)
    fourth[column] = mark
    path = write(tmp_path, [Table((HEADER, *ITEMS, tuple(fourth)))], suffix)
    plist = _read_back(path, (*ITEMS, FOURTH))
    assert _codes(plist, "copied-cell") == [0, 0, 0, 1]
    assert dict(plist.items[3].raw)[HEADER[column]] == mark
    _same(path, size=2)


def test_a_ditto_mark_with_nothing_above_is_said(tmp_path: Path) -> None:
    rows = (HEADER, ("1", ITEMS[0][1], "〃", *ITEMS[0][3:]), *ITEMS[1:])
    path = write(tmp_path, [Table(rows)], "csv")
    plist = read_list(path)
    assert plist.items[0].type == "〃"
    assert _codes(plist, "unresolved-reference") == [1, 0, 0]


def test_a_page_word_saved_as_html(tmp_path: Path) -> None:
    # Word ends each paragraph of a cell with <o:p></o:p> (a tag with a namespace prefix) and
    # writes a row of empty cells in <![if !supportMisalignedColumns]>: before, the prefixed tag
    # stayed in every cell, no header was found, and the page was refused.
    def cell(text: str) -> str:
        return (
            "<td style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'>"
            "<p class=MsoNormal><span style='font-family:宋体;mso-bidi-font-family:宋体'>"
            f"{text}<o:p></o:p></span></p></td>"
        )

    rows = "".join(
        f"<tr style='mso-yfti-irow:{k}'>{''.join(map(cell, r))}</tr>"
        for k, r in enumerate((HEADER, *ITEMS))
    )
    spacer = "".join("<td width=80 style='border:none'></td>" for _ in HEADER)
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8">'
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml>"
        "<![endif]--></head><body lang=ZH-CN><div class=WordSection1>"
        "<p class=MsoNormal align=center><b>某县权责清单<o:p></o:p></b></p>"
        f"<table class=MsoNormalTable border=1 cellspacing=0>{rows}"
        f"<![if !supportMisalignedColumns]><tr height=0>{spacer}</tr><![endif]>"
        "</table></div></body></html>"
    )
    path = tmp_path / "list.html"
    path.write_text(page, encoding="utf-8")
    _read_back(path, ITEMS)
    _same(path, size=2)


def _book(path: Path, sheets: list[tuple[str, list[tuple[str, ...]]]], suffix: str) -> Path:
    """A workbook of ``sheets``; the second hidden, and the sixth column of the first and its
    third row, when the sheets hold that many."""
    out = path / f"list.{suffix}"
    if suffix == "xls":
        book = xlwt.Workbook(encoding="utf-8")
        for n, (title, rows) in enumerate(sheets):
            sheet = book.add_sheet(title)
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    sheet.write(r, c, text)
            if n == 1:
                sheet.visibility = 1
            elif len(rows[0]) > 6:
                sheet.col(5).hidden = True
                sheet.row(3).hidden = True
        book.save(str(out))
        return out
    workbook = openpyxl.Workbook()
    for n, (title, rows) in enumerate(sheets):
        sheet = workbook.active if n == 0 else workbook.create_sheet()
        sheet.title = title
        for row in rows:
            sheet.append(row)
        if n == 1:
            sheet.sheet_state = "hidden"
        elif len(rows[0]) > 6:
            sheet.column_dimensions["F"].hidden = True
            sheet.row_dimensions[4].hidden = True
    workbook.save(out)
    return out


@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
def test_a_sheet_the_workbook_hides_is_read_and_said(tmp_path: Path, suffix: str) -> None:
    # An old version's sheet, hidden: before, its item was read as one more of the list, as
    # sure, without a word (a hidden row was said, a hidden sheet not).
    old = ("1", "已取消的职业技能鉴定审批", *ITEMS[0][2:])
    path = _book(tmp_path, [("清单", [HEADER, *ITEMS]), ("旧版", [HEADER, old])], suffix)
    plist = _read_back(path, (*ITEMS, old))
    assert _codes(plist, "hidden-sheet") == [0, 0, 0, 1]
    _same(path, size=2)


@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
def test_a_column_the_sheet_hides_is_read_and_said(tmp_path: Path, suffix: str) -> None:
    # A hidden 备用依据 column (and the third item's row hidden): before, its citation was read
    # into every item's basis, as sure, without a word (a reader of the sheet never sees it);
    # an XLS said neither the column nor the row.
    header = (*HEADER[:5], "备用依据", HEADER[5])
    ghost = "《中华人民共和国刑法》第三百九十七条"
    rows = [header, *((*i[:5], ghost, i[5]) for i in ITEMS)]
    path = _book(tmp_path, [("清单", rows)], suffix)
    expected = tuple((*i[:4], i[4] + ghost, i[5]) for i in ITEMS)
    plist = _read_back(path, expected)
    assert _codes(plist, "hidden-column") == [1, 1, 1]
    assert _codes(plist, "hidden-row") == [0, 0, 1]
    _same(path, size=2)


def _records() -> list[dict[str, str]]:
    return [dict(zip(HEADER, i, strict=True)) for i in ITEMS]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            {"columns": list(HEADER), "index": [0, 1, 2], "data": [list(i) for i in ITEMS]},
            id="split",
        ),
        pytest.param(
            {"code": 200, "data": {"columns": list(HEADER), "data": [list(i) for i in ITEMS]}},
            id="split-in-envelope",
        ),
        pytest.param([list(HEADER), *map(list, ITEMS)], id="header-row"),
        pytest.param({i[0]: dict(zip(HEADER[1:], i[1:], strict=True)) for i in ITEMS}, id="keyed"),
        pytest.param(
            {"code": 0, "data": {i[0]: dict(zip(HEADER[1:], i[1:], strict=True)) for i in ITEMS}},
            id="keyed-in-envelope",
        ),
        pytest.param(
            {h: {str(k): i[c] for k, i in enumerate(ITEMS)} for c, h in enumerate(HEADER)},
            id="columns",
        ),
    ],
)
def test_json_written_as_a_table(tmp_path: Path, data: Any) -> None:
    # pandas' to_json (split, columns), a sheet's rows with the header first, records keyed by
    # serial: before, refused (no array of objects found) or read as rejects only.
    path = tmp_path / "list.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    _read_back(path, ITEMS)
    _same(path, size=2)


def test_json_rows_keep_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    rows = [list(HEADER), *map(list, ITEMS)]
    path.write_text("[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]")
    assert [i.line for i in read_list(path).items] == [3, 4, 5]


@pytest.mark.parametrize("suffix", ["md", "csv", "html", "xlsx", "xls", "docx", "pdf"])
def test_a_basis_written_a_column_per_level(tmp_path: Path, suffix: str) -> None:
    # 法律 | 行政法规 | 地方性法规 | 规章 as columns of their own, no 设定依据 over them: before,
    # their citations were read as no field (every item without a basis, said doubtful).
    header = (*HEADER[:4], "法律", "行政法规", "地方性法规", "规章", HEADER[5])
    rows = []
    for item in ITEMS:
        law, regulation = (item[4], "") if "法》" in item[4] else ("", item[4])
        rows.append((*item[:4], law, regulation, "", "", item[5]))
    path = write(tmp_path, [Table((header, *rows))], suffix)
    _read_back(path, ITEMS)
    _same(path, size=2)


@pytest.mark.parametrize("suffix", ["csv", "md"])
def test_a_basis_merged_down_exported_as_blanks_is_said(tmp_path: Path, suffix: str) -> None:
    # One 设定依据 merged over the three items, exported as one value and blanks: before, the
    # second and third items had no basis, as sure, without a word (a type, department or
    # accountability basis so exported was said, the basis not).
    rows = (HEADER, *((*i[:4], ITEMS[0][4], i[5]) for i in ITEMS))
    path = write(tmp_path, [Table(rows, ((1, 4, 3, 4),))], suffix)
    plist = read_list(path)
    assert [i.basis for i in plist.items] == [ITEMS[0][4], None, None]
    said = [[a.column for a in i.anomalies if a.code == "missing-cell"] for i in plist.items]
    assert said == [[], ["basis"], ["basis"]]


def test_a_document_whose_list_is_a_picture_is_refused_saying_so(tmp_path: Path) -> None:
    # A scan pasted into a DOCX: before, refused as a page of no recognisable table naming its
    # title line, as if the text were all there was.
    picture = tmp_path / "scan.png"
    Image.new("RGB", (400, 300), "white").save(picture)
    document = docx.Document()
    document.add_paragraph("某县人力资源和社会保障局权责清单")
    document.add_picture(str(picture))
    path = tmp_path / "list.docx"
    document.save(path)
    with pytest.raises(InputError, match=r"holds 1 picture\(s\)"):
        read_list(path)
    _same(path)
