"""Table formats, round 15: a serial column a script wrote as whole floats (1.0, 2.0) read as
integers in a CSV, a TSV and every table format (a code column kept as written); a column a sheet
hides whose header names a superseded field (原设定依据 beside 设定依据) set aside in ``extra``,
said, not joined into the field. Each case read whole and in batches (``test_stream._same``)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import xlwt

from extractors import read_list
from extractors.reading.formats.documents import office
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS
from tests.extractors.reading.test_stream import _same


def _lines(rows: list[list[str]], delimiter: str = ",", tail: str = "") -> str:
    return "".join(delimiter.join(row) + tail + "\n" for row in rows)


def _floats(items: tuple[tuple[str, ...], ...] = ITEMS) -> list[list[str]]:
    """The items with their serials as pandas writes a column of numbers it read as floats."""
    return [[f"{item[0]}.0", *item[1:]] for item in items]


# ── serials written as whole floats (pandas, a script's float()) ──────────────────────────────
_FLOAT_SHAPES = [
    pytest.param("csv", _lines([list(HEADER), *_floats()]), id="csv"),
    pytest.param("tsv", _lines([list(HEADER), *_floats()], "\t"), id="tsv"),
    pytest.param(
        "csv", "\ufeffsep=;\r\n" + _lines([list(HEADER), *_floats()], ";"), id="excel-sep-line"
    ),
    pytest.param(
        "csv",
        _lines([list(HEADER), *_floats()], ",").replace("\n", ",\n"),
        id="trailing-empty-column",
    ),
    pytest.param(
        "csv",
        _lines([["", *HEADER]]) + _lines([[str(n), *r] for n, r in enumerate(_floats())]),
        id="pandas-index-column",
    ),
    pytest.param(
        "csv",
        _lines([list(HEADER), *_floats()[:2], list(HEADER), *_floats()[2:]]),
        id="header-repeated",
    ),
    pytest.param(
        "csv",
        _lines([list(HEADER), *[['="' + r[0] + '"', *r[1:]] for r in _floats()]]),
        id="text-guarded",
    ),
    pytest.param(
        "csv",
        _lines([list(HEADER), *_floats(), ["合计", "共3项", "", "", "", ""]]),
        id="under-a-total",
    ),
]


@pytest.mark.parametrize(("suffix", "text"), _FLOAT_SHAPES)
def test_serials_written_as_whole_floats_read_as_integers(
    tmp_path: Path, suffix: str, text: str
) -> None:
    # before (c948a8c): the serials read 1.0, 2.0, 3.0, nothing said
    path = tmp_path / f"list.{suffix}"
    path.write_text(text, encoding="utf-8")
    plist = read_list(path)
    assert [i.row for i in plist.items] == ["1", "2", "3"]
    assert [i.name for i in plist.items] == [i[1] for i in ITEMS]
    _same(path, 1)


@pytest.mark.parametrize(
    "suffix", ["md", "html", "docx", "xlsx", "pdf", "spaced.txt", "paragraphs.txt"]
)
def test_serials_written_as_whole_floats_read_as_integers_in_every_table_format(
    tmp_path: Path, suffix: str
) -> None:
    # before (c948a8c): 1.0, 2.0, 3.0 in a pipe table, an HTML table (pandas' to_markdown,
    # to_html), a Word table, and a sheet whose serials are text cells, nothing said
    rows = tuple(tuple(r) for r in (HEADER, *_floats()))
    path = write(tmp_path, [Table(rows)], suffix)
    plist = read_list(path)
    assert [i.row for i in plist.items] == ["1", "2", "3"]
    _same(path, 1)


def test_a_code_column_of_floats_keeps_its_digits_as_written(tmp_path: Path) -> None:
    # before (c948a8c): the serials read 1.0 …; the codes, written 0012301.0 by the same
    # script, are no serials: kept as written, leading zeros and all
    header = ["序号", "事项编码", *HEADER[1:]]
    rows = [[f"{i[0]}.0", f"00123{i[0]}.0", *i[1:]] for i in ITEMS]
    path = tmp_path / "list.csv"
    path.write_text(_lines([header, *rows]), encoding="utf-8")
    plist = read_list(path)
    assert [(i.row, i.code) for i in plist.items] == [
        ("1", "001231.0"),
        ("2", "001232.0"),
        ("3", "001233.0"),
    ]
    _same(path, 1)


def test_serials_not_all_whole_stay_as_written_while_whole_ones_read_as_integers(
    tmp_path: Path,
) -> None:
    # a serial column with 2.5 in it is no column of whole floats: kept as written (a 1.0
    # there may be a sub-item's number); the same rows without it read as integers
    written = _lines([list(HEADER), *_floats(), ["2.5", "对违法行为的处罚", *ITEMS[1][2:]]])
    path = tmp_path / "written.csv"
    path.write_text(written, encoding="utf-8")
    assert [i.row for i in read_list(path).items][:3] == ["1.0", "2.0", "3.0"]
    whole = tmp_path / "whole.csv"
    whole.write_text(_lines([list(HEADER), *_floats()]), encoding="utf-8")
    assert [i.row for i in read_list(whole).items] == ["1", "2", "3"]


# ── a hidden column of the bases as they were ─────────────────────────────────────────────────
_OLD = "《中华人民共和国劳动法》（2009年修正）第六十八条"


def _hidden_old_bases(tmp_path: Path, header: str, suffix: str) -> Path:
    """The items with a column ``header`` of old bases after the basis, the sheet hiding it."""
    rows = [(*HEADER[:5], header, HEADER[5]), *((*i[:5], _OLD, i[5]) for i in ITEMS)]
    if suffix == "xls":
        out = tmp_path / "list.xls"
        book = xlwt.Workbook(encoding="utf-8")
        sheet = book.add_sheet("清单")
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                sheet.write(r, c, text)
        sheet.col(5).hidden = True
        book.save(str(out))
        return out
    out = tmp_path / "list.xlsx"
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.active.column_dimensions["F"].hidden = True
    workbook.save(out)
    return out


@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
@pytest.mark.parametrize("header", ["原设定依据", "旧依据", "修改前设定依据", "设定依据（原）"])
def test_a_hidden_column_of_superseded_bases_goes_to_extra(
    tmp_path: Path, suffix: str, header: str
) -> None:
    # before (c948a8c): the old basis joined into each item's basis, said hidden-column only
    path = _hidden_old_bases(tmp_path, header, suffix)
    plist = read_list(path)
    assert [i.basis for i in plist.items] == [i[4] for i in ITEMS]
    assert [i.extra for i in plist.items] == [((header, _OLD),)] * 3
    assert [[a.code for a in i.anomalies] for i in plist.items] == [["hidden-column"]] * 3
    _same(path, 1)


def test_a_hidden_column_of_superseded_bases_in_ods_goes_to_extra(
    tmp_path: Path, soffice: str
) -> None:
    # before (c948a8c): joined into the basis, as in XLSX
    source = _hidden_old_bases(tmp_path, "原设定依据", "xlsx")
    path = tmp_path / "list.ods"
    path.write_bytes(office.convert(source.read_bytes(), "list.xlsx", "xlsx", "ods"))
    plist = read_list(path)
    assert [i.basis for i in plist.items] == [i[4] for i in ITEMS]
    assert [i.extra for i in plist.items] == [(("原设定依据", _OLD),)] * 3
    assert all("hidden-column" in {a.code for a in i.anomalies} for i in plist.items)


@pytest.mark.parametrize("suffix", ["csv", "md", "html", "xlsx", "docx"])
def test_a_shown_column_of_superseded_bases_beside_the_bases_goes_to_extra(
    tmp_path: Path, suffix: str
) -> None:
    # before (c948a8c): the old basis joined into each item's basis, nothing said; a shown
    # 原设定依据 with no 设定依据 beside it is the list's only basis column, and still read so
    rows = ((*HEADER[:5], "原设定依据", HEADER[5]), *((*i[:5], _OLD, i[5]) for i in ITEMS))
    path = write(tmp_path, [Table(rows)], suffix)
    plist = read_list(path)
    assert [i.basis for i in plist.items] == [i[4] for i in ITEMS]
    assert [i.extra for i in plist.items] == [(("原设定依据", _OLD),)] * 3
    _same(path, 1)
    alone = tuple((*r[:4], *r[5:]) for r in rows)
    plist = read_list(write(tmp_path, [Table(alone)], suffix))
    assert [i.basis for i in plist.items] == [_OLD] * 3
