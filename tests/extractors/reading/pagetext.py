"""Test helper: writes a known set of power items into the shapes of a web page copied as text
(page chrome, an issuing notice, headers spaced, run together, wrapped, one word per line or
paragraph, letter-spaced; rows with space-run separators, one cell per paragraph, serials run
into the name, group rows, a record printed twice, a download cut off), so that reading the page
back can be compared with the items written."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal

HeaderStyle = Literal["spaced", "glued", "wrapped", "lines", "paragraphs", "letters"]
RowStyle = Literal["spaced", "paragraphs", "glued-serial", "letter-spaced"]

#: Header words of each field, as lists write them.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "row": ("序号", "编号"),
    "name": ("事项名称", "职权名称", "项目名称", "权力名称"),
    "type": ("事项类型", "职权类型", "权力类型", "权力类别"),
    "department": ("实施主体", "行使主体", "实施部门"),
    "basis": ("设定依据", "实施依据", "职权依据", "法律依据"),
    "level": ("行使层级", "实施层级"),
    "responsibility": ("责任事项",),
    "accountability": ("追责情形",),
}
#: Column orders found in real lists (each free-text cell is followed by a cell of recognisable
#: shape, or opens in a recognisable way).
TEMPLATES: tuple[tuple[str, ...], ...] = (
    ("row", "name", "type", "department", "basis", "level"),
    ("row", "type", "name", "basis", "responsibility", "accountability"),
    ("row", "name", "type", "basis", "department", "level"),
    ("row", "department", "name", "type", "basis", "level", "accountability"),
)
LETTER_TEMPLATE = ("row", "name", "type", "basis")
TYPES = ("行政许可", "行政处罚", "行政检查", "行政确认", "行政强制", "其他行政权力")
_ACTS = ("未按规定报送统计资料", "擅自占用林地", "违反渔业船舶管理规定", "无证经营旅行社业务",
         "超限运输车辆擅自行驶公路", "伪造采集证")  # fmt: skip
_THINGS = ("林木采伐", "渔业船舶登记", "建设项目用地预审", "道路运输经营", "旅行社设立")
_ENDS = ("审批", "许可", "核准", "备案")
DEPARTMENTS = ("县林业局", "区市场监管局", "市交通运输局", "县农业农村局", "区文化旅游委")
LEVELS = ("县级", "市级、区县级", "省级、市级、县级")
_LAWS = ("森林法", "渔业法", "公路法", "统计法", "旅游法")
_NUMERALS = ("三", "十", "十二", "二十七", "五十六", "七十六")
_SENTENCES = ("违反本法规定的，由主管部门责令改正", "应当依法取得许可", "处一万元以下罚款")


@dataclass(frozen=True, slots=True)
class Item:
    """A power item as the renderer writes it (row None: a list without serials)."""

    row: str | None
    name: str
    type: str
    department: str
    basis: str
    level: str
    responsibility: str
    accountability: str


@dataclass(frozen=True, slots=True)
class Layout:
    """How a page shows its list."""

    columns: tuple[str, ...]
    header: HeaderStyle = "spaced"
    rows: RowStyle = "spaced"
    serial_column: bool = True  # the header has a 序号 column
    serials: bool = True  # the rows have serials
    dot: str = ""  # written after each serial ("1." / "1、")
    first: int = 1  # the first serial
    groups: bool = False  # types given by group rows (一、行政许可（2项）) instead of a column
    annexes: bool = False  # one list per type (附件1 …行政许可事项清单), its title giving the type
    chrome: bool = True
    notice: bool = False
    twice: bool = False  # the first record printed twice
    one_line: bool = False  # the header and records run on one line (a transcript)
    cut: bool = False  # the download stops inside the last record
    words: dict[str, str] = field(default_factory=dict)  # header word of each key


def make_item(rng: random.Random, row: str | None) -> Item:
    """An item with cells of the shapes real lists use."""
    kind = rng.choice(TYPES)
    if kind == "行政处罚":
        name = f"对{rng.choice(_ACTS)}的处罚"
    else:
        name = rng.choice(_THINGS) + rng.choice(_ENDS)
    clauses = [
        f"《中华人民共和国{rng.choice(_LAWS)}》第{rng.choice(_NUMERALS)}条"
        f"{rng.choice(['', '  ', '：'])}{rng.choice(_SENTENCES)}。"
        for _ in range(rng.randint(1, 2))
    ]
    if len(clauses) > 1:
        clauses = [f"{n}.{c}" for n, c in enumerate(clauses, start=1)]
    return Item(
        row=row,
        name=name,
        type=kind,
        department=rng.choice(DEPARTMENTS),
        basis="\n".join(clauses),
        level=rng.choice(LEVELS),
        responsibility="1.受理阶段责任：公示依法应当提交的材料。\n2.审查阶段责任：审查申请材料。",
        accountability="因不履行或不正确履行行政职责，有下列情形之一的，应承担相应责任：\n"
        "1.对符合法定条件的申请不予受理的；\n2.未依法说明理由的。",
    )


def _letter_spaced(text: str) -> str:
    """A space between every character, numbers with their dots and brackets kept whole."""
    out: list[str] = []
    for char in text:
        joined = out and (
            (out[-1][-1].isdigit() and (char.isdigit() or char in ".)"))
            or (out[-1][-1] == "(" and char.isdigit())
        )
        if char.isspace():
            continue
        if joined:
            out[-1] += char
        else:
            out.append(char)
    return " ".join(out)


def _header(layout: Layout, rng: random.Random) -> str:
    words = [
        layout.words[k]
        for k in layout.columns
        if (k != "row" or layout.serial_column) and (k != "type" or not _typeless(layout))
    ]
    style = layout.header
    if style == "glued":
        return "".join(words)
    if style == "lines":
        return "\n".join(words)
    if style == "paragraphs":
        return "\n\n".join(words)
    if style == "letters":
        return "    ".join("  ".join(w) for w in words)
    if style == "wrapped":
        return "\n".join(
            f"{w[:2]}\n{w[2:]}" if len(w) == 4 and rng.random() < 0.5 else w for w in words
        )
    return rng.choice([" ", "  ", "   "]).join(words)


def _cells(item: Item, layout: Layout) -> list[str]:
    cells = []
    for key in layout.columns:
        if key == "row":
            if item.row is not None:
                cells.append(item.row + layout.dot)
        elif key == "type" and _typeless(layout):
            continue
        else:
            cells.append(getattr(item, key))
    return cells


def _typeless(layout: Layout) -> bool:
    """True when the rows carry no type cell: group rows or list titles give it."""
    return layout.groups or layout.annexes


def _row(item: Item, layout: Layout, rng: random.Random) -> str:
    cells = _cells(item, layout)
    if layout.rows == "paragraphs":
        return "\n\n".join(cells)
    if layout.rows == "letter-spaced":
        return " ".join(cells)
    gap = rng.choice([" ", "  ", "    "])
    text = ""
    for n, cell in enumerate(cells):
        if not n:
            text = cell
        elif n == 1 and layout.rows == "glued-serial" and item.row is not None:
            text += cell
        elif n == 2 and item.row is not None and rng.random() < 0.3:
            text += "\n" + cell  # the name broken onto its own line
        else:
            text += gap + cell
    return text


def _cut(row: str, item: Item, layout: Layout) -> str:
    """``row`` stopped one character into the cell after the name (after the name when the
    cells run together letter-spaced: there the reader cannot tell where the name ends)."""
    cells = _cells(item, layout)
    name = cells.index(item.name)
    if name + 1 == len(cells) or layout.rows == "letter-spaced":
        return row[: row.index(item.name) + len(item.name)]
    at = row.index(cells[name + 1], row.index(item.name) + len(item.name))
    return row[: at + 1]


def _group_heading(kind: str, count: int, n: int, rng: random.Random) -> str:
    ordinals = "一二三四五六七八九十"
    return rng.choice(
        [
            f"{ordinals[n % 10]}、{kind}（{count}项）",
            f"{kind} 共{count}项",
            f"（{ordinals[n % 10]}）{kind}",
        ]
    )


def _chrome(rng: random.Random) -> list[str]:
    return [
        "您当前的位置：首页 > 政务公开 > 权责清单",
        f"{rng.choice(DEPARTMENTS)}权责清单",
        f"发布时间：2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}  "
        f"浏览次数：{rng.randint(1, 999)}",
        "索引号：000014349/2023-00021  发文机关：某县人民政府办公室",
        "",
    ]


def _notice(rng: random.Random) -> list[str]:
    blanks = [" ", ""] * rng.randint(1, 6)
    return [
        "关于印发《某县权责清单》的通知",
        "",
        "各乡镇人民政府，县直各单位：",
        "    现将《某县权责清单》印发给你们，请认真贯彻执行。",
        *blanks,
        "                某县人民政府办公室",
        "                2023年5月6日",
        *blanks,
        "附件1",
    ]


def render(items: list[Item], layout: Layout, rng: random.Random) -> str:
    """The page text of ``items`` in ``layout`` (a cut page stops inside the last record, after
    its name and the cell after it; with annexes, the items of one type follow each other)."""
    lines: list[str] = []
    if layout.chrome:
        lines += _chrome(rng)
    if layout.notice:
        lines += _notice(rng)
    separator = "\n\n" if layout.rows == "paragraphs" or not layout.serials else "\n"
    if layout.one_line:
        separator = " "
    previous: str | None = None
    groups = 0
    body: list[str] = []
    for n, item in enumerate(items):
        if item.type != previous and (layout.annexes or not n):
            if n:
                lines.append(separator.join(body))
                body = []
            if layout.annexes:
                lines += [f"附件{groups + 1}", f"某县{item.type}事项清单"]
            else:
                lines.append("某县行政权力清单")
            body.append(_header(layout, rng))
        if layout.groups and item.type != previous:
            count = sum(1 for i in items if i.type == item.type)
            body.append(_group_heading(item.type, count, groups, rng))
        if item.type != previous:
            groups += 1
        previous = item.type
        row = _row(item, layout, rng)
        if layout.cut and n == len(items) - 1:
            row = _cut(row, item, layout)
        body.append(row)
        if layout.twice and n == 0:
            body.append(row)
    lines.append(separator.join(body))
    if layout.chrome and not layout.cut:
        lines += ["", "【打印本页】 【关闭窗口】", "扫一扫在手机打开当前页"]
    text = "\n".join(lines)
    if layout.rows == "letter-spaced":
        text = "\n".join(_letter_spaced(line) for line in text.split("\n"))
    return text + ("" if layout.cut else "\n")
