"""Round 11 of page text: what the round's probes (fixed-width copies whose department wraps in
its column, cells apart at ideographic spaces, HTML department headings in bold or a styled
paragraph, portal templates, forum and 微博 posts, headers repeated every few rows, literal
``\\n`` / ``<br>`` in cells, names over three lines, two lists on a page, a table of contents)
found read silently wrong, refused or said where structure tells. Each whole and in batches."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.test_stream import _same

TITLE = "某县权责清单"
FOREST = "《中华人民共和国森林法》"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fixed(rows: list[tuple[str | tuple[str, ...], ...]], widths: tuple[int, ...]) -> list[str]:
    """The rows printed in columns of ``widths`` (display width), a cell given as a tuple
    wrapped in its column over as many lines."""
    lines = []
    for row in rows:
        parts = [c if isinstance(c, tuple) else (c,) for c in row]
        for k in range(max(len(p) for p in parts)):
            pieces = [p[k] if k < len(p) else "" for p in parts]
            line = "".join(c + " " * (w - _width(c)) for c, w in zip(pieces, widths, strict=True))
            lines.append(line.rstrip())
    return lines


def _sure(
    tmp_path: Path, text: str, expected: list[dict[str, str]], name: str = "page.txt"
) -> None:
    """The page ``text`` read as ``expected``, sure and without notes, whole and in batches."""
    plist = read_written(tmp_path, name, text)
    assert filled_fields(plist, tuple(expected[0])) == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(tmp_path / name, 1)


# ---- 1. a department's name wrapped inside its fixed-width column ---------------------------

MARKET = ("县市场监督", "管理局")
HEALTH = ("县卫生健康委", "员会")
WRAPPED = {
    # (header, widths, rows): the department wrapped, no other cell of the row wrapped
    "department-middle": (
        ("序号", "事项名称", "事项类型", "实施主体", "设定依据"),
        (6, 26, 12, 16, 30),
        [
            ("1", "林木采伐许可证核发", "行政许可", MARKET, f"{FOREST}第五十六条"),
            ("2", "对擅自改变林地用途的处罚", "行政处罚", "县林业局", f"{FOREST}第七十三条"),
            ("3", "食品经营许可", "行政许可", HEALTH, "《中华人民共和国食品安全法》第三十五条"),
        ],
    ),
    "department-last": (
        ("序号", "事项名称", "事项类型", "设定依据", "实施主体"),
        (6, 26, 12, 38, 14),
        [
            ("1", "林木采伐许可证核发", "行政许可", f"{FOREST}第五十六条", MARKET),
            ("2", "对擅自改变林地用途的处罚", "行政处罚", f"{FOREST}第七十三条", "县林业局"),
            ("3", "食品经营许可", "行政许可", "《中华人民共和国食品安全法》第三十五条", HEALTH),
        ],
    ),
    "department-first": (
        ("序号", "实施主体", "事项名称", "事项类型", "设定依据"),
        (6, 16, 26, 12, 30),
        [
            ("1", MARKET, "林木采伐许可证核发", "行政许可", f"{FOREST}第五十六条"),
            ("2", "县林业局", "对擅自改变林地用途的处罚", "行政处罚", f"{FOREST}第七十三条"),
            ("3", HEALTH, "食品经营许可", "行政许可", "《中华人民共和国食品安全法》第三十五条"),
        ],
    ),
}
KEYS = {"序号": "row", "事项名称": "name", "事项类型": "type", "实施主体": "department",
        "设定依据": "basis"}  # fmt: skip


@pytest.mark.parametrize("pad", ["  ", "\u3000"], ids=["spaces", "ideographic"])
@pytest.mark.parametrize("shape", WRAPPED)
def test_a_department_wrapped_in_its_fixed_width_column_is_one_cell(
    tmp_path: Path, shape: str, pad: str
) -> None:
    # pdftotext -layout (or a terminal's view) wraps 县市场监督管理局 inside its column, no other
    # cell of the row wrapped; or a copy pads its columns with ideographic spaces (one for two
    # ASCII ones). Before: 县市场监督\n管理局 said unanchored-cell; the department last, 管理局
    # read as the department and 县市场监督 as more of the basis, sure
    header, widths, rows = WRAPPED[shape]
    lines = [*_fixed([header], widths), *_fixed(rows, widths)]
    text = "\n".join([TITLE, "", *(line.replace("  ", pad) for line in lines)]) + "\n"
    expected = [
        {KEYS[h]: "".join(c) if isinstance(c, tuple) else c for h, c in zip(header, r, strict=True)}
        for r in rows
    ]
    _sure(tmp_path, text, expected)


# ---- 2. cells apart at ideographic spaces (U+3000) instead of ASCII ones --------------------

RECORD = [
    "权责事项（县林业局-行政许可）",
    "事项编码 00XK330001  职权类别 行政许可",
    "事项名称 林木采伐许可证核发",
    "实施主体",
    "县林业局 职责依据",
    "县编办〔2019〕12号主要职责第三条第二项",
    f"设定依据 【法律】{FOREST}第五十六条：采伐林地上的林木应当申请采伐许可证。",
    "办理环节 责任事项",
    "受 理 公示应当提交的材料，一次性告知补正材料。",
]


@pytest.mark.parametrize("space", [" ", "\u3000"], ids=["ascii", "ideographic"])
def test_a_record_whose_gaps_are_ideographic_spaces_reads_as_the_ascii_spaced_one(
    tmp_path: Path, space: str
) -> None:
    # a label-value page (label and value apart at a space) with every space an ideographic
    # one: the department's line (县林业局 职责依据) ran into the department, as one value,
    # where the ASCII-spaced page keeps its tail apart (unlabelled-text). Before: the
    # ideographic page read 县林业局\u3000职责依据\n县编办… as the department, sure
    text = "\n".join(line.replace(" ", space) for line in RECORD) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    assert [(i.code, i.name, i.type, i.department) for i in plist.items] == [
        ("00XK330001", "林木采伐许可证核发", "行政许可", "县林业局")
    ]
    assert [a.code for a in plist.items[0].anomalies] == ["unlabelled-text"]
    assert dict(plist.items[0].extra)["无标签文字"].startswith("职责依据")
    _same(tmp_path / "page.txt", 1)


# ---- 3. HTML department headings in bold or a paragraph of their own class --------------------

DEPARTMENTS = {
    "县林业局": [("1", "林木采伐许可证核发", "行政许可", f"{FOREST}第五十六条")],
    "县人力资源和社会保障局": [
        (
            "1",
            "对未按规定办理社会保险登记的处罚",
            "行政处罚",
            "《中华人民共和国社会保险法》第八十四条",
        ),
        ("2", "职业技能鉴定机构设立审批", "行政许可", "《中华人民共和国劳动法》第六十九条"),
    ],
}
HEADINGS = {
    "strong-alone": "<strong>{}</strong>",
    "strong-in-div": "<div><strong>{}</strong></div>",
    "b-in-paragraph": "<p><b>{}</b></p>",
    "paragraph-class": '<p class="dept-title">{}</p>',
    "h4": "<h4>{}</h4>",
    "ordinal-long-name": "<p><strong>{n}、{}</strong></p>",
    "ordinal-in-brackets": "<p><b>（{n}）{}</b></p>",
    "span-bold-style": '<p style="text-align:center"><span style="font-weight:bold">{}</span></p>',
}
HTML_FIELDS = ("row", "name", "type", "basis", "section_department")


def _page(body: str) -> str:
    return f'<html><head><meta charset="utf-8"></head><body><h1>{TITLE}</h1>{body}</body></html>'


def _expected() -> list[dict[str, str]]:
    return [
        dict(zip(HTML_FIELDS, (*r, d), strict=True))
        for d, rows in DEPARTMENTS.items()
        for r in rows
    ]


@pytest.mark.parametrize("heading", HEADINGS)
def test_a_bold_heading_between_tables_gives_their_department(tmp_path: Path, heading: str) -> None:
    # a department's name in <strong> / <b> (not <h1>–<h6>) over each department's table.
    # Before: a bold heading outside a paragraph was no line of the page, a numbered name
    # longer than ten characters (一、县人力资源和社会保障局) named no department: the items
    # had no section_department, or the first table's, sure
    head = "<tr><th>序号</th><th>事项名称</th><th>事项类型</th><th>设定依据</th></tr>"
    body = ""
    for n, (department, rows) in enumerate(DEPARTMENTS.items()):
        cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        body += HEADINGS[heading].format(department, n="一二"[n]) + f"<table>{head}{cells}</table>"
    _sure(tmp_path, _page(body), _expected(), "page.html")


@pytest.mark.parametrize("heading", HEADINGS)
def test_a_heading_between_records_gives_their_department(tmp_path: Path, heading: str) -> None:
    # label：value records in paragraphs, each department's under its heading. Before: the
    # heading (bold, a class of its own, even <h4>) read as more of the basis above it
    # (《…》第五十六条\n县人力资源和社会保障局) and no item had a section_department, sure
    body = ""
    for n, (department, rows) in enumerate(DEPARTMENTS.items()):
        body += HEADINGS[heading].format(department, n="一二"[n])
        for _, name, kind, basis in rows:
            body += f"<p>事项名称：{name}</p><p>事项类型：{kind}</p><p>设定依据：{basis}</p>"
    _sure(
        tmp_path,
        _page(body),
        [{k: v for k, v in e.items() if k != "row"} for e in _expected()],
        "page.html",
    )


@pytest.mark.parametrize(
    "classes", [("", ""), ("label", "value")], ids=["same-class", "label-and-value-classes"]
)
def test_a_department_alone_under_its_label_stays_its_value(
    tmp_path: Path, classes: tuple[str, str]
) -> None:
    # a guard: 实施主体 / 县林业局 in two paragraphs (of classes of their own or not) is a label
    # and its value, no heading
    label, value = (f' class="{c}"' if c else "" for c in classes)
    body = ""
    for name, department in (
        ("林木采伐许可证核发", "县林业局"),
        ("食品经营许可", "县市场监督管理局"),
    ):
        body += f"<p{label}>事项名称：</p><p{value}>{name}</p>"
        body += f"<p{label}>实施主体：</p><p{value}>{department}</p>"
        body += f"<p{label}>设定依据：</p><p{value}>{FOREST}第五十六条</p>"
    plist = read_written(tmp_path, "page.html", _page(body))
    assert [(i.name, i.department, i.section_department) for i in plist.items] == [
        ("林木采伐许可证核发", "县林业局", None),
        ("食品经营许可", "县市场监督管理局", None),
    ]


# ---- 4. line breaks written into cells as text (\n, <br>) -----------------------------------

HEADER5 = ("序号", "事项名称", "事项类型", "实施主体", "设定依据", "责任事项")
STAGES = ("1.受理阶段责任：公示应当提交的材料。", "2.审查阶段责任：审查申请材料。")
ARTICLES = (f"{FOREST}第五十六条", f"{FOREST}第五十七条")


@pytest.mark.parametrize("mark", ["\\n", "<br>", "<br/>", "<BR />", "\\r\\n"])
@pytest.mark.parametrize("gap", ["  ", "\u3000"], ids=["spaces", "ideographic"])
def test_line_breaks_written_as_text_in_a_cell_are_its_line_breaks(
    tmp_path: Path, mark: str, gap: str
) -> None:
    # a page copied out of a system that escapes a cell's line breaks (\n) or shows its HTML
    # (<br>). Before: the marks stayed in the basis and the responsibilities, sure
    rows = [
        ("1", "林木采伐许可证核发", "行政许可", "县林业局", mark.join(ARTICLES), mark.join(STAGES)),
        ("2", "食品经营许可", "行政许可", "县市场监督管理局", ARTICLES[0], mark.join(STAGES)),
    ]
    text = "\n".join([TITLE, gap.join(HEADER5), *(gap.join(r) for r in rows)]) + "\n"
    keys = ("row", "name", "type", "department", "basis", "responsibility")
    expected = [
        dict(zip(keys, (*r[:4], r[4].replace(mark, "\n"), "\n".join(STAGES)), strict=True))
        for r in rows
    ]
    _sure(tmp_path, text, expected)


# ---- 5. a list pasted into a forum or 微博 post ----------------------------------------------

POST_ENDS = {
    "weibo": ["转发 评论 赞"],
    "weibo-counts": ["转发(12) 评论(3) 赞(45)"],
    "forum": ["", "回复 引用 举报"],
    "forum-bars": ["回复 | 支持(0) 反对(0)"],
}
CIRCLED = "①②③"
POSTED = [
    ("林木采伐许可证核发", "行政许可", "县林业局", f"{FOREST}第五十六条"),
    ("对未按规定办理社会保险登记的处罚", "行政处罚", "县人力资源和社会保障局",
     "《中华人民共和国社会保险法》第八十四条"),
    ("食品经营许可", "行政许可", "县市场监督管理局", "《中华人民共和国食品安全法》第三十五条"),
]  # fmt: skip


@pytest.mark.parametrize("end", POST_ENDS)
@pytest.mark.parametrize("numbered", ["circled-glued", "circled-apart", "serial-column"])
def test_a_list_pasted_into_a_post_is_read_without_the_posts_buttons(
    tmp_path: Path, end: str, numbered: str
) -> None:
    # items numbered ①②③ (run into the name, apart from it, or under a 序号 column) and the
    # post's buttons under the list. Before: the buttons ran into the last basis (《…》第三十五条
    # 转发 评论 赞), sure; without a 序号 column, ① stayed in the name, sure
    header = ("事项名称", "事项类型", "实施主体", "设定依据")
    if numbered == "serial-column":
        header = ("序号", *header)
    lead = {"circled-glued": "", "circled-apart": "  ", "serial-column": "  "}[numbered]
    rows = [CIRCLED[k] + lead + "  ".join(r) for k, r in enumerate(POSTED)]
    text = "\n".join(["#权责清单# 某县权责清单公布", "  ".join(header), *rows, *POST_ENDS[end]])
    keys = ("row", "name", "type", "department", "basis")
    expected = [dict(zip(keys, (CIRCLED[k], *r), strict=True)) for k, r in enumerate(POSTED)]
    plist = read_written(tmp_path, "page.txt", text + "\n")
    assert filled_fields(plist, keys) == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


# ---- 6. departments of long names under ordinal headings in page text -----------------------


@pytest.mark.parametrize("ordinal", ["{n}、", "（{n}）"])
@pytest.mark.parametrize("gap", ["  ", "\u3000"], ids=["spaces", "ideographic"])
def test_an_ordinal_heading_of_a_long_department_name_gives_its_items_department(
    tmp_path: Path, ordinal: str, gap: str
) -> None:
    # 二、县人力资源和社会保障局 (eleven characters) between a page's department sections.
    # Before: no department named (the vocabulary's ordinal headings held ten characters at
    # most): the heading ran into the basis above it, and the items under it kept the
    # department before, sure
    header = ("序号", "事项名称", "事项类型", "设定依据")
    lines = [TITLE, gap.join(header)]
    expected = []
    for n, (department, rows) in enumerate(DEPARTMENTS.items()):
        lines.append(ordinal.format(n="一二"[n]) + department)
        lines += [gap.join(r) for r in rows]
        expected += [dict(zip(HTML_FIELDS, (*r, department), strict=True)) for r in rows]
    _sure(tmp_path, "\n".join(lines) + "\n", expected)


RECORD_MARKUP = {
    "list-items": lambda r: (
        f"<ul><li>事项名称：{r[1]}</li><li>事项类型：{r[2]}</li><li>设定依据：{r[3]}</li></ul>"
    ),
    "definition-list": lambda r: (
        f"<dl><dt>事项名称</dt><dd>{r[1]}</dd><dt>事项类型</dt>"
        f"<dd>{r[2]}</dd><dt>设定依据</dt><dd>{r[3]}</dd></dl>"
    ),
}


@pytest.mark.parametrize("markup", RECORD_MARKUP)
@pytest.mark.parametrize("heading", ["<h3>{}</h3>", "<div><strong>{}</strong></div>"])
def test_a_heading_over_records_of_list_items_or_definitions_gives_their_department(
    tmp_path: Path, markup: str, heading: str
) -> None:
    # records as <li> label：value lines or <dl> of <dt>/<dd>, each department's under its
    # heading. Before: the heading read as more of the basis above it, no section_department
    body = "".join(
        heading.format(department) + "".join(RECORD_MARKUP[markup](r) for r in rows)
        for department, rows in DEPARTMENTS.items()
    )
    expected = [{k: v for k, v in e.items() if k != "row"} for e in _expected()]
    _sure(tmp_path, _page(body), expected, "page.html")


def test_line_breaks_written_as_text_in_a_cell_of_its_own_paragraph(tmp_path: Path) -> None:
    # each cell a paragraph (a Word table saved as text), the basis's line break escaped.
    # Before: \n stayed in the basis, sure
    cells = [*HEADER5[:5], "1", "林木采伐许可证核发", "行政许可", "县林业局", "\\n".join(ARTICLES)]
    cells += ["2", "食品经营许可", "行政许可", "县市场监督管理局", ARTICLES[0]]
    keys = ("row", "name", "type", "department", "basis")
    rows = [
        ("1", "林木采伐许可证核发", "行政许可", "县林业局", "\n".join(ARTICLES)),
        ("2", "食品经营许可", "行政许可", "县市场监督管理局", ARTICLES[0]),
    ]
    expected = [dict(zip(keys, r, strict=True)) for r in rows]
    _sure(tmp_path, "\n\n".join([TITLE, *cells]) + "\n", expected)


@pytest.mark.parametrize(
    ("marks", "sure"),
    [(("(1)", "(2)", "(3)"), True), (("（1）", "（2）", "（3）"), True), (("1️⃣", "2️⃣", "3️⃣"), False)],
    ids=["brackets", "full-width-brackets", "keycaps"],
)
def test_a_post_numbering_its_items_in_brackets_or_keycaps_gives_their_serials(
    tmp_path: Path, marks: tuple[str, ...], sure: bool
) -> None:
    # (1)林木采伐… run into the name, or a keycap emoji before it, under a header without 序号.
    # Before: the number stayed in the name, sure. Keycaps are no serials the serial check
    # knows: the list is said doubtful
    header = ("事项名称", "事项类型", "实施主体", "设定依据")
    gap = "" if marks[0].startswith(("(", "（")) else " "
    rows = [marks[k] + gap + "  ".join(r) for k, r in enumerate(POSTED)]
    text = "\n".join(["某县权责清单", "  ".join(header), *rows, "转发 评论 赞"]) + "\n"
    keys = ("row", "name", "type", "department", "basis")
    plist = read_written(tmp_path, "page.txt", text)
    assert filled_fields(plist, keys) == [
        dict(zip(keys, (marks[k], *r), strict=True)) for k, r in enumerate(POSTED)
    ]
    assert plist.plausibility is not None and plist.plausibility.doubtful is not sure
    _same(tmp_path / "page.txt", 1)


@pytest.mark.parametrize("mark", ["<br>", "\\n"])
def test_a_line_break_written_in_a_cell_between_two_others_keeps_its_lines_in_it(
    tmp_path: Path, mark: str
) -> None:
    # two offices in the department cell (县林业局<br>县自然资源局), cells after it. Before: the
    # second office was cut off as the start of the basis (县自然资源局《…》), sure; now its two
    # lines, said (an office a line: outside the department's vocabulary as one phrase)
    rows = [
        ("1", "林木采伐许可证核发", "行政许可", f"县林业局{mark}县自然资源局", ARTICLES[0]),
        ("2", "食品经营许可", "行政许可", "县市场监督管理局", ARTICLES[1]),
    ]
    text = "\n".join([TITLE, "  ".join(HEADER5[:5]), *("  ".join(r) for r in rows)]) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    assert [(i.department, i.basis) for i in plist.items] == [
        ("县林业局\n县自然资源局", ARTICLES[0]),
        ("县市场监督管理局", ARTICLES[1]),
    ]
    assert [[a.code for a in i.anomalies] for i in plist.items] == [["unanchored-cell"], []]
    _same(tmp_path / "page.txt", 1)
