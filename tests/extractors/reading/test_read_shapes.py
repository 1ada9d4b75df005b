"""Lists in shapes the development set lacks, written in every format (``tables.py``) and read
back item by item: each field and each citation where it was written, or the reading said to be
doubtful. A field dropped or misplaced without a word is the defect these tests catch."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from extractors import get_citations, read_list
from extractors.models import PowerList
from tests.extractors.reading.tables import FORMATS, Table, write, xls, xlsx

HEADER = ("序号", "事项名称", "事项类型", "实施主体", "设定依据", "追责依据")
#: (serial, name, type, department, basis, accountability basis)
ITEMS = (
    ("1", "职业技能鉴定机构设立审批", "行政许可", "县人力社保局",
     "《中华人民共和国劳动法》第六十九条", "《行政机关公务员处分条例》第二十条"),
    ("2", "对未按规定办理社会保险登记的处罚", "行政处罚", "县医疗保障局",
     "《中华人民共和国社会保险法》第八十四条", "《中华人民共和国公务员法》第六十二条"),
    ("3", "对用人单位遵守劳动保障法律情况的检查", "行政检查", "县人力社保局",
     "《劳动保障监察条例》第十一条、第十五条", "《行政机关公务员处分条例》第二十一条"),
)  # fmt: skip
FIELDS = ("row", "name", "type", "department", "basis", "accountability_basis")


def _fields(plist: PowerList, heading: bool = False) -> list[tuple[str | None, ...]]:
    """Each item's fields, white space dropped (PDF cells wrap); with ``heading``, the
    department is the one a heading, group row or sheet's name names (``section_department``),
    the item's own ``department`` (a column's) being None."""
    if heading:
        assert {i.department for i in plist.items} == {None}
    keys = tuple("section_department" if heading and k == "department" else k for k in FIELDS)
    return [
        tuple("".join(v.split()) if (v := getattr(i, k)) else None for k in keys)
        for i in plist.items
    ]


def _citations(rows: list[tuple[str | None, ...]]) -> list[tuple[str, str | None, int | None]]:
    return sorted(
        (FIELDS[k], c.law, c.article)
        for row in rows
        for k in (4, 5)
        for c in get_citations(row[k] or "")
    )


def _read_back(
    path: Path, items: tuple[tuple[str, ...], ...], *, heading: bool = False
) -> PowerList:
    """The list at ``path``, checked to give ``items`` field by field and citation by citation
    (with ``heading``, their departments as section departments: :func:`_fields`)."""
    plist = read_list(path)
    assert _fields(plist, heading) == list(items), path.name
    assert _citations(_fields(plist, heading)) == _citations(list(items))
    assert plist.plausibility is not None and not plist.plausibility.doubtful, path.name
    return plist


def _doubtful(path: Path) -> None:
    """The list at ``path`` is read with doubts, said (a shape not read right)."""
    plausibility = read_list(path).plausibility
    assert plausibility is not None and plausibility.doubtful, path.name


@pytest.mark.parametrize("suffix", FORMATS)
def test_note_and_count_rows_under_the_items_are_no_items(tmp_path: Path, suffix: str) -> None:
    # A count row (合计 共3项), a note row (注： …, a citation in it) under the last item, and a
    # 说明 paragraph after the table: before, a table read them as two more items, and page
    # text ran them into the last item's accountability basis (a citation it never had).
    rows = (
        HEADER,
        *ITEMS,
        ("合计", "共3项", "", "", "", ""),
        ("注：", "本清单中《中华人民共和国社会保险法》第八十四条事项由县医保局实施。", *[""] * 4),
    )  # fmt: skip
    table = Table(rows, after=("说明：本清单依据《中华人民共和国行政许可法》第十二条编制。",))
    plist = _read_back(write(tmp_path, [table], suffix), ITEMS)
    if not suffix.endswith(".txt"):
        # (the 说明 line is a row of a sheet or CSV too)
        assert {r.reason for r in plist.rejects} == {"a note or count row"}


def _invisible(text: str, at: int) -> str:
    """``text`` with a character that shows nothing put inside it (as editors leave them)."""
    mark = ("\u200b", "\u200d", "\ufeff", "\u2060")[at % 4]
    return text[:2] + mark + text[2:] if text else text


@pytest.mark.parametrize("suffix", FORMATS)
def test_characters_that_show_nothing_are_dropped(tmp_path: Path, suffix: str) -> None:
    # A zero-width space inside 行政许可 made an unknown power type, inside a name or a serial a
    # different name or serial, inside a header cell no header at all.
    rows = tuple(tuple(_invisible(c, k + r) for k, c in enumerate(row)) for r, row in
                 enumerate((HEADER, *ITEMS)))  # fmt: skip
    plist = _read_back(write(tmp_path, [Table(rows)], suffix), ITEMS)
    assert not [a for i in plist.items for a in i.anomalies if a.code == "unknown-type"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_heading_above_each_table_types_its_items(tmp_path: Path, suffix: str) -> None:
    # One table per power type, each under a heading (一、行政许可) and without a type column:
    # before, the first table's items had no type in a sheet, CSV and page text (its heading
    # read as the list's title), and none had one in a pipe table or a PDF (the headings were
    # context there).
    header = tuple(h for h in HEADER if h != "事项类型")
    tables = [
        Table((header, tuple(c for k, c in enumerate(item) if k != 2)), before=(heading,))
        for heading, item in zip(
            ("一、行政许可", "二、行政处罚", "三、行政检查"), ITEMS, strict=True
        )
    ]
    # (until round 5 a PDF without ruling ran the tables together, said to be doubtful: the
    # gap above each heading ended the table, and the first table's heading typed nothing)
    path = write(tmp_path, tables, suffix)
    plist = _read_back(path, ITEMS)
    assert [i.anomalies[-1].code for i in plist.items] == ["type-from-section"] * 3


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_header_in_traditional_script_is_read(tmp_path: Path, suffix: str) -> None:
    # 事項名稱, 設定依據, 追責依據: before, no table of any format had a header; page text,
    # whose header is found by its words run together, had none until round 3 (refused: no
    # recognisable table); now it is found in the page's simplified form.
    header = ("序號", "事項名稱", "事項類型", "實施主體", "設定依據", "追責依據")
    _read_back(write(tmp_path, [Table((header, *ITEMS))], suffix), ITEMS)


@pytest.mark.parametrize(
    "serials", [("1-1", "1-2", "2-1"), ("1.1", "1.2", "2.1"), ("（1）", "（2）", "（3）")]
)
@pytest.mark.parametrize("suffix", FORMATS)
def test_serials_with_the_main_number_or_in_brackets(
    tmp_path: Path, suffix: str, serials: tuple[str, ...]
) -> None:
    # Before, page text ran 1-1 and 1.1 into the name ('1-1 职业技能…', no serial), and every
    # format judged a list numbered （1） or 1.1 doubtful (its serials read as no serials).
    items = tuple((s, *item[1:]) for s, item in zip(serials, ITEMS, strict=True))
    _read_back(write(tmp_path, [Table((HEADER, *items))], suffix), items)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_list_of_several_departments_under_their_headings(tmp_path: Path, suffix: str) -> None:
    # 县人力社保局（2项） heads a department's section (no department column): before, page
    # text ran the next department's heading into the last cell of the item above it.
    header = tuple(h for h in HEADER if h != "实施主体")
    rows: list[tuple[str, ...]] = [header]
    merges = []
    for department in ("县人力社保局", "县医疗保障局"):
        mine = [i for i in ITEMS if i[3] == department]
        merges.append((len(rows), 0, len(rows), len(header) - 1))
        rows.append((f"{department}（{len(mine)}项）", *[""] * (len(header) - 1)))
        rows += [tuple(c for k, c in enumerate(i) if k != 3) for i in mine]
    # (and before round 3, the items had no department: now each takes its heading's, as its
    # section_department: its department is only a column's)
    expected = tuple(i for d in ("县人力社保局", "县医疗保障局") for i in ITEMS if i[3] == d)
    # (until round 5 a PDF without ruling read the heading rows as rows' cells, said to be
    # doubtful: a row's cells centred on its serial were taken for the row above's)
    path = write(tmp_path, [Table(tuple(rows), tuple(merges))], suffix)
    plist = _read_back(path, expected, heading=True)
    assert [s.text for s in plist.sections] == ["县人力社保局（2项）", "县医疗保障局（1项）"]
    assert {a.code for i in plist.items for a in i.anomalies} == set()


def test_a_pdf_table_without_ruling_and_cells_centred_reads_every_item(tmp_path: Path) -> None:
    # Cells centred in their rows put a short cell's line between the two lines of a long
    # one, 5 points apart against 16 between rows: the table was taken to end at the first
    # row's end (a gap over three times the usual one), and the other items were lost.
    _read_back(write(tmp_path, [Table((HEADER, *ITEMS))], "unruled.pdf"), ITEMS)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_header_written_with_spaces_inside_its_cells(tmp_path: Path, suffix: str) -> None:
    # 序　号, 实施　主体: a PDF without ruling gives the two halves as two words, which were
    # taken for two columns that name nothing, and every item lost its serial and department.
    header = ("序\u3000号", "事项名称", "事项类型", "实施\u3000主体", "设定依据", "追责依据")
    _read_back(write(tmp_path, [Table((header, *ITEMS))], suffix), ITEMS)


@pytest.mark.parametrize("suffix", FORMATS)
def test_sub_item_rows_under_a_main_item(tmp_path: Path, suffix: str) -> None:
    # 子项 rows under a 主项 whose serial and name are merged over them. A table folds them
    # into the main item; page text, and a PDF without ruling, run the sub-item row into the
    # main item's last cell (its basis citations then read as accountability basis): before,
    # as sure; now the reading is doubtful and says so, but for page text whose cells are set
    # apart by gaps, where a row of the header's cells but the serial and name is a sub-item's,
    # and (round 9) one cell per paragraph, where a row's 子项 opens its paragraphs.
    header = ("序号", "主项名称", "子项名称", *HEADER[2:])
    first, second, third = ITEMS
    rows = (
        header,
        ("1", "职业资格审批", first[1], *first[2:]),
        ("", "", second[1], *first[2:4], *second[4:]),
        ("2", third[1], "", *third[2:]),
    )
    path = write(tmp_path, [Table(rows, ((1, 0, 2, 0), (1, 1, 2, 1)))], suffix)
    read = ("spaced.txt", "paragraphs.txt")
    if (suffix.endswith(".txt") and suffix not in read) or suffix == "unruled.pdf":
        _doubtful(path)
        return
    joined = tuple(a + b for a, b in zip(first[4:], second[4:], strict=True))  # (spaces dropped)
    plist = _read_back(path, (("1", "职业资格审批", *first[2:4], *joined), ("2", *third[1:])))
    assert ["".join(s.split()) for s in plist.items[0].subitems] == [first[1], second[1]]


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_header_over_two_rows(tmp_path: Path, suffix: str) -> None:
    # 设定依据 merged over 法律 | 行政法规 | 规章, and 职权名称 over 主项 | 子项: before, a PDF
    # without ruling read the lower row as text of the first item (its name began 主项 子项,
    # its basis 法律 行政法规), as sure.
    top = ("序号", "职权名称", "", "事项类型", "实施主体", "设定依据", "", "", "追责依据")
    lower = ("", "主项", "子项", "", "", "法律", "行政法规", "规章", "")
    rows = [top, lower]
    for serial, name, kind, department, basis, accountability in ITEMS:
        law, regulation = (basis, "") if "法》" in basis else ("", basis)
        rows.append((serial, name, "", kind, department, law, regulation, "", accountability))
    merges = ((0, 1, 0, 2), (0, 5, 0, 7), *((0, c, 1, c) for c in (0, 3, 4, 8)))
    path = write(tmp_path, [Table(tuple(rows), merges)], suffix)
    if suffix.endswith(".txt"):
        # page text drops the empty cells: which of 法律 | 行政法规 | 规章 holds a citation is
        # then a guess, which is not made: the reading is said to be doubtful
        _doubtful(path)
        return
    _read_back(path, ITEMS)


@pytest.mark.parametrize("suffix", FORMATS)
def test_the_serial_in_the_last_column(tmp_path: Path, suffix: str) -> None:
    # 序号 at the right: before, a PDF without ruling started a row at each line of the first
    # column (a wrapped name made two items), and page text of one cell per paragraph paired
    # each serial with the next item's cells; both as sure.
    header = (*HEADER[1:], HEADER[0])
    rows = (header, *((*item[1:], item[0]) for item in ITEMS))
    _read_back(write(tmp_path, [Table(rows)], suffix), ITEMS)


def test_a_document_of_label_value_paragraphs_without_a_table(tmp_path: Path) -> None:
    # A DOCX whose items are paragraphs (权力名称：… 法定依据：…) and no table: before, refused
    # ("no recognisable table"); a PDF of such pages was read as text already.
    labels = ("序号", "权力名称", "权力类型", "实施机关", "法定依据", "问责依据")
    document = docx.Document()
    document.add_paragraph("某县人力资源和社会保障局权力清单")
    for item in ITEMS:
        for label, value in zip(labels, item, strict=True):
            document.add_paragraph(f"{label}：{value}")
    path = tmp_path / "list.docx"
    document.save(str(path))
    assert _read_back(path, ITEMS).format == "docx"


def test_a_caption_naming_a_power_type_types_the_items_of_its_table(tmp_path: Path) -> None:
    # <caption>行政许可</caption> over each table of a page: before, the items had no type.
    header = "".join(f"<th>{h}</th>" for h in HEADER if h != "事项类型")
    tables = "".join(
        f"<table><caption>{item[2]}</caption><thead><tr>{header}</tr></thead><tbody><tr>"
        + "".join(f"<td>{c}</td>" for k, c in enumerate(item) if k != 2)
        + "</tr></tbody></table>"
        for item in ITEMS
    )
    path = tmp_path / "list.html"
    path.write_text(f"<html><body>{tables}</body></html>", encoding="utf-8")
    _read_back(path, ITEMS)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_type_merged_down_over_items(tmp_path: Path, suffix: str) -> None:
    # 行政许可 merged over items 1 and 2: sheets, documents, HTML and ruled PDFs carry the
    # merge and give item 2 its type; CSV, pipe tables and page text keep one value and a
    # blank, which is not filled by guess but said on the item (before: said nowhere in CSV
    # and pipe tables).
    first, second, third = ITEMS
    second = (second[0], second[1], first[2], *second[3:])
    path = write(tmp_path, [Table((HEADER, first, second, third), ((1, 2, 2, 2),))], suffix)
    plist = read_list(path)
    if suffix in ("md", "csv") or suffix.endswith(".txt"):
        assert plist.items[1].type is None
        assert [a.code for a in plist.items[1].anomalies] == ["missing-cell"]
    else:
        # (a PDF without ruling centres the merged cell between the items: read as merged
        # over them, and said, round 6)
        assert [i.type for i in plist.items] == [first[2], first[2], third[2]]


@pytest.mark.parametrize("inline", [False, True])
@pytest.mark.parametrize("suffix", FORMATS)
def test_a_column_holding_basis_and_accountability_basis_under_labels(
    tmp_path: Path, suffix: str, inline: bool
) -> None:
    # One 设定依据及追责依据 column (or a 依据 column) whose cells read 设定依据：… 追责依据：…:
    # before, the whole cell was one field's, and the other field's citations were read as
    # its, as sure.
    header = (*HEADER[:4], "依据" if inline else "设定依据及追责依据")
    joint = "。" if inline else "\n"
    rows = (header, *((*i[:4], f"设定依据：{i[4]}{joint}追责依据：{i[5]}") for i in ITEMS))
    plist = _read_back(write(tmp_path, [Table(rows)], suffix), ITEMS)
    assert {a.code for i in plist.items for a in i.anomalies} == {"split-cell"}


@pytest.mark.parametrize("suffix", FORMATS)
def test_labels_that_all_name_the_cells_own_field_leave_it_whole(
    tmp_path: Path, suffix: str
) -> None:
    # 设定依据：… 实施依据：… in a basis cell: both parts are basis, kept as written.
    items = tuple((*i[:4], f"设定依据：{i[4]}\n实施依据：{ITEMS[0][4]}", i[5]) for i in ITEMS)
    plist = read_list(write(tmp_path, [Table((HEADER, *items))], suffix))
    assert ["".join((i.basis or "").split()) for i in plist.items] == [
        "".join(i[4].split()) for i in items
    ]
    assert not [a for i in plist.items for a in i.anomalies if a.code == "split-cell"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_cells_that_point_at_another_cell_are_copied_and_said(tmp_path: Path, suffix: str) -> None:
    # 同上 (the cell above), 同设定依据 (this item's basis), 见第1项 (item 1's cell): before,
    # read as text, the items lost their accountability citations, as sure.
    first, second, third = ITEMS
    fourth = ("4", "对劳动保障监察的检查", "行政检查", "县人力社保局", third[4])
    rows = (HEADER, first, (*second[:5], "同上"), (*third[:5], "同设定依据"), (*fourth, "见第1项"))
    expected = (first, (*second[:5], first[5]), (*third[:5], third[4]), (*fourth, first[5]))
    plist = _read_back(write(tmp_path, [Table(rows)], suffix), expected)
    copied = [[a.code for a in i.anomalies if a.code == "copied-cell"] for i in plist.items]
    assert copied == [[], ["copied-cell"], ["copied-cell"], ["copied-cell"]]


def test_a_reference_to_no_cell_read_is_said(tmp_path: Path) -> None:
    rows = (HEADER, ITEMS[0], (*ITEMS[1][:5], "见第9项"))
    plist = read_list(write(tmp_path, [Table(rows)], "csv"))
    assert plist.items[1].accountability_basis == "见第9项"
    assert [a.code for a in plist.items[1].anomalies] == ["unresolved-reference"]


@pytest.mark.parametrize("basis", [False, True])
@pytest.mark.parametrize("suffix", FORMATS)
def test_an_appendix_table_under_the_items_gives_no_items(
    tmp_path: Path, suffix: str, basis: bool
) -> None:
    # The items' 追责情形 cells say 见附表第1项, and an appendix table (序号 | 追责情形, or with
    # 追责依据 too) under them lists the situations: before, its header and rows were read as
    # more items (names 追责情形, 违法准予许可的情形1 …), or in page text ran into the last
    # item's accountability basis (a citation it never had), as sure.
    header = (*HEADER[:5], "追责情形", HEADER[5])
    rows = (header, *((*i[:5], f"见附表第{n}项", i[5]) for n, i in enumerate(ITEMS, 1)))
    appendix = [("序号", "追责情形", *(("追责依据",) if basis else ()))]
    appendix += [
        (
            str(n),
            f"违法准予许可的情形{n}",
            *(("《中华人民共和国行政许可法》第七十四条",) if basis else ()),
        )
        for n in range(1, 4)
    ]
    tables = [Table(rows), Table(tuple(appendix), before=("附表：追责情形",))]
    plist = _read_back(write(tmp_path, tables, suffix), ITEMS)
    assert [i.accountability for i in plist.items] == [f"见附表第{n}项" for n in (1, 2, 3)]
    assert {a.code for i in plist.items for a in i.anomalies} == {"unresolved-reference"}


@pytest.mark.parametrize("suffix", ["xlsx", "xls", "html", "docx"])
def test_a_sheet_or_table_per_department_gives_its_items_their_department(
    tmp_path: Path, suffix: str
) -> None:
    # A workbook of one sheet per department named after it (a page, a document: a table under
    # each department's name), and no department column: before, no item had a department.
    header = tuple(h for h in HEADER if h != "实施主体")
    departments = dict.fromkeys(i[3] for i in ITEMS)
    tables = [
        Table(
            (header, *(tuple(c for k, c in enumerate(i) if k != 3) for i in ITEMS if i[3] == d)),
            before=() if suffix.startswith("xls") else (d,),
            sheet=d,
        )
        for d in departments
    ]
    path = tmp_path / f"list.{suffix}"
    if suffix.startswith("xls"):
        path.write_bytes((xlsx if suffix == "xlsx" else xls)(tables, sheets=True))
    else:
        path = write(tmp_path, tables, suffix)
    expected = tuple(i for d in departments for i in ITEMS if i[3] == d)
    # (the sheet's name, or heading, is each item's section_department)
    _read_back(path, expected, heading=True)


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_index_table_before_the_items_is_said(tmp_path: Path, suffix: str) -> None:
    # A 目录 table (序号 | 事项名称 | 事项类型) before the table of the items: page text keeps
    # each item once; a table of any other format reads the index's entries as items of their
    # own, which is not undone by guess but said (before: as sure, every item twice).
    index = Table(((*HEADER[:3],), *(i[:3] for i in ITEMS)), before=("目录",))
    tables = [index, Table((HEADER, *ITEMS), before=("某县人力资源和社会保障局权责清单详表",))]
    path = write(tmp_path, tables, suffix)
    if suffix.endswith(".txt"):
        _read_back(path, ITEMS)
    else:
        _doubtful(path)


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_accountability_basis_merged_down_over_every_item(tmp_path: Path, suffix: str) -> None:
    # One 追责依据 merged over all the items: formats that carry merges give it to each; CSV,
    # pipe tables and page text keep it once and blanks, and each blank is said, not filled by
    # guess (before: said nowhere, the items below had no accountability basis).
    common = ITEMS[0][5]
    items = tuple((*i[:5], common) for i in ITEMS)
    plist = read_list(write(tmp_path, [Table((HEADER, *items), ((1, 5, 3, 5),))], suffix))
    read = ["".join(i.accountability_basis.split()) if i.accountability_basis else None
            for i in plist.items]  # fmt: skip
    if suffix in ("md", "csv") or suffix.endswith(".txt"):
        first = read.index(common)
        assert read == [None] * first + [common] + [None] * (2 - first)
        said = [{a.code for a in i.anomalies} & {"missing-cell", "cut-off"} for i in plist.items]
        assert all(said[first + 1 :])  # (page text: the last record seems cut off)
    else:
        # (a PDF without ruling centres the merged cell on the middle item: read as merged over
        # the three, and said on each, round 6)
        assert read == [common] * 3
        centred = [any(a.code == "centred-cell" for a in i.anomalies) for i in plist.items]
        assert centred == [suffix == "unruled.pdf"] * 3


@pytest.mark.parametrize("mark", ["；", "、"])
def test_page_text_wrapped_after_a_separator_of_citations(tmp_path: Path, mark: str) -> None:
    # A basis of several citations hard-wrapped right after its ；: before, the line below was
    # taken for the next cell, and the basis's last citation was read as accountability basis.
    more = "《中华人民共和国行政许可法》第十二条" if mark == "；" else "第七十条"
    items = tuple((*i[:4], f"{i[4]}{mark}{more}", i[5]) for i in ITEMS)
    lines = ["首页 > 政务公开 > 权责清单", "  ".join(HEADER)]
    for item in items:
        head, tail = item[4].rsplit(mark, 1)
        lines += ["  ".join((*item[:4], head + mark)), "  ".join((tail, item[5]))]
    path = tmp_path / "list.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _read_back(path, items)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_column_of_two_fields_without_labels_is_said(tmp_path: Path, suffix: str) -> None:
    # 设定依据及追责依据 whose cells hold the citations without labels: which is which is not
    # known; before, all were read as accountability basis without a word.
    header = (*HEADER[:4], "设定依据及追责依据")
    rows = (header, *((*i[:4], f"{i[4]}\n{i[5]}") for i in ITEMS))
    plist = read_list(write(tmp_path, [Table(rows)], suffix))
    said = [[a.code for a in i.anomalies if a.code == "joint-column"] for i in plist.items]
    assert said == [["joint-column"]] * 3


@pytest.mark.parametrize("suffix", ["md", "csv", "html", "xlsx", "xls", "docx"])
def test_sub_items_in_a_table_of_their_own_share_their_main_items_fields(
    tmp_path: Path, suffix: str
) -> None:
    # The 主项 in one table (序号 | 主项名称 | 事项类型 | 实施主体), their 子项 in the next
    # (序号 | 子项名称 | 设定依据 | 追责依据): before, the sub-items, which hold the bases, had no
    # type and no department, without a word.
    first, second, _ = ITEMS
    mains = Table(
        (("序号", "主项名称", "事项类型", "实施主体"), ("1", "职业资格审批", *first[2:4]))
    )
    subs = Table((("序号", "子项名称", "设定依据", "追责依据"),
                  ("1-1", first[1], *first[4:]), ("1-2", second[1], *second[4:])))  # fmt: skip
    plist = read_list(write(tmp_path, [mains, subs], suffix))
    # (round 7: 1-1 and 1-2 under item 1 are folded into it, one item per main serial, as the
    # 子项 rows without a serial of their own are; before, items of their own with a parent.
    # Round 8: in a page or a document too, whose tables are read apart; before, there, the
    # 子项 were said to have no main item, orphan-subitem, test_read_table_shapes7.py)
    read = [(i.row, i.name, i.parent, i.subitems, i.type, i.department) for i in plist.items]
    subitems = (f"1-1 {first[1]}", f"1-2 {second[1]}")
    assert read == [("1", "职业资格审批", None, subitems, *first[2:4])]
    assert plist.items[0].basis == f"{first[4]}\n{second[4]}"


@pytest.mark.parametrize("suffix", FORMATS)
def test_sub_item_serials_name_their_main_item_without_a_subitem_column(
    tmp_path: Path, suffix: str
) -> None:
    # 1-1 and 1-2 right under item 1 are its sub-items (round 5: items with no parent, in page
    # text run into item 1's basis; round 6: items of their own, item 1's name in ``parent``).
    # Round 7: one item per main serial, as realworld/NOTES.md counts items: folded into item
    # 1, listed in its ``subitems`` with their serials, their cells joined to item 1's (so
    # their citations carry serial 1). 3-1 under item 2 is not folded into item 2, and said.
    first, second, third = ITEMS
    rows = (first, ("1-1", *second[1:]), ("1-2", *third[1:]), ("2", *second[1:]))
    rows += (("3-1", *third[1:]),)
    main = (*first[:4], *(first[k] + second[k] + third[k] for k in (4, 5)))
    plist = _read_back(write(tmp_path, [Table((HEADER, *rows))], suffix), (main, *rows[3:]))
    subitems = [tuple("".join(s.split()) for s in i.subitems) for i in plist.items]
    assert subitems == [(f"1-1{second[1]}", f"1-2{third[1]}"), (), ()]
    assert [i.parent for i in plist.items] == [None] * 3
    assert [a.code for a in plist.items[2].anomalies] == ["orphan-subitem"]
    assert plist.rows_seen == plist.rows_accounted()  # the folded rows are part of item 1
