"""Test helper: writes a known set of power items the ways departments publish them, as pipe
tables (rows with or without opening pipes, wrapped inside or between cells or one cell per line,
title and count rows, group rows that give the type, ragged sub-item rows, CR-only line ends) and
as vertical records (label：value, label value and label | value lines, letter-spaced labels,
names as headings, values in blocks under their label)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Literal

#: What reading a rendered list must give back for each item.
KEYS = ("row", "name", "parent", "subitems", "type", "department", "basis")


@dataclass(frozen=True, slots=True)
class Item:
    """An item to render: a main item, with the names of its sub-items (none for most)."""

    name: str
    type: str
    department: str
    basis: tuple[str, ...]  # the basis cell's lines
    subitems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TableStyle:
    """How a pipe table is written."""

    opening: bool  # rows open with a pipe
    groups: bool  # group rows (一、行政许可 共N项) above the items of each type, type cells empty
    title: bool  # a title row and a count row above the header
    padded: bool  # ragged sub-item rows padded with empty cells at the end
    newline: Literal["\n", "\r\n", "\r"] = "\n"
    #: per row: "line", "between" (broken between two cells), "inside" (a basis line break
    #: written raw), "cells" (each cell on a line of its own)
    wraps: tuple[str, ...] = field(default_factory=tuple)


def expected(items: list[Item], *, serials: bool = True) -> list[dict[str, object]]:
    """The items a reader gives back, in the reader's model: one item per main item, named by
    it, listing its 子项 in ``subitems`` (the sub-item rows carry the main item's cells)."""
    return [
        {
            "row": str(n) if serials else None,
            "name": item.name,
            "parent": None,
            "subitems": list(item.subitems),
            "type": item.type,
            "department": item.department,
            "basis": "\n".join(item.basis),
        }
        for n, item in enumerate(items, start=1)
    ]


# -- pipe tables --------------------------------------------------------------------------------

HEADER = ("序号", "事项名称", "子项名称", "事项类型", "实施主体", "设定依据")


def _line(cells: list[str], style: TableStyle) -> str:
    body = " | ".join(cells) + " |"
    return f"| {body}" if style.opening else body


def _table_row(cells: list[str], style: TableStyle, wrap: str, rng: random.Random) -> list[str]:
    """The lines of one row written with ``wrap``."""
    if wrap == "cells":
        return [_line([c], style) for c in cells]
    if wrap == "between":
        cut = rng.randrange(1, len(cells))
        return [_line(cells[:cut], style), _line(cells[cut:], style)]
    return [_line(cells, style)]


def render_table(items: list[Item], style: TableStyle, seed: int = 0) -> str:
    """``items`` as one pipe table; the type cells are empty under group rows."""
    rng = random.Random(seed)
    width = len(HEADER)
    lines: list[str] = []
    if style.title:
        lines.append(_line(["某县人民政府权责清单", *[""] * (width - 1)], style))
        counts = "、".join(f"{t}{sum(i.type == t for i in items)}项" for t in _types(items))
        lines.append(_line([f"（{counts}）", *[""] * (width - 1)], style))
    lines.append(_line(list(HEADER), style))
    if style.opening:
        lines.append("|" + "---|" * width)
    wraps = iter(style.wraps)
    group = None
    for n, item in enumerate(items, start=1):
        if style.groups and item.type != group:
            group = item.type
            total = sum(i.type == group for i in items)
            lines.append(_line([f"一、{group} 共{total}项", *[""] * (width - 1)], style))
        kind = "" if style.groups else item.type
        first, *others = item.subitems or ("",)
        basis = "\n".join(item.basis)
        wrap = next(wraps, "line")
        if wrap == "inside" and style.opening:
            wrap = "line"  # a raw break in a row that opens with a pipe cannot be told apart
        cells = [str(n), item.name, first, kind, item.department, basis]
        if wrap != "inside":
            cells[5] = basis.replace("\n", "<br>")
        lines += _table_row(cells, style, wrap, rng)
        for sub in others:
            # A ragged row: the serial and the name sit under the cells merged from above.
            ragged = [sub, kind, item.department, basis.replace("\n", "<br>")]
            lines.append(_line(ragged + [""] * 2 if style.padded else ragged, style))
    return style.newline.join(lines) + style.newline


def _types(items: list[Item]) -> list[str]:
    return list(dict.fromkeys(i.type for i in items))


# -- vertical records ---------------------------------------------------------------------------

RecordShape = Literal["colon", "space", "table", "heading-colon", "heading-table"]
#: The labels of each field, in the variants lists use.
LABELS = {
    "name": ("事项名称", "职权名称", "权力名称"),
    "type": ("事项类型", "职权类别", "类别"),
    "department": ("实施主体", "实施机构", "行使主体"),
    "basis": ("设定依据", "实施依据", "法律依据"),
}


def _spaced(label: str) -> str:
    return " ".join(label)


def render_records(items: list[Item], shape: RecordShape, seed: int = 0) -> str:
    """``items`` (without sub-items) as vertical records of ``shape``, one per item, under a
    line of page chrome; labels chosen and letter-spaced at random, the same for every item."""
    rng = random.Random(seed)
    labels = {key: rng.choice(options) for key, options in LABELS.items()}
    if shape in ("colon", "heading-colon"):
        labels = {k: _spaced(v) if rng.random() < 0.3 else v for k, v in labels.items()}
    colon = rng.choice(("：", ": ", ":"))
    block = rng.random() < 0.5  # the basis on the lines under its label
    lines = ["首页 > 政务公开 > 权责清单"]
    for n, item in enumerate(items, start=1):
        values = {
            "name": item.name,
            "type": item.type,
            "department": item.department,
            "basis": "\n".join(item.basis),
        }
        keys = list(values)
        if shape.startswith("heading"):
            keys.remove("name")
            heading = rng.choice((f"{n}. {item.name}", f"## {item.name}", item.name))
            lines += ["", heading]
        for key in keys:
            label, value = labels[key], values[key]
            if shape in ("colon", "heading-colon"):
                if key == "basis" and block:
                    lines += [f"{label}{colon}", *item.basis]
                else:
                    lines.append(f"{label}{colon}{value}")
            elif shape == "space":
                lines.append(f"{label} {value.replace(chr(10), ' ')}")
            else:
                lines.append(f"| {label} | {value.replace(chr(10), '<br>')} |")
    return "\n".join(lines) + "\n"


def record_rows(items: list[Item], shape: RecordShape, text: str) -> list[str | None]:
    """The serials a reading of ``render_records`` gives: only numbered headings have them."""
    rows: list[str | None] = []
    lines = text.splitlines()
    for n, item in enumerate(items, start=1):
        numbered = shape.startswith("heading") and f"{n}. {item.name}" in lines
        rows.append(str(n) if numbered else None)
    return rows
