"""Page text and label：value records in the shapes of round 6: a serial written before a
record's first label (1. 事项名称：…) or alone above it, labels that vary between records, bold
labels, a browser's print header and footer, a page number between the halves of a cell, sub-items
numbered under their row, a table flattened one cell per line whose cells of citations cannot be
told apart, rules and headings between records, an annex that has no row for an item. Each item
keeps its serial, name, type, department, basis and accountability basis and every citation, or
the doubt is said on it; whole and in batches alike."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from extractors.models import PowerList
from tests.extractors.reading.support import (
    anomaly_codes,
    basis_citations,
    filled_fields,
    read_written,
)
from tests.extractors.reading.test_read_notices import ANNEX, POWERS
from tests.extractors.reading.test_read_page_round5 import HEADER, SERIALED, TITLE
from tests.extractors.reading.test_read_records_shapes import (
    EXPECTED,
    FIELDS,
    ITEMS,
    LABELS,
)
from tests.extractors.reading.test_stream import _same

FURTHER = "《中华人民共和国行政许可法》第十二条"


def _record(
    item: tuple[str, ...], labels: tuple[str, ...] = LABELS, form: str = "{}：{}"
) -> list[str]:
    return [form.format(k, v) for k, v in zip(labels, item, strict=True)]


def _records(
    first: Callable[[int], str] = lambda n: "",
    between: tuple[str, ...] = ("",),
    labels: Callable[[int], tuple[str, ...]] = lambda n: LABELS,
    form: str = "{}：{}",
) -> list[str]:
    """The records under the title, ``first(n)`` written before the n-th one's first label."""
    lines = [TITLE, ""]
    for n, item in enumerate(ITEMS, 1):
        record = _record(item, labels(n), form)
        lines += [first(n) + record[0], *record[1:], *between]
    return lines


def _table(rows: list[str]) -> list[str]:
    return [TITLE, "  ".join(HEADER), *rows]


def _rows(n: int = 1) -> list[str]:
    return ["  ".join((str(k), *item)) for k, item in enumerate(ITEMS[n - 1 :], n)]


def _read(
    tmp_path: Path, lines: list[str], keys: tuple[str, ...] = ("row", *FIELDS)
) -> tuple[PowerList, list[dict[str, Any]]]:
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    _same(tmp_path / "page.txt", 2)
    return plist, filled_fields(plist, keys)


def _sure(tmp_path: Path, lines: list[str], expected: list[dict[str, str]]) -> None:
    plist, items = _read(tmp_path, lines)
    assert items == expected
    assert basis_citations(items) == basis_citations(expected)
    assert plist.plausibility is not None and not plist.plausibility.doubtful


SERIAL_SHAPES: dict[str, Callable[[], list[str]]] = {
    # before: the serial before the first label dropped without a word
    "one-line-dot": lambda: (
        [TITLE, ""] + [f"{n}. " + "  ".join(_record(i)) for n, i in enumerate(ITEMS, 1)]
    ),
    "one-line-dun": lambda: (
        [TITLE, ""] + [f"{n}、" + "  ".join(_record(i)) for n, i in enumerate(ITEMS, 1)]
    ),
    "one-line-semicolons": lambda: (
        [TITLE, ""] + [f"{n}. " + "；".join(_record(i)) for n, i in enumerate(ITEMS, 1)]
    ),
    "before-the-first-label": lambda: _records(lambda n: f"{n}. "),
    "records-apart-by-serials-alone": lambda: _records(lambda n: f"{n}.", between=()),
    # before: 2. alone on its line ran into the record above's accountability basis
    "alone-above-the-record": lambda: [
        line for n, i in enumerate(ITEMS, 1) for line in (f"{n}.", *_record(i))
    ],
    "under-a-notice": lambda: [
        "某县人民政府关于公布权责清单的通知",
        "根据《中华人民共和国行政许可法》第十二条的规定，现予公布。",
        "某县人民政府",
        "2023年5月6日",
        *_records(lambda n: f"{n}、"),
    ],
    # before: 职权名称 after a record that opened with 事项名称 was more of that record
    "labels-vary": lambda: _records(
        lambda n: f"{n}. ",
        labels=lambda n: (("事项名称", "职权名称", "权力名称")[n - 1], *LABELS[1:]),
    ),
}


@pytest.mark.parametrize("shape", SERIAL_SHAPES)
def test_a_serial_before_a_records_first_label_is_its_serial(tmp_path: Path, shape: str) -> None:
    _sure(tmp_path, SERIAL_SHAPES[shape](), SERIALED)


def test_a_bare_number_above_every_record_is_its_serial(tmp_path: Path) -> None:
    # before: 2 and 3 ran into the accountability basis above them
    lines = [line for n, i in enumerate(ITEMS, 1) for line in (str(n), *_record(i), "")]
    _sure(tmp_path, [TITLE, "", *lines], SERIALED)


def test_a_bare_number_above_some_records_is_a_page_number(tmp_path: Path) -> None:
    # a PDF's page number at the foot of a page, between two records. Before: more of the
    # accountability basis above it (…第二十条\n2)
    lines = [TITLE, "", *_record(ITEMS[0]), "", "2", ""]
    lines += [line for i in ITEMS[1:] for line in (*_record(i), "")]
    _sure(tmp_path, lines, EXPECTED)


@pytest.mark.parametrize(
    "last", [("法定期限：", "20"), ("法定期限：", "", "20", ""), ("备注：", "", "无", "")]
)
def test_a_short_value_under_a_label_alone_stays_its_value(
    tmp_path: Path, last: tuple[str, ...]
) -> None:
    # (read so before too) a number or a word under a label alone, above the next record, is
    # that label's value: no serial, page number or heading of the record below
    lines = [TITLE, ""] + [line for i in ITEMS for line in (*_record(i), *last, "")]
    _, items = _read(tmp_path, lines, ("row", *FIELDS, "time_limit", "remarks"))
    value = last[-1] or last[-2]
    assert [{k: v for k, v in i.items() if k in ("time_limit", "remarks")} for i in items] == [
        {"time_limit" if last[0] == "法定期限：" else "remarks": value}
    ] * 3
    assert [{k: v for k, v in i.items() if k in ("row", *FIELDS)} for i in items] == EXPECTED


@pytest.mark.parametrize("serials", [False, True], ids=["no-serials", "serials"])
def test_a_notices_sentence_opening_with_a_label_is_no_record(
    tmp_path: Path, serials: bool
) -> None:
    # 依据：《…》第十二条，现将清单公布如下。 in the notice above the records. Before: read as the
    # first record's basis, every record's basis and accountability basis shifted one record
    # down, one note on the last (continuation-row)
    notice = ["某县人民政府关于公布权责清单的通知", "各乡镇人民政府："]
    notice += [f"依据：{FURTHER}，现将清单公布如下。", "某县人民政府", "2023年5月6日"]
    lines = [*notice, *_records(lambda n: f"{n}. " if serials else "")]
    _sure(tmp_path, lines, SERIALED if serials else EXPECTED)


@pytest.mark.parametrize(
    "number",
    [lambda k: f"{k}. ", lambda k: "一二三四五"[k - 1] + "、"],
    ids=["arabic", "chinese"],
)
@pytest.mark.parametrize("one_line", [False, True], ids=["a-line-each", "one-line"])
def test_numbered_fields_are_no_serials(
    tmp_path: Path, number: Callable[[int], str], one_line: bool
) -> None:
    # 1. 事项名称：… 2. 事项类型：…: every label numbered, again in each record; read so before too
    lines = [TITLE, ""]
    for item in ITEMS:
        pairs = [number(k) + pair for k, pair in enumerate(_record(item), 1)]
        lines += ["  ".join(pairs)] if one_line else [*pairs, ""]
    _sure(tmp_path, lines, EXPECTED)


@pytest.mark.parametrize(
    "words",
    [
        ("事项名称", "职权名称", "权力名称"),
        ("事项名称", "权责事项", "权力事项"),
        ("权力名称", "事项名称", "职权名称"),
    ],
)
def test_labels_that_vary_between_records_open_each_record(
    tmp_path: Path, words: tuple[str, str, str]
) -> None:
    # before: the second record's name label was a second name column of the first record
    # (duplicate-column), the third record rejected as without a name
    _sure(tmp_path, _records(labels=lambda n: (words[n - 1], *LABELS[1:])), EXPECTED)


def test_labels_that_vary_in_every_field_keep_each_field(tmp_path: Path) -> None:
    # before: one item, the other records' fields in extra (duplicate-column)
    words = [
        LABELS,
        ("职权名称", "职权类型", "行使主体", "法律依据", "责任追究依据"),
        ("权力名称", "权力类别", "实施部门", "实施依据", "问责依据"),
    ]
    _sure(tmp_path, _records(labels=lambda n: words[n - 1]), EXPECTED)


# before: each a silent misreading (below, what it was)
SHAPES: dict[str, tuple[Callable[[], list[str]], list[dict[str, str]]]] = {
    # every value opened with ** (the type outside the vocabulary)
    "bold-labels-colon-inside": (lambda: _records(form="**{}：**{}"), EXPECTED),
    # ----- and ___ between records ran into the accountability basis above
    "markdown-rules": (lambda: _records(between=("---",)), EXPECTED),
    "markdown-rules-in-blank-lines": (lambda: _records(between=("", "___", "")), EXPECTED),
    # 事项2 over the second record ran into the first one's accountability basis
    "headings-over-named-records": (
        lambda: (
            [TITLE, ""]
            + [line for n, i in enumerate(ITEMS, 1) for line in (f"事项{n}", *_record(i), "")]
        ),
        EXPECTED,
    ),
    # the title under 附件2 ran into the last record of 附件1
    "two-annexes-of-records": (
        lambda: [
            *("附件1", "某县行政许可事项", "", *_record(ITEMS[0]), ""),
            *("附件2", "某县行政处罚事项", ""),
            *(line for i in ITEMS[1:] for line in (*_record(i), "")),
        ],
        EXPECTED,
    ),
    # 一、name over each record's labels: the name taken, the serial dropped
    "chinese-serials-over-records": (
        lambda: (
            [TITLE, ""]
            + [
                line
                for n, i in enumerate(ITEMS)
                for line in (f"{'一二三'[n]}、{i[0]}", *_record(i)[1:], "")
            ]
        ),
        [{"row": "一二三"[n], **e} for n, e in enumerate(EXPECTED)],
    ),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_round_6_record_shapes(tmp_path: Path, shape: str) -> None:
    write, expected = SHAPES[shape]
    _sure(tmp_path, write(), expected)


def _split(value: str, at: int) -> str:
    return value[:at] + "\n" + value[at:]


def _paged(
    body: list[str],
    per: int,
    head: Callable[[int], list[str]],
    foot: Callable[[int, int], list[str]],
) -> list[str]:
    pages = [body[k : k + per] for k in range(0, len(body), per)]
    return [
        line for n, page in enumerate(pages, 1) for line in (*head(n), *page, *foot(n, len(pages)))
    ]


URL = "https://www.xx.gov.cn/art/2023/5/6/art_1229_5123.html"
BROWSER: dict[str, tuple[Callable[[int], list[str]], Callable[[int, int], list[str]]]] = {
    "date-title-and-url-count": (
        lambda n: [f"2023/5/6 10:21\t{TITLE}"],
        lambda n, t: [f"{URL}\t{n}/{t}"],
    ),
    "site-title-and-url-pages": (
        lambda n: [f"{TITLE} - 某县人民政府门户网站"],
        lambda n, t: [f"{URL}  第{n}页/共{t}页"],
    ),
}


@pytest.mark.parametrize("records", [True, False], ids=["records", "table"])
@pytest.mark.parametrize("browser", BROWSER)
def test_a_browsers_print_header_and_footer_are_no_cells(
    tmp_path: Path, browser: str, records: bool
) -> None:
    # before: the URL and page count at each page's foot (and the page's title with the site's
    # name) ran into the value above, a basis cut by the page break among them
    if records:
        body = [line for i in ITEMS for line in _record((*i[:3], _split(i[3], 10), i[4]))]
        expected = [{**e, "basis": _split(e["basis"], 10)} for e in EXPECTED]
        lines = _paged([TITLE, *body], 5, *BROWSER[browser])
        _, items = _read(tmp_path, lines, FIELDS)
    else:
        lines = _paged(_table(_rows()), 3, *BROWSER[browser])
        expected = SERIALED
        _, items = _read(tmp_path, lines)
    assert items == expected
    assert basis_citations(items) == basis_citations(expected)


@pytest.mark.parametrize(
    "furniture", [["第 1 页 共 2 页"], ["- 1 -"], ["打印  关闭"]], ids=["page", "dashes", "print"]
)
def test_a_page_number_between_the_halves_of_a_cell_is_no_text_of_it(
    tmp_path: Path, furniture: list[str]
) -> None:
    # a table row that a page break parts inside its basis: 《劳动法》 at the page's foot, 第六十
    # 九条 atop the next. Before: 第 1 页 共 2 页 read as a line of the basis (set aside as
    # chrome, and taken in again with the text around it)
    first = "  ".join(("1", *ITEMS[0][:3], "《中华人民共和国劳动法》"))
    lines = _table([first, *furniture, "第六十九条  " + ITEMS[0][4], *_rows(2)])
    _, items = _read(tmp_path, lines)
    assert [i["basis"].replace("\n", "") for i in items] == [i[3] for i in ITEMS]
    assert basis_citations(items) == basis_citations(SERIALED)


@pytest.mark.parametrize("numbers", [("（1）", "（2）"), ("①", "②")], ids=["brackets", "circled"])
def test_sub_items_listed_under_a_row_are_its_names_not_its_basis(
    tmp_path: Path, numbers: tuple[str, str]
) -> None:
    # the name cell's 子项, each on a line under the row. Before: run into the last cell (the
    # accountability basis), as sure
    subs = [f"{numbers[0]}新设审批", f"{numbers[1]}变更审批"]
    plist, items = _read(tmp_path, _table([_rows()[0], *subs, *_rows(2)]))
    assert items[0] == {**SERIALED[0], "name": "\n".join((ITEMS[0][0], *subs))}
    assert items[1:] == SERIALED[1:]
    assert anomaly_codes(plist) == [["sub-item-lines"], [], []]


def test_an_articles_items_quoted_under_a_row_stay_in_its_basis(tmp_path: Path) -> None:
    # (read so before too) the basis quotes its article, whose items are numbered sentences
    # (（1）有固定的场所；): no sub-items. (Without their 。 or ；, the lines are read as sub-items,
    # and said: sub-item-lines.)
    items = ("（1）有固定的场所；", "（2）有专门人员。")
    row = "  ".join(
        ("1", *ITEMS[0][:3], ITEMS[0][3] + "：设立职业技能鉴定机构应当具备下列条件", ITEMS[0][4])
    )
    plist, got = _read(tmp_path, _table([row, *items, *_rows(2)]))
    assert got[0]["name"] == ITEMS[0][0]
    assert [i.endswith(items[-1]) for i in (got[0]["basis"], got[0]["accountability_basis"])].count(
        True
    ) == 1
    assert "sub-item-lines" not in anomaly_codes(plist)[0]


def _flat(cells: dict[tuple[int, int], str | None]) -> list[str]:
    """The table one cell per line, each cell (item, column) replaced as ``cells`` says (None:
    the empty cell whose line vanished)."""
    lines = [TITLE, "", *HEADER]
    for n, item in enumerate(ITEMS, 1):
        for c, cell in enumerate((str(n), *item)):
            written = cells.get((n, c), cell)
            if written is not None:
                lines.append(written)
    return lines


@pytest.mark.parametrize(
    "cells",
    [
        {(1, 4): ITEMS[0][3] + "\n" + FURTHER},  # a basis of two lines
        {(2, 4): None},  # an empty basis
    ],
    ids=["cell-of-two-lines", "empty-cell"],
)
def test_cells_of_citations_one_per_line_that_cannot_be_told_apart_are_said(
    tmp_path: Path, cells: dict[tuple[int, int], str | None]
) -> None:
    # one cell per line, 设定依据 then 追责依据: a basis of two lines, or an empty basis, leaves
    # lines of citations that either cell could hold. Before: split at a guess, as sure
    # (the further basis read as the accountability basis; the accountability basis as the basis)
    plist, _ = _read(tmp_path, _flat(cells))
    ((n, _),) = cells
    assert "guessed-split" in anomaly_codes(plist)[n - 1]
    assert [codes.count("guessed-split") for codes in anomaly_codes(plist)].count(0) == 2


def test_an_item_the_annex_has_no_row_for_is_said_so(tmp_path: Path) -> None:
    # 附件2 gives the accountability bases of items 1 and 3, not 2. Before: item 2 was told
    # "a merged cell exported as blanks?"
    names = [i[0] for i in ITEMS]
    lines = [*POWERS[:-2]]
    lines += [
        f"{n}  {name}  行政许可  县人力社保局  {ITEMS[0][3]}" for n, name in enumerate(names, 1)
    ]
    lines += [*ANNEX, *(f"{n}  {names[n - 1]}  {ITEMS[n - 1][4]}" for n in (1, 3))]
    plist, _ = _read(tmp_path, lines)
    notes = [[a for a in i.anomalies if a.code == "missing-cell"] for i in plist.items]
    assert [len(n) for n in notes] == [0, 1, 0]
    assert "the annex" in notes[1][0].message and "merged" not in notes[1][0].message
    assert [i.accountability_basis for i in plist.items] == [ITEMS[0][4], None, ITEMS[2][4]]


def test_a_record_no_later_record_of_its_name_joins_is_said_so(tmp_path: Path) -> None:
    # records of the powers, then 附件2 of records keyed by name giving 追责依据 for two of them
    lines = [TITLE, ""]
    lines += [line for i in ITEMS for line in (*_record(i)[:4], "")]
    lines += ["附件2", ""]
    lines += [
        line
        for i in (ITEMS[0], ITEMS[2])
        for line in (f"事项名称：{i[0]}", f"追责依据：{i[4]}", "")
    ]
    plist, _ = _read(tmp_path, lines)
    notes = [[a for a in i.anomalies if a.code == "missing-cell"] for i in plist.items]
    assert [len(n) for n in notes] == [0, 1, 0]
    assert "merged" not in notes[1][0].message
