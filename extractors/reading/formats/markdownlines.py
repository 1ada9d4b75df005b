"""Tells what a line of a Markdown file outside its pipe rows is, once a pipe table has begun:
a row of a list in a spaced layout, a label：value line of a record (a 责任清单 written under
the 权力清单's table), a line of list content in no table (a numbered item written out), or
context (headings, notes, a signature, page chrome, prose)."""

from __future__ import annotations

import re
from typing import Literal

from extractors.reading.formats.labelled import label_key
from extractors.reading.meta import unmarked
from extractors.reading.vocab import (
    is_item_name_like,
    is_page_chrome,
    is_table_note,
    starts_item_name,
    types_named,
)

#: Why a label：value line under the tables that opens no record is no item.
LABEL_OUTSIDE = (
    "a label：value line under the pipe tables, in no record opening with the item's name: "
    "not read as an item"
)
#: Why a numbered line of list content under the tables is no item.
CONTENT_OUTSIDE = (
    "a numbered line of list content under the pipe tables (its item's name, type or citation), "
    "in no row of a table: not read as an item"
)

# A gap between the cells of a spaced row: a tab, or two spaces or more.
_GAP = re.compile(r"\t|[ \u3000]{2,}")
# A Markdown list's marker, a quotation's, before a line's text.
_MARKER = re.compile(r"^(?:[-*+>]\s+)+")
# The serial a numbered line opens with: 4. 4、 4） （4）
_SERIAL = re.compile(r"^(?:\d{1,4}\s*[.．、)）]|[（(]\d{1,4}[)）])\s*")
# A Markdown heading's marks (a heading is no row, whatever it holds).
_HEADING = re.compile(r"^#{1,6}\s")
# A citation of an article: 《…》 then 第N条 further on.
_ARTICLE = re.compile(r"《[^》\n]{2,60}》[^《\n]{0,20}?第[〇零一二三四五六七八九十百千\d]{1,6}条")

#: a label：value line, a line of list content, or a reject a reader said (a JSON fence's)
Loose = Literal["label", "content", "reject"]


def spaced_cells(line: str) -> list[str] | None:
    """The cells of a line written as a row of a spaced layout (three cells or more, apart at
    tabs or gaps of two spaces), else None.

    >>> spaced_cells("序号  事项名称\\t事项类型  设定依据")
    ['序号', '事项名称', '事项类型', '设定依据']
    >>> spaced_cells("版权所有：某县人民政府  技术支持：某公司") is None
    True
    """
    cells = _GAP.split(line.strip())
    return cells if len(cells) >= 3 and all(cells) else None


def loose_text(line: str) -> str:
    """The text of a line outside the pipe rows without Markdown's list or quotation marker.

    >>> loose_text("- **事项名称：**城乡医疗救助")
    '**事项名称：**城乡医疗救助'
    """
    return _MARKER.sub("", line.strip()).strip()


def opens_note(line: str) -> bool:
    """True for a line that opens the notes under a table (注：…, > 说明：…, ### 说明): the
    numbered lines below it are the notes', no items.

    >>> opens_note("### 说明"), opens_note("注："), opens_note("> 备注：动态调整")
    (True, True, True)
    >>> opens_note("说明书")
    False
    """
    text = unmarked(loose_text(line))
    return bool(text) and (is_table_note(text) or is_table_note(f"{text}："))


def is_heading(line: str) -> bool:
    """True for a Markdown heading (## 二、责任清单).

    >>> is_heading("## 说明"), is_heading("#说明")
    (True, False)
    """
    return _HEADING.match(line.strip()) is not None


def loose_kind(line: str) -> Loose | None:
    """What a line outside the pipe rows under a table holds: ``"label"`` (a label：value line
    naming a field: 事项名称：…, - **追责依据：**…), ``"content"`` (a numbered line holding an
    item's name, a power type or an article's citation: 4. 对…的行政处罚，依据《…》第七十八条),
    or None (context: a heading, a note, page chrome, a date, a signature, prose).

    >>> loose_kind("- 事项名称：林木采伐许可证核发"), loose_kind("注：本清单动态调整。")
    ('label', None)
    >>> loose_kind("4. 对非法收购盗伐林木的行政处罚，依据《中华人民共和国森林法》第七十八条")
    'content'
    >>> loose_kind("1. 本清单依据《某省权责清单管理办法》编制"), loose_kind("### 1. 取水许可")
    (None, None)
    """
    if is_heading(line):
        return None
    text = unmarked(loose_text(line))
    if not text or is_page_chrome(text) or is_table_note(text):
        return None
    if label_key(loose_text(line)) is not None:
        return "label"
    serial = _SERIAL.match(text)
    if serial is None:
        return None
    rest = text[serial.end() :]
    head = re.split(r"[，,。；;\s]", rest, maxsplit=1)[0]
    if starts_item_name(rest) or is_item_name_like(head) or types_named(rest):
        return "content"
    return "content" if _ARTICLE.search(rest) else None
