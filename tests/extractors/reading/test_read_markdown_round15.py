"""Round 15 of Markdown, JSON and HTML: the department a group's key or a list's title names is
the items' ``section_department`` (never ``department``, which only a column gives), JSON keys
written in pinyin are headers, and a records-only Markdown list takes its serials from its
headings. Each whole and in batches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.reading.headers import map_header
from extractors.reading.pinyin import load_pinyin
from tests.extractors.reading.support import read_written
from tests.extractors.reading.test_stream import _same

FOREST = "《中华人民共和国森林法》"
WATER = "《中华人民共和国水法》"
FORESTRY = (
    ("林木采伐许可证核发", "行政许可", f"{FOREST}第五十六条"),
    ("对盗伐林木的行政处罚", "行政处罚", f"{FOREST}第七十六条"),
)
WATERWORKS = (
    ("取水许可", "行政许可", f"{WATER}第四十八条"),
    ("对未经批准擅自取水的行政处罚", "行政处罚", f"{WATER}第六十九条"),
)
KEYS = ("事项名称", "事项类型", "设定依据")


def _seen(plist) -> list[tuple[str | None, ...]]:
    return [(i.name, i.type, i.department, i.section_department, i.row) for i in plist.items]


def _records(rows, keys=KEYS, serial: str | None = "序号") -> list[dict[str, str]]:
    return [
        {**({serial: str(n)} if serial else {}), **dict(zip(keys, row, strict=True))}
        for n, row in enumerate(rows, 1)
    ]


# ---- 1. a JSON object keyed by department names: section_department, not department ---------

GROUPS = {
    "plain": ("县林业局", "县水务局"),
    "place": ("某县林业局", "某县水务局"),
    "ordinal": ("一、县林业局", "二、县水务局"),
    "count": ("县林业局（2项）", "县水务局（2项）"),
}
OWNERS = {
    "plain": ("县林业局", "县水务局"),
    "place": ("某县林业局", "某县水务局"),
    "ordinal": ("县林业局", "县水务局"),
    "count": ("县林业局", "县水务局"),
}


@pytest.mark.parametrize("keys", GROUPS, ids=list(GROUPS))
def test_a_department_key_is_the_items_section_department(tmp_path: Path, keys: str) -> None:
    # Before: each item's department was the key (一、县林业局 and 县林业局（2项） as written)
    first, second = GROUPS[keys]
    data = {first: _records(FORESTRY), second: _records(WATERWORKS)}
    plist = read_written(tmp_path, "list.json", json.dumps(data, ensure_ascii=False, indent=2))
    one, two = OWNERS[keys]
    assert _seen(plist) == [
        *((r[0], r[1], None, one, str(n)) for n, r in enumerate(FORESTRY, 1)),
        *((r[0], r[1], None, two, str(n)) for n, r in enumerate(WATERWORKS, 1)),
    ]
    assert not any(a.code == "duplicate-row" for i in plist.items for a in i.anomalies)
    _same(tmp_path / "list.json", 1)


@pytest.mark.parametrize("keys", GROUPS, ids=list(GROUPS))
def test_a_type_level_under_each_department_key(tmp_path: Path, keys: str) -> None:
    # Before: the department keys were read as no group: no item had a department of any kind
    first, second = GROUPS[keys]

    def by_type(rows) -> dict[str, list[dict[str, str]]]:
        return {r[1]: [{"事项名称": r[0], "设定依据": r[2]}] for r in rows}

    data = {first: by_type(FORESTRY), second: by_type(WATERWORKS)}
    plist = read_written(tmp_path, "list.json", json.dumps(data, ensure_ascii=False, indent=2))
    one, two = OWNERS[keys]
    assert _seen(plist) == [
        *((r[0], r[1], None, one, None) for r in FORESTRY),
        *((r[0], r[1], None, two, None) for r in WATERWORKS),
    ]
    _same(tmp_path / "list.json", 1)


def test_a_records_own_department_field_stays_its_department(tmp_path: Path) -> None:
    records = [{**r, "实施主体": "县林业局森林公安局"} for r in _records(FORESTRY)]
    data = {"县林业局": records}
    plist = read_written(tmp_path, "list.json", json.dumps(data, ensure_ascii=False, indent=2))
    assert [(i.department, i.section_department) for i in plist.items] == [
        ("县林业局森林公安局", None)
    ] * 2
    _same(tmp_path / "list.json", 1)


# ---- 2. JSON keys in whole pinyin are headers (derived from the Chinese header words) --------

PINYIN = {
    "shixiang": ("shixiangmingcheng", "shixiangleixing", "shedingyiju"),
    "quanli": ("quanlimingcheng", "quanlileixing", "shedingyiju"),
    "zhiquan": ("zhiquanmingcheng", "zhiquanleixing", "zhiquanyiju"),
    "shishi": ("shixiangmingcheng", "shixiangleixing", "shishiyiju"),
    "camel": ("ShiXiangMingCheng", "ShiXiangLeiXing", "SheDingYiJu"),
    "snake": ("shixiang_mingcheng", "shixiang_leixing", "sheding_yiju"),
}


@pytest.mark.parametrize("keys", PINYIN, ids=list(PINYIN))
def test_json_keys_in_whole_pinyin_are_headers(tmp_path: Path, keys: str) -> None:
    # Before: no key was a header; the file was refused (plausibility 0.00)
    data = _records(FORESTRY, PINYIN[keys], serial="xuhao")
    plist = read_written(tmp_path, "list.json", json.dumps(data, ensure_ascii=False, indent=2))
    assert _seen(plist) == [(r[0], r[1], None, None, str(n)) for n, r in enumerate(FORESTRY, 1)]
    assert [i.basis for i in plist.items] == [r[2] for r in FORESTRY]
    _same(tmp_path / "list.json", 1)


def test_a_pinyin_department_key_is_the_items_department(tmp_path: Path) -> None:
    data = [{"shixiangmingcheng": r[0], "shishizhuti": "县林业局"} for r in FORESTRY]
    plist = read_written(tmp_path, "list.json", json.dumps(data, ensure_ascii=False, indent=2))
    assert [(i.name, i.department) for i in plist.items] == [(r[0], "县林业局") for r in FORESTRY]


def test_the_pinyin_data_examples_and_counterexamples() -> None:
    data = load_pinyin()
    assert {h: map_header(h) for h in data["examples"]} == data["examples"]
    assert [h for h in data["counterexamples"] if map_header(h)] == []


# ---- 3. an HTML table in Markdown under its list's title -------------------------------------


def _html_table(rows) -> str:
    head = "<tr><th>序号</th><th>事项名称</th><th>事项类型</th><th>设定依据</th></tr>"
    body = "".join(
        f"<tr><td>{n}</td><td>{r[0]}</td><td>{r[1]}</td><td>{r[2]}</td></tr>\n"
        for n, r in enumerate(rows, 1)
    )
    return f"<table>\n{head}\n{body}</table>"


MARKED = {
    "h1": "# {}权责清单",
    "h2": "## {}权责清单",
    "edition": "# {}权责清单（2024年版）",
    "bold": "**{}权责清单**",
    "annex": "### 附件1：{}权责清单",
}


@pytest.mark.parametrize("title", MARKED, ids=list(MARKED))
def test_an_html_table_in_markdown_takes_its_titles_department(tmp_path: Path, title: str) -> None:
    # Before: the title was no context line (text of the body's own), no item had a
    # section_department and the list no title
    text = f"{MARKED[title].format('某县林业局')}\n\n{_html_table(FORESTRY)}\n"
    plist = read_written(tmp_path, "list.md", text)
    assert _seen(plist) == [
        (r[0], r[1], None, "某县林业局", str(n)) for n, r in enumerate(FORESTRY, 1)
    ]
    assert plist.meta.title is not None and "某县林业局" in plist.meta.title
    _same(tmp_path / "list.md", 1)


def test_two_html_tables_in_markdown_each_under_its_title(tmp_path: Path) -> None:
    # Before: neither table's items had a section_department
    text = f"# 某县林业局权责清单\n\n{_html_table(FORESTRY)}\n\n"
    text += f"# 某县水务局权责清单\n\n{_html_table(WATERWORKS)}\n"
    plist = read_written(tmp_path, "list.md", text)
    assert _seen(plist) == [
        *((r[0], r[1], None, "某县林业局", str(n)) for n, r in enumerate(FORESTRY, 1)),
        *((r[0], r[1], None, "某县水务局", str(n)) for n, r in enumerate(WATERWORKS, 1)),
    ]
    _same(tmp_path / "list.md", 1)


def test_an_html_pages_title_names_its_tables_department(tmp_path: Path) -> None:
    # Before: only a department's name alone over a table gave it; its list's title did not
    page = f"<html><body><h2>某县林业局权责清单</h2>\n{_html_table(FORESTRY)}\n</body></html>\n"
    plist = read_written(tmp_path, "list.html", page)
    assert [i.section_department for i in plist.items] == ["某县林业局"] * 2
    _same(tmp_path / "list.html", 1)


# ---- 4. records-only Markdown: the title's department, the headings' serials ----------------


def _labelled(rows, heading: str = "### {n}. {name}", first: int = 1) -> list[str]:
    lines = []
    for n, (name, kind, basis) in enumerate(rows, first):
        lines += [heading.format(n=n, name=name), ""]
        lines += [
            f"- **事项名称**：{name}",
            f"- **事项类型**：{kind}",
            f"- **设定依据**：{basis}",
            "",
        ]
    return lines


HEADINGS = {
    "dot": "### {n}. {name}",
    "comma": "### {n}、{name}",
    "h2": "## {n}. {name}",
    "bracketed": "### （{n}）{name}",
}


@pytest.mark.parametrize("heading", HEADINGS, ids=list(HEADINGS))
def test_records_only_markdown_takes_its_titles_department_and_headings_serials(
    tmp_path: Path, heading: str
) -> None:
    # Before: no section_department (the title's # marks hid it) and no serial
    lines = ["# 某县林业局权责清单", "", *_labelled(FORESTRY, HEADINGS[heading])]
    plist = read_written(tmp_path, "list.md", "\n".join(lines))
    assert _seen(plist) == [
        (r[0], r[1], None, "某县林业局", str(n)) for n, r in enumerate(FORESTRY, 1)
    ]
    _same(tmp_path / "list.md", 1)


def test_records_only_markdown_under_two_titles(tmp_path: Path) -> None:
    lines = ["# 某县林业局权责清单", "", *_labelled(FORESTRY), "# 某县水务局权责清单", ""]
    lines += _labelled(WATERWORKS, first=3)
    plist = read_written(tmp_path, "list.md", "\n".join(lines))
    assert _seen(plist) == [
        *((r[0], r[1], None, "某县林业局", str(n)) for n, r in enumerate(FORESTRY, 1)),
        *((r[0], r[1], None, "某县水务局", str(n)) for n, r in enumerate(WATERWORKS, 3)),
    ]
    _same(tmp_path / "list.md", 1)


def test_a_heading_naming_another_item_gives_no_serial(tmp_path: Path) -> None:
    lines = ["# 某县林业局权责清单", "", *_labelled(FORESTRY)]
    lines[2] = "### 1. 林木采伐"  # not the record's name: its number is no serial of that item
    plist = read_written(tmp_path, "list.md", "\n".join(lines))
    assert [i.row for i in plist.items] == [None, None]
