"""Vertical records (label：value) in the shapes of round 4: labels in other brackets or
letter-spaced wider, rules between records, a print's page furniture inside them, section
headings typing the records below, a field given twice. Each record must keep its name, type,
department, basis and accountability basis, and nothing of the page's layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from extractors import get_citations
from tests.extractors.reading.support import basis_citations, filled_fields, read_written
from tests.extractors.reading.test_read_shapes import FIELDS as SHAPE_FIELDS
from tests.extractors.reading.test_read_shapes import HEADER
from tests.extractors.reading.test_read_shapes import ITEMS as SERIAL_ITEMS

FIELDS = SHAPE_FIELDS[1:]
LABELS = HEADER[1:]
ITEMS = tuple(item[1:] for item in SERIAL_ITEMS)
EXPECTED = [dict(zip(FIELDS, item, strict=True)) for item in ITEMS]
TITLE = "某县人力社保局权责清单"


def _record(item: tuple[str, ...], form: str = "{}：{}", labels: tuple[str, ...] = LABELS) -> str:
    return "\n".join(form.format(label, value) for label, value in zip(labels, item, strict=True))


def _records(between: str = "\n\n", **how: object) -> str:
    return TITLE + "\n\n" + between.join(_record(i, **how) for i in ITEMS) + "\n"  # type: ignore[arg-type]


def _paged(per: int) -> str:
    """The records printed on pages of ``per`` lines, the title and date atop each page and the
    page number at its foot, as a print copied into text keeps them."""
    body = [line for i in ITEMS for line in (*_record(i).split("\n"), "")]
    pages = [body[k : k + per] for k in range(0, len(body), per)]
    return "\n".join(
        line
        for n, page in enumerate(pages, 1)
        for line in (TITLE, "2023年5月6日", *page, f"第 {n} 页 共 {len(pages)} 页", f"- {n} -")
    )


SHAPES: dict[str, Callable[[], str]] = {
    # before: refused (no recognisable table), the labels in brackets other than 【】
    "square-brackets": lambda: _records(form="[{}]{}"),
    "tortoise-brackets": lambda: _records(form="〔{}〕{}"),
    "fullwidth-square-brackets-and-colon": lambda: _records(form="［{}］：{}"),
    # before: refused, two spaces between the characters of a label
    "labels-spaced-wide": lambda: _records(labels=tuple("  ".join(w) for w in LABELS)),
    # before: the rule was read as the end of the accountability basis
    "rules-between": lambda: _records(between="\n────────────────\n"),
    "stars-between": lambda: _records(between="\n* * *\n"),
    "dashes-between": lambda: _records(between="\n- - - - - - - -\n"),
    # before: 第 1 页 共 5 页, the title and the date at each page top ran into the values
    "page-furniture": lambda: _paged(4),
    # before: the right-hand record ran into the left one's values (事项名称 …A事项名称：B),
    # read as doubtful
    "side-by-side": lambda: _side_by_side("\u3000" * 4),
    "side-by-side-bracketed": lambda: _side_by_side("    ", "【{}】{}"),
    # the links under a page's records, several on a line
    "download-and-print-links": lambda: (
        _records()
        + "附件下载：\n1. 某县权责清单.xls\n2. 某县责任清单.doc\n【打印】 【关闭】 返回顶部\n"
    ),
}


def _side_by_side(gap: str, form: str = "{}：{}") -> str:
    """The first two records printed side by side, their lines padded to one width, then the
    third below them."""
    left, right = (_record(i, form).split("\n") for i in ITEMS[:2])
    width = max(map(len, left))
    lines = [a + "\u3000" * (width - len(a)) + gap + b for a, b in zip(left, right, strict=True)]
    return "\n".join([TITLE, "", *lines, "", _record(ITEMS[2], form), ""])


@pytest.mark.parametrize("shape", SHAPES)
def test_records_in_round_4_shapes(tmp_path: Path, shape: str) -> None:
    plist = read_written(tmp_path, "page.txt", SHAPES[shape]())
    items = filled_fields(plist, FIELDS)
    assert items == EXPECTED
    assert basis_citations(items) == basis_citations(EXPECTED)
    assert plist.plausibility is not None and not plist.plausibility.doubtful


def test_page_furniture_inside_records_is_context(tmp_path: Path) -> None:
    plist = read_written(tmp_path, "page.txt", _paged(4))
    assert plist.meta.title == TITLE
    assert not [v for i in plist.items for v in i.to_json().values() if "页" in str(v)]


def test_section_headings_between_records_type_those_below(tmp_path: Path) -> None:
    # 一、行政许可 above each group of records whose records have no type label: before, each
    # heading ran into the accountability basis of the record above, and no record had a type.
    lines = [TITLE]
    for heading, item in zip(
        ("一、行政许可", "二、行政处罚（1项）", "第三部分 行政检查"), ITEMS, strict=True
    ):
        lines += [heading, _record(item[:1] + item[2:], labels=LABELS[:1] + LABELS[2:]), ""]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines))
    assert filled_fields(plist, FIELDS) == EXPECTED
    assert [s.type for s in plist.sections] == ["行政许可", "行政处罚", "行政检查"]
    assert [i.anomalies[-1].code for i in plist.items] == ["type-from-section"] * 3


def test_a_field_given_twice_in_a_row_is_one_value(tmp_path: Path) -> None:
    # 设定依据：… twice: before, the second opened a new record, which took the record's
    # accountability basis, and the record above lost it, as sure.
    extra = "《中华人民共和国行政许可法》第十二条"
    lines = [TITLE]
    for item in ITEMS:
        lines += [
            _record(item[:4], labels=LABELS[:4]),
            f"设定依据：{extra}",
            f"追责依据：{item[4]}",
            "",
        ]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines))
    expected = [{**e, "basis": f"{e['basis']}\n{extra}"} for e in EXPECTED]
    assert filled_fields(plist, FIELDS) == expected


def test_sub_items_under_a_main_item_record(tmp_path: Path) -> None:
    # 事项名称 then a 子项名称 block per sub-item, each with its own fields; then the next item.
    # Before: the next item's 事项名称 joined the last sub-item's record, and took its type,
    # department and basis (渔业捕捞许可 read as 行政处罚 by 县林业局 under the 森林法), as sure.
    text = (
        f"{TITLE}\n事项名称：对违法行为的处罚\n"
        "子项名称：对盗伐林木的处罚\n事项类型：行政处罚\n实施主体：县林业局\n"
        "设定依据：《中华人民共和国森林法》第七十六条\n"
        "子项名称：对滥伐林木的处罚\n事项类型：行政处罚\n实施主体：县林业局\n"
        "设定依据：《中华人民共和国森林法》第七十七条\n\n"
        "事项名称：渔业捕捞许可\n事项类型：行政许可\n实施主体：县农业农村局\n"
        "设定依据：《中华人民共和国渔业法》第二十三条\n"
    )
    plist = read_written(tmp_path, "page.txt", text)
    assert [(i.name, i.type, i.department, i.subitems) for i in plist.items] == [
        ("对违法行为的处罚", "行政处罚", "县林业局", ("对盗伐林木的处罚", "对滥伐林木的处罚")),
        ("渔业捕捞许可", "行政许可", "县农业农村局", ()),
    ]
    assert [c.article for c in get_citations(plist.items[0].basis or "")] == [76, 77]
    assert [c.article for c in get_citations(plist.items[1].basis or "")] == [23]


def test_an_annex_of_records_keyed_by_name_joins_its_fields_to_the_items(tmp_path: Path) -> None:
    # 附件2 责任清单: 事项名称 / 追责依据 records for the items above. Before: read as three more
    # items without type or department, and 附件2 责任清单 ran into the last basis, as sure.
    powers = "\n\n".join(_record(i[:4], labels=LABELS[:4]) for i in ITEMS)
    duties = "\n\n".join(f"事项名称：{i[0]}\n追责依据：{i[4]}" for i in ITEMS)
    text = f"{TITLE}\n\n{powers}\n\n附件2 责任清单\n{duties}\n"
    plist = read_written(tmp_path, "page.txt", text)
    assert filled_fields(plist, FIELDS) == EXPECTED
    assert [i.anomalies[-1].code for i in plist.items] == ["joined-record"] * 3


def test_records_of_one_name_giving_the_same_field_stay_apart(tmp_path: Path) -> None:
    # Two records of one name with fields of their own alike (a power exercised by two
    # departments) are two items, not joined.
    text = _record(ITEMS[0]) + "\n\n" + _record((*ITEMS[0][:2], "县医疗保障局", *ITEMS[0][3:]))
    plist = read_written(tmp_path, "page.txt", text)
    assert [i.department for i in plist.items] == ["县人力社保局", "县医疗保障局"]
