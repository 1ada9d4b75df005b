"""Round 14 of records (rec14): a 责任清单 of label：value records under the 权力清单's table
joined to the items they name (page text, tab rows, TSV, CSV, HTML paragraphs, ``<dl>``, label
pairs and tables of one cell a row), sub-items numbered (1) / (2) under their item, basis cells
that say 同上 in other words, and tab-separated lists in traditional script. Each failed on
47282f5; each is read whole and in batches alike (``_same``): a list with records joined is read
whole, as one with a table annex keyed by name is."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.reading.support import (
    CIVIL,
    FOREST,
    FORESTRY_ITEMS,
    LIST_HEADER,
    filled_fields,
    read_written,
)
from tests.extractors.reading.test_stream import _same

HEADER, ITEMS = LIST_HEADER, FORESTRY_ITEMS
KEYS = ("row", "name", "type", "basis")
JOINED = ("responsibility", "accountability_basis")
STAGES = {r[1]: f"受理阶段责任：依法受理{r[1]}申请" for r in ITEMS}
BASES = {r[1]: f"{CIVIL}第{n}条" for r, n in zip(ITEMS, ("五十九", "六十", "六十一"), strict=True)}
ELSEWHERE = "对非法收购木材的行政处罚"  # an item no list above has


def _expected(joined: tuple[str, ...] = tuple(r[1] for r in ITEMS)) -> list[dict[str, str]]:
    out = []
    for r in ITEMS:
        item = dict(zip(KEYS, r, strict=True))
        if r[1] in joined:
            item |= {"responsibility": STAGES[r[1]], "accountability_basis": BASES[r[1]]}
        out.append(item)
    return out


def _record(name: str, form: str = "plain", serial: str = "") -> list[str]:
    """A record's lines: 事项名称 / 责任事项 / 追责依据 in a form."""
    stage, basis = STAGES.get(name, "受理阶段责任：依法受理"), BASES.get(name, f"{CIVIL}第六十二条")
    fields = [("事项名称", name), ("责任事项", stage), ("追责依据", basis)]
    if form == "basis-first":
        fields = [fields[0], fields[2], fields[1]]
    lines = [f"序号：{serial}"] if serial else []
    colon = {"ascii": ": ", "spaced": " ： "}.get(form, "：")
    for label, value in fields:
        label = " ".join(label) if form == "letter-spaced" else label
        lines.append(f"{label}{colon}{value}")
    return lines


ROWS = {
    "spaced": ("page.txt", "  "),
    "tab-text": ("page.txt", "\t"),
    "tsv": ("list.tsv", "\t"),
    "csv": ("list.csv", ","),
}


def _page(
    layout: str, records: list[list[str]], title: str = "二、责任清单", items=ITEMS
) -> tuple[str, str]:
    name, gap = ROWS[layout]
    lines = ["某县林业局权力清单", *(gap.join(r) for r in (HEADER, *items)), ""]
    lines += [title] if title else []
    return name, "\n".join(lines) + "\n" + "\n\n".join("\n".join(r) for r in records) + "\n"


def _joined(tmp_path: Path, name: str, text: str, expected, rejects: int = 0) -> None:
    plist = read_written(tmp_path, name, text)
    assert filled_fields(plist, (*KEYS, *JOINED)) == expected
    for item, want in zip(plist.items, expected, strict=True):
        said = [a for a in item.anomalies if a.code == "joined-record"]
        assert bool(said) == ("accountability_basis" in want)
        assert all("name" in a.message for a in said)  # the key named
    assert len(plist.rejects) == rejects
    _same(tmp_path / name, 1)


# ---- 1. a 责任清单 of label：value records under the list's rows ----------------------------


@pytest.mark.parametrize(
    "form", ["plain", "basis-first", "ascii", "spaced", "letter-spaced", "serial"], ids=str
)
@pytest.mark.parametrize("layout", ROWS, ids=list(ROWS))
def test_records_under_the_list_join_the_items_they_name(
    tmp_path: Path, layout: str, form: str
) -> None:
    # Before: a reject each ("not joined"); with 序号：1 over 事项名称 (serial), 序号：1 and the
    # title ran into the last item's basis in page text, sure
    records = [_record(r[1], form, r[0] if form == "serial" else "") for r in ITEMS]
    _joined(tmp_path, *_page(layout, records), _expected())


@pytest.mark.parametrize("layout", ROWS, ids=list(ROWS))
def test_a_records_value_going_on_over_lines_stays_its_own(tmp_path: Path, layout: str) -> None:
    # 责任事项 numbered over two lines, the second 2.审查阶段责任：… (a label of no field). Made
    # a reject (page text), or the record ended there and its 追责依据 was lost (TSV, CSV)
    record = [
        f"事项名称：{ITEMS[0][1]}",
        "责任事项：1.受理阶段责任：依法受理申请",
        "2.审查阶段责任：审查申请材料",
        f"追责依据：{BASES[ITEMS[0][1]]}",
    ]
    name, text = _page(layout, [record])
    plist = read_written(tmp_path, name, text)
    first = plist.items[0]
    assert first.accountability_basis == BASES[ITEMS[0][1]]
    assert first.responsibility is not None
    assert first.responsibility.startswith("1.受理阶段责任：依法受理申请\n")
    assert first.responsibility.endswith("审查阶段责任：审查申请材料")
    assert plist.rejects == ()
    _same(tmp_path / name, 1)


@pytest.mark.parametrize("layout", ROWS, ids=list(ROWS))
def test_a_record_naming_no_item_is_a_reject_never_an_item(tmp_path: Path, layout: str) -> None:
    records = [_record(ITEMS[0][1]), _record(ELSEWHERE), _record(ITEMS[2][1])]
    name, text = _page(layout, records)
    _joined(tmp_path, name, text, _expected((ITEMS[0][1], ITEMS[2][1])), rejects=1)
    plist = read_written(tmp_path, name, text)
    assert ELSEWHERE in plist.rejects[0].text


@pytest.mark.parametrize("layout", ROWS, ids=list(ROWS))
def test_records_of_a_list_field_stay_rejects(tmp_path: Path, layout: str) -> None:
    # 设定依据 is a field of the list's own: such records give no annex's fields
    records = [
        [f"事项名称：{r[1]}", f"设定依据：{r[3]}", f"追责依据：{BASES[r[1]]}"] for r in ITEMS
    ]
    name, text = _page(layout, records)
    plist = read_written(tmp_path, name, text)
    assert filled_fields(plist, (*KEYS, *JOINED)) == _expected(())
    assert [r.text.split(" | ")[0] for r in plist.rejects] == [f"事项名称：{r[1]}" for r in ITEMS]
    assert all("责任清单" in r.reason for r in plist.rejects)


SAME = (
    ("1", "林木采伐许可证核发", "行政许可", f"{FOREST}第五十六条"),
    ("2", "林木采伐许可证核发", "行政许可", f"{FOREST}第五十七条"),
)


@pytest.mark.parametrize("layout", ROWS, ids=list(ROWS))
def test_the_serial_tells_items_of_one_name_apart(tmp_path: Path, layout: str) -> None:
    # Before: rejects (page text: 序号：1 ran into the last item's basis)
    records = [
        [f"序号：{r[0]}", f"事项名称：{r[1]}", f"追责依据：{CIVIL}第6{r[0]}条"] for r in SAME
    ]
    name, text = _page(layout, records, items=SAME)
    plist = read_written(tmp_path, name, text)
    assert [(i.row, i.accountability_basis) for i in plist.items] == [
        ("1", f"{CIVIL}第61条"),
        ("2", f"{CIVIL}第62条"),
    ]
    assert plist.rejects == ()
    _same(tmp_path / name, 1)


@pytest.mark.parametrize("layout", ROWS, ids=list(ROWS))
def test_a_record_whose_serial_and_name_name_two_items_is_a_reject(
    tmp_path: Path, layout: str
) -> None:
    # 序号：3 with item 1's name: which one? Before: a reject (page text: 序号：3 ran into the
    # last item's basis)
    records = [["序号：3", f"事项名称：{ITEMS[0][1]}", f"追责依据：{BASES[ITEMS[0][1]]}"]]
    name, text = _page(layout, records)
    plist = read_written(tmp_path, name, text)
    assert filled_fields(plist, KEYS) == _expected(())
    assert not any(i.accountability_basis for i in plist.items)
    assert len(plist.rejects) == 1
    _same(tmp_path / name, 1)


@pytest.mark.parametrize("layout", ["spaced", "tsv"], ids=str)
def test_records_split_across_annexes_join_their_items(tmp_path: Path, layout: str) -> None:
    records = "\n\n".join("\n".join(_record(r[1])) for r in ITEMS[:2])
    records += "\n\n附件3\n某县林业局责任清单（二）\n\n" + "\n".join(_record(ITEMS[2][1]))
    name, gap = ROWS[layout]
    lines = ["附件1", "某县林业局权力清单", *(gap.join(r) for r in (HEADER, *ITEMS)), "", "附件2"]
    _joined(tmp_path, name, "\n".join(lines) + "\n" + records + "\n", _expected())


HTML_HEAD = "<html><head><meta charset='utf-8'></head><body><h2>某县林业局权力清单</h2>"


def _table(rows) -> str:
    cells = ("".join(f"<td>{c}</td>" for c in r) for r in rows)
    return "<table>" + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>"


def _html_records(kind: str, records: list[list[str]]) -> str:
    pairs = [[line.split("：", 1) for line in r] for r in records]
    if kind == "paragraphs":
        body = "".join(f"<p>{line}</p>" for r in records for line in r)
    elif kind == "dl":
        body = "".join(
            "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in r) + "</dl>" for r in pairs
        )
    elif kind == "label-pairs":
        body = "".join(
            "<div>"
            + "".join(f"<div><label>{k}</label><span>{v}</span></div>" for k, v in r)
            + "</div>"
            for r in pairs
        )
    elif kind == "label-tables":  # a table of label | value rows a record
        body = "".join(_table(r) for r in pairs)
    else:  # a table of one cell a row
        body = _table([[line] for r in records for line in r])
    page = HTML_HEAD + _table([HEADER, *ITEMS]) + "<h3>二、责任清单</h3>" + body
    return page + "<p>打印本页 关闭窗口</p></body></html>"


@pytest.mark.parametrize(
    "kind", ["paragraphs", "dl", "label-pairs", "one-cell-rows", "label-tables"], ids=str
)
def test_records_under_a_pages_table_join_the_items_they_name(tmp_path: Path, kind: str) -> None:
    # Before: the records were context lines, or nothing (<dl>, a table of one cell a row):
    # lost without a reject
    text = _html_records(kind, [_record(r[1]) for r in ITEMS])
    _joined(tmp_path, "page.html", text, _expected())


KINDS = ["paragraphs", "dl", "label-pairs", "one-cell-rows", "label-tables"]


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_a_pages_record_naming_no_item_is_a_reject(tmp_path: Path, kind: str) -> None:
    text = _html_records(kind, [_record(ITEMS[0][1]), _record(ELSEWHERE)])
    _joined(tmp_path, "page.html", text, _expected((ITEMS[0][1],)), rejects=1)


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_a_pages_records_of_a_list_field_are_rejects_never_items(tmp_path: Path, kind: str) -> None:
    # 责任主体 is a list's own field (a department): no annex row. Before: lost without a
    # reject, or (a table of label | value rows a record) an item each, three more items
    records = [
        [f"事项名称：{r[1]}", "责任主体：县林业局", f"追责依据：{BASES[r[1]]}"] for r in ITEMS
    ]
    plist = read_written(tmp_path, "page.html", _html_records(kind, records))
    assert filled_fields(plist, (*KEYS, *JOINED)) == _expected(())
    assert [r.text.split(" | ")[0] for r in plist.rejects] == [f"事项名称：{r[1]}" for r in ITEMS]
    assert all("责任清单" in r.reason for r in plist.rejects)
    _same(tmp_path / "page.html", 1)


# ---- 2. sub-items numbered (1), (2) under their item -------------------------------------------

SUBS = (
    ("1", "林木采伐许可证核发", "行政许可", f"{FOREST}第五十六条"),
    ("(1)", "林木采伐许可证核发（国有林）", "行政许可", f"{FOREST}第五十六条"),
    ("(2)", "林木采伐许可证核发（集体林）", "行政许可", f"{FOREST}第五十七条"),
    ("2", "对盗伐林木的行政处罚", "行政处罚", f"{FOREST}第七十六条"),
)


def _subs(brackets: str) -> list[tuple[str, ...]]:
    return [(r[0].replace("(", brackets[0]).replace(")", brackets[1]), *r[1:]) for r in SUBS]


def _sub_layouts(rows: list[tuple[str, ...]]) -> dict[str, tuple[str, str]]:
    title = "某县林业局权力清单\n"
    table = _table([HEADER, *rows])
    return {
        "spaced": ("page.txt", title + "\n".join("  ".join(r) for r in (HEADER, *rows)) + "\n"),
        "tab-text": ("page.txt", title + "\n".join("\t".join(r) for r in (HEADER, *rows)) + "\n"),
        "tsv": ("list.tsv", "\n".join("\t".join(r) for r in (HEADER, *rows)) + "\n"),
        "csv": ("list.csv", "\n".join(",".join(r) for r in (HEADER, *rows)) + "\n"),
        "html": ("page.html", HTML_HEAD + table + "</body></html>"),
    }


@pytest.mark.parametrize("brackets", ["()", "（）"], ids=["ascii", "full-width"])
@pytest.mark.parametrize("layout", ["spaced", "tab-text", "tsv", "csv", "html"], ids=str)
def test_bracketed_serials_under_an_item_are_its_sub_items(
    tmp_path: Path, layout: str, brackets: str
) -> None:
    # Before: four items (TSV, CSV, HTML), or the (1) / (2) rows run into item 1's basis,
    # doubtful (page text)
    rows = _subs(brackets)
    name, text = _sub_layouts(rows)[layout]
    plist = read_written(tmp_path, name, text)
    assert [(i.row, i.name, i.type) for i in plist.items] == [
        ("1", SUBS[0][1], "行政许可"),
        ("2", SUBS[3][1], "行政处罚"),
    ]
    assert plist.items[0].subitems == (f"{rows[1][0]} {SUBS[1][1]}", f"{rows[2][0]} {SUBS[2][1]}")
    assert plist.items[0].basis == f"{FOREST}第五十六条\n{FOREST}第五十七条"
    assert [a.code for a in plist.items[0].anomalies] == ["bracketed-subitem"]
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / name, 1)


@pytest.mark.parametrize("layout", ["spaced", "tsv"], ids=str)
def test_a_list_numbered_in_brackets_alone_keeps_its_items(tmp_path: Path, layout: str) -> None:
    # no plain serial above (1): the bracketed rows are the items (held before too)
    rows = [(f"({k + 1})", *r[1:]) for k, r in enumerate(ITEMS)]
    name, text = _sub_layouts(rows)[layout]
    plist = read_written(tmp_path, name, text)
    assert [i.row for i in plist.items] == ["(1)", "(2)", "(3)"]


# ---- 3. a basis cell that says 同上 in other words ---------------------------------------------


@pytest.mark.parametrize(
    "ditto",
    ["同上一项规定", "同上项规定", "同上一项的规定", "法律依据同上", "依据同上", "同上述依据"],
)
@pytest.mark.parametrize("layout", ["spaced", "tsv"], ids=str)
def test_a_basis_saying_the_item_aboves_is_carried_and_said(
    tmp_path: Path, layout: str, ditto: str
) -> None:
    # Before: kept as the basis's text (同上一项规定, 法律依据同上 …: sure; others doubtful)
    rows = [*ITEMS[:2], (*ITEMS[2][:3], ditto)]
    name, gap = ROWS[layout]
    text = "某县林业局权力清单\n" + "\n".join(gap.join(r) for r in (HEADER, *rows)) + "\n"
    plist = read_written(tmp_path, name, text)
    assert [i.basis for i in plist.items] == [r[3] for r in ITEMS[:2]] + [ITEMS[1][3]]
    copied = [a for a in plist.items[2].anomalies if a.code == "copied-cell"]
    assert [a.text for a in copied] == [ditto]
    assert ditto in dict(plist.items[2].raw).values()
    _same(tmp_path / name, 1)


# ---- 4. a tab-separated list in traditional script ---------------------------------------------

TRADITIONAL = ("序號", "職權名稱", "職權類型", "設定依據")
WRITTEN = (
    ("1", "林木採伐許可證核發", "行政許可", "《中華人民共和國森林法》第五十六條"),
    ("2", "對盜伐林木的行政處罰", "行政處罰", "《中華人民共和國森林法》第七十六條"),
    ("3", "森林防火檢查", "行政檢查", "《森林防火條例》第二十條"),
)


@pytest.mark.parametrize(
    "name, gap", [("list.tsv", "\t"), ("page.txt", "\t"), ("list.csv", ",")], ids=str
)
def test_a_delimited_list_in_traditional_script_reads_its_types(
    tmp_path: Path, name: str, gap: str
) -> None:
    # Before: every item unknown-type (行政許可), the list doubtful
    lines = ["某縣林業局權責清單", *(gap.join(r) for r in (TRADITIONAL, *WRITTEN))]
    plist = read_written(tmp_path, name, "\n".join(lines) + "\n")
    assert [(i.name, i.type) for i in plist.items] == [
        (WRITTEN[0][1], "行政许可"),
        (WRITTEN[1][1], "行政处罚"),
        (WRITTEN[2][1], "行政检查"),
    ]
    assert [dict(i.raw)["職權類型"] for i in plist.items] == [r[2] for r in WRITTEN]
    assert not any(a.code == "unknown-type" for i in plist.items for a in i.anomalies)
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / name, 1)


def test_a_page_table_in_traditional_script_reads_its_types(tmp_path: Path) -> None:
    text = HTML_HEAD + _table([TRADITIONAL, *WRITTEN]) + "</body></html>"
    plist = read_written(tmp_path, "page.html", text)
    assert [i.type for i in plist.items] == ["行政许可", "行政处罚", "行政检查"]
    _same(tmp_path / "page.html", 1)
