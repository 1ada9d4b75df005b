"""Reads records written without labels, one field a line in a fixed order (a portal's mobile
page: the item's name, its power type, the department, the lines of its bases; records apart at
blank lines or at the serial opening each), the order found from what the lines are."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.models import Anomaly
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.vocab import is_org_name, is_page_chrome, is_power_type

#: A serial opening a record's first line: 1.林木采伐许可证核发, 2、…, （3）….
_SERIAL = re.compile(r"[ \t\u3000]*(?:(\d{1,4})[.、．]|[（(](\d{1,4})[)）])[ \t\u3000]*(\S.*)")
#: A line that cites a law: a title in 《》 (a basis, or, the second such line, the basis of
#: accountability).
_CITES = re.compile(r"《[^《》]{2,}》")
#: The headers the fields take, by the kind of line that gives them; of two citing lines the
#: first is the basis, the second the accountability basis, as lists order their columns.
_HEADERS = {"name": "事项名称", "type": "事项类型", "department": "实施主体"}
_BASES = ("设定依据", "追责依据")
_SERIAL_HEADER = "序号"


def _kind(line: str) -> str:
    """What a line of a record is: a power type, a department, a citing line, or text (the
    item's name, the one line of no other kind)."""
    if is_power_type(line):
        return "type"
    if _CITES.search(line):
        return "basis"
    if is_org_name(line):
        return "department"
    return "name"


def _blocks(lines: Sequence[str]) -> list[list[tuple[int, str]]]:
    """The runs of lines apart at blank lines, each run that opens two serials or more parted
    at each serial too (records one under another with nothing between them), with their
    1-based line numbers."""
    runs: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines, start=1):
        if line.strip() and not is_page_chrome(line):  # (a site's footer, page links: a gap)
            runs[-1].append((number, line.strip()))
        elif runs[-1]:
            runs.append([])
    blocks: list[list[tuple[int, str]]] = []
    for run in filter(None, runs):
        if sum(1 for _, line in run if _SERIAL.fullmatch(line)) < 2:
            blocks.append(run)
            continue
        for number, line in run:
            if _SERIAL.fullmatch(line) or not blocks:
                blocks.append([])
            blocks[-1].append((number, line))
    return blocks


def read_field_order(lines: Sequence[str]) -> Grid | None:
    """The records of ``lines`` written without labels, a field a line in the same order in
    every record, when the order can be told from what the lines are: each record's lines of
    the same kinds in the same order (one name, one power type; a department, one or two lines
    citing laws, the first the basis, the second the accountability basis), two records at
    least, the blocks above the first record the page's title (context). Each record says its
    order was guessed (``guessed-order``). None when the lines are no such records.

    >>> page = ["某县林业局权责清单", "", "1.林木采伐许可证核发", "行政许可", "县林业局",
    ...         "《中华人民共和国森林法》第五十六条", "", "2.对违法占用林地的处罚", "行政处罚",
    ...         "县林业局", "《中华人民共和国森林法》第七十三条"]
    >>> grid = read_field_order(page)
    >>> grid.rows[0].cells
    ('序号', '事项名称', '事项类型', '实施主体', '设定依据')
    >>> grid.rows[2].cells[:3], grid.context
    (('2', '对违法占用林地的处罚', '行政处罚'), ((1, '某县林业局权责清单'),))
    """
    blocks = _blocks(lines)
    kinds = [tuple(_kind(_bare(line)) for _, line in block) for block in blocks]
    first = next((k for k, shape in enumerate(kinds) if _orders_fields(shape)), None)
    if first is None:
        return None
    shape = kinds[first]
    # below the last record, a signature (an office, a date) is the page's, not a record's
    last = len(blocks)
    while last > first and all(_signs(line) for _, line in blocks[last - 1]):
        last -= 1
    if last - first < 2 or any(k != shape for k in kinds[first:last]):
        return None  # records of other orders, or other text after them: no order to read by
    serials = [_SERIAL.fullmatch(block[0][1]) for block in blocks[first:last]]
    numbered = all(serials)
    header = [_SERIAL_HEADER] if numbered else []
    bases = iter(_BASES)
    header += [next(bases) if kind == "basis" else _HEADERS[kind] for kind in shape]
    order = "、".join(header[1 if numbered else 0 :])
    note = Anomaly(
        "guessed-order",
        f"no labels: each line taken as a field in the order what the lines are gives ({order})",
    )
    rows = [SourceRow(blocks[first][0][0], tuple(header), tuple(header))]
    for block, serial in zip(blocks[first:last], serials, strict=True):
        cells = [line for _, line in block]
        if serial is not None and numbered:
            cells = [serial.group(1) or serial.group(2), serial.group(3), *cells[1:]]
        rows.append(SourceRow(block[0][0], tuple(cells), tuple(cells), (note,)))
    context = tuple(item for block in [*blocks[:first], *blocks[last:]] for item in block)
    return Grid(tuple(rows), context, header=0)


#: A date a notice is signed with: 2023年5月8日, 2023-05-08, 2023.5.8.
_DATE = re.compile(r"\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2})")


def _signs(line: str) -> bool:
    """Whether ``line`` is part of a signature under the records: an office's name, a date."""
    return is_org_name(line) or _DATE.fullmatch(line.strip()) is not None


def _bare(line: str) -> str:
    """``line`` without the serial opening it."""
    match = _SERIAL.fullmatch(line)
    return match.group(3) if match else line


def _orders_fields(shape: tuple[str, ...]) -> bool:
    """Whether a record's kinds of lines name its fields: one name, one type, a department at
    most, one or two citing lines."""
    return (
        shape.count("name") == 1
        and shape.count("type") == 1
        and shape.count("department") <= 1
        and 1 <= shape.count("basis") <= len(_BASES)
    )


def unordered_records(text: str) -> tuple[int, str] | None:
    """Why the blocks of ``text`` look like records without labels yet are not read so (their
    lines' kinds in different orders, or no name or type line), with the line of the first
    block that differs; None when they do not look like such records (fewer than two blocks of
    three lines or more each holding a power type and a line citing a law).

    >>> page = ["清单", "", "对甲的处罚", "行政处罚", "县林业局", "《森林法》第七十三条", "",
    ...         "县林业局", "对乙的处罚", "行政处罚", "《森林法》第七十四条"]
    >>> line, why = unordered_records("\\n".join(page))
    >>> line, why.split(": ")[1]
    (8, 'name, type, department, basis at line 3; department, name, type, basis at line 8')
    """
    blocks = _blocks(text.splitlines())
    kinds = [tuple(_kind(_bare(line)) for _, line in block) for block in blocks]
    shaped = [
        (block, shape)
        for block, shape in zip(blocks, kinds, strict=True)
        if len(shape) >= 3 and "type" in shape and "basis" in shape
    ]
    if len(shaped) < 2 or read_field_order(text.splitlines()) is not None:
        return None
    first_block, first = shaped[0]
    for block, shape in shaped[1:]:
        if shape != first:
            return block[0][0], (
                f"records without labels, a field a line, in different orders: "
                f"{', '.join(first)} at line {first_block[0][0]}; {', '.join(shape)} at line "
                f"{block[0][0]}: which line is which field cannot be told"
            )
    return first_block[0][0], (
        f"records without labels, a field a line ({', '.join(first)}): no line names the item "
        "once, or the kinds of lines give no order of fields"
    )
