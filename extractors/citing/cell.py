"""The one pass over a cell: its anchors read in order into citation records — titles with their
provisions, continuations that carry the cell's last law, unmarked titles, references back and
document numbers — each resolved to the instrument it names.

The pass has two backends, which read alike (the whole table of citation forms runs through both):
``"general"`` reads every anchor with the general readers of the grammar; ``"fast"`` (what
``get_citations`` runs) reads the commonest shapes through caches keyed on their text — a title and
its notes read once (:func:`~extractors.citing.grammar.titles.title_unit`), a chain read once by
the fast chain readers (:func:`~extractors.citing.grammar.chains.chain_of_run`) — skips what a
cheap test rules out, and leaves every other anchor to the general readers.

The module runs a little over 600 lines on purpose: the pass is one class whose methods share the
cell's state (the last law, the quote in force, the records so far) and call one another natively
in the compiled build; the pieces of a reference it reads are in ``grammar/``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final, Literal

from extractors.citing.grammar.anchors import (
    BARE,
    HEAD,
    JOIN,
    NESTED,
    NOTES,
    QUOTE_MARKS,
    QUOTED_TITLE,
    RUN,
    SHORT_HEAD,
    TITLE,
    TOKEN,
    head_spans,
)
from extractors.citing.grammar.chains import (
    CHAIN_RUN,
    CHAIN_TRAIL,
    Chain,
    Provision,
    bare_article_at,
    chain_at,
    chain_of_run,
)
from extractors.citing.grammar.context import (
    PRECEDING,
    at_segment_start,
    author_refers_back,
    is_kind,
    lead_before,
    led_line_before,
    may_refer_before,
    new_reference_in,
    noun_use_at,
    opens_entry,
    opens_quote,
    quote_close,
    quotes_title,
    same_unit_before,
    self_reference_before,
)
from extractors.citing.grammar.docnums import (
    doc_number_before,
    find_doc_number,
    names_doc_number,
)
from extractors.citing.grammar.notes import (
    SHELL_OPENS,
    Tail,
    amending_decision_at,
    annex_before,
    parse_tail,
    read_head,
    version_after,
    version_before,
)
from extractors.citing.grammar.titles import (
    Marked,
    names_form,
    notes_inside,
    rank_before,
    read_marked,
    title_unit,
)
from extractors.citing.grammar.typos import LEVEL_TYPOS, TYPOS, read_typos, typo_warning
from extractors.citing.grammar.unmarked import (
    endless_before,
    implementing_around,
    interpretation_around,
    listed_before,
    may_stand_alone,
    noted_unmarked_before,
    notice_around,
    plausible_unmarked,
    standalone_titles,
    strip_verbs,
    unmarked_before,
)
from extractors.citing.lawdb import STARTS_SEVERAL, load_registry, title_key, unknown_number
from extractors.citing.numerals import NUMERAL_CHARS
from extractors.citing.patterns import regex
from extractors.citing.ranks import RANK_WRITTEN, ranks_said, tags_over_lists
from extractors.citing.records import below_article, cite_chain, cite_one, heading_only
from extractors.citing.resolve import (
    KIND_ALONE,
    Resolution,
    amended_by,
    clean_title,
    ends_like_instrument,
    is_form,
    numbers_entries,
    resolve_implementing,
    resolve_with,
    standard_warning,
    unchecked,
    version_note,
)
from extractors.citing.words import (
    CONJUNCTIONS,
    FLAT_TITLE,
    INVISIBLE,
    OPEN_PAREN,
    SPACE,
    TITLE_CLOSE,
    TITLE_OPEN,
    alternation,
    char_class,
    words,
)
from extractors.models import Citation, CitationKind

#: The backends of the pass (see the module docstring).
Backend = Literal["fast", "general"]
BACKENDS: Final[tuple[Backend, ...]] = ("fast", "general")

# 《中华人民共和国食品安全法》及其实施条例 (及实施条例, 和实施细则, or glued after the marks as
# if they closed too early: 《…食品安全法》实施条例): the implementing instrument of the law just
# cited
# (《食品安全法》的实施条例: 的 between them, glued all the same)
_AND_ITS: Final = regex(
    rf"\s*(?P<join>(?:{alternation(CONJUNCTIONS)}\s*)?其?)\s*(?:的\s*)?"
    rf"(?P<name>{alternation(words('implementing_names'), spaced=True)})"
)
# the same after an unmarked title: the title and the implementing name as one stretch of words
_AND_ITS_UNMARKED: Final = regex(
    rf"(?P<parent>.+?){_AND_ITS.pattern.replace('(?P<join>', '(?P<and>', 1)}\Z"
)
# what a cell cut off after a title ends in, an unclosed note or a number without its level word
# (…《中华人民共和国注册会计师法》(第八届全国人民代, …《行政处罚法》第五): an incomplete citation
_CUT_OFF: Final = regex(rf"\s*(?:[(（][^)）]*|第[\s{NUMERAL_CHARS}]*)\Z")
# the words of a chapter's heading between it and an article under it (第五章 法律责任 第六十条)
_HEADING_WORDS: Final = regex(r"[ \t\u3000]*[\u4e00-\u9fff]{2,12}[ \t\u3000]*")
# what a title read to its line end, its closing mark missing, may not hold (a mark, a sentence end)
_NOT_IN_UNCLOSED: Final = frozenset(TITLE_OPEN + TITLE_CLOSE + "。；;，,：:“”")
# stems shorter than this (公司, 消防, 著作权) are words of prose too: read at an entry's start
_SHORT_STEM: Final = 4
# the words of the warnings on a title the registry does not know
_NOT_IN_REGISTRY: Final = "is not in the registry"
# what a document number written right before a title ends in (…735号《…》, …12号 《…》)
_DOC_LAST: Final = frozenset("号令 \t\u3000")
# 浙政办发〔2019〕12号第三条, 法释〔2009〕20号: a file number, not an order's (令), numbers a
# normative document or an interpretation, and the registry holds the file numbers of none:
# that it does not know the number proves nothing
_ORDER_IN: Final = regex(alternation(words("document_kinds", "order")))
_UNHELD_NUMBER: Final = ": a file number, which it holds none of (not checked)"
# what may follow a form's title when nothing after it can be its notes or provisions
_AFTER_FORM: Final = frozenset("、。；;!?！？《〈<＜)）")
# 《…的意见》一、…: a numbered part of the document may follow (read by the general path)
_HEADING_NUMERALS: Final = frozenset("一二三四五六七八九十")
_new_tuple: Final = tuple.__new__
# a bracket after a chain: a heading's articles may be listed in it
_BRACKET_AFTER: Final = regex(rf"[ \t\u3000]*{OPEN_PAREN}")
# a standard's number (GB 5749-2022, GB/T 19001-2016, JT/T 1094-2016, JGJ 46-2005): Latin capitals,
# a /T or /Z, digits and the year; next to a title, it makes the title a standard's
_CODE: Final = regex(r"(?<![A-Za-z])[A-Z]{1,4}(?:/[A-Z])?[ \t\u3000]*[0-9]")
_CODE_NUMBER: Final = (
    r"(?<![A-Za-z])[A-Z]{1,4}(?:/[A-Z])?[ \t\u3000]*[0-9]+(?:\.[0-9]+)*"
    r"(?:[ \t\u3000]*[-－—][ \t\u3000]*[0-9]{4})"
)
_CODE_BEFORE: Final = regex(rf"{_CODE_NUMBER}[ \t\u3000]*\Z")
_CODE_AFTER: Final = regex(rf"[ \t\u3000]*[(（]?[ \t\u3000]*{_CODE_NUMBER}")
_CODE_NOTE: Final = regex(rf"[)）》][ \t\u3000]*[(（][ \t\u3000]*{_CODE_NUMBER}")
# the version note after a title alone on its line (食品安全法（2021年修正）)
_LINE_NOTE: Final = regex(r"[ \t\u3000]*[(（](?P<note>[^()（）\n]{2,60})[)）]")
# a character typed for 第 (弟三十条) or for a level word (第三十调): the cells that hold none skip
# the typo reader
_TYPO_CHAR: Final = regex(
    rf"{char_class(TYPOS)}(?=[ \t\u3000]*[{NUMERAL_CHARS}])"
    rf"|(?<=[{NUMERAL_CHARS})）])[ \t\u3000]*{char_class(LEVEL_TYPOS)}"
)
# a lead verb or conjunction just before a reference back (依照本法, 违反同法, 和该法)
_LEAD_BEFORE: Final = regex(
    rf"(?:{alternation([*words('lead_verbs'), *CONJUNCTIONS])})[ \t\u3000]*\Z"
)
# characters with no width, read as spaces
_INVISIBLE: Final = regex(char_class(INVISIBLE))
# what may stand between a provision and the 前款/前条 that points back to it for the reference
# to be certain: a list mark, a semicolon, a lead verb (第十条第一款、前款第（一）项)
_CERTAIN_GAP: Final = regex(
    rf"[\s；;]*(?:{alternation(words('separators', 'list'))}\s*)?"
    rf"(?:{alternation(words('lead_verbs'))})?\s*"
)
# what may stand between a quotation's closing mark and the author's next reference (”。第九条)
_AFTER_CLOSE: Final = " \t\n\u3000。；;、"


def _listed_after_chain(its: re.Match[str]) -> bool:
    """True when the implementing instrument ``its`` (matched by _AND_ITS) after the provisions
    cited from a law is listed by a conjunction (《…条例》第十一条及其实施细则第五条): the
    provisions are the law's, and the implementing instrument is cited too."""
    return its.group("join").replace("其", "").strip() != ""


# 【中华人民共和国行政处罚法】第十条: the brackets rank tags are written in (【法律】,
# 【党纪政纪条例】) used as title marks; a title only where the registry knows what they hold and
# no title follows (a tag heads the title after it: 【党纪政纪条例】《行政机关公务员处分条例》)
# (〔中华人民共和国行政许可法〕第十二条: the brackets of a document number's year, as such)
_TAG_OPEN: Final = "【〔"
_AFTER_TAG: Final = regex(rf"\s*[{TITLE_OPEN}【“「『‘\"]")


def _bracketed_title(text: str, end: int, written: str) -> bool:
    """True when 【written】, ending at ``end``, is a title in the brackets of a rank tag."""
    if _AFTER_TAG.match(text, end) is not None:
        return False
    return any(r.law_id is not None for r in resolve_with(written, None))


# a provision right after a quoted title's closing mark (“行政处罚发”第三十条)
_PROVISION_AFTER: Final = regex(r"[ \t\u3000]*第")


def _slipped_title(text: str, end: int, written: str) -> bool:
    """True when ``written``, in quotation marks ending at ``end`` and not ending as titles do,
    is one character off a title the registry knows (:meth:`Registry.near`,
    :meth:`Registry.replaced`) and a provision follows it: quotation marks mostly quote words
    (“道路交通安全” is one character off 道路交通安全法), which cite no provision."""
    if _PROVISION_AFTER.match(text, end) is None:
        return False
    registry = load_registry()
    return bool(registry.near(written) or registry.replaced(written))


def _unclosed_at_line_end(text: str, p: int) -> Marked | None:
    """The title whose 《 at ``p`` is not closed before its line ends (依据《中华人民共和国行政
    处罚法\\n2.…: a cell wrapped or cut after the title), read to the line end when what stands
    there is, whole, a title the registry knows; else None (nothing is guessed).

    >>> _unclosed_at_line_end("依据《中华人民共和国行政处罚法\\n2.", 2)
    Marked(end=15, words='中华人民共和国行政处罚法', version=None, doc=None)
    """
    if text[p] != "《":
        return None
    line_end = text.find("\n", p)
    if line_end < 0:
        line_end = len(text)
    written = text[p + 1 : line_end].rstrip()
    if not written or any(c in _NOT_IN_UNCLOSED for c in written):
        return None
    if not any(r.law_id is not None for r in resolve_with(written, None)):
        return None
    return Marked(p + 1 + len(written), written, None, None)


def _in_unmarked_note(text: str, p: int) -> int | None:
    """Where the version note that holds the title at ``p`` ends, when that note follows an
    unmarked title (中华人民共和国会计法（根据…《关于修改〈…〉等十一部法律的决定》修正）第四十二条:
    the amending decision is part of the note, as after a marked title); None otherwise.

    >>> _in_unmarked_note("中华人民共和国会计法（根据《关于修改〈甲法〉的决定》修正）第十条", 13)
    29
    >>> _in_unmarked_note("依据（《甲法》）第四十二条", 3) is None
    True
    """
    lo = max(0, p - 40)
    opened = max(text.rfind("（", lo, p), text.rfind("(", lo, p))
    if opened < 2 or text.find("）", opened, p) >= 0 or text.find(")", opened, p) >= 0:
        return None
    head = read_head(text, opened)
    if head.version is None or head.end <= p or unmarked_before(text, opened) is None:
        return None
    return head.end


# the brackets a number alone may stand in before a provision, each closer with its openers:
# （…）, […], 【…】, 〔…〕, 〈…〉 (【人社部令第8号】第五条, [国务院令第586号]第十七条)
_NUMBER_BRACKETS: Final = {
    "）": "（(",
    ")": "（(",
    "]": "[［",
    "］": "[［",
    "】": "【",
    "〕": "〔",
    "〉": "〈",
    ">": "<＜",
    "＞": "<＜",
}


def _bracketed_doc_number(text: str, p: int) -> tuple[int, str] | None:
    """A document number alone in brackets just before the provision at ``p``, where an entry
    starts (（国家市场监督管理总局令第46号）第五十条: the title lost, its note kept), as where
    the bracket opens and the number normalised; None otherwise (after a title the note is the
    title's).

    >>> _bracketed_doc_number("依据（国务院令第735号）第三十八条", 13)
    (2, '国务院令第735号')
    >>> _bracketed_doc_number("甲条例（国务院令第735号）第三十八条", 14) is None
    True
    >>> _bracketed_doc_number("【人社部令第8号】第五条", 9)
    (0, '人社部令第8号')
    """
    j = p
    while j > 0 and text[j - 1] in " \t\u3000":
        j -= 1
    if j < 4 or text[j - 1] not in _NUMBER_BRACKETS:
        return None
    numbered = doc_number_before(text, j - 1)
    if (
        numbered is None
        or numbered[0] < 1
        or text[numbered[0] - 1] not in _NUMBER_BRACKETS[text[j - 1]]
    ):
        return None
    opened = numbered[0] - 1
    return (opened, numbered[1]) if opens_entry(text, opened) else None


def _several(stem: str, titles: tuple[str, ...]) -> tuple[Resolution, ...]:
    """The reading of ``stem``, a title without its kind ending that starts several ``titles``
    (治安管理处罚: the 法's and the 条例's): kept as written, the titles named, none chosen."""
    why = f"{stem!r} {STARTS_SEVERAL}: {' | '.join(titles)} (none chosen)"
    return (Resolution(clean_title(stem), "explicit", None, None, None, (why,)),)


def _quoted_stem_of_several(text: str, end: int, written: str) -> tuple[str, ...]:
    """The titles ``written``, in quotation marks ending at ``end`` before a provision, starts
    when it lacks its kind ending and starts several (“治安管理处罚”第十条: the 法 is one character
    longer, the 条例 two; naming only the nearer would choose), else ()."""
    if _PROVISION_AFTER.match(text, end) is None or ends_like_instrument(written):
        return ()
    found = load_registry().without_ending(written)
    return tuple(sorted(e.title for e in found)) if len(found) > 1 else ()


class _Law:
    """The cell's last law: what a continuation carries (a plain class: one is made per title
    read, and a compiled build constructs it natively)."""

    __slots__ = ("chapter", "headed", "heading", "kind", "law", "law_id", "pending", "unknown")

    def __init__(
        self,
        law: str,
        kind: CitationKind,
        law_id: str | None,
        pending: int | None,
        warnings: tuple[str, ...] = (),
    ) -> None:
        self.law = law
        self.kind = kind  # the kind of the articles it heads (unmarked under an unmarked title)
        self.law_id = law_id
        self.pending = pending  # index of its law-level record, dropped when provisions follow
        self.chapter: int | None = None  # from a chapter heading line (第六章 责任及其他)
        self.heading: int | None = None  # its record's index, dropped when articles follow
        self.headed = False  # its own record gave way to the articles under it
        # why the registry does not know it (西藏…实施细则（试行）, heading the articles on the
        # lines below): said on every provision cited under it, which never looks resolved either
        self.unknown = (
            next((w for w in warnings if _NOT_IN_REGISTRY in w), None) if law_id is None else None
        )


def read_cell(text: str, backend: Backend = "fast") -> list[Citation]:
    """Every statute citation in one cell's text, read by the given backend (uncached: see
    :func:`extractors.citing.cite.get_citations`).

    >>> [(c.law, c.article) for c in read_cell("依据社会保险工作要点第三条", "general")]
    [('社会保险工作要点', 3)]
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; valid: {', '.join(BACKENDS)}")
    read, typos = read_typos(text) if _TYPO_CHAR.search(text) is not None else (text, ())
    invisible = _INVISIBLE.search(text) is not None
    if not invisible and not typos:
        found = _Cell(text, backend == "fast").run()
        if _GROUP_AFTER.search(text) is not None:
            found = _group_provisions_said(text, found)
        if RANK_WRITTEN.search(text) is not None:
            found = ranks_said(tags_over_lists(text, found))
        return _standards_said(text, found) if _CODE.search(text) is not None else found
    # zero-width characters (《社会\u200b保险法》第八十\u200b七条) read as the white space they
    # show as, characters typed for 第 (弟三十条) as 第: one character for one, so the offsets
    # hold, and each record's text as written (a typo said on the records it is in)
    found = _Cell(_INVISIBLE.sub(" ", read) if invisible else read, backend == "fast").run()
    out = []
    for c in found:
        said = tuple(typo_warning(text[i]) for i in typos if c.start <= i < c.end)
        out.append(replace(c, text=text[c.start : c.end], warnings=(*c.warnings, *said)))
    if _GROUP_AFTER.search(text) is not None:
        out = _group_provisions_said(text, out)
    if RANK_WRITTEN.search(text) is not None:
        out = ranks_said(tags_over_lists(text, out))
    return _standards_said(text, out) if _CODE.search(text) is not None else out


def _standards_said(text: str, found: list[Citation]) -> list[Citation]:
    """``found``, with a title the registry does not know said to be a technical standard's
    where a standard's number stands next to it (JT/T 1094-2016《营运客车安全技术条件》,
    《…技术条件》（GB 7258-2017）), whatever its title ends in.

    >>> [c.warnings[0][-49:] for c in read_cell("JT/T 1094-2016《营运客车安全技术条件》")]
    ['a technical standard, not a statute (not checked)']
    """
    out = []
    for c in found:
        if (
            c.law is not None
            and c.law_id is None
            and c.warnings
            and "technical standard" not in c.warnings[0]
            and _NOT_IN_REGISTRY in c.warnings[0]
            and (
                _CODE_BEFORE.search(text, max(0, c.start - 30), c.start) is not None
                or _CODE_AFTER.match(text, c.end) is not None
                or _CODE_NOTE.search(c.text) is not None
            )
        ):
            c = replace(c, warnings=(standard_warning(c.law), *c.warnings[1:]))
        out.append(c)
    return out


# 《行政处罚法》及其配套规章第十条: a group of instruments no title names, with a provision
_GROUP_AFTER: Final = regex(
    rf"[ \t\u3000]*(?:{alternation(CONJUNCTIONS)})[ \t\u3000]*其?[ \t\u3000]*"
    rf"(?P<group>{alternation(words('group_nouns'))})[ \t\u3000]*(?=第)"
)

_GROUP_BEFORE: Final = regex(_GROUP_AFTER.pattern.replace("(?=第)", r"\Z"))
# a chapter named without its number before a provision (行政许可法附则第八十三条)
_DIVISION_BEFORE: Final = regex(rf"{alternation(words('division_names'))}[ \t\u3000]*\Z")


def _group_provisions_said(text: str, found: list[Citation]) -> list[Citation]:
    """``found``, with a title followed by a group of instruments no title names and a
    provision (《行政处罚法》及其配套规章第十条) said to have the provision unread: it is of none
    of the instruments named (grammar.json ``group_nouns``).

    >>> read_cell("《行政处罚法》及其配套规章第十条")[0].warnings[0][:17]
    '第十条 after 及其配套规章:'
    """
    out = []
    for i, c in enumerate(found):
        group = _GROUP_AFTER.match(text, c.end)
        if group is not None and (run := CHAIN_RUN.match(text, group.end())) is not None:
            nxt = found[i + 1].start if i + 1 < len(found) else len(text)
            if nxt >= group.end():
                chain = run.group().rstrip(CHAIN_TRAIL)
                said = (
                    f"{chain} after {text[c.end : group.end()].strip()}: a provision of "
                    "instruments no title names, not read"
                )
                c = replace(c, warnings=(*c.warnings, said))
        out.append(c)
    return out


def _glued_into_title(text: str, at: int, p: int) -> bool:
    """True when the 本/同/该 that starts a reference back at ``at`` is glued into the end of an
    unmarked title before the provision at ``p`` (香港特别行政区基本法第十条, 合同法第十条): the
    characters before it are a word's, and the words together are the title.

    >>> _glued_into_title("基本法第十条", 1, 3), _glued_into_title("依照本法第十条", 2, 4)
    (True, False)
    """
    if not at or not "\u4e00" <= text[at - 1] <= "\u9fff":
        return False
    if _LEAD_BEFORE.search(text, max(0, at - 4), at) is not None:
        return False  # 应当依照本法第五十八条: a verb before the reference back
    found = unmarked_before(text, p)
    return found is not None and found[0] < at


class _Cell:
    """One pass over one cell's text."""

    def __init__(self, text: str, fast: bool) -> None:
        self.text = text
        self.fast = fast
        self.out: list[Citation | None] = []
        self.last: _Law | None = None
        self.quoted = False
        # the quoted text was opened by a colon or quotation mark (第八条：…, 规定：“…”): the
        # instruments named inside its sentences are the quoted statute's
        self.said = False
        # where the quotation in force closes (its closing quotation mark), -1 when it opened
        # without a mark: what follows the close is the author's again
        self.close = -1
        # where the quotation in force opened without a mark was last looked at for the start
        # of a new reference (an item number, a rank tag, a labelled line) that ends it
        self.seen = 0
        self.local: dict[str, str] = {}

    def run(self) -> list[Citation]:
        text = self.text
        fast = self.fast
        # titles alone on their line (rare), each read where the anchors reach it
        lines = iter(standalone_titles(text) if not fast or may_stand_alone(text) else ())
        line = next(lines, None)
        line_at = line[0] if line is not None else len(text)
        pos = 0
        scanning = True
        while scanning:
            # one scan of the cell from ``pos``, scanned again from where a reading ended only
            # when that is not where the anchor's match ended and an anchor may lie between
            scanning = False
            for m in TOKEN.finditer(text, pos):
                start = m.start()
                if start < pos:
                    scanning = True
                    break
                if start >= line_at:
                    while line is not None and line[0] <= start:
                        if line[0] >= pos:
                            pos = self.standalone(*line)
                        line = next(lines, None)
                    line_at = line[0] if line is not None else len(text)
                    if start < pos:
                        scanning = True
                        break
                kind = m.lastindex
                if kind == BARE:
                    run = m.group()
                    if fast:
                        chain = chain_of_run(text, start, run)
                    else:
                        chain = chain_at(text, start, fast=False)
                    if chain is None:
                        pos = start + 1
                    else:
                        pos = start + (chain.end or 1)
                        # most bare chains inside quoted text (对有第（三）项) are ruled out by
                        # the character before them (what bare() reads needs one of a few)
                        if (
                            not fast
                            or may_refer_before(text, start)
                            or endless_before(text, start) is not None
                            or annex_before(text, start) is not None
                            or self.under_heading(start)
                        ):
                            self.bare(start, chain)
                    if pos < m.end() and "第" in run[pos - start :]:
                        # a chain that ended inside its run (第十条第): a 第 after it is an anchor
                        scanning = True
                        break
                elif (note_end := _in_unmarked_note(text, start)) is not None:
                    pos = note_end  # a title named in the version note of an unmarked title
                elif (amended := amending_decision_at(text, start)) is not None:
                    pos = amended  # 《关于修改〈…〉的决定》修正的《…》: the next title's version
                elif kind == HEAD:
                    new = self.head(start, m) if fast else self.general(start)
                    pos = new if new > start else start + 1
                    end = m.end()
                    if pos < end and (pos < m.end(JOIN) or text.find("第", pos, end) != -1):
                        # a title read in full may end before its notes, a chain inside its run
                        scanning = True
                        break
                else:
                    new = self.title(start) if fast else self.general(start)
                    pos = new if new > start else start + 1
        while line is not None:
            if line[0] >= pos:
                pos = self.standalone(*line)
            line = next(lines, None)
        return [c for c in self.out if c is not None]

    # --- anchors: the fast backend ---------------------------------------------------------

    def head(self, p: int, m: re.Match[str]) -> int:
        """A title whose head TOKEN read at ``p``: read through the caches when it has the
        common shape (《…》（…）第…条, or no provision after it), by the general readers
        otherwise."""
        text = self.text
        regs = m.regs
        closed = regs[TITLE][1]
        notes_end = regs[NOTES][1]
        if notes_end - p > SHORT_HEAD:
            spans = head_spans(m)  # long enough to reach a bound of TITLE_HEAD: read again
            if spans is None:
                return self.title(p)
            closed, notes_end, at, run_start, run_end = spans
        else:
            at = regs[JOIN][1]
            run_start, run_end = regs[RUN]
        # 《立案审批表》、《送达回执》: a form, with nothing after it that could be its notes or
        # provisions (the general path would read none and drop it)
        if (
            (closed == len(text) or text[closed] in _AFTER_FORM)
            and text[p] == "《"
            and text[closed - 1] == "》"
            and regs[NESTED][0] == -1
            and closed - p <= 152
            and names_form(text[p + 1 : closed - 1])
        ):
            return closed
        if self.local or text.find("号", notes_end, notes_end + 42) != -1:
            # abbreviations the cell defines, or a document number after the notes that may
            # reach past them: read in full
            return self.general(p)
        if run_start < 0:
            found = self.whole_title(p, closed, at)
            return found if found is not None else self.general(p)
        # the title and its notes are read once per distinct text, the chain once per distinct
        # chain, then placed at ``p``
        unit = title_unit(text[p:closed], text[closed:at])
        if unit is None:
            return self.general(p)
        chain = chain_of_run(text, at, text[run_start:run_end])
        if chain is None:
            return self.general(p)
        if interpretation_around(text, p, closed, at + chain.end) is not None:
            return self.general(p)  # 关于《…》第十条的解释: the instrument about the provision
        if (its := _AND_ITS.match(text, at + chain.end)) is not None and _listed_after_chain(its):
            return self.general(p)  # 《…》第十条及其实施细则第五条: two instruments
        if _BRACKET_AFTER.match(text, at + chain.end) and heading_only(chain.provisions):
            return self.general(p)  # 第三章（第二十条至第二十五条）: the articles under it
        # the notes read with the title, their end made the chain's (relative to ``at``)
        n = unit.notes
        tail = _new_tuple(Tail, (
            chain.end, n.chain_at, n.glued, n.version, n.doc_number, n.point, n.alias, n.annex,
            chain, n.repealed,
        ))  # fmt: skip
        self.emit_anchor(p, tail, unit.resolutions, None, unit.version, unit.doc, at)
        return at + chain.end

    def whole_title(self, p: int, closed: int, at: int) -> int | None:
        """A title with no provision after it (《…》（…）规定：), read through the cache as in
        :meth:`head`; None when the general path must read it."""
        text = self.text
        if (
            text.startswith(("第", "附", *SHELL_OPENS), at)
            or bare_article_at(text, at)
            or (at < len(text) and (text[at] in _HEADING_NUMERALS or text[at].isdigit()))
            or (closed < len(text) and (text[closed] == "的" or text[closed].isspace()))
            or implementing_around(text, p, closed) is not None
        ):
            # provisions, an annex, a numbered part or a version note without brackets after it
            # (《…》2018年修正第十条), or an unmarked notice around it (…关于《X》的通知)
            return None
        unit = title_unit(text[p:closed], text[closed:at])
        if unit is None:
            return None
        notes = unit.notes
        end = p + notes.end
        if unit.form:
            return end
        if _AND_ITS.match(text, end) is not None:
            return None  # 《中华人民共和国食品安全法》及其实施条例
        self.emit_anchor(p, notes, unit.resolutions, None, unit.version, unit.doc, p)
        return end

    def title(self, p: int) -> int:
        """A title (or quoted title) at ``p`` that TOKEN could not read a head for."""
        text = self.text
        if (
            (flat := FLAT_TITLE.match(text, p)) is not None
            and (flat.end() == len(text) or text[flat.end()] in _AFTER_FORM)
            and names_form(flat.group(1))
        ):
            return flat.end()
        return self.general(p)

    # --- anchors: the general readers --------------------------------------------------------

    def general(self, p: int) -> int:
        """A title (or quoted title) read by the general readers."""
        text = self.text
        unclosed = ""
        if text[p] in QUOTE_MARKS:
            # 「中华人民共和国社会保险法」第八十七条: quotation marks used as title marks, only
            # around something that reads as a title (they mostly quote article text)
            quoted = QUOTED_TITLE.match(text, p)
            if quoted is None:
                return p + 1
            end = quoted.end()
            written = text[p + 1 : end - 1]
            # “行政处罚发”第三十条: a title with a slip of one character in quotation marks,
            # read as one in title marks is (resolve: one character apart or differing, said)
            several = _quoted_stem_of_several(text, end, written)
            slipped = bool(several) or (
                not ends_like_instrument(written) and _slipped_title(text, end, written)
            )
            if not (slipped or ends_like_instrument(written)) or strip_verbs(written)[1]:
                return p + 1
            if not slipped and not plausible_unmarked(written, place="quoted"):
                return p + 1
            if text[p] in _TAG_OPEN and not _bracketed_title(text, end, written):
                return p + 1
            written, version, doc = notes_inside(written)
        else:
            several = ()
            marked = read_marked(text, p) or _unclosed_at_line_end(text, p)
            if marked is None:
                return p + 1
            # 《中华人民共和国社会保险法（2018年修正）》: notes written inside the title marks
            end, written, version, doc = marked
            if text[end - 1] not in TITLE_CLOSE:
                unclosed = (
                    f"the title mark 《 before {written!r} is not closed: read to the line end"
                )
        if not written.strip():
            return end
        start = p
        kind_override: CitationKind | None = None
        via_written: str | None = None
        if end < len(text) and (text[end] == "的" or text[end].isspace()):
            notice = notice_around(text, p, end)
            if notice is not None:
                start, end, via_written = notice
                kind_override = "unmarked"
        elif (outer := implementing_around(text, p, end)) is not None:
            # 甲省实施《中华人民共和国消防法》办法第十条: the marks are the inner ones of an
            # unmarked title
            start, end, written = outer
            kind_override = "unmarked"
        tail = parse_tail(text, end, fast=self.fast)
        if tail.chain is None and is_form(written):
            return tail.end
        if (
            kind_override is None
            and tail.chain is not None
            and (about := interpretation_around(text, p, end, tail.end)) is not None
        ):
            # 全国人民代表大会常务委员会关于《中华人民共和国刑法》第三百一十三条的解释: the
            # interpretation, whose subject the provision is, cited whole
            return self.whole_unmarked(*about)
        if via_written is not None and amended_by(clean_title(via_written)) is not None:
            # 国务院关于修改《X》的决定第十二条: the decision, whose provisions cited are X's
            # (emit_anchor), and which is itself when cited whole
            resolutions = resolve_with(clean_title(via_written), self.local)
        elif via_written is not None:
            resolutions = tuple(
                Resolution(r.law, r.kind, r.law_id, clean_title(via_written), r.rank)
                for r in resolve_with(written + tail.glued, self.local)
            )
        elif several and tail.chain is not None:
            resolutions = _several(written, several)
        else:
            resolutions = resolve_with(written + tail.glued, self.local)
        if unclosed:
            resolutions = tuple(replace(r, warnings=(unclosed, *r.warnings)) for r in resolutions)
        if tail.alias:
            self.local[title_key(tail.alias)] = resolutions[-1].law
        its = _AND_ITS.match(text, tail.end)
        if its is not None and tail.chain is not None and not _listed_after_chain(its):
            its = (
                None  # 《…》第十条实施…: only a conjunction lists another instrument after a chain
            )
        glued = its is not None and not its.group("join")
        if not glued:
            self.emit_anchor(start, tail, resolutions, kind_override, version, doc)
        if its is not None:
            # 《中华人民共和国食品安全法》及其实施条例: the implementing instrument is another
            # one; glued to the marks (《…食品安全法》实施条例) it is the only one cited
            more = parse_tail(text, its.end(), fast=self.fast)
            implemented = resolve_implementing(
                resolutions[-1].law, SPACE.sub("", its.group("name"))
            )
            at = start if glued else its.start("name")
            self.emit_anchor(at, more, implemented, "unmarked", None, None)
            return more.end
        return tail.end

    def standalone(self, start: int, end: int, title: str) -> int:
        """A title alone on its line (…实施细则（试行）): unmarked, heading what follows; the
        version note after it (食品安全法（2021年修正）) is its."""
        self.quoted = self.said = False
        self.close = -1
        note = _LINE_NOTE.match(self.text, end)
        if note is None:
            return self.whole_unmarked(start, end, title)
        version = version_note(note.group("note"))
        doc = find_doc_number(note.group("note"))
        if version is None and doc is None:
            return start  # 甲办法（12号楼）: a bracket that is no note, the line no title
        return self.whole_unmarked(start, note.end(), title, version, doc)

    def whole_unmarked(
        self,
        start: int,
        end: int,
        title: str,
        version: str | None = None,
        doc: str | None = None,
    ) -> int:
        """Records for an unmarked title cited whole, which the next bare provision continues."""
        rank = rank_before(self.text, start)
        for r in resolve_with(title, self.local):
            warn = r.warnings
            if r.law_id is None and not warn:
                warn = (unchecked(r.law, r.via, None),)
            self.out.append(
                cite_one(
                    self.text, start, end, "law-level", None, law=r.law, via=r.via,
                    rank=rank[0] if rank else None, law_id=r.law_id, warnings=warn,
                    version=version, doc=doc,
                )
            )  # fmt: skip
            self.last = _Law(r.law, "unmarked", r.law_id, len(self.out) - 1, warn)
        return end

    def bare(self, p: int, chain: Chain) -> None:
        """A provision chain at ``p`` (offsets relative to ``p``) with no title before it:
        self-reference, document number, unmarked title, or continuation of the cell's last law
        (or nothing, inside quoted text)."""
        text = self.text
        end = p + chain.end
        provisions = chain.provisions
        warnings = chain.warnings
        selfref = self_reference_before(text, p)
        if selfref is not None and _glued_into_title(text, selfref[0], p):
            selfref = None
        if selfref is not None:
            # 依照本法第八十六条 inside quoted article text is the quoted law talking about itself;
            # 依照该法第八十六条 opening a line after it is the author's again
            self.closed_before(selfref[0])
            if self.quoted and author_refers_back(text, selfref[0]):
                self.quoted = self.said = False
                self.close = -1
            if not self.quoted:
                self.refer_back(selfref[0], selfref[1], end, provisions, warnings, p)
            return
        same = same_unit_before(text, p)
        if same is not None and below_article(provisions[0]):
            # 同条第二款, 该款第（三）项: a part of the provision cited last, in the author's words
            self.closed_before(same[0])
            if self.last is None and text.startswith(PRECEDING, same[0]):
                return  # 有前款第（一）项规定情形的, with no citation before: a statute's own words
            if not self.quoted or author_refers_back(text, same[0]):
                self.quoted = self.said = False
                self.close = -1
                self.same_provision(same[0], same[1], end, provisions, warnings, p)
                if text.startswith(PRECEDING, same[0]):
                    self.check_preceding(same[0], same[1])
            return
        numbered = doc_number_before(text, p) or _bracketed_doc_number(text, p)
        if numbered is not None:
            # 国务院令第735号第三十八条: the instrument named by its number alone
            self.by_doc_number(numbered[0], numbered[1], provisions, warnings, p)
            return
        annex = annex_before(text, p)
        if annex is not None:
            # 国务院关于…的决定 附件第3项, 国务院对…的决定（国务院令第412号）附件第213项: an entry
            # of the annexed list of an unmarked title (its notes before the annex or not), a
            # point of it (as after a marked title: extractors.citing.grammar.notes)
            annexed = unmarked_before(text, annex)
            noted_annex = None if annexed is not None else self.noted_before(annex)
            if noted_annex is not None:
                annexed = noted_annex[:2]
            points = tuple(
                q._replace(point=q.item, item=None) if q.article is None and q.item else q
                for q in provisions
            )
            numbered = None if annexed is not None else doc_number_before(text, annex)
            if numbered is not None:
                # 京政发〔2020〕12号附件第3项: an entry of the annex of the instrument named by
                # its number alone
                self.by_doc_number(numbered[0], numbered[1], points, warnings, p)
                return
            if annexed is not None:
                tail = Tail(chain.end, chain.end, chain=chain._replace(provisions=points))
                named = resolve_with(annexed[1], self.local)
                notes = noted_annex[2] if noted_annex is not None else None
                self.emit_anchor(
                    annexed[0], tail, named, "unmarked",
                    notes.version if notes is not None else None,
                    notes.doc_number if notes is not None else None, p,
                )  # fmt: skip
                return
        group = _GROUP_BEFORE.search(text, max(0, p - 16), p)
        if group is not None and (grouped := unmarked_before(text, group.start())) is not None:
            # 食品安全法及其配套规章第二十条: the law cited whole; the provision is of instruments
            # no title names (said on the law's record: _group_provisions_said)
            self.whole_unmarked(grouped[0], group.start(), grouped[1])
            return
        division = _DIVISION_BEFORE.search(text, max(0, p - 6), p)
        unmarked = (
            # 行政许可法附则第八十三条, 刑法总则第十三条: a chapter named without its number
            # between the title and the article is passed over, as after title marks
            (unmarked_before(text, division.start()) if division is not None else None)
            or unmarked_before(text, p)
            or (self.alias_before(p) if self.local else None)
        )
        endless = endless_before(text, p) if unmarked is None else None
        if (
            endless is not None
            and len(endless[1]) < _SHORT_STEM
            and not opens_entry(text, endless[0])
        ):
            # 本单位与合作公司第十条约定: a word of prose that is also a short stem (公司), read as
            # a title only where an entry of the basis starts (依据公司第十条, 1.公司第十条)
            endless = None
        if endless is not None:
            # 依据中华人民共和国行政许可第十二条, 根据消防第六十条: a title without marks lacking
            # its ending, read as the registry's one title it is the start of, and said
            unmarked = endless[0], endless[2][0]
        if unmarked is not None:
            ustart, utitle = unmarked
            tail = Tail(chain.end, chain.end, chain=chain)
            resolutions: tuple[Resolution, ...]
            parent_whole: tuple[int, int, str] | None = None
            if endless is not None and len(endless[2]) > 1:
                # 治安管理处罚第十条: the start of the 法's title and of the 条例's; named, none
                # chosen (the list's date may pick one: extractors.citing.in_force)
                resolutions = _several(endless[1], endless[2])
            else:
                resolutions = resolve_with(utitle, self.local)
                its = _AND_ITS_UNMARKED.match(utitle) if resolutions[0].law_id is None else None
                if its is not None and not its["and"].replace("其", "").strip():
                    its = None  # 防洪法实施办法: glued, one title
                if (
                    its is not None
                    and (parent := resolve_with(its["parent"], self.local))[0].law_id
                ):
                    # 食品安全法及其实施条例第二十条: the law cited whole, then its implementing
                    # instrument with the provision (as after a marked title)
                    parent_whole = (ustart, ustart + its.end("parent"), its["parent"])
                    ustart += its.start("name")
                    resolutions = resolve_implementing(parent[-1].law, SPACE.sub("", its["name"]))
            if endless is not None and len(endless[2]) == 1:
                why = f"{endless[1]!r} lacks its kind ending: read as {utitle!r}"
                resolutions = tuple(replace(r, warnings=(why, *r.warnings)) for r in resolutions)
            before, last = len(self.out), self.last
            for listed in listed_before(text, ustart if parent_whole is None else parent_whole[0]):
                # 依据社会保险法、劳动法第十条: the first title is cited whole
                self.whole_unmarked(*listed)
            if parent_whole is not None:
                self.whole_unmarked(*parent_whole)
            listed_at = len(self.out)
            self.emit_anchor(ustart, tail, resolutions, "unmarked", None, None, p)
            if len(self.out) == listed_at > before:
                # the title was not read (quoted text): nor are the ones listed before it
                del self.out[before:]
                self.last = last
            return
        noted = self.noted_before(p)
        if noted is not None:
            # [行政法规]校车安全管理条例(…令第617)第十五条, 港口经营管理规定（…令…号）第五条,
            # 中华人民共和国会计法（根据…修正）第四十二条: the title's marks lost, its rank tag,
            # document number or version note kept
            ustart, utitle, head = noted
            tail = Tail(chain.end, chain.end, chain=chain)
            resolutions = resolve_with(utitle, self.local)
            self.emit_anchor(
                ustart, tail, resolutions, "unmarked", head.version, head.doc_number, p
            )
            return
        closed = self.closed_before(p)
        headed = self.under_heading(p)
        if not closed and not at_segment_start(text, p) and not headed:
            return
        if headed and self.last is not None:
            # the chapter's own record gives way to the articles under it, which carry it
            for at in range(len(self.out) - 1, -1, -1):
                heading = self.out[at]
                if heading is not None:
                    self.last.chapter = heading.chapter
                    self.last.heading = at
                    break
        if self.quoted and (
            noun_use_at(text, end) or (below_article(provisions[0]) and not opens_quote(text, end))
        ):
            return
        self.continue_last(p, end, provisions, warnings, None, p)
        self.enter_quote(end, opens_quote(text, end))

    # --- records -------------------------------------------------------------------------

    def emit_anchor(
        self,
        start: int,
        tail: Tail,
        resolutions: tuple[Resolution, ...],
        kind_override: CitationKind | None,
        version: str | None,
        doc: str | None,
        base: int = 0,
    ) -> None:
        """Records for a title (or unmarked title) and the provisions after it; ``base`` is
        where the text the tail was read from starts (tails cached by their text)."""
        text = self.text
        out = self.out
        seg, rank = lead_before(text, start)
        if self.closed_before(start) or seg or (self.said and led_line_before(text, start)):
            self.quoted = self.said = False
            self.close = -1
        elif self.said:
            # 第四十二条：…依照《中华人民共和国森林法》的规定办理: an instrument that quoted article
            # text names, inside its sentence, is the quoted statute's reference, not the list's
            return
        chain = tail.chain
        provisions: tuple[Provision, ...] = chain.provisions if chain is not None else ()
        if not provisions and tail.point is None and _CUT_OFF.match(text, tail.end + base):
            return
        if len(resolutions) == 1 and resolutions[0].law in KIND_ALONE:
            # 《工伤保险条例》第十条；《条例》第十四条: the kind alone in title marks is the
            # instrument of that kind cited before it in the cell
            resolutions = (self.kind_alone(resolutions[0]),)
        if tail.point is not None:
            if provisions:
                provisions = tuple(p._replace(point=tail.point) for p in provisions)
            else:
                provisions = (Provision(start - base, tail.end, point=tail.point),)
        elif (
            provisions
            and resolutions
            and provisions[0].article is None
            and numbers_entries(resolutions[-1].law)
        ):
            # 《国务院对确需保留的…的决定》第36项: an entry of the decision's list, a point
            provisions = tuple(
                p._replace(point=p.item, item=None)
                if p.article is None and p.paragraph is None and p.item is not None
                else p
                for p in provisions
            )
        if provisions and (amended := amended_by(resolutions[-1].law)) is not None:
            # 《国务院关于修改〈营业性演出管理条例〉的决定》第十六条: the amended instrument's
            resolutions = amended
        warnings = chain.warnings if chain is not None else ()
        if tail.repealed is not None:
            # （已废止）: the list cites an instrument it says is no longer in force
            warnings = (*warnings, f"the list notes the instrument as {tail.repealed}")
        version = tail.version or version
        doc = tail.doc_number or doc
        if doc is None and start and text[start - 1] in _DOC_LAST:
            # 国务院令第735号《优化营商环境条例》第三十八条: the number written before the title
            numbered = doc_number_before(text, start)
            doc = numbered[1] if numbered is not None else None
        tail_end = tail.end + base
        if version is None and provisions:
            version = version_after(text, tail_end)  # 第六十九条（2019年修正）
        if version is None:
            version = version_before(text, start)  # 2021年修订的《…》
        for r in resolutions:
            kind: CitationKind = kind_override or r.kind
            warn = r.warnings + warnings if warnings else r.warnings
            if r.law_id is None and not r.warnings:
                # not in the registry: never passed as resolved (a normative document, party
                # regulation, standard, local or repealed instrument: not checked)
                warn = (*warn, unchecked(r.law, r.via, doc))
            if not provisions:
                # a whole instrument: law-level, unless its title was abbreviated (《监察法》),
                # which ranks before it (docs/citations.md, "Kinds")
                whole: CitationKind = "abbreviation" if kind == "abbreviation" else "law-level"
                out.append(
                    cite_one(
                        text, start, tail_end, whole, None, law=r.law, version=version,
                        doc=doc, via=r.via, rank=rank, law_id=r.law_id, warnings=warn,
                    )
                )  # fmt: skip
                pending: int | None = len(out) - 1
            else:
                pending = None
                cite_chain(
                    out, text, start, base, provisions, r.law, kind, version, doc, r.via, rank,
                    r.law_id, warn, None,
                )  # fmt: skip
            if not self.quoted:
                self.last = _Law(r.law, kind, r.law_id, pending, warn)
        if chain is not None:
            self.enter_quote(tail_end, opens_quote(text, tail_end))
        elif tail.point is None and quotes_title(text, tail_end):
            self.enter_quote(tail_end, True)

    def enter_quote(self, pos: int, opens: bool) -> None:
        """The words after the reference that ends at ``pos`` are quoted (``opens``): quoted
        statutory text, with or without a colon or quotation marks, whose references are the
        quoted statute's; it runs to its closing mark, or until a new reference starts."""
        if not opens:
            return
        if not self.quoted:
            self.close = quote_close(self.text, pos)
            self.seen = pos
        self.quoted = self.said = True

    def noted_before(self, pos: int) -> tuple[int, str, Tail] | None:
        """An unmarked title and its parenthetical notes, which end at ``pos``, as its start,
        its text and the notes read; None unless something shows the words are a title whose
        marks were lost: a rank tag before it, a document number or a version note in its notes
        (text whose marks were lost: [行政法规]校车安全管理条例(…令第617)第十五条)."""
        text = self.text
        noted = noted_unmarked_before(text, pos)
        if noted is None:
            return None
        ustart, utitle, note_at, ranked = noted
        head = read_head(text, note_at)
        if ranked or head.version is not None or names_doc_number(text[note_at:pos]):
            return ustart, utitle, head
        return None

    def closed_before(self, pos: int) -> bool:
        """True when the quotation in force was closed before ``pos`` (the quotation ended, and
        it is left); True also means ``pos`` opens the author's words again when only white
        space or punctuation stands between the close and ``pos``."""
        close = self.close
        if close < 0 and self.quoted and pos > self.seen:
            # a quotation opened without a mark: ended by a new reference before ``pos``
            found = new_reference_in(self.text, self.seen, pos)
            if found < 0:
                self.seen = pos
                return False
            self.quoted = self.said = False
            return False
        if close < 0 or pos <= close:
            return False
        self.quoted = self.said = False
        self.close = -1
        return not self.text[close + 1 : pos].strip(_AFTER_CLOSE)

    def under_heading(self, p: int) -> bool:
        """True when the provision at ``p`` follows the chapter (or section) just cited and its
        heading's words (《消防法》第五章 法律责任 第六十条): an article under that heading, as one
        on the line below a heading line is."""
        cited = next((c for c in reversed(self.out) if c is not None), None)
        if cited is None or cited.article is not None or cited.point is not None:
            return False
        if cited.chapter is None and cited.section is None:
            return False
        return _HEADING_WORDS.fullmatch(self.text, cited.end, p) is not None

    def alias_before(self, p: int) -> tuple[int, str] | None:
        """An abbreviation the cell defined (（以下简称处罚法）), written without marks just before
        the provision at ``p`` (处罚法第十二条): its start and text, or None. Too short to read
        as a title of its own (unmarked titles are five characters or more), it is one here."""
        text = self.text
        j = p
        while j > 0 and text[j - 1] in " \t\u3000":
            j -= 1
        for alias in self.local:
            if text.endswith(alias, 0, j):
                return j - len(alias), alias
        return None

    def kind_alone(self, written: Resolution) -> Resolution:
        """The instrument a title that is a kind alone (《条例》, 《办法》, 《法》) refers back to:
        the last of that kind cited before it in the cell, said; unresolved, and said, when
        the cell cites none (never a local title of that name: 《条例》 names no instrument)."""
        noun = written.law
        for earlier in reversed(self.out):
            if earlier is not None and earlier.law is not None and is_kind(earlier.law, noun):
                why = f"《{noun}》 read as {earlier.law}, the {noun} cited before it"
                return Resolution(earlier.law, "abbreviation", earlier.law_id, None, None, (why,))
        return Resolution(
            noun, "explicit", None, None, None, (f"no {noun} is cited before 《{noun}》",)
        )

    def refer_back(
        self,
        start: int,
        noun: str | None,
        end: int,
        provisions: tuple[Provision, ...],
        warnings: tuple[str, ...],
        base: int,
    ) -> None:
        """Records for a chain after 本法/该条例/同办法 (from ``start``): under the last law cited
        in the cell of the kind the noun names (any kind when ``noun`` is None), or unresolved,
        and flagged, when the cell cites none of that kind."""
        last = self.last
        if last is None:
            # 该法第十二条 with nothing cited before it in the cell: unresolved, and said
            said = SPACE.sub("", self.text[start : provisions[0].start + base])
            why = f"no {noun or 'instrument'} is cited before {said}"
            self.unresolved(start, base, provisions, (*warnings, why))
            return
        if noun is None or is_kind(last.law, noun):
            self.continue_last(start, end, provisions, warnings, "continuation", base)
            return
        for earlier in reversed(self.out):
            if earlier is not None and earlier.law is not None and is_kind(earlier.law, noun):
                cite_chain(
                    self.out, self.text, start, base, provisions, earlier.law, "continuation",
                    None, None, None, None, earlier.law_id, warnings, None,
                )  # fmt: skip
                return
        if is_kind(last.law, noun, loose=True):
            # 《…暂行办法》第五条、该法第六条 with no 法 before: the 办法 written loosely
            self.continue_last(start, end, provisions, warnings, "continuation", base)
            return
        said = SPACE.sub("", self.text[start : provisions[0].start + base])
        self.unresolved(start, base, provisions, (*warnings, f"no {noun} is cited before {said}"))

    def same_provision(
        self,
        start: int,
        level: str,
        end: int,
        provisions: tuple[Provision, ...],
        warnings: tuple[str, ...],
        base: int,
    ) -> None:
        """Records for a chain after 同条/该条 (``level`` article) or 同款 (paragraph), from
        ``start``: parts of the article (and paragraph) of the last record, continuing its law;
        unresolved, and flagged, when the last record names no such provision."""
        last = self.last
        cited = next((c for c in reversed(self.out) if c is not None), None)
        said = SPACE.sub("", self.text[start : provisions[0].start + base])
        if (
            last is None
            or cited is None
            or cited.law != last.law
            or cited.article is None
            or (level == "paragraph" and (cited.paragraph is None or provisions[0].paragraph))
        ):
            self.unresolved(
                start, base, provisions, (*warnings, f"no {level} is cited before {said}")
            )
            return
        article, suffix, paragraph = cited.article, cited.article_suffix, cited.paragraph
        provisions = tuple(
            p._replace(article=article, article_suffix=suffix)
            if level == "article"
            else p._replace(article=article, article_suffix=suffix, paragraph=paragraph)
            for p in provisions
        )
        cite_chain(
            self.out, self.text, start, base, provisions, last.law, "continuation", None, None,
            None, None, last.law_id, warnings, last.chapter,
        )  # fmt: skip

    def check_preceding(self, start: int, level: str) -> None:
        """Flag the records just made for a 前款/前条 at ``start`` unless what it points to is
        certain: the author lists it right after the provision cited before (第十条第一款、前款第
        （一）项, …第一款；依照前款第（二）项), nothing but a list mark, a semicolon or a lead verb
        between them. After other words it may be quoted article text, where 前款 is the
        statute's own paragraph before, not the one the list cited."""
        made = [c for c in self.out if c is not None and c.start == start]
        cited = next((c for c in reversed(self.out) if c is not None and c.start < start), None)
        if not made or made[0].law is None or cited is None:
            return  # unresolved, and flagged already
        if _CERTAIN_GAP.fullmatch(self.text, cited.end, start) is not None:
            return
        said = self.text[start : start + 2]
        why = (
            f"{said} read as the {level} cited before it: not certain, quoted text may mean its own"
        )
        for i, c in enumerate(self.out):
            if c is not None and c.start == start:
                self.out[i] = replace(c, warnings=(*c.warnings, why))

    def by_doc_number(
        self,
        start: int,
        doc: str,
        provisions: tuple[Provision, ...],
        warnings: tuple[str, ...],
        base: int,
    ) -> None:
        """Records for a chain after a document number (from ``start``): under the instrument the
        registry knows by that number, or unresolved, with the number, when it knows none or
        several."""
        entries = load_registry().by_doc_number(doc)
        if len(entries) == 1:
            entry = entries[0]
            cite_chain(
                self.out, self.text, start, base, provisions, entry.title, "unmarked", None, doc,
                None, None, entry.id, warnings, None,
            )  # fmt: skip
            self.last = _Law(entry.title, "unmarked", entry.id, None)
            return
        why = (
            f"{doc} enacted or amended {len(entries)} instruments in the registry"
            if entries
            else f"{doc} is not in the registry"
            + (_UNHELD_NUMBER if "〔" in doc and not _ORDER_IN.search(doc) else unknown_number(doc))
        )
        self.unresolved(start, base, provisions, (*warnings, why), doc=doc)

    def unresolved(
        self,
        start: int,
        base: int,
        provisions: tuple[Provision, ...],
        warnings: tuple[str, ...],
        *,
        doc: str | None = None,
    ) -> None:
        """One unresolved record per provision (offsets relative to ``base``)."""
        for i, prov in enumerate(provisions):
            s = start if i == 0 else prov.start + base
            self.out.append(
                cite_one(
                    self.text, s, prov.end + base, "unresolved", prov, law=None, doc=doc,
                    warnings=warnings,
                )
            )  # fmt: skip

    def continue_last(
        self,
        start: int,
        end: int,
        provisions: tuple[Provision, ...],
        warnings: tuple[str, ...],
        kind: CitationKind | None,
        base: int,
    ) -> None:
        """Records for a bare chain (provision offsets relative to ``base``) under the cell's
        last law, or unresolved when there is none."""
        last = self.last
        if last is None:
            self.unresolved(start, base, provisions, warnings)
            return
        # 第六章 责任及其他 on its own line heads the articles after it; a list of chapters
        # (第五章、第六章) cites each of them
        headings = len(provisions) == 1 and heading_only(provisions)
        # the articles under a title that heads them (no provision of its own) take its kind
        headed = last.pending is not None or last.headed
        if last.unknown is not None and last.unknown not in warnings:
            warnings = (last.unknown, *warnings)
        base_kind: CitationKind = kind or (last.kind if headed else "continuation")
        if headings:
            last.chapter = provisions[-1].chapter
            self.out.append(
                cite_one(
                    self.text,
                    start,
                    end,
                    base_kind,
                    provisions[-1],
                    law=last.law,
                    law_id=last.law_id,
                )
            )
            last.heading = len(self.out) - 1
            return
        first = provisions[0]
        if first.article is None and first.point is None and first.paragraph is not None:
            # 第十一条第一款：… 第三款：…: a paragraph of the article cited just before
            cited = next((c for c in reversed(self.out) if c is not None), None)
            if cited is not None and cited.law == last.law and cited.article is not None:
                article, suffix = cited.article, cited.article_suffix
                provisions = tuple(
                    p._replace(article=article, article_suffix=suffix)
                    if p.article is None and p.point is None
                    else p
                    for p in provisions
                )
        if last.pending is not None:
            self.out[last.pending] = None
        if last.heading is not None:
            self.out[last.heading] = None
            last.heading = None
        cite_chain(
            self.out, self.text, start, base, provisions, last.law, base_kind, None, None, None,
            None, last.law_id, warnings, last.chapter,
        )  # fmt: skip
        if last.pending is not None:
            last.pending = None
            last.headed = True
