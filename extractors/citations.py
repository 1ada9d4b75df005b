"""Extracting the statute citations of one cell: titles with their provisions, continuations that
carry the cell's last law, unmarked titles and self-references, resolved to canonical titles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from extractors.find import (
    CHAIN_RUN,
    Chain,
    Head,
    Provision,
    Tail,
    at_segment_start,
    chain_at,
    chain_of_run,
    find_doc_number,
    match_title,
    may_end_title_line,
    opens_quote,
    parse_tail,
    plausible_unmarked,
    quotes_title,
    rank_before,
    read_head,
    self_reference_before,
    standalone_titles,
    strip_verbs,
    unmarked_before,
)
from extractors.lawdb import title_key
from extractors.models import TEXT_FIELDS, CellCitation, Citation, CitationKind, PowerItem
from extractors.resolve import (
    Resolution,
    clean_title,
    ends_like_instrument,
    is_form,
    resolve_title,
    resolve_with,
    version_note,
)

_ANCHOR = re.compile(r"[《〈<＜「“第]")
_NOTICE_AFTER = re.compile(r"\s*的\s*通\s*知")
_CARRIER_VERB = re.compile(r"印\s*发|转\s*发|批\s*转|颁\s*发|发\s*布|颁\s*布")
_SEGMENT_LEAD = re.compile(
    r"(?:\s|(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*[、.．]"
    r"|[【\[［][^】\]［］\n]{1,14}[】\]］][:：]?)*"
)
_BOUNDARY = "\n。;；!?！？"
_IN_TITLE_NOTE = re.compile(r"[（(]([^（）()]{1,80})[）)]\s*$")
# a bare provision used as a noun inside quoted text: 第三条规定的…, 第二款所列…
_NOUN_USE = re.compile(r"规定|所列|所称|所指|所规定|中的|的规定|的情形|之规定")


@dataclass(slots=True)
class _Law:
    """The cell's last law: what a continuation carries."""

    law: str
    kind: CitationKind  # the kind of the articles it heads (unmarked under an unmarked title)
    in_registry: bool
    pending: int | None  # index of its law-level record, dropped when provisions follow
    chapter: int | None = None  # from a chapter heading line (第六章 责任及其他)
    heading: int | None = None  # index of that heading's record, dropped when articles follow
    headed: bool = False  # its own record gave way to the articles under it


class _Cell:
    """One pass over one cell's text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Citation | None] = []
        self.last: _Law | None = None
        self.quoted = False
        self.local: dict[str, str] = {}

    def run(self) -> list[Citation]:
        text = self.text
        lines = standalone_titles(text) if _may_stand_alone(text) else []
        if not lines:
            # the common case: each anchor searched for from where the last read ended
            search = _ANCHOR.search
            m = search(text)
            while m is not None:
                start = m.start()
                new = self.bare(start) if m.group() == "第" else self.title(start)
                m = search(text, new if new > start else start + 1)
            return [c for c in self.out if c is not None]
        # every anchor, in order (one scan of the cell); those inside a stretch already read
        # are skipped
        pending = iter(lines)
        line = next(pending, None)
        pos = 0
        for m in _ANCHOR.finditer(text):
            start = m.start()
            if start < pos:
                continue
            while line is not None and line[0] <= start:
                if line[0] >= pos:
                    pos = self.standalone(*line)
                line = next(pending, None)
            if start < pos:
                continue
            new = self.bare(start) if text[start] == "第" else self.title(start)
            pos = new if new > start else start + 1
        while line is not None:
            if line[0] >= pos:
                pos = self.standalone(*line)
            line = next(pending, None)
        return [c for c in self.out if c is not None]

    # --- anchors -------------------------------------------------------------------------

    def title(self, p: int) -> int:
        text = self.text
        # 《立案审批表》、《送达回执》: a form, with nothing after it that could be its notes or
        # provisions (the general path would read none and drop it)
        if (
            (flat := _FLAT_TITLE.match(text, p)) is not None
            and (flat.end() == len(text) or text[flat.end()] in _AFTER_FORM)
            and _names_form(flat.group(1))
        ):
            return flat.end()
        head = None if self.local else _TITLE_HEAD.match(text, p)
        if head is not None and text.find("号", head.end("notes"), head.end("notes") + 42) != -1:
            head = None  # a document number after the notes may reach past them: read in full
        if head is not None and (run := head.group("run")) is not None:
            # the common shape, 《…》（…）第…条: the title and its notes are read once per distinct
            # text, the chain once per distinct chain, then placed at ``p``
            at = head.end("join")
            closed = head.end("title")
            unit = _title_unit(text[p:closed], text[closed:at])
            chain = chain_of_run(text, at, run) if unit is not None else None
            if unit is not None and chain is not None:
                if unit.notes.point is None:
                    self.emit_chain(p, at, unit, chain)
                else:
                    notes = unit.notes
                    tail = Tail(chain.end, notes.glued, notes.version, notes.doc_number,
                                notes.point, None, False, chain)  # fmt: skip
                    self.emit_anchor(p, tail, unit.resolutions, None, unit.version, unit.doc, at)
                return at + chain.end
        if head is not None and (found := self.whole_title(p, head)) is not None:
            return found
        if text[p] in "「“":
            # 「中华人民共和国社会保险法」第八十七条: quotation marks used as title marks, only
            # around something that reads as a title (they mostly quote article text)
            quoted = _QUOTED_TITLE.match(text, p)
            if quoted is None:
                return p + 1
            end = quoted.end()
            written = text[p + 1 : end - 1]
            if not ends_like_instrument(written) or strip_verbs(written)[1]:
                return p + 1
            if not plausible_unmarked(written, standalone=False):
                return p + 1
        else:
            found_end = match_title(text, p)
            if found_end is None:
                return p + 1
            end = found_end
            written = text[p + 1 : end - 1]
            if text[p] != "《" and not ends_like_instrument(written):
                return p + 1
        # 《中华人民共和国社会保险法（2018年修正）》: notes written inside the title marks
        written, version, doc = _notes_inside(written)
        if not written.strip():
            return end
        start = p
        kind_override: CitationKind | None = None
        via_written: str | None = None
        if end < len(text) and (text[end] == "的" or text[end].isspace()):
            notice = self.unmarked_notice(p, end)
            if notice is not None:
                start, end, via_written = notice
                kind_override = "unmarked"
        tail = parse_tail(text, end)
        if tail.chain is None and is_form(written):
            return tail.end
        if via_written is not None:
            resolutions = tuple(
                Resolution(r.law, r.kind, r.in_registry, clean_title(via_written), r.rank)
                for r in resolve_with(written + tail.glued, self.local)
            )
        else:
            resolutions = resolve_with(written + tail.glued, self.local)
        if tail.alias:
            self.local[title_key(tail.alias)] = resolutions[-1].law
        self.emit_anchor(start, tail, resolutions, kind_override, version, doc)
        if tail.chain is None and (its := _AND_ITS.match(text, tail.end)) is not None:
            # 《中华人民共和国食品安全法》及其实施条例: the implementing instrument is another one
            implementing = resolutions[-1].law + _SPACE.sub("", its.group(1))
            more = parse_tail(text, its.end())
            implemented = resolve_title(implementing)
            self.emit_anchor(its.start(1), more, implemented, "unmarked", None, None)
            return more.end
        return tail.end

    def whole_title(self, p: int, head: re.Match[str]) -> int | None:
        """A title with no provision after it (《…》（…）规定：), read through the cache as in
        :meth:`title`; None when the general path must read it."""
        text = self.text
        at = head.end("join")
        closed = head.end("title")
        if text.startswith(("第", "附"), at) or (
            closed < len(text) and (text[closed] == "的" or text[closed].isspace())
        ):
            # provisions or an annex after it, or an unmarked notice around it (…关于《X》的通知)
            return None
        unit = _title_unit(text[p:closed], text[closed:at])
        if unit is None:
            return None
        notes, resolutions, version, doc, form = unit
        end = p + notes.end
        if form:
            return end
        if _AND_ITS.match(text, end) is not None:
            return None  # 《中华人民共和国食品安全法》及其实施条例
        tail = Tail(notes.end, notes.glued, notes.version, notes.doc_number, notes.point)
        self.emit_anchor(p, tail, resolutions, None, version, doc, p)
        return end

    def unmarked_notice(self, p: int, end: int) -> tuple[int, int, str] | None:
        """An unmarked notice around a marked title (…批转…关于《X》的通知，第七章)."""
        text = self.text
        after = _NOTICE_AFTER.match(text, end)
        if after is None:
            return None
        lo = p
        while lo > 0 and text[lo - 1] not in _BOUNDARY and p - lo < 150:
            lo -= 1
        lo = _SEGMENT_LEAD.match(text, lo, p).end()  # type: ignore[union-attr]
        pre = text[lo:p]
        if not pre or not _CARRIER_VERB.search(pre) or any(c in pre for c in "《》〈〉<>"):
            return None
        outer = pre + "〈" + text[p + 1 : end - 1] + "〉" + text[end : after.end()]
        return lo, after.end(), outer

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
        seg = at_segment_start(text, start)
        if seg:
            self.quoted = False
        rank_tag = rank_before(text, start)
        rank = rank_tag[0] if rank_tag else None
        chain = tail.chain
        provisions: tuple[Provision, ...] = chain.provisions if chain else ()
        if tail.point is not None:
            if provisions:
                provisions = tuple(p._replace(point=tail.point) for p in provisions)
            else:
                provisions = (Provision(start - base, tail.end, point=tail.point),)
        warnings = chain.warnings if chain else ()
        version = tail.version or version
        doc = tail.doc_number or doc
        tail_end = tail.end + base
        for r in resolutions:
            kind: CitationKind = kind_override or r.kind
            warn = r.warnings + warnings if warnings else r.warnings
            if not provisions:
                out.append(
                    _new_citation(
                        text[start:tail_end], start, tail_end, r.law, "law-level", None, None,
                        None, None, None, None, version, doc, r.via, rank, r.in_registry, warn,
                        None, None, None,
                    )
                )  # fmt: skip
                pending: int | None = len(out) - 1
            else:
                pending = None
                _cite_chain(
                    out, text, start, base, provisions, r.law, kind, version, doc, r.via, rank,
                    r.in_registry, warn, None,
                )  # fmt: skip
            if seg or not self.quoted:
                self.last = _Law(r.law, kind, r.in_registry, pending)
        if chain is not None:
            self.quoted = self.quoted or opens_quote(text, tail_end)
        elif tail.point is None:
            self.quoted = self.quoted or quotes_title(text, tail_end)

    def emit_chain(self, p: int, at: int, unit: _TitleUnit, chain: Chain) -> None:
        """:meth:`emit_anchor` for a title read through the cache with a chain after it at
        ``at`` and no bare point in its notes (the shape of most citations)."""
        text = self.text
        if at_segment_start(text, p):
            self.quoted = False
        rank_tag = rank_before(text, p)
        rank = rank_tag[0] if rank_tag else None
        notes = unit.notes
        version = notes.version or unit.version
        doc = notes.doc_number or unit.doc
        warnings = chain.warnings
        r = None
        for r in unit.resolutions:
            _cite_chain(
                self.out, text, p, at, chain.provisions, r.law, r.kind, version, doc, r.via,
                rank, r.in_registry, r.warnings + warnings if warnings else r.warnings, None,
            )  # fmt: skip
        if not self.quoted:
            if r is not None:
                self.last = _Law(r.law, r.kind, r.in_registry, None)
            self.quoted = opens_quote(text, at + chain.end)

    def standalone(self, start: int, end: int, title: str) -> int:
        """A title alone on its line (…实施细则（试行）): unmarked, heading what follows."""
        self.quoted = False
        rank = rank_before(self.text, start)
        for r in resolve_with(title, self.local):
            self.out.append(
                self.cite(
                    start,
                    end,
                    "law-level",
                    None,
                    law=r.law,
                    via=r.via,
                    rank=rank[0] if rank else None,
                    in_registry=r.in_registry,
                    warnings=r.warnings,
                )
            )
            self.last = _Law(r.law, "unmarked", r.in_registry, len(self.out) - 1)
        return end

    def bare(self, p: int) -> int:
        """A provision chain with no title before it: unmarked title, self-reference, or
        continuation of the cell's last law (or nothing, inside quoted text)."""
        text = self.text
        chain = chain_at(text, p)  # offsets relative to p
        if chain is None:
            return p + 1
        provisions = chain.provisions
        warnings = chain.warnings
        end = p + chain.end
        selfref = self_reference_before(text, p)
        if selfref is not None:
            # 依照本法第八十六条 inside quoted article text is the quoted law talking about itself
            if self.quoted:
                return end
            self.continue_last(selfref, end, provisions, warnings, "continuation", p)
            return end
        unmarked = unmarked_before(text, p)
        if unmarked is not None:
            ustart, utitle = unmarked
            tail = Tail(chain.end, chain=chain)
            resolutions = resolve_with(utitle, self.local)
            self.emit_anchor(ustart, tail, resolutions, "unmarked", None, None, p)
            return end
        if not at_segment_start(text, p):
            return end
        if self.quoted and (
            _NOUN_USE.match(text, end)
            or (_below_article(provisions[0]) and not opens_quote(text, end))
        ):
            return end
        self.continue_last(p, end, provisions, warnings, None, p)
        self.quoted = self.quoted or opens_quote(text, end)
        return end

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
            for i, prov in enumerate(provisions):
                s = start if i == 0 else prov.start + base
                self.out.append(
                    self.cite(s, prov.end + base, "unresolved", prov, law=None, warnings=warnings)
                )
            return
        heading_only = _heading_only(provisions)
        # the articles under a title that heads them (no provision of its own) take its kind
        headed = last.pending is not None or last.headed
        base_kind: CitationKind = kind or (last.kind if headed else "continuation")
        if heading_only:
            # 第六章 责任及其他 on its own line: a heading that the following articles sit in
            last.chapter = provisions[-1].chapter
            self.out.append(self.cite(start, end, base_kind, provisions[-1], law=last.law))
            last.heading = len(self.out) - 1
            return
        if last.pending is not None:
            self.out[last.pending] = None
        if last.heading is not None:
            self.out[last.heading] = None
            last.heading = None
        _cite_chain(
            self.out, self.text, start, base, provisions, last.law, base_kind, None, None, None,
            None, last.in_registry, warnings, last.chapter,
        )  # fmt: skip
        if last.pending is not None:
            last.pending = None
            last.headed = True

    def cite(
        self,
        start: int,
        end: int,
        kind: CitationKind,
        prov: Provision | None,
        *,
        law: str | None,
        via: str | None = None,
        rank: str | None = None,
        in_registry: bool = False,
        warnings: tuple[str, ...] = (),
    ) -> Citation:
        return _citation(
            self.text, start, end, law, kind, prov or _EMPTY, None, None, via, rank, in_registry,
            warnings,
        )  # fmt: skip


_EMPTY = Provision(0, 0)


def _below_article(p: Provision) -> bool:
    """``p.top() in ("paragraph", "item", "subitem")``, without the method's loop (asked of
    every bare chain inside quoted text: 有前款第（一）项规定情形的)."""
    _, _, part, chapter, section, article, _, point, paragraph, item, subitem = p
    if part is not None or chapter is not None or section is not None:
        return False
    if article is not None or point is not None:
        return False
    return paragraph is not None or item is not None or subitem is not None


def _heading_only(provisions: tuple[Provision, ...]) -> bool:
    """True when no provision names an article, point, paragraph or item (第六章 责任及其他)."""
    for p in provisions:
        if p.article is not None or p.point is not None:
            return False
        if p.paragraph is not None or p.item is not None:
            return False
    return True


def _citation(
    text: str,
    start: int,
    end: int,
    law: str | None,
    kind: CitationKind,
    p: Provision,
    version: str | None,
    doc_number: str | None,
    via: str | None,
    rank: str | None,
    in_registry: bool,
    warnings: tuple[str, ...],
) -> Citation:
    return _new_citation(
        text[start:end], start, end, law, kind, p.chapter, p.article, p.article_suffix,
        p.paragraph, p.item, p.point, version, doc_number, via, rank, in_registry, warnings,
        p.part, p.section, p.subitem,
    )  # fmt: skip


_new_citation = Citation.fast


def _cite_chain(
    out: list[Citation | None],
    text: str,
    start: int,
    base: int,
    provisions: tuple[Provision, ...],
    law: str | None,
    kind: CitationKind,
    version: str | None,
    doc: str | None,
    via: str | None,
    rank: str | None,
    in_registry: bool,
    warnings: tuple[str, ...],
    chapter: int | None,
) -> None:
    """One record per provision (offsets relative to ``base``; the first record starts at
    ``start``, with its title); ``chapter`` is that of a heading the articles sit under.
    The hot loop of the extractor: provisions are unpacked once, records built positionally."""
    first = True
    for ps, pe, part, ch, section, article, suffix, point, paragraph, item, subitem in provisions:
        s = start if first else ps + base  # the first record starts with the title
        first = False
        e = pe + base
        if ch is None and article is not None:
            ch = chapter
        out.append(
            _new_citation(
                text[s:e], s, e, law,
                # 《价格法》第四项 (an item with no article) is kept but flagged
                "malformed" if article is None and point is None and (paragraph or item or subitem)
                else kind,
                ch, article, suffix, paragraph, item, point, version, doc, via, rank, in_registry,
                warnings, part, section, subitem,
            )
        )  # fmt: skip


_FLAT_TITLE = re.compile(r"《([^《》〈〉<>＜＞。;；]{1,150})》")
_QUOTED_TITLE = re.compile(r"「[^「」“”《》。;；\n]{2,60}」|“[^「」“”《》。;；\n]{2,60}”")
_AND_ITS = re.compile(r"\s*及其\s*(实\s*施\s*(?:条\s*例|细\s*则|办\s*法))")
_SPACE = re.compile(r"\s+")
_AFTER_FORM = frozenset("、。；;!?！？《〈<＜)）")
# 《title》 (or 〈title〉, one level of marks nested in it), parentheticals (one level of
# brackets nested: （渝人社发【2020】24号）) and what joins them to a provision chain: what most
# citations look like. All the general path reads of a title lies within this match (document
# numbers outside the notes are checked for by the caller), so its reading is cached on the
# text matched; _title_unit checks that the general readers, run on the match alone, end
# where it ends.
_PAREN_BODY = r"[^(（﹙\[［【)）﹚\]］】\n]"
_TITLE_HEAD = re.compile(
    r"(?P<title>[《〈<＜](?:[^《》〈〉<>＜＞。;；]|[《〈<＜][^《》〈〉<>＜＞。;；]{1,150}[》〉>＞]){1,198}[》〉>＞])"
    rf"(?P<notes>(?:\s*[(（﹙\[［【](?:{_PAREN_BODY}|[(（﹙\[［【]{_PAREN_BODY}{{0,196}}[)）﹚\]］】])"
    r"{0,198}[)）﹚\]］】])*)"
    r"(?!\s*[(（﹙\[［【])"
    r"(?P<join>[\s:：,，“\"‘「]*(?:中的|中|的)?\s*)"
    # the chain's run (CHAIN_RUN), when one follows: an optional group at the end of the pattern
    # leaves every group before it as _TITLE_HEAD alone would match it
    rf"(?P<run>{CHAIN_RUN.pattern})?"
)


class _TitleUnit(NamedTuple):
    """A title read once: its notes (offsets relative to its start), what it resolves to, the
    version and number written inside its marks, and whether it names a form."""

    notes: Head
    resolutions: tuple[Resolution, ...]
    version: str | None
    doc: str | None
    form: bool


@lru_cache(maxsize=16384)
def _title_unit(title: str, notes: str) -> _TitleUnit | None:
    """The reading of a title matched by _TITLE_HEAD (its marks, then its notes and join); None
    when it needs the general path. The title and the notes are read apart, each once per
    distinct text: a list cites few titles, each with many notes and provisions."""
    alone = _title_alone(title)
    if alone is None:
        # the general readers close the title elsewhere (nested or stray marks): read it whole
        return _title_unit_whole(title + notes)
    if not alone:
        return None
    written, version, doc, form = alone
    note = _notes_alone(notes)
    if note is None:
        return None
    n = len(title)
    head = Head(note.end + n, note.chain_at + n, *note[2:])
    return _TitleUnit(head, resolve_title(written + head.glued), version, doc, form)


@lru_cache(maxsize=8192)
def _title_alone(title: str) -> tuple[str, str | None, str | None, bool] | tuple[()] | None:
    """A title in its marks read as :func:`_title_unit_whole` reads it: its words, the version
    and number inside its marks, whether it names a form; () when the general path must read it,
    None when the general readers would not close it where ``title`` ends."""
    if match_title(title, 0) != len(title):
        return None
    written = title[1:-1]
    if title[0] != "《" and not ends_like_instrument(written):
        return ()
    written, version, doc = _notes_inside(written)
    if not written.strip():
        return ()
    return written, version, doc, is_form(written)


@lru_cache(maxsize=8192)
def _notes_alone(notes: str) -> Head | None:
    """The notes and join after a title, offsets relative to their start (:func:`read_head`
    looks only forward), or None when the general path must read them."""
    head = read_head(notes, 0)
    if head.alias or head.annex or head.chain_at != len(notes):
        return None
    return head


def _title_unit_whole(key: str) -> _TitleUnit | None:
    """The reading of a title matched by _TITLE_HEAD; None when it needs the general path."""
    end = match_title(key, 0)
    if end is None:
        return None
    written = key[1 : end - 1]
    if key[0] != "《" and not ends_like_instrument(written):
        return None
    written, version, doc = _notes_inside(written)
    if not written.strip():
        return None
    head = read_head(key, end)
    if head.alias or head.annex or head.chain_at != len(key):
        return None
    resolutions = resolve_title(written + head.glued)
    return _TitleUnit(head, resolutions, version, doc, is_form(written))


@lru_cache(maxsize=8192)
def _names_form(written: str) -> bool:
    """True when the words in a pair of title marks name a form (立案审批表), once the notes
    inside them are set aside."""
    written = _notes_inside(written)[0]
    return bool(written.strip()) and is_form(written)


@lru_cache(maxsize=8192)
def _notes_inside(written: str) -> tuple[str, str | None, str | None]:
    """A title without the version and number notes written inside its marks, and the notes."""
    version = doc = None
    while (note := _IN_TITLE_NOTE.search(written)) is not None:
        v, d = version_note(note.group(1)), find_doc_number(note.group(1))
        if v is None and d is None:
            break
        version, doc = version or v, doc or d
        written = written[: note.start()]
    return written, version, doc


@lru_cache(maxsize=4096)
def _cached(text: str) -> tuple[Citation, ...]:
    return tuple(_Cell(text).run())


def get_citations(text: str) -> list[Citation]:
    """Every statute citation in one cell's text, one record per provision cited.

    >>> [(c.article, c.kind) for c in get_citations("2.《社会保险法》第九十二条、九十三条")]
    [(92, 'abbreviation'), (93, 'abbreviation')]
    >>> get_citations("《社会保险法》第九十二条")[0].law
    '中华人民共和国社会保险法'
    """
    if _ANCHOR.search(text) is None and not _may_stand_alone(text):
        # no title mark, quotation mark or 第, and no line a title could stand alone on: nothing
        # to read (half the cells of a list: 对社会保险违法行为的处罚（898）)
        return []
    if len(text) > 20000:
        return _Cell(text).run()
    return list(_cached(text))


def _may_stand_alone(text: str) -> bool:
    """False when no line of ``text`` can be a standalone title (see :func:`standalone_titles`;
    a long cell of one line is prose)."""
    return ("\n" in text or len(text) < 120) and may_end_title_line(text)


def cite_items(items: Iterable[PowerItem]) -> Iterator[CellCitation]:
    """The citations in every text field (TEXT_FIELDS) of every item, with file, row and field.

    >>> item = PowerItem(source="a.txt", row="1", line=1, basis="《社会救助暂行办法》第五十七条")
    >>> [(c.field, c.citation.article) for c in cite_items([item])]
    [('basis', 57)]
    """
    for item in items:
        for key in TEXT_FIELDS:
            value = item.get(key)
            if value:
                for c in get_citations(value):
                    yield CellCitation(item.source, item.row, key, c)


def cite_text(source: str, text: str, *, field: str = "text") -> Iterator[CellCitation]:
    """The citations of a whole plain text treated as one cell (``quanze extract --plain``).

    >>> [c.citation.article for c in cite_text("a.txt", "《社会救助暂行办法》第五十七条")]
    [57]
    """
    for c in get_citations(text):
        yield CellCitation(source, None, field, c)
