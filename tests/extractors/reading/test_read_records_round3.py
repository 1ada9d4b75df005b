"""Label：value records, pipe tables and JSON in the shapes of round 3: fields apart at other
separators (｜, ¦, ︰, a colon with spaces around, a tab), labels in other words and with serials,
values and bases going on over lines, records apart at rules of ====, *** or ----, label and
value in two columns of a pipe table record after record, a mobile page of no labels; JSON as
sites' APIs return it (envelopes, pinyin and camelCase keys, a column dictionary, children,
HTML and CRLF in values, numbers as strings, nulls, JSON Lines, a page of several). Each item
must keep its name, type, department, basis and accountability basis, whole and in batches."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from extractors.errors import InputError
from extractors.models import PowerList
from extractors.reading.read import read_list
from tests.extractors.reading.support import (
    batched_items,
    check_fields,
    read_written,
    squashed,
)

FIELDS = ("name", "type", "department", "basis", "accountability_basis")
LABELS = ("事项名称", "事项类型", "实施主体", "设定依据", "追责依据")
#: (serial, name, type, department, basis, accountability basis)
ITEMS = (
    ("1", "林木采伐许可证核发", "行政许可", "县林业局",
     "《中华人民共和国森林法》第五十六条", "《行政机关公务员处分条例》第二十条"),
    ("2", "对违法占用林地的处罚", "行政处罚", "县林业局",
     "《中华人民共和国森林法》第七十三条", "《中华人民共和国公职人员政务处分法》第三十九条"),
    ("3", "对种子生产经营的检查", "行政检查", "县农业农村局",
     "《中华人民共和国种子法》第五十条、第五十一条", "《行政机关公务员处分条例》第二十一条"),
)  # fmt: skip
EXPECTED = [dict(zip(FIELDS, item[1:], strict=True)) for item in ITEMS]
TITLE = "某县林业局权责清单"
#: The probes read right on d095254 already (labels in other words and with serials, values
#: and bases over lines, rules between records, label | value pipe tables, JSON envelopes, keys
#: and values of most kinds): kept as guards, apart from the shapes this round makes read.
HELD = frozenset(
    {
        *(f"records-{k}" for k in (
            "colon-with-spaces-around", "half-colon-with-spaces-around", "label-then-a-tab",
            "label-then-two-tabs", "ratio-sign-spaced", "pairs-on-a-line-apart-at-fullwidth-bars",
            "labels-power-item-name", "labels-responsible-body", "labels-power-name-and-enforcer",
            "labels-with-a-time-limit", "labels-numbered-with-dots", "labels-numbered-with-dunhao",
            "labels-numbered-in-brackets", "labels-numbered-chinese",
            "labels-numbered-half-brackets", "name-going-on", "basis-going-on",
            "basis-under-its-label", "apart-at-dashes", "apart-at-equals", "apart-at-stars",
            "apart-at-long-equals", "apart-at-em-dashes", "apart-at-dashes-with-blanks",
            "apart-at-stars-spaced", "apart-at-tildes",
        )),
        *(f"json-{k}" for k in (
            "code-data-records-total", "rows", "result-list", "pinyin-keys", "camel-keys",
            "opaque-keys-with-a-dictionary-list", "children-under-a-main-item",
            "html-in-values", "crlf-in-values", "numbers-as-strings-and-nulls", "json-lines",
            "page-one-of-three", "nested-data-data-list", "spring-page-content",
            "page-object-beside-the-list", "json-lines-crlf", "json-lines-blank-lines-between",
            "dictionary-prop-label", "children-key-children", "html-with-entities-and-breaks",
            "a-null-accountability-basis", "integer-codes-and-serials",
        )),
    }
)  # fmt: skip


def _new(prefix: str, shapes: dict[str, Any]) -> list[str]:
    """The shapes of ``shapes`` this round makes read (not read right on d095254)."""
    return [k for k in shapes if f"{prefix}-{k}" not in HELD]


def _held(prefix: str, shapes: dict[str, Any]) -> list[str]:
    return [k for k in shapes if f"{prefix}-{k}" in HELD]


def _check(
    plist: PowerList, expected: list[dict[str, str]], fields: tuple[str, ...] = FIELDS
) -> None:
    check_fields(plist, expected, fields)


def _records(
    form: str,
    between: str = "\n\n",
    labels: tuple[str, ...] = LABELS,
    serial: Callable[[int], str] = lambda k: "",
) -> str:
    body = (
        "\n".join(
            serial(k) + form.format(label, value)
            for k, (label, value) in enumerate(zip(labels, item[1:], strict=True))
        )
        for item in ITEMS
    )
    return TITLE + "\n\n" + between.join(body) + "\n"


CHINESE = "一二三四五六七八九十"

# -- label：value records ---------------------------------------------------------------------

RECORDS: dict[str, Callable[[], str]] = {
    # fields apart at other separators
    "fullwidth-bar": lambda: _records("{}｜{}"),
    "fullwidth-bar-spaced": lambda: _records("{} ｜ {}"),
    "broken-bar": lambda: _records("{}¦{}"),
    "presentation-colon": lambda: _records("{}︰{}"),
    "presentation-colon-spaced": lambda: _records("{} ︰ {}"),
    "colon-with-spaces-around": lambda: _records("{} ： {}"),
    "half-colon-with-spaces-around": lambda: _records("{} : {}"),
    "label-then-a-tab": lambda: _records("{}\t{}"),
    "label-then-two-tabs": lambda: _records("{}\t\t{}"),
    "ratio-sign-spaced": lambda: _records("{} ∶ {}"),
    "fullwidth-bar-no-blank-between": lambda: _records("{}｜{}", between="\n"),
    "pairs-on-a-line-apart-at-fullwidth-bars": lambda: (
        TITLE
        + "\n\n"
        + "\n\n".join(
            "｜".join(f"{k}：{v}" for k, v in zip(LABELS[:3], i[1:4], strict=True))
            + f"\n{LABELS[3]}：{i[4]}\n{LABELS[4]}：{i[5]}"
            for i in ITEMS
        )
        + "\n"
    ),
    # labels in other words
    "labels-power-item-name": lambda: _records(
        "{}：{}", labels=("权力事项名称", "权力类型", "实施机构", "法定依据", "问责依据")
    ),
    "labels-responsible-body": lambda: _records(
        "{}：{}", labels=("职权名称", "职权类别", "责任主体", "法律依据", "责任追究依据")
    ),
    "labels-power-name-and-enforcer": lambda: _records(
        "{}：{}", labels=("权力名称", "权力类别", "执法主体", "实施依据", "追责情形及依据")
    ),
    "labels-with-a-time-limit": lambda: (
        TITLE
        + "\n\n"
        + "\n\n".join(
            "\n".join(
                f"{k}：{v}"
                for k, v in zip(
                    ("权力事项名称", "事项类型", "实施机构", "法定依据", "办理时限", "问责依据"),
                    (*i[1:5], "20个工作日", i[5]),
                    strict=True,
                )
            )
            for i in ITEMS
        )
        + "\n"
    ),
    # labels with serial prefixes
    "labels-numbered-with-dots": lambda: _records("{}：{}", serial=lambda k: f"{k + 1}."),
    "labels-numbered-with-dunhao": lambda: _records("{}：{}", serial=lambda k: f"{k + 1}、"),
    "labels-numbered-in-brackets": lambda: _records(
        "{}：{}", serial=lambda k: f"（{CHINESE[k]}）", labels=("职权名称", *LABELS[1:])
    ),
    "labels-numbered-chinese": lambda: _records("{}：{}", serial=lambda k: f"{CHINESE[k]}、"),
    "labels-numbered-half-brackets": lambda: _records("{}：{}", serial=lambda k: f"({k + 1})"),
    # values going on over lines without labels
    "name-going-on": lambda: (
        TITLE
        + "\n\n"
        + "\n\n".join(
            f"{LABELS[0]}：{i[1][:4]}\n{i[1][4:]}\n"
            + "\n".join(f"{k}：{v}" for k, v in zip(LABELS[1:], i[2:], strict=True))
            for i in ITEMS
        )
        + "\n"
    ),
    "basis-going-on": lambda: (
        TITLE
        + "\n\n"
        + "\n\n".join(
            "\n".join(f"{k}：{v}" for k, v in zip(LABELS[:3], i[1:4], strict=True))
            + f"\n{LABELS[3]}：{i[4][:8]}\n{i[4][8:]}\n{LABELS[4]}：{i[5]}"
            for i in ITEMS
        )
        + "\n"
    ),
    "basis-under-its-label": lambda: _records("{}：\n{}"),
    # records apart at rules
    "apart-at-dashes": lambda: _records("{}：{}", between="\n----\n"),
    "apart-at-equals": lambda: _records("{}：{}", between="\n====\n"),
    "apart-at-stars": lambda: _records("{}：{}", between="\n***\n"),
    "apart-at-long-equals": lambda: _records("{}：{}", between="\n" + "=" * 30 + "\n"),
    "apart-at-em-dashes": lambda: _records("{}：{}", between="\n" + "—" * 20 + "\n"),
    "apart-at-dashes-with-blanks": lambda: _records("{}：{}", between="\n\n----\n\n"),
    "apart-at-stars-spaced": lambda: _records("{}：{}", between="\n* * *\n"),
    "apart-at-tildes": lambda: _records("{}：{}", between="\n~~~~~~\n"),
    "apart-at-dashes-bar-separator": lambda: _records("{}｜{}", between="\n----\n"),
}


@pytest.mark.parametrize("shape", _new("records", RECORDS))
def test_records_in_round_3_shapes(tmp_path: Path, shape: str) -> None:
    # before: refused, or (spaces around ︰) every value opening with the colon, said
    plist = read_written(tmp_path, "page.txt", RECORDS[shape]())
    _check(plist, EXPECTED)


@pytest.mark.parametrize("shape", _held("records", RECORDS))
def test_records_read_before_round_3(tmp_path: Path, shape: str) -> None:
    plist = read_written(tmp_path, "page.txt", RECORDS[shape]())
    _check(plist, EXPECTED)


# -- a basis as a numbered list over lines ---------------------------------------------------

SECOND = "《中华人民共和国行政许可法》第十二条"


def _listed(first: Callable[[int], str], after_label: bool) -> str:
    blocks = []
    for i in ITEMS:
        head = "\n".join(f"{k}：{v}" for k, v in zip(LABELS[:3], i[1:4], strict=True))
        basis = f"{first(1)}{i[4]}\n{first(2)}{SECOND}"
        basis = f"{LABELS[3]}：{basis}" if after_label else f"{LABELS[3]}：\n{basis}"
        blocks.append(f"{head}\n{basis}\n{LABELS[4]}：{i[5]}")
    return TITLE + "\n\n" + "\n\n".join(blocks) + "\n"


def _listed_expected(first: Callable[[int], str]) -> list[dict[str, str]]:
    return [{**e, "basis": f"{first(1)}{e['basis']}\n{first(2)}{SECOND}"} for e in EXPECTED]


LISTS: dict[str, Callable[[int], str]] = {
    "dots": lambda n: f"{n}.",
    "dunhao": lambda n: f"{n}、",
    "brackets": lambda n: f"（{n}）",
    "chinese": lambda n: f"{CHINESE[n - 1]}、",
    "circled": lambda n: "①②"[n - 1],
}


# (read right on d095254 already: guards)
@pytest.mark.parametrize("after_label", [True, False], ids=["after-the-label", "under-the-label"])
@pytest.mark.parametrize("numbers", LISTS)
def test_a_basis_as_a_numbered_list(tmp_path: Path, numbers: str, after_label: bool) -> None:
    plist = read_written(tmp_path, "page.txt", _listed(LISTS[numbers], after_label))
    _check(plist, _listed_expected(LISTS[numbers]))


# -- label | value in two columns of a pipe table, record after record ------------------------


def _pipes(head: bool, between: str, rule: bool = True) -> str:
    blocks = []
    for item in ITEMS:
        rows = [f"| {k} | {v} |" for k, v in zip(LABELS, item[1:], strict=True)]
        if head:
            rows = [rows[0], "| --- | --- |", *rows[1:]] if rule else rows
        blocks.append("\n".join(rows))
    return TITLE + "\n\n" + between.join(blocks) + "\n"


PIPES: dict[str, Callable[[], str]] = {
    "label-value-pipes-blank-between": lambda: _pipes(True, "\n\n"),
    "label-value-pipes-no-rule": lambda: _pipes(True, "\n\n", rule=False),
    "label-value-pipes-rule-lines-between": lambda: _pipes(True, "\n\n----\n\n"),
    "label-value-pipes-nothing-between": lambda: _pipes(False, "\n"),
    "label-value-pipes-headed-each": lambda: (
        TITLE
        + "\n\n"
        + "\n\n".join(
            "| 字段 | 值 |\n| --- | --- |\n"
            + "\n".join(f"| {k} | {v} |" for k, v in zip(LABELS, i[1:], strict=True))
            for i in ITEMS
        )
        + "\n"
    ),
    "label-value-pipes-serial-row": lambda: (
        TITLE
        + "\n\n"
        + "\n\n".join(
            f"| 序号 | {i[0]} |\n| --- | --- |\n"
            + "\n".join(f"| {k} | {v} |" for k, v in zip(LABELS, i[1:], strict=True))
            for i in ITEMS
        )
        + "\n"
    ),
}


# (read right on d095254 already, whole and in batches: guards)
@pytest.mark.parametrize("shape", PIPES)
def test_label_value_pipe_tables(tmp_path: Path, shape: str) -> None:
    plist = read_written(tmp_path, "list.md", PIPES[shape]())
    _check(plist, EXPECTED)


@pytest.mark.parametrize("shape", PIPES)
def test_label_value_pipe_tables_in_batches(tmp_path: Path, shape: str) -> None:
    path = tmp_path / "list.md"
    path.write_text(PIPES[shape](), encoding="utf-8")
    got = [{k: v for k in FIELDS if (v := i.to_json()[k]) is not None} for i in batched_items(path)]
    assert squashed(got) == squashed(EXPECTED)


# -- a mobile page: no labels, one field per line in a fixed order ----------------------------


def _mobile(order: tuple[int, ...], between: Callable[[int], str], serials: bool = False) -> str:
    blocks = []
    for k, item in enumerate(ITEMS):
        lines = [item[1 + j] for j in order]
        if serials:
            lines = [f"{item[0]}.{lines[0]}", *lines[1:]]
        blocks.append(between(k) + "\n".join(lines))
    return TITLE + "\n\n" + "\n".join(blocks) + "\n"


MOBILE: dict[str, Callable[[], str]] = {
    "name-type-department-basis-accountability": lambda: _mobile(
        (0, 1, 2, 3, 4), lambda k: "\n" if k else ""
    ),
    "name-department-type-basis-accountability": lambda: _mobile(
        (0, 2, 1, 3, 4), lambda k: "\n" if k else ""
    ),
    "type-name-department-basis-accountability": lambda: _mobile(
        (1, 0, 2, 3, 4), lambda k: "\n" if k else ""
    ),
    "name-type-basis-accountability-department": lambda: _mobile(
        (0, 1, 3, 4, 2), lambda k: "\n" if k else ""
    ),
    "serials-no-blank": lambda: _mobile((0, 1, 2, 3, 4), lambda k: "", serials=True),
    "serials-and-blanks": lambda: _mobile((0, 1, 2, 3, 4), lambda k: "\n" if k else "", True),
}


@pytest.mark.parametrize("shape", MOBILE)
def test_a_mobile_page_of_no_labels(tmp_path: Path, shape: str) -> None:
    plist = read_written(tmp_path, "page.txt", MOBILE[shape]())
    _check(plist, EXPECTED)


# -- JSON as sites' APIs return it ---------------------------------------------------------------

PINYIN = ("sxmc", "sxlx", "ssbm", "sdyj", "zzyj")
CAMEL = ("itemName", "itemType", "deptName", "legalBasis", "accountabilityBasis")
CHINESE_KEYS = ("事项名称", "事项类型", "实施主体", "设定依据", "追责依据")


def _objects(keys: tuple[str, ...] = CHINESE_KEYS, **extra: Any) -> list[dict[str, Any]]:
    return [{**dict(zip(keys, i[1:], strict=True)), **extra} for i in ITEMS]


def _dumped(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _html_values() -> list[dict[str, Any]]:
    records = _objects()
    for r in records:
        r["设定依据"] = f"<p>{r['设定依据']}</p><br/>"
        r["追责依据"] = f"<p>{r['追责依据']}</p>"
    return records


def _crlf_values() -> list[dict[str, Any]]:
    records = _objects()
    for r in records:
        basis = r["设定依据"]
        r["设定依据"] = f"{basis[: basis.index('》') + 1]}\r\n{basis[basis.index('》') + 1 :]}"
    return records


MAIN = ("林业行政事项", "行政许可", "县林业局")
#: the sub-items of a main item folded into it, as a table's 子项 rows without serials are
FOLDED = [
    {
        **dict(zip(FIELDS[:3], MAIN, strict=True)),
        "basis": "\n".join(i[4] for i in ITEMS),
        "accountability_basis": "\n".join(i[5] for i in ITEMS),
    }
]


def _children(sub: str, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """One main item holding each of ``ITEMS`` as a sub-item under ``sub``, of the main's type."""
    main = dict(zip(keys[:3], MAIN, strict=True))
    children = [{"子项名称": i[1], keys[1]: MAIN[1], keys[3]: i[4], keys[4]: i[5]} for i in ITEMS]
    return [{**main, sub: children}]


JSON: dict[str, tuple[Callable[[], str], list[dict[str, str]]]] = {
    "code-data-records-total": (
        lambda: _dumped({"code": 200, "msg": "ok", "data": {"records": _objects(), "total": 3}}),
        EXPECTED,
    ),
    "rows": (lambda: _dumped({"total": 3, "rows": _objects()}), EXPECTED),
    "result-list": (lambda: _dumped({"success": True, "result": {"list": _objects()}}), EXPECTED),
    "pinyin-keys": (lambda: _dumped({"data": _objects(PINYIN)}), EXPECTED),
    "camel-keys": (lambda: _dumped({"data": {"list": _objects(CAMEL)}}), EXPECTED),
    "pinyin-keys-with-a-dictionary": (
        lambda: _dumped(
            {
                "columns": dict(
                    zip(
                        ("xh", "qlmc", "qllx", "zxzt", "yj", "zzyj2"),
                        ("序号", *CHINESE_KEYS),
                        strict=True,
                    )
                ),
                "data": [
                    dict(zip(("xh", "qlmc", "qllx", "zxzt", "yj", "zzyj2"), i, strict=True))
                    for i in ITEMS
                ],
            }
        ),
        EXPECTED,
    ),
    "opaque-keys-with-a-dictionary-list": (
        lambda: _dumped(
            {
                "fields": [{"field": f"f{n}", "name": k} for n, k in enumerate(CHINESE_KEYS)],
                "rows": [{f"f{n}": v for n, v in enumerate(i[1:])} for i in ITEMS],
            }
        ),
        EXPECTED,
    ),
    "children-under-a-main-item": (
        lambda: _dumped({"data": _children("子项", CHINESE_KEYS)}),
        FOLDED,
    ),
    "html-in-values": (lambda: _dumped({"data": _html_values()}), EXPECTED),
    "crlf-in-values": (lambda: _dumped({"data": _crlf_values()}), EXPECTED),
    "numbers-as-strings-and-nulls": (
        lambda: _dumped(
            {
                "data": [
                    {
                        "xh": i[0],
                        "sxbm": f"{1000 + int(i[0])}",
                        "bz": None,
                        "clsx": None,
                        **dict(zip(PINYIN, i[1:], strict=True)),
                    }
                    for i in ITEMS
                ]
            }
        ),
        EXPECTED,
    ),
    "json-lines": (
        lambda: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _objects(CAMEL)),
        EXPECTED,
    ),
    "page-one-of-three": (
        lambda: _dumped(
            {
                "code": 0,
                "data": {"pageNum": 1, "pageSize": 3, "pages": 3, "total": 9, "list": _objects()},
            }
        ),
        EXPECTED,
    ),
    "nested-data-data-list": (
        lambda: _dumped({"status": "1", "data": {"data": {"list": _objects(CAMEL)}}}),
        EXPECTED,
    ),
    "spring-page-content": (
        lambda: _dumped(
            {"data": {"content": _objects(CAMEL), "totalElements": 9, "number": 0, "size": 3}}
        ),
        EXPECTED,
    ),
    "page-object-beside-the-list": (
        lambda: _dumped({"page": {"current": 1, "total": 3}, "list": _objects(PINYIN)}),
        EXPECTED,
    ),
    "pages-one-after-another": (
        lambda: "".join(
            _dumped({"code": 200, "data": {"pageNum": n + 1, "list": [r]}})
            for n, r in enumerate(_objects())
        ),
        EXPECTED,
    ),
    "pages-one-a-line": (
        lambda: "".join(
            json.dumps({"code": 200, "data": {"pageNum": n + 1, "list": [r]}}, ensure_ascii=False)
            + "\n"
            for n, r in enumerate(_objects())
        ),
        EXPECTED,
    ),
    "json-lines-crlf": (
        lambda: "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in _objects(PINYIN)),
        EXPECTED,
    ),
    "json-lines-blank-lines-between": (
        lambda: "\n".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _objects()),
        EXPECTED,
    ),
    "camel-keys-with-a-dictionary-object": (
        lambda: _dumped(
            {
                "columnMap": {
                    "a1": "事项名称",
                    "a2": "事项类型",
                    "a3": "实施主体",
                    "a4": "设定依据",
                    "a5": "追责依据",
                },
                "rows": [{f"a{n + 1}": v for n, v in enumerate(i[1:])} for i in ITEMS],
            }
        ),
        EXPECTED,
    ),
    "dictionary-after-the-records": (
        lambda: _dumped(
            {
                "data": [{f"c{n}": v for n, v in enumerate(i[1:])} for i in ITEMS],
                "dict": {f"c{n}": k for n, k in enumerate(CHINESE_KEYS)},
            }
        ),
        EXPECTED,
    ),
    "dictionary-prop-label": (
        lambda: _dumped(
            {
                "tableHead": [{"prop": f"c{n}", "label": k} for n, k in enumerate(CHINESE_KEYS)],
                "tableData": [{f"c{n}": v for n, v in enumerate(i[1:])} for i in ITEMS],
            }
        ),
        EXPECTED,
    ),
    "children-key-children": (lambda: _dumped(_children("children", CAMEL)), FOLDED),
    "html-with-entities-and-breaks": (
        lambda: _dumped(
            {
                "data": [
                    {
                        **r,
                        "设定依据": r["设定依据"].replace("》", "》&nbsp;<br>"),
                        "事项名称": f'<span style="color:red">{r["事项名称"]}</span>',
                    }
                    for r in _objects()
                ]
            }
        ),
        EXPECTED,
    ),
    "a-null-accountability-basis": (
        lambda: _dumped({"data": [{**r, "追责依据": None} for r in _objects()]}),
        [{k: v for k, v in e.items() if k != "accountability_basis"} for e in EXPECTED],
    ),
    "integer-codes-and-serials": (
        lambda: _dumped(
            {
                "data": [
                    {"序号": int(i[0]), "事项编码": 330000 + int(i[0]), **r}
                    for i, r in zip(ITEMS, _objects(), strict=True)
                ]
            }
        ),
        EXPECTED,
    ),
}


@pytest.mark.parametrize("shape", _held("json", JSON))
def test_json_read_before_round_3(tmp_path: Path, shape: str) -> None:
    text, expected = JSON[shape]
    plist = read_written(tmp_path, "list.json", text())
    _check(plist, expected)


@pytest.mark.parametrize("shape", _new("json", JSON))
def test_json_as_apis_return_it(tmp_path: Path, shape: str) -> None:
    # before: a column dictionary beside the records not read (its keys' fields lost, or no
    # item), pages one after another refused
    text, expected = JSON[shape]
    plist = read_written(tmp_path, "list.json", text())
    _check(plist, expected)


@pytest.mark.parametrize("shape", [*_new("json", JSON), "opaque-keys-with-a-dictionary-list"])
def test_json_as_apis_return_it_in_batches(tmp_path: Path, shape: str) -> None:
    text, expected = JSON[shape]
    path = tmp_path / "list.json"
    path.write_text(text(), encoding="utf-8")
    got = [{k: v for k in FIELDS if (v := i.to_json()[k]) is not None} for i in batched_items(path)]
    assert squashed(got) == squashed(expected)


def test_a_bar_inside_a_value_parts_no_label(tmp_path: Path) -> None:
    # a bar parts a label from its value only when the label names a field: 受理｜审查 inside
    # a record's responsibility stays its text
    text = _records("{}｜{}").replace(
        f"{LABELS[4]}｜{ITEMS[0][5]}",
        f"{LABELS[4]}｜{ITEMS[0][5]}\n责任事项｜受理｜审查\n受理｜审查",
    )
    plist = read_written(tmp_path, "page.txt", text)
    assert plist.items[0].responsibility is not None
    assert plist.items[0].responsibility.endswith("受理｜审查")


def test_a_mobile_page_says_its_order_was_guessed(tmp_path: Path) -> None:
    plist = read_written(tmp_path, "page.txt", MOBILE["serials-and-blanks"]())
    assert [[a.code for a in i.anomalies] for i in plist.items] == [["guessed-order"]] * 3
    assert [i.row for i in plist.items] == ["1", "2", "3"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            _mobile((0, 1, 2, 3, 4), lambda k: "\n" if k else "").replace(
                f"{ITEMS[1][2]}\n{ITEMS[1][3]}", f"{ITEMS[1][3]}\n{ITEMS[1][2]}"
            ),
            id="orders-differ",
        ),
        pytest.param(_mobile((0, 2, 3, 4), lambda k: "\n" if k else ""), id="no-type-line"),
        pytest.param(
            TITLE + "\n\n" + "\n\n".join(f"{i[1]}\n{i[3]}\n{i[4]}" for i in ITEMS[:1]) + "\n",
            id="one-record",
        ),
    ],
)
def test_a_page_of_no_labels_whose_order_cannot_be_told_is_refused(
    tmp_path: Path, text: str
) -> None:
    with pytest.raises(InputError, match="no recognisable table"):
        read_list(_written(tmp_path, "page.txt", text))


def test_records_of_no_labels_in_different_orders_are_refused_saying_so(tmp_path: Path) -> None:
    # before: refused for want of a header row, whatever the page held
    text = _mobile((0, 1, 2, 3, 4), lambda k: "\n" if k else "").replace(
        f"{ITEMS[1][2]}\n{ITEMS[1][3]}", f"{ITEMS[1][3]}\n{ITEMS[1][2]}"
    )
    with pytest.raises(InputError, match="in different orders") as refused:
        read_list(_written(tmp_path, "page.txt", text))
    assert refused.value.line == text.splitlines().index(ITEMS[1][1]) + 1


def _written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("shape", MOBILE)
def test_a_mobile_page_of_no_labels_in_batches(tmp_path: Path, shape: str) -> None:
    got = [
        {k: v for k in FIELDS if (v := i.to_json()[k]) is not None}
        for i in batched_items(_written(tmp_path, "page.txt", MOBILE[shape]()))
    ]
    assert squashed(got) == squashed(EXPECTED)


@pytest.mark.parametrize(
    "shape", [k for k in _held("json", JSON) if k != "opaque-keys-with-a-dictionary-list"]
)
def test_json_read_before_round_3_in_batches(tmp_path: Path, shape: str) -> None:
    text, expected = JSON[shape]
    items = batched_items(_written(tmp_path, "list.json", text()))
    got = [{k: v for k in FIELDS if (v := i.to_json()[k]) is not None} for i in items]
    assert squashed(got) == squashed(expected)


# -- what records2 left in pipe tables ------------------------------------------------------------

PIPE_HEADER = ("序号", "事项名称", "事项类型", "实施主体", "设定依据", "追责依据")


def _pipe_table(*rows: tuple[str, ...]) -> str:
    lines = [PIPE_HEADER, tuple("---" for _ in PIPE_HEADER), *rows]
    return TITLE + "\n\n" + "\n".join("| " + " | ".join(r) + " |" for r in lines) + "\n"


CUT_NAME = ("1", "对未依法设", "行政处罚", "县林业局", ITEMS[1][4], ITEMS[1][5])
CUT_EXPECTED = [{**EXPECTED[1], "name": "对未依法设立审批的处罚"}, *EXPECTED[::2]]
OVERFLOWS = {
    # before: 立审批的处罚 read as an item of its own (said missing-cell only on it), the list sure
    "name-over-a-row-of-only-pipes": (
        (CUT_NAME, ("", "立审批的处罚", "", "", "", ""), ITEMS[0], ITEMS[2]),
        CUT_EXPECTED,
    ),
    # before: the same, its basis cut too, the list doubtful
    "name-and-basis-over-a-row-of-only-pipes": (
        (
            (*CUT_NAME[:4], ITEMS[1][4][:8], ITEMS[1][5]),
            ("", "立审批的处罚", "", "", ITEMS[1][4][8:], ""),
            ITEMS[0],
            ITEMS[2],
        ),
        CUT_EXPECTED,
    ),
    # before: joined back (stray-pipe) but the list doubtful, the name read as table syntax
    "a-pipe-inside-a-name": (
        (("1", "对未取得许可证", "擅自经营的处罚", *ITEMS[1][2:]), ITEMS[0], ITEMS[2]),
        [{**EXPECTED[1], "name": "对未取得许可证|擅自经营的处罚"}, *EXPECTED[::2]],
    ),
}


@pytest.mark.parametrize("shape", OVERFLOWS)
def test_a_cell_going_on_over_a_row_of_its_own(tmp_path: Path, shape: str) -> None:
    rows, expected = OVERFLOWS[shape]
    plist = read_written(tmp_path, "list.md", _pipe_table(*rows), expect="markdown")
    _check(plist, expected)


@pytest.mark.parametrize("shape", OVERFLOWS)
def test_a_cell_going_on_over_a_row_of_its_own_in_batches(tmp_path: Path, shape: str) -> None:
    rows, expected = OVERFLOWS[shape]
    items = batched_items(_written(tmp_path, "list.md", _pipe_table(*rows)))
    got = [{k: v for k in FIELDS if (v := i.to_json()[k]) is not None} for i in items]
    assert squashed(got) == squashed(expected)


def test_a_whole_name_under_a_whole_name_stays_a_row(tmp_path: Path) -> None:
    # a sub-item's row whose merged cells were exported blank: its name is whole, no rest of
    # the name above (which opens as no item name is cut: 林业行政事项)
    rows = (("1", *MAIN, *ITEMS[0][4:]), ("", ITEMS[0][1], "", "", "", ""), ("2", *ITEMS[1][1:]))
    plist = read_written(tmp_path, "list.md", _pipe_table(*rows))
    assert [i.name for i in plist.items] == [MAIN[0], ITEMS[0][1], ITEMS[1][1]]


def test_a_mobile_page_signed_under_its_records(tmp_path: Path) -> None:
    # a footer line and a signature (an office, a date) under the records are the page's
    text = MOBILE["serials-and-blanks"]() + "\n版权所有：某县人民政府\n\n某县林业局\n2024年3月1日\n"
    plist = read_written(tmp_path, "page.txt", text)
    _check(plist, EXPECTED)
