"""Round 14 of the PDF readers: tables without borders printed by Chromium with the column
widths the browser chose (a basis of six to eight laws a row squeezing the type column to a
character a line), rows a page break splits, rows set close. Each test builds its PDF in the test
(Chromium, skipped with a reason when missing), reads it whole and in batches, and checks every
cell of every item; each failed on 47282f5."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extractors.reading.formats.documents import office
from extractors.reading.read import read_list
from tests.extractors.reading.test_read_pdf_round8 import _read
from tests.extractors.reading.test_read_pdf_round10 import _printed

# -- a borderless list whose column widths Chromium chose -----------------------------------

_LAWS = (
    "《中华人民共和国食品安全法》",
    "《中华人民共和国药品管理法》",
    "《医疗器械监督管理条例》",
    "《化妆品监督管理条例》",
    "《中华人民共和国产品质量法》",
    "《工业产品生产许可证管理条例》",
    "《中华人民共和国计量法》",
    "《特种设备安全监察条例》",
)
_NUMERALS = "一二三四五六七八九"
_TYPES = ("行政许可", "行政处罚", "行政强制", "行政检查", "行政确认")
_OFFICES = ("县市场监督管理局", "市场监管所", "县市场监督管理局执法大队")
#: headers a site prints, and the fields they name
_HEADERS = {
    "five": (
        ("序号", "事项名称", "事项类型", "设定依据", "实施主体"),
        ("row", "name", "type", "basis", "department"),
    ),
    "four": (("序号", "权力名称", "权力类型", "法律依据"), ("row", "name", "type", "basis")),
    "six": (
        ("序号", "事项名称", "事项类型", "设定依据", "实施主体", "追责依据"),
        ("row", "name", "type", "basis", "department", "accountability_basis"),
    ),
}


def _item(k: int, laws: int, keys: tuple[str, ...], shift: int) -> tuple[str, ...]:
    basis = "；".join(
        f"{_LAWS[(k + j + shift) % 8]}第{_NUMERALS[(k + j) % 9]}十{_NUMERALS[j % 9]}条"
        for j in range(laws)
    )
    cells = {
        "row": str(k),
        "name": f"对第{k}类生产经营单位违法行为的处罚",
        "type": _TYPES[k % 5],
        "basis": basis,
        "department": _OFFICES[(k + shift) % 3],
        "accountability_basis": "《行政机关公务员处分条例》第二十条",
    }
    return tuple(cells[key] for key in keys)


def _page(header: tuple[str, ...], items: list[tuple[str, ...]], valign: str, pad: int) -> str:
    """A table without borders and without widths: Chromium sizes its columns to their text."""
    head = "".join(f"<th>{c}</th>" for c in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in items)
    return (
        '<!doctype html><html><head><meta charset="utf-8"><style>'
        "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:13px}"
        f"td{{vertical-align:{valign}}}</style></head><body>"
        f'<table border="0" cellspacing="0" cellpadding="{pad}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></body></html>"
    )


def _cells(plist: Any, keys: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [tuple("".join((i.get(k) or "").split()) for k in keys) for i in plist.items]


@pytest.mark.parametrize("pad", [2, 4])
@pytest.mark.parametrize("laws", [(6,), (5, 7)], ids=["6", "5-7"])
@pytest.mark.parametrize("valign", ["middle", "top"])
@pytest.mark.parametrize("header", ["five", "six", "four"])
def test_a_borderless_list_whose_widths_chromium_chose_reads_a_row_an_item(
    tmp_path: Path, header: str, valign: str, laws: tuple[int, ...], pad: int
) -> None:
    # Bases of six to eight laws a row: Chromium gives the basis most of the page and squeezes
    # the type to a character a line (行 / 政 / 处 / 罚) under 事项类型, itself wrapped a
    # character a line. Three things went wrong. The columns stayed at the header words'
    # bounds, the cells set flush left of them: the lines below the last serial of a row the
    # page's foot split (top-aligned in what is left of it) began left of 事项名称 and were
    # taken for a note under the table, the row cut (the rest of its lines lost, its type
    # 行 alone). The rest of that row atop the next page (处 / 罚, the type's end) was left a
    # row of its own: an item, or a reject of no name. Rows set close (padding 2 points) were
    # parted nowhere: each column one cell over the page, the first row's type and basis
    # given to every row, said `centred-cell`.
    heads, keys = _HEADERS[header]
    items = [_item(k, laws[k % len(laws)], keys, len(header) + pad) for k in range(1, 13)]
    plist = _read(_printed(tmp_path, _page(heads, items, valign, pad), margins=False))
    assert _cells(plist, keys) == items
    assert not plist.rejects


# -- many narrow columns, a cell's unbreakable run overflowing into the next -------------------

_WIDE_HEADER = (
    "序号",
    "事项名称",
    "检查子项",
    "设定依据",
    "实施主体",
    "检查对象",
    "抽查比例",
    "抽查频次",
    "检查方式",
    "人员要求",
    "备注",
)
_WIDE_KEYS = ("row", "name", "basis", "department")
#: runs a line may not break inside (Latin, digits, a bracketed word: ） opens no line)
_RUNS = ("（药品）", "（试行）", "GSP", "ISO9001", "（第二类）", "〔2015〕25号")
_CHECKED = (
    "《中华人民共和国食品安全法》",
    "《食品生产经营监督检查管理办法》",
    "《药品经营质量管理规范》",
    "《医疗器械监督管理条例》",
)


def _wide_item(k: int, run: str, laws: int) -> dict[str, str]:
    basis = "、".join(
        f"{_CHECKED[(k + j) % 4]}第{_NUMERALS[(k + j) % 9]}十{_NUMERALS[j % 9]}条"
        for j in range(laws)
    )
    return {
        "row": str(k),
        "name": f"对第{k}类经营企业的监督检查",
        "sub": f"第{k}类企业{run}检查与外{_RUNS[(k + 1) % 6]}经营单位",
        "basis": basis,
        "department": ("市、县市场监督管理部门", "县市场监督管理局", "市场监管所")[k % 3],
        "object": f"第{k}类经营企业",
        "ratio": f"{k % 5 + 1}0%",
        "often": "每年不少于1次",
        "way": "现场检查",
        "staff": "需专业岗位资格",
        "note": "&nbsp;",
    }


@pytest.mark.parametrize(
    ("run", "pad", "valign", "laws", "size", "rows"),
    [
        (0, 1, "top", 2, 15, 9),
        (3, 1, "top", 2, 15, 10),
        (2, 2, "middle", 2, 15, 10),
        (5, 2, "top", 1, 16, 7),
    ],
)
def test_a_cells_run_overflowing_into_the_next_column_is_parted_from_it(
    tmp_path: Path, run: int, pad: int, valign: str, laws: int, size: int, rows: int
) -> None:
    # Eleven columns on a page 100% wide, widths left to Chromium: a 检查子项 cell's run that
    # no line may break inside (剂（药品）, GSP) is drawn past its column over the basis's first
    # glyph (）at 112-124 points, 营 of the basis at 120.5). The two were one word the columns'
    # gap could not part (a word's own glyphs never overlap), the columns fell back on the
    # header words' bounds, and a basis line (八条。) went to 检查子项, its citation cut.
    items = [
        _wide_item(k, _RUNS[(run + k) % 6] if k % 2 else _RUNS[run], laws)
        for k in range(1, rows + 1)
    ]
    head = "".join(f"<th>{c}</th>" for c in _WIDE_HEADER)
    body = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row.values()) + "</tr>" for row in items
    )
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><style>'
        f"body{{font-family:'Noto Sans CJK SC',sans-serif;font-size:{size}px}}"
        f"td{{vertical-align:{valign}}}</style></head><body>"
        f'<table width="100%" border="0" cellspacing="0" cellpadding="{pad}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"
    )
    plist = _read(_printed(tmp_path, page, margins=False))
    want = [tuple(row[k] for k in _WIDE_KEYS) for row in items]
    assert _cells(plist, _WIDE_KEYS) == want
    assert not plist.rejects


# -- a page printed by Writer, items of sub-rows under a serial merged over them ---------------

_SUB_HEADER = (
    "序号",
    "事项名称",
    "子项名称",
    "设定依据",
    "实施主体",
    "检查对象",
    "检查频次",
    "检查方式",
)
_SUB_KEYS = ("row", "name", "basis", "department")


def _sub_rows(k: int, laws: int) -> str:
    """Item ``k`` as two table rows: the serial, name, basis and the rest merged over both, a
    sub-item (子项名称) and its 检查对象 in each."""
    basis = "、".join(
        f"{_CHECKED[(k + j) % 4]}第{_NUMERALS[(k + j) % 9]}十{_NUMERALS[j % 9]}条"
        for j in range(laws)
    )
    unit = ("市、县级市场监督管理部门", "县市场监督管理局", "市场监管所")[k % 3]
    span = ' rowspan="2"'
    return (
        f"<tr><td{span}>{k}</td><td{span}>对第{k}类企业的监督检查</td>"
        f"<td>第{k}类生产企业监督检查</td><td{span}>{basis}</td><td{span}>{unit}</td>"
        f"<td>第{k}类企业0</td><td{span}>每年不少于1次</td><td{span}>现场检查</td></tr>"
        f"<tr><td>第{k}类经营企业监督检查</td><td>第{k}类企业1</td></tr>"
    )


@pytest.mark.parametrize("laws", [2, 3, 4])
def test_the_rest_of_a_row_writer_split_is_joined_under_a_sub_item_column(
    tmp_path: Path, soffice: str, laws: int
) -> None:
    # Writer prints a page's table without borders, its cells centred in their rows, the
    # header again atop each page, and splits a row at the page's foot: the rest of the last
    # item atop the next page, above its first serial (检查, 第6类 / 经营企 / 业监督 / 检查),
    # was left a row of its own under the 子项名称 column (a row of no serial read as a
    # sub-item's was not joined to the row the break split): an item of no serial, said
    # `missing-cell`, the split item's name cut (对第6类企业的监督).
    items = "".join(_sub_rows(k, laws + (k % 2)) for k in range(1, 10))
    head = "".join(f"<th>{c}</th>" for c in _SUB_HEADER)
    page = (
        '<html><head><meta charset="UTF-8"><title>清单</title></head><body>'
        '<table width="100%" border="0" cellpadding="0" cellspacing="0">'
        f"<thead><tr>{head}</tr></thead><tbody>{items}</tbody></table></body></html>"
    )
    source = tmp_path / "list.html"
    source.write_text(page, encoding="utf-8")
    printed = tmp_path / "list.pdf"
    printed.write_bytes(
        office.convert(page.encode(), str(source), "html", "pdf", infilter="HTML (StarWriter)")
    )
    plist = _read(printed)
    assert _cells(plist, _SUB_KEYS) == _cells(read_list(source), _SUB_KEYS)
    assert len(plist.items) == 9
    assert not plist.rejects
