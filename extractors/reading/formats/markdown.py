"""Reads pipe tables (Markdown as exported from web pages and converters) into a Grid, putting
back together the rows that the export spread over several lines."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from extractors.models import Anomaly
from extractors.reading.formats.cells import clean_cell
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.formats.labelled import label_key
from extractors.reading.formats.lines import split_lines
from extractors.reading.formats.markdownfence import closes_fence, opens_json_fence, read_fenced
from extractors.reading.formats.markdownlines import (
    CONTENT_OUTSIDE,
    LABEL_OUTSIDE,
    Loose,
    is_heading,
    loose_kind,
    loose_text,
    opens_note,
    spaced_cells,
)
from extractors.reading.formats.ragged import realign_ragged, rejoin_split, split_inside
from extractors.reading.formats.titles import group_department
from extractors.reading.headers import (
    MAX_HEADER_CHARS,
    is_header,
    map_header,
    merge_header_levels,
)
from extractors.reading.meta import unmarked
from extractors.reading.vocab import (
    is_item_name_like,
    is_page_chrome,
    names_section,
    starts_item_name,
)

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_SEPARATOR_CELL = re.compile(r"\s*:?-+:?\s*")
_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")
# The serial a data row opens with: "12", or "1." as numbered lists write it.
_SERIAL = re.compile(r"(\d{1,6})[.．、]?")


def split_pipe_row(line: str) -> tuple[str, ...]:
    """The cells of one pipe-table line, ``\\|`` kept as a literal pipe.

    >>> split_pipe_row("| 1 | 行政处罚 | a\\\\|b |")
    ('1', '行政处罚', 'a|b')
    """
    cells, _ = _split(line, leading=True)
    return tuple(cells)


def _split(line: str, leading: bool) -> tuple[list[str], bool]:
    """The cells of a line and whether it closes with a pipe. With ``leading`` (the table's rows
    open with a pipe) an opening pipe is dropped; without, it stands for an empty first cell."""
    body = line.strip()
    if leading and body.startswith("|"):
        body = body[1:]
    closed = body.endswith("|") and not body.endswith("\\|")
    if closed:
        body = body[:-1]
    if "\\|" not in body:
        return list(map(str.strip, body.split("|"))), closed
    return [c.strip().replace("\\|", "|") for c in _UNESCAPED_PIPE.split(body)], closed


def _is_separator(cells: Sequence[str]) -> bool:
    return any(cells) and all(_SEPARATOR_CELL.fullmatch(c) or not c.strip() for c in cells)


def _is_chrome(cells: Sequence[str]) -> bool:
    """True for a row of a page's furniture alone, each cell a Markdown link or page chrome
    ([返回顶部](#) | [打印本页](#), 版权所有：某县人民政府 | 技术支持：某公司: a site's footer as
    a converter wrote it), no row of a list (a list's cell holds text, a link beside it at most).

    >>> _is_chrome(["[返回顶部](#)", "[打印本页](#)"]), _is_chrome(["1", "[取水许可](#)"])
    (True, False)
    """
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(_LINK.fullmatch(c) or is_page_chrome(c) for c in filled)


@dataclass(slots=True)
class _Piece:
    """A row as the lines give it: the cells of one line, with the lines a cell broke over."""

    line: int
    end: int  # the last line it takes
    cells: list[str]
    closed: bool
    notes: list[Anomaly] = field(default_factory=list)
    cleaned: list[str] | None = None
    #: a line of text between the tables that names a power type (一、行政许可): a section row
    heading: bool = False
    #: a line outside the pipe rows under a table that holds list content (``markdownlines``)
    loose: Loose | None = None

    @property
    def apart(self) -> bool:
        """A line of its own between the rows, never joined to a row: a heading, a loose line."""
        return self.heading or self.loose is not None

    def clean(self) -> list[str]:
        """The clean text of the cells (worked out once: the header test and the row need it)."""
        if self.cleaned is None:
            self.cleaned = [clean_cell(c) for c in self.cells]
        return self.cleaned


class _Lines:
    """Lines one at a time, with a look at those after it."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = iter(lines)
        self.buffer: deque[str] = deque()  # the lines looked at and not yet given

    @property
    def ahead(self) -> str | None:
        """The next line."""
        return self.look(0)

    def look(self, k: int) -> str | None:
        """The line ``k`` lines after the next one, or None past the end."""
        while len(self.buffer) <= k:
            line = next(self.lines, None)
            if line is None:
                return None
            self.buffer.append(line)
        return self.buffer[k]

    def next(self) -> str | None:
        return self.buffer.popleft() if self.look(0) is not None else None


def _votes(lines: Iterable[str]) -> tuple[bool, bool]:
    """Whether most of the table's lines open with a pipe, and whether most close with one."""
    pipe_lines = leading = closing = 0
    for raw in lines:
        if "|" in raw:
            line = raw.strip()
            pipe_lines += 1
            leading += line.startswith("|")
            closing += line.endswith("|")
    return leading * 2 > pipe_lines, closing * 2 > pipe_lines


def _pieces(
    lines: Iterable[str], leading: bool, closing: bool, context: list[tuple[int, str]]
) -> Iterator[_Piece]:
    """The pipe lines of ``lines`` as pieces; the other lines go to ``context``, but for those
    under a pipe table that hold list content: a spaced layout's rows under a header of its own
    (a second list, 序号  事项名称  事项类型 …), label：value lines and numbered lines of items
    (``markdownlines.loose_kind``), each a piece of its own.

    When the table's lines close with a pipe (``closing``), a line that does not has a cell
    broken by a raw line break (as converters leave ``<br>``): the cell goes on over the
    following lines up to a closing pipe. The file ending inside such a row is noted as a
    cut-off.
    """
    source = _Lines(lines)
    index = 0
    # a pipe row was met; a spaced layout's header was met below it; notes opened (注：)
    started = spaced = note = False
    while (raw := source.next()) is not None:
        line = raw.strip()
        index += 1
        if (mark := opens_json_fence(line, source.ahead)) is not None:
            # ```json over a list of records: the JSON reader's rows, on the file's lines
            first, body = index, []
            while (inside := source.next()) is not None:
                index += 1
                if closes_fence(inside, mark):
                    break
                body.append(inside)
            yield from _fenced(body, first, context)
            started, spaced, note = True, False, False
            continue
        if "|" not in line:
            heading = unmarked(line)
            if heading and (names_section(heading) or group_department(heading)):
                # 一、行政许可 between tables of one type each: the rows below take its type;
                # ## 县人力社保局 over each department's table, or its list's title
                # (## 县林业局权责清单, **附件2：县水利局权责清单**): its rows, that department.
                spaced = note = False
                yield _Piece(index, index, [heading], True, heading=True)
            elif started and (cells := spaced_cells(line)) and (spaced or is_header(cells)):
                # a further list under the tables in a spaced layout, from its header on
                spaced = True
                yield _Piece(index, index, cells, True)
            elif started and (kind := loose_kind(line)) and not (note and kind == "content"):
                yield _Piece(index, index, [loose_text(line)], True, loose=kind)
            elif line:
                context.append((index, line))
                # 注： (### 说明) over numbered lines: theirs up to the next heading or table
                note = opens_note(line) or (note and not is_heading(line))
            continue
        cells, closed = _split(line, leading)
        if _is_separator(cells):
            continue
        if _is_chrome(cells):
            context.append((index, line))  # [返回顶部](#) | [打印本页](#): a page's links
            continue
        started, spaced, note = True, False, False
        piece = _Piece(index, index, cells, closed)
        if closing and not closed:
            while (ahead := source.ahead) is not None and not (
                leading and ahead.lstrip().startswith("|")
            ):
                source.next()
                more, closed = _split(ahead, leading=False)
                cells[-1] = f"{cells[-1]}\n{more[0]}"
                cells.extend(more[1:])
                index += 1
                if closed:
                    break
            piece.end, piece.closed = index, closed
            if closed:
                piece.notes.append(
                    Anomaly("wrapped-row", f"row continues over lines {piece.line}-{index}")
                )
            elif source.ahead is None:
                piece.notes.append(
                    Anomaly("cut-off", "the file ends inside this row (no closing |)")
                )
            else:
                piece.notes.append(Anomaly("unclosed-row", "row has no closing |"))
        elif not closing and (rest := _cell_lines(source, leading)):
            # rows that close with no pipe, and lines without one between two of them: the
            # rest of the row's last cell, broken by raw line breaks (…第五十六条 / 《…》第五十九条)
            for extra in rest:
                source.next()
                cells[-1] = f"{cells[-1]}\n{extra}"
            index += len(rest)
            piece.end = index
            piece.notes.append(
                Anomaly("wrapped-row", f"row continues over lines {piece.line}-{index}")
            )
        yield piece


def _cell_lines(source: _Lines, leading: bool) -> list[str]:
    """The lines after a row, up to a blank line, that hold no pipe and go on with its last
    cell: each no heading, title, note, label：value line or page chrome, and the line after
    them a row of the same table (no header, no alignment row); else none."""
    run: list[str] = []
    while (line := source.look(len(run))) is not None and line.strip() and "|" not in line:
        text = line.strip()
        heading = unmarked(text)
        if (
            is_heading(text)
            or names_section(heading)
            or group_department(heading)
            or opens_note(text)
            or is_page_chrome(heading)
            or loose_kind(text) == "label"
            or opens_json_fence(text, None) is not None
        ):
            return []
        run.append(text)
    below = source.look(len(run))
    if not run or below is None or "|" not in below:
        return []
    cells, _ = _split(below, leading)
    if _is_separator(cells) or is_header([clean_cell(c) for c in cells]):
        return []
    return run


def _fenced(body: list[str], first: int, context: list[tuple[int, str]]) -> Iterator[_Piece]:
    """The rows of the JSON list a code fence holds (its lines ``body``, the fence opened on
    line ``first``) as pieces, each on the line its record opens on, and a loose piece for each
    element the JSON reader rejects; the lines to ``context`` when they hold no list."""
    grid = read_fenced(body, "a Markdown code fence")
    if grid is None:
        context += [(first + k, line.strip()) for k, line in enumerate(body, 1) if line.strip()]
        return
    for row in grid.rows:
        yield _Piece(first + row.line, first + row.line, list(row.cells), True)
    for reject in grid.rejects:
        line = first + reject.line
        note = Anomaly("json-reject", reject.reason, None, reject.text)
        yield _Piece(line, line, [reject.text], True, [note], loose="reject")


class _Window:
    """Pieces read on demand from an iterator, looked at by position like a list; those before
    the position the reading has passed (``release``) are let go."""

    def __init__(self, pieces: Iterator[_Piece]) -> None:
        self.pieces = pieces
        self.base = 0  # the position of held[0]
        self.held: list[_Piece] = []

    def has(self, at: int) -> bool:
        """True when there is a piece at ``at``."""
        while self.base + len(self.held) <= at:
            piece = next(self.pieces, None)
            if piece is None:
                return False
            self.held.append(piece)
        return True

    def __getitem__(self, at: int) -> _Piece:
        if not self.has(at):
            raise IndexError(at)
        return self.held[at - self.base]

    def span(self, start: int, stop: int) -> list[_Piece]:
        """The pieces from ``start`` up to ``stop``."""
        return [self[at] for at in range(start, stop) if self.has(at)]

    def release(self, at: int) -> None:
        """Let go of the pieces before ``at``."""
        if at > self.base:
            del self.held[: at - self.base]
            self.base = at


def _maps_whole(cells: Sequence[str]) -> bool:
    """True for a piece made of header words only (part of a header that wraps)."""
    return all(c and map_header(c) is not None for c in cells)


def _header_run(pieces: _Window, first: int) -> int | None:
    """Where the header that starts at ``pieces[first]`` stops, or None when none starts there:
    a piece that reads as a header, with the pieces after it that hold only header words (a
    header wrapped over lines, or one header cell per line)."""
    clean = list(pieces[first].clean())
    whole = is_header(clean)
    if not (whole or (pieces[first].closed and _maps_whole(clean))):
        return None
    stop = first + 1
    # (a row of as many header words under a whole header is its second level, 序号 | 名称 |
    # 类型 under 序号 | 事项 | 事项, not more of its cells)
    while (
        pieces.has(stop)
        and pieces[stop - 1].closed
        and not pieces[stop].apart
        and _maps_whole(pieces[stop].clean())
        and not (whole and len(pieces[stop].cells) == len(clean))
    ):
        clean += pieces[stop].clean()
        stop += 1
    # The longest run that reads as a header.
    while stop > first and not is_header(clean):
        stop -= 1
        clean = clean[: -len(pieces[stop].cells)]
    return stop if stop > first else None


def _keys(cells: Sequence[str]) -> set[str]:
    """The distinct fields ``cells`` name."""
    return {k for c in cells if (k := map_header(c)) is not None}


#: The most lines a header's words are wrapped over inside its cells.
_MAX_HEADER_LINES = 3


def _stacked_header(pieces: _Window, first: int) -> tuple[_Piece, int] | None:
    """The header whose words a converter wrapped inside each cell onto the next lines, each line
    a row of the table's width (序 | 事项 | 实施 over 号 | 名称 | 主体): the rows from
    ``pieces[first]`` joined column by column, when that reads as a header naming more fields
    than any of those rows alone (the lower row alone reads 名称 | 类型 | 依据 | 依据), and where
    the rows after it start; else None.

    A title or count row over the header (某县权责清单, 共12项) adds no field, and a two-level
    header (依据 over 设定依据 | 追责依据) no field its lower row lacks: neither is stacked.
    """
    width = len(pieces[first].cells)
    if width < 3:
        return None
    for stop in range(first + 2, first + _MAX_HEADER_LINES + 1):
        run = pieces.span(first, stop)
        if len(run) < stop - first or any(
            p.apart or len(p.cells) != width or not p.closed for p in run
        ):
            return None
        if any(len(c) > MAX_HEADER_CHARS for p in run for c in p.clean()):
            return None
        stacked = ["".join(p.clean()[k] for p in run) for k in range(width)]
        alone = max(len(_keys(p.clean())) for p in run)
        if is_header(stacked) and len(_keys(stacked)) > alone:
            cells = ["".join(p.cells[k] for p in run) for k in range(width)]
            return _Piece(run[0].line, run[-1].end, cells, True), stop
    return None


def _join(pieces: Sequence[_Piece]) -> _Piece:
    joined = _Piece(pieces[0].line, pieces[-1].end, [], pieces[-1].closed)
    for piece in pieces:
        joined.cells.extend(piece.cells)
        joined.notes.extend(n for n in piece.notes if n.code != "wrapped-row")
    if len(pieces) > 1 or any(n.code == "wrapped-row" for n in pieces[0].notes):
        joined.notes.insert(
            0, Anomaly("wrapped-row", f"row continues over lines {joined.line}-{joined.end}")
        )
    return joined


def _serial(piece: _Piece, column: int) -> int | None:
    if column >= len(piece.cells):
        return None
    match = _SERIAL.fullmatch(piece.cells[column])
    return int(match.group(1)) if match else None


def _wrapped(pieces: _Window, at: int, width: int, serial_column: int | None) -> int:
    """How many pieces from ``at`` make one row of ``width`` cells: 1, or more when the row's
    cells go on over the next lines (each cell on a line of its own, or the row broken between
    two cells). Pieces join only when their cells add up to the width exactly (or the file ends
    first), and never across a piece that opens with the next serial."""
    total = len(pieces[at].cells)
    if total >= width or not pieces[at].closed:
        return 1
    serial = _serial(pieces[at], serial_column) if serial_column is not None else None
    if serial_column is not None and serial is None:
        return 1  # a row that does not open with its serial is no row start (a ragged row)
    stop = at + 1
    while pieces.has(stop) and total < width:
        piece = pieces[stop]
        if piece.apart:
            return 1
        if serial_column == 0 and _serial(piece, 0) == (serial or 0) + 1:
            return 1
        total += len(piece.cells)
        stop += 1
        if not piece.closed:
            break
    cut = not pieces.has(stop) and not pieces[stop - 1].closed
    return stop - at if total == width or (cut and total < width) else 1


def _broken(pieces: _Window, at: int, width: int, serial_column: int | None) -> int:
    """How many pieces from ``at`` make one row of ``width`` cells in a table whose rows close
    with no pipe, where a raw line break inside a cell cannot be told by a missing closing pipe
    (1 | 幼儿园设立审批 | 《中华人民共和国 / 教育法》第二十八条 | 《…》): 1, or more when the
    row opens with its serial and the lines after it, none opening with a serial, give the
    cells it lacks, each line's first cell more of the last cell above."""
    if serial_column is None or _serial(pieces[at], serial_column) is None:
        return 1
    total, stop = len(pieces[at].cells), at + 1
    while total < width and pieces.has(stop):
        piece = pieces[stop]
        if piece.apart or _serial(piece, serial_column) is not None:
            return 1
        total += len(piece.cells) - 1
        stop += 1
    return stop - at if total == width else 1


def _join_inside(pieces: Sequence[_Piece]) -> _Piece:
    """One row of ``pieces`` each of which goes on with the last cell of the one before."""
    cells = list(pieces[0].cells)
    for piece in pieces[1:]:
        cells[-1] = f"{cells[-1]}\n{piece.cells[0]}"
        cells.extend(piece.cells[1:])
    joined = _Piece(pieces[0].line, pieces[-1].end, cells, pieces[-1].closed)
    joined.notes = [
        Anomaly("wrapped-row", f"row continues over lines {joined.line}-{joined.end}"),
        *(n for p in pieces for n in p.notes),
    ]
    return joined


def read_markdown(text: str) -> Grid:
    """The pipe-table rows of ``text``; other lines are kept as context for metadata.

    Rows may open without a pipe (``序号 | 事项名称 |``); a row whose cells go on over the next
    lines (a raw line break in a cell, a break between two cells, each cell on a line of its
    own) is put back together to the header's width, with a ``wrapped-row`` note; a two-level
    header is folded into one row, and sub-item rows that lost their leading cells under
    merged cells are moved back under their columns (a ``ragged-row`` note).

    >>> grid = read_markdown("清单\\n| 序号 | 事项名称 |\\n|--|--|\\n| 1 | 城乡<br>医疗救助 |")
    >>> [r.cells for r in grid.rows], grid.context
    ([('序号', '事项名称'), ('1', '城乡\\n医疗救助')], ((1, '清单'),))
    >>> grid = read_markdown("序号 | 事项名称 | 事项类型 |\\n1 | 城乡医疗救助 |\\n行政确认 |")
    >>> grid.rows[1].cells, grid.rows[1].notes[0].code
    (('1', '城乡医疗救助', '行政确认'), 'wrapped-row')
    """
    rows = MarkdownRows(text)
    return Grid(tuple(rows), tuple(rows.context), header=rows.header_at)


class MarkdownRows:
    """The rows of the pipe tables of ``text``, made as they are iterated (:func:`read_markdown`
    takes them all; ``extractors.reading.stream`` a few at a time): the lines are gone through
    a block at a time, and only the pieces a row may still need are held. ``context`` (the
    other lines) and ``header_at`` (the index of the first header row) fill in as they come.
    ``lines`` gives the lines instead of ``text``, again each time (a file read again)."""

    def __init__(self, text: str = "", lines: Callable[[], Iterable[str]] | None = None) -> None:
        self.lines = lines or (lambda: split_lines(text))
        self.leading, self.closing = _votes(self.lines())
        self.context: list[tuple[int, str]] = []
        self.header_at: int | None = None

    def __iter__(self) -> Iterator[SourceRow]:
        self.context.clear()
        self.header_at = None
        lines = self.lines()
        pieces = _Window(_pieces(lines, self.leading, self.closing, self.context))
        count = 0
        table: _Table | None = None
        previous: tuple[str, ...] | None = None
        at = 0
        record = False  # label：value lines under the items make a record, opened by its name
        while pieces.has(at):
            pieces.release(at)
            if (loose := pieces[at]).loose is not None:
                at += 1
                if table is None:
                    self.context.append((loose.line, loose.cells[0]))
                    continue
                count += 1
                yield _loose_row(loose, record)
                record = loose.loose == "label" and (record or label_key(loose.cells[0]) == "name")
                continue
            record = False
            # A header, or the header of a further table; a row of the table's width is tested
            # by assemble, which also takes a header repeated at a page break for one.
            fits = table is not None and len(pieces[at].cells) == table.width
            stop = None if fits else _header_run(pieces, at)
            stacked = _stacked_header(pieces, at) if stop is None and not fits else None
            if stacked is not None:
                stop = stacked[1]  # a header wrapped inside its cells, each line a row
            if stop is not None:
                header = stacked[0] if stacked else _join(pieces.span(at, stop))
                header.notes = []
                if pieces.has(stop):
                    merged = merge_header_levels(header.clean(), pieces[stop].clean())
                    if merged is not None:
                        header.cells, header.cleaned, stop = list(merged), None, stop + 1
                self.header_at = count if self.header_at is None else self.header_at
                count += 1
                yield _row(header)
                table, previous, at = _Table(header.clean()), None, stop
                continue
            if table is None or pieces[at].heading:
                count += 1
                yield _row(pieces[at])
                at += 1
                continue
            piece = pieces[at]
            take = 1
            if len(piece.cells) < table.width and piece.closed:
                take = _wrapped(pieces, at, table.width, table.serial_column)
                piece = _join(pieces.span(at, at + take)) if take > 1 else piece
            elif len(piece.cells) < table.width and not self.closing:
                take = _broken(pieces, at, table.width, table.serial_column)
                piece = _join_inside(pieces.span(at, at + take)) if take > 1 else piece
            at += take
            while pieces.has(at) and (more := _overflow(piece, pieces[at], table)) is not None:
                piece, at = more, at + 1  # a cell's text went on over a row of its own
            row = table.row(piece, previous)
            count += 1
            yield row
            if any(row.cells):
                previous = row.cells


def _overflow(piece: _Piece, below: _Piece, table: _Table) -> _Piece | None:
    """``piece`` with the row ``below`` joined to it, cell to cell, when ``below`` is the rest of
    its cells' text that a converter wrote as a row of its own (| 1 | 对未依法设 | … over
    | | 立审批的处罚 | | |): a row of the table's width with no serial under a row with one,
    each of whose cells with text goes on a cell of the row above that its text is cut in (an
    item's name opened as one, 对…, that ends as none does until the text below, no name's
    opening, is joined: 对未依法设 + 立审批的处罚;
    a title left open, 《中华人民共和国森 + 林法》…: ``ragged.split_inside``). A sub-item's
    row whose merged cells were exported blank (a whole name under a whole name) joins none."""
    column = table.serial_column
    if column is None or below.apart or not below.closed or len(below.cells) != table.width:
        return None
    if len(piece.cells) != table.width or not piece.clean()[column] or below.clean()[column]:
        return None
    cells, under = piece.clean(), below.clean()
    filled = [k for k, text in enumerate(under) if text]
    if not filled:
        return None
    for k in filled:
        # an item's name opened as one (对…) whose act never came (对未依法设), the rest no name
        # of its own: a sub-item's whole name (林木采伐许可证核发) under a main one stays a row
        name = table.keys[k] == "name" and (
            starts_item_name(cells[k])
            and not is_item_name_like(cells[k])
            and not starts_item_name(under[k])
            and is_item_name_like(cells[k] + under[k])
        )
        if not cells[k] or not (name or split_inside(cells[k], under[k])):
            return None
    joined = _Piece(piece.line, below.end, list(piece.cells), below.closed, list(piece.notes))
    for k in filled:
        joined.cells[k] = piece.cells[k].rstrip() + below.cells[k].strip()
    joined.notes = [
        Anomaly("wrapped-row", f"row continues over lines {joined.line}-{joined.end}"),
        *(n for n in piece.notes if n.code != "wrapped-row"),
    ]
    return joined


class _Table:
    """The header a table's rows are read under: its width, keys and serial column."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.width = len(names)
        self.keys = [map_header(c) for c in names]
        self.serial_column = self.keys.index("row") if "row" in self.keys else None

    def row(self, piece: _Piece, previous: tuple[str, ...] | None) -> SourceRow:
        """The row of ``piece``, moved under its columns when it is ragged."""
        cells = piece.clean()
        if len(cells) > self.width and (
            split := rejoin_split(cells, piece.cells, self.keys, self.names)
        ):
            # a pipe inside a cell's text, not escaped: the two cells it parted are one
            cells, raw, note = split
            return SourceRow(piece.line, tuple(cells), tuple(raw), (*piece.notes, note))
        # Only a row that ends short of the last column can have lost its leading cells.
        short = len(cells) < self.width or not cells[-1]
        if previous is not None and short and cells != self.names:
            moved = realign_ragged(cells, piece.cells, self.keys, self.names, previous)
            if moved is not None:
                cells, raw, note = moved
                return SourceRow(piece.line, tuple(cells), tuple(raw), (*piece.notes, note))
        return SourceRow(piece.line, tuple(cells), tuple(piece.cells), tuple(piece.notes))


def _loose_row(piece: _Piece, record: bool) -> SourceRow:
    """The row of a loose line under the tables: a label：value line of a record (one opened
    by the item's name, or opening one) as a row of one cell, which the assembly makes the
    record's reject (``labelled.RECORDS_UNDER_TABLE``); any other a row of no cells with a note,
    its reject with the reason it is none of the items."""
    text = piece.cells[0]
    if piece.loose == "reject":
        return SourceRow(piece.line, (), (), tuple(piece.notes))
    if piece.loose == "label" and (record or label_key(text) == "name"):
        return SourceRow(piece.line, (text,), (text,))
    reason = LABEL_OUTSIDE if piece.loose == "label" else CONTENT_OUTSIDE
    return SourceRow(piece.line, (), (), (Anomaly("outside-table", reason, None, text),))


def _row(piece: _Piece) -> SourceRow:
    return SourceRow(piece.line, tuple(piece.clean()), tuple(piece.cells), tuple(piece.notes))
