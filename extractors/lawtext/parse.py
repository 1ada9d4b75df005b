"""Reading one official text file (the layout of ``../shared/lawtexts``, see its SOURCE.md) into a
:class:`~extractors.lawtext.model.LawText`: the one way quanze reads such a file (the registry's
facts, the store's texts and the audit all come from here).

Layout: a ``# title`` line with the official full title; the adoption and amendment history, one
event a paragraph; ``<!-- INFO END -->``; then the body: ``#`` headings for divisions
(``## 第一章 总则``, ``### 第一节 …``, also written without the space, 第一章总则; a judicial
interpretation's ``## 一、…`` headings are chapters; other headings, 序言 or 附则, are unnumbered),
and one paragraph per line: an article starts ``第N条`` (or ``第N条之M``) and a space (ASCII or
ideographic), each following line is its next paragraph (款), a line starting （一） or (一) is an
item (项) of the paragraph before it, a line starting ``1.`` (or the second style of numbering
under an item) a point (目) of the item before it; table rows (``|``) continue the line before.

Faults of the texts are reported as :class:`~extractors.lawtext.model.Problem` and the rest is
read: a head whose number does not parse (第三十－条) keeps its place and gets the number its
neighbours tell (第三十条 … 第三十二条 → 31) or none; numbers out of sequence are told. Only a
file that cannot be a text at all (not UTF-8, no ``#`` title) raises
:class:`~extractors.errors.InputError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from extractors.citing.numerals import parse_numeral
from extractors.errors import InputError
from extractors.lawtext.model import (
    DIVISION_KINDS,
    Article,
    Division,
    DivisionKind,
    HistoryEvent,
    Item,
    LawText,
    Paragraph,
    Point,
    Problem,
)

INFO_END: Final = "<!-- INFO END -->"
_CN: Final = "零〇一二两三四五六七八九十百千"
#: Any 第…条 opening a line is a head: the texts hold typos such as 第三十－条 (for 三十一).
HEAD: Final = re.compile(r"^第([^条\s]{1,8})条(?:之([^\s]{1,3}))?(?:[ \u3000]+|$)")
_DIVISION: Final = re.compile(rf"^第([{_CN}0-9]+)(编|分编|章|节)[ \u3000]*(.*)$")
_LISTED: Final = re.compile(rf"^([{_CN}]+)、[ \u3000]*(.*)$")
_ITEM: Final = re.compile(rf"^[（(]([{_CN}]+)[)）]")
#: What after an item's number makes the line a paragraph that names items, not an item.
_REFERENCE: Final = re.compile(r"至[（(]|、[（(]|项(?!目)|[和或及][（(]")
_POINT: Final = re.compile(r"^(?:([0-9]+)[.．、]|[（(]([0-9]+)[)）])")
_DATE: Final = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ACTIONS: Final = re.compile(r"通过|修正|修订|公布|施行|批准|发布|废止|决定")
_FILE_DATE: Final = re.compile(r"\((\d{4}-\d{2}-\d{2})\)$")
_KINDS: Final[dict[str, DivisionKind]] = {
    "编": "part",
    "分编": "subpart",
    "章": "chapter",
    "节": "section",
}


def read_law_text(path: Path) -> LawText:
    """The text of one file; raises InputError naming the file when it is not UTF-8 or has no
    ``# title`` line (everything else odd is a Problem of the result)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return parse_law_text(text, path)


def version_date_of(path: Path) -> str | None:
    """The version date a file's name writes (``行政处罚法(2021-01-22).md``), or None.

    >>> version_date_of(Path("行政处罚法(2021-01-22).md")), version_date_of(Path("宪法.md"))
    ('2021-01-22', None)
    """
    m = _FILE_DATE.search(path.stem)
    return m.group(1) if m else None


def history_event(text: str, line: int) -> HistoryEvent:
    """One history line read: its first date and its last action verb.

    >>> e = history_event("2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订", 9)
    >>> e.date, e.action, e.line
    ('2021-01-22', '修订', 9)
    """
    m = _DATE.search(text)
    date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None
    actions = _ACTIONS.findall(text)
    return HistoryEvent(date, actions[-1] if actions else "", text, line)


#: A title a history line names (the decision or amendment act that changed the text).
_NAMED: Final = re.compile(r"《([^《》]+)》")


def history_decisions(text: str) -> list[tuple[str, str]]:
    """The titles a history line names, each with the date written before it (YYYY-MM-DD):
    the decisions and amendment acts that made a version. A title with no date before it is
    left out.

    >>> history_decisions("2008年7月22日 《国务院关于修改〈营业性演出管理条例〉的决定》第一次修订")
    [('2008-07-22', '国务院关于修改〈营业性演出管理条例〉的决定')]
    >>> history_decisions("1996年通过　根据2009年8月27日《关于修改部分法律的决定》修正，根据"
    ...                   "2021年1月22日《关于修改〈某法〉的决定》修订")
    [('2009-08-27', '关于修改部分法律的决定'), ('2021-01-22', '关于修改〈某法〉的决定')]
    """
    out: list[tuple[str, str]] = []
    dates = [(m.start(), m) for m in _DATE.finditer(text)]
    for named in _NAMED.finditer(text):
        before = [m for at, m in dates if at < named.start()]
        if before:
            m = before[-1]
            out.append((f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}", named[1]))
    return out


def parse_law_text(text: str, path: Path) -> LawText:
    """The text of one file, given as a string (``path`` names it in problems and gives the
    version date).

    >>> law = parse_law_text("# 某法\\n\\n2020年1月2日通过\\n\\n<!-- INFO END -->\\n\\n"
    ...     "## 第一章 总则\\n\\n第一条 甲\\n\\n乙：\\n\\n（一）丙；\\n\\n（二）丁。\\n\\n"
    ...     "第一条之一 戊\\n", Path("某法(2020-01-02).md"))
    >>> law.title, law.version_date, law.history[0].date, law.divisions[0].title
    ('某法', '2020-01-02', '2020-01-02', '总则')
    >>> [(a.label, len(a.paragraphs), a.divisions) for a in law.articles]
    [('第1条', 2, (0,)), ('第1条之1', 1, (0,))]
    >>> law.articles[0].paragraphs[1].items[1].text, law.articles[0].text
    ('（二）丁。', '甲\\n乙：\\n（一）丙；\\n（二）丁。')
    """
    lines = text.lstrip("\ufeff").split("\n")
    first = lines[0].rstrip("\r")
    if not first.startswith("# ") or not first[2:].strip():
        raise InputError(str(path), "no '# title' line", line=1, text=first)
    reader = _Reader(path)
    end = next((i for i, line in enumerate(lines) if line.strip() == INFO_END), None)
    if end is None:
        reader.problem(1, "no-history", f"no {INFO_END} line: no history read")
        start = 1
    else:
        for i in range(1, end):
            line = lines[i].strip()
            if line.startswith("#"):  # 民法典/合同编.md: '# 合同编', the part the file holds
                reader.part(line.lstrip("#").strip(), i + 1)
            elif line:
                reader.history.append(history_event(line, i + 1))
        start = end + 1
    for i in range(start, len(lines)):
        reader.line(lines[i].rstrip("\r"), i + 1)
    reader.close_article()
    articles = reader.settle_numbers()
    if not articles:
        reader.problem(
            start + 1, "no-articles", "no article heads (第N条): instrument and version only"
        )
    return LawText(
        path=path,
        title=first[2:].strip(),
        version_date=version_date_of(path),
        history=tuple(reader.history),
        preamble=tuple(reader.preamble),
        divisions=tuple(reader.divisions),
        articles=articles,
        problems=tuple(reader.problems),
    )


@dataclass
class _Draft:
    """A paragraph, item or point being read: its number as written (None for a paragraph or
    when it does not parse), its text so far and the nodes under it."""

    number: int | None
    text: str
    line: int
    children: list[_Draft] = field(default_factory=list)


@dataclass
class _Open:
    """The article being read: its head and the paragraphs (with their items and points) so far."""

    number: int | None
    suffix: int | None
    head: str
    line: int
    divisions: tuple[int, ...]
    paragraphs: list[_Draft] = field(default_factory=list)
    item_style: str | None = None  # "cn" for （一）, "arabic" for 1. or （1）


@dataclass
class _Reader:
    """The state of one pass over a file's body."""

    path: Path
    history: list[HistoryEvent] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    divisions: list[Division] = field(default_factory=list)
    stack: list[int] = field(default_factory=list)  # open divisions, outermost first
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    current: _Open | None = None

    def problem(self, line: int, code: str, cause: str) -> None:
        self.problems.append(Problem(self.path, line, code, cause))

    def line(self, raw: str, n: int) -> None:
        text = raw.strip().strip("\u200b\ufeff").strip()
        if not text:
            return
        if text.startswith("#"):
            self.heading(text.lstrip("#").strip(), n)
            return
        head = HEAD.match(raw.lstrip("\ufeff"))
        if head is not None:
            self.open_article(head, raw, n)
            return
        if self.current is None:
            self.preamble.append(text)
            return
        if text.startswith("|") and self.current.paragraphs:
            self.continue_last(text)
            return
        self.body_line(text, n)

    def heading(self, text: str, n: int) -> None:
        self.close_article()
        m = _DIVISION.match(text)
        kind: DivisionKind
        if m is not None:
            kind, number, title = _KINDS[m.group(2)], parse_numeral(m.group(1)), m.group(3)
        elif (listed := _LISTED.match(text)) is not None:
            kind, number, title = "chapter", parse_numeral(listed.group(1)), listed.group(2)
        else:
            kind, number, title = "heading", None, text
        if kind != "heading" and number is None:
            self.problem(n, "misnumbered", f"heading {text!r} has no number; read as unnumbered")
            kind = "heading"
        rank = DIVISION_KINDS.index(kind)
        if kind == "heading":
            rank = 0  # an unnumbered heading (附则, 附件一) ends every division above it
        while self.stack and self._rank(self.divisions[self.stack[-1]]) >= rank:
            self.stack.pop()
        index = len(self.divisions)
        self.divisions.append(
            Division(kind, number, title.strip(), text, n, index, tuple(self.stack))
        )
        self.stack.append(index)

    def part(self, title: str, n: int) -> None:
        """A file that holds one part of an instrument names it under its title, unnumbered
        (``# 合同编``): a part the writer numbers by its place among the version's files (a
        ``# 附则`` is an unnumbered heading)."""
        kind: DivisionKind = "heading" if title == "附则" else "part"
        self.divisions.append(Division(kind, None, title, title, n, len(self.divisions)))
        self.stack = [len(self.divisions) - 1]

    @staticmethod
    def _rank(d: Division) -> int:
        return 0 if d.kind == "heading" else DIVISION_KINDS.index(d.kind)

    def open_article(self, head: re.Match[str], raw: str, n: int) -> None:
        self.close_article()
        number = parse_numeral(head.group(1))
        suffix: int | None = None
        written = raw.lstrip("\ufeff")[: head.end()].strip()
        if head.group(2) is not None:
            suffix = parse_numeral(head.group(2))
            if suffix is None:
                self.problem(n, "misnumbered", f"article head {written} has no suffix number")
        self.current = _Open(number, suffix, written, n, tuple(self.stack))
        rest = raw.lstrip("\ufeff")[head.end() :].strip()
        if rest:
            self.current.paragraphs.append(_Draft(None, rest, n))

    def body_line(self, text: str, n: int) -> None:
        """A line inside an article: an item, a point, or the next paragraph."""
        cur = self.current
        assert cur is not None
        numbered = _ITEM.match(text) or _POINT.match(text)
        if numbered is not None and _REFERENCE.match(text, numbered.end()):
            numbered = None  # （一）至（三）项所列人员…: a paragraph naming items
        if cur.paragraphs and numbered is not None:
            style = "cn" if numbered.re is _ITEM else "arabic"
            number = parse_numeral(next(g for g in numbered.groups() if g is not None))
            if style == "cn" and number is not None and number > 1:
                self.resume_items(cur, number)
            items = cur.paragraphs[-1].children
            if not items or style == cur.item_style:
                cur.item_style = style
                items.append(_Draft(number, text, n))
                return
            items[-1].children.append(_Draft(number, text, n))  # another style: a point
            return
        cur.paragraphs.append(_Draft(None, text, n))
        cur.item_style = None

    @staticmethod
    def resume_items(cur: _Open, number: int) -> None:
        """Item N after lines that are no items, when an earlier paragraph of the article ends
        with item N-1: those lines were part of that item (a sentence explaining it, a line
        broken in two), not paragraphs of their own."""
        if cur.paragraphs[-1].children:
            return
        for k in range(len(cur.paragraphs) - 2, -1, -1):
            items = cur.paragraphs[k].children
            if not items:
                continue
            if items[-1].number == number - 1:
                last = items[-1]
                while last.children:
                    last = last.children[-1]
                for loose in cur.paragraphs[k + 1 :]:
                    last.text = f"{last.text}\n{loose.text}"
                del cur.paragraphs[k + 1 :]
                cur.item_style = "cn"
            return

    def continue_last(self, text: str) -> None:
        """A table row: part of the line before it (paragraph, item or point)."""
        assert self.current is not None
        last = self.current.paragraphs[-1]
        while last.children:
            last = last.children[-1]
        last.text = f"{last.text}\n{text}"

    def close_article(self) -> None:
        """The article being read, made a frozen :class:`Article`."""
        cur = self.current
        if cur is None:
            return
        self.current = None
        paragraphs = []
        for p_no, para in enumerate(cur.paragraphs, 1):
            items = []
            for item, i_no in zip(para.children, self._numbers(para.children, "item"), strict=True):
                numbers = self._numbers(item.children, "point")
                points = tuple(
                    Point(n, pt.text, pt.line) for pt, n in zip(item.children, numbers, strict=True)
                )
                items.append(Item(i_no, item.text, item.line, points))
            paragraphs.append(Paragraph(p_no, para.text, para.line, tuple(items)))
        self.articles.append(
            Article(cur.number, cur.suffix, cur.head, cur.line, tuple(paragraphs), cur.divisions)
        )

    def _numbers(self, drafts: list[_Draft], what: str) -> list[int]:
        """The numbers of a paragraph's items (an item's points): as written while they rise
        (a text that lost its （一）（二） keeps （三） as 3), else one more than the one before;
        the first that is not one more than the one before is reported, once per run."""
        out: list[int] = []
        for draft in drafts:
            previous = out[-1] if out else 0
            written = draft.number
            number = written if written is not None and written > previous else previous + 1
            if written != previous + 1 and (not out or out[-1] + 1 == number or written is None):
                shown = "（?）" if written is None else f"{written}"
                self.problem(
                    draft.line,
                    "sequence",
                    f"{what} numbered {shown} after {previous or 'none'}: {draft.text[:16]}",
                )
            out.append(number)
        return out

    def settle_numbers(self) -> tuple[Article, ...]:
        """Articles with misnumbered heads numbered from their neighbours where they tell it, and
        numbers out of sequence reported."""
        out = list(self.articles)
        for i, a in enumerate(out):
            if a.number is not None:
                continue
            before = out[i - 1] if i > 0 else None
            after = out[i + 1] if i + 1 < len(out) else None
            guess = before.number + 1 if before is not None and before.number is not None else None
            if guess is not None and (after is None or after.number in (guess + 1, None)):
                out[i] = Article(guess, a.suffix, a.head, a.line, a.paragraphs, a.divisions, True)
                told = f"read as 第{guess}条 after {before.label}" if before else ""
                self.problem(a.line, "misnumbered", f"article head has no number, {told}: {a.head}")
            else:
                self.problem(a.line, "misnumbered", f"article head has no number, kept: {a.head}")
        previous: Article | None = None
        seen: set[tuple[int, int | None]] = set()
        for a in out:
            if a.number is None:
                previous = None
                continue
            key = (a.number, a.suffix)
            if key in seen:
                self.problem(a.line, "sequence", f"{a.head}: a second {a.label}")
            elif previous is not None and previous.number is not None and not _follows(previous, a):
                self.problem(a.line, "sequence", f"{a.head} follows {previous.head}")
            seen.add(key)
            previous = a
        return tuple(out)


def _follows(before: Article, after: Article) -> bool:
    """Whether ``after``'s number is the one expected after ``before``'s."""
    assert before.number is not None and after.number is not None
    if after.suffix is not None:
        return after.number == before.number and after.suffix == (before.suffix or 0) + 1
    return after.number == before.number + 1
