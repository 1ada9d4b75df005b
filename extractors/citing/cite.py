"""Extracting the statute citations of one cell: titles with their provisions, continuations that
carry the cell's last law, unmarked titles and self-references, resolved to canonical titles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Final, NamedTuple

from extractors.citing.find import (
    Chain,
    Head,
    Provision,
    Tail,
    at_segment_start,
    bare_article_at,
    chain_of_run,
    doc_number_before,
    find_doc_number,
    is_kind,
    lead_before,
    match_title,
    may_end_title_line,
    may_refer_before,
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
from extractors.citing.lawdb import load_registry, title_key
from extractors.citing.resolve import (
    Resolution,
    clean_title,
    ends_like_instrument,
    is_form,
    resolve_title,
    resolve_with,
    version_note,
)
from extractors.citing.scan import (
    BARE,
    HEAD,
    JOIN,
    NESTED,
    NOTES,
    QUOTED_TITLE,
    RUN,
    SHORT_HEAD,
    TITLE,
    TOKEN,
    head_spans,
)
from extractors.models import TEXT_FIELDS, CellCitation, Citation, CitationKind, PowerItem

_ANCHOR: Final = re.compile(r"[《〈<＜「“第]")
_SCAN: Final = TOKEN.finditer
_NOTICE_AFTER: Final = re.compile(r"\s*的\s*通\s*知")
_CARRIER_VERB: Final = re.compile(r"印\s*发|转\s*发|批\s*转|颁\s*发|发\s*布|颁\s*布")
_SEGMENT_LEAD: Final = re.compile(
    r"(?:\s|(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*[、.．]"
    r"|[【\[［][^】\]［］\n]{1,14}[】\]］][:：]?)*"
)
_BOUNDARY: Final = "\n。;；!?！？"
_IN_TITLE_NOTE: Final = re.compile(r"[（(]([^（）()]{1,80})[）)]\s*$")
# a bare provision used as a noun inside quoted text: 第三条规定的…, 第二款所列…
_NOUN_USE: Final = re.compile(r"规定|所列|所称|所指|所规定|中的|的规定|的情形|之规定")


class _Law:
    """The cell's last law: what a continuation carries (a plain class: one is made per title
    read, and a compiled build constructs it natively)."""

    __slots__ = ("chapter", "headed", "heading", "kind", "law", "law_id", "pending")

    def __init__(
        self, law: str, kind: CitationKind, law_id: str | None, pending: int | None
    ) -> None:
        self.law = law
        self.kind = kind  # the kind of the articles it heads (unmarked under an unmarked title)
        self.law_id = law_id
        self.pending = pending  # index of its law-level record, dropped when provisions follow
        self.chapter: int | None = None  # from a chapter heading line (第六章 责任及其他)
        self.heading: int | None = None  # its record's index, dropped when articles follow
        self.headed = False  # its own record gave way to the articles under it


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
        # titles alone on their line (rare), each read where the anchors reach it
        lines = iter(standalone_titles(text) if _may_stand_alone(text) else ())
        line = next(lines, None)
        line_at = line[0] if line is not None else len(text)
        pos = 0
        scanning = True
        while scanning:
            # one scan of the cell from ``pos``, scanned again from where a reading ended only
            # when that is not where the anchor's match ended and an anchor may lie between
            scanning = False
            for m in _SCAN(text, pos):
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
                    chain = chain_of_run(text, start, run)  # offsets relative to start
                    if chain is None:
                        pos = start + 1
                    else:
                        pos = start + (chain.end or 1)
                        # most bare chains inside quoted text (对有第（三）项) are ruled out by
                        # the character before them
                        if may_refer_before(text, start):
                            self.bare(start, chain)
                    if pos < m.end() and "第" in run[pos - start :]:
                        # a chain that ended inside its run (第十条第): a 第 after it is an anchor
                        scanning = True
                        break
                elif kind == HEAD:
                    new = self.head(start, m)
                    pos = new if new > start else start + 1
                    end = m.end()
                    if pos < end and (pos < m.end(JOIN) or text.find("第", pos, end) != -1):
                        # a title read in full may end before its notes, a chain inside its run
                        scanning = True
                        break
                else:
                    new = self.title(start)
                    pos = new if new > start else start + 1
        while line is not None:
            if line[0] >= pos:
                pos = self.standalone(*line)
            line = next(lines, None)
        return [c for c in self.out if c is not None]

    # --- anchors -------------------------------------------------------------------------

    def head(self, p: int, m: re.Match[str]) -> int:
        """A title whose head TOKEN read at ``p``: read through the caches (see
        :func:`_title_unit`) when it has the common shape, by the general readers otherwise."""
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
            and _names_form(text[p + 1 : closed - 1])
        ):
            return closed
        if self.local or text.find("号", notes_end, notes_end + 42) != -1:
            # abbreviations the cell defines, or a document number after the notes that may
            # reach past them: read in full
            return self.general(p)
        if run_start < 0:
            found = self.whole_title(p, closed, at)
            return found if found is not None else self.general(p)
        # the common shape, 《…》（…）第…条: the title and its notes are read once per distinct
        # text, the chain once per distinct chain, then placed at ``p``
        unit = _title_unit(text[p:closed], text[closed:at])
        if unit is None:
            return self.general(p)
        chain = chain_of_run(text, at, text[run_start:run_end])
        if chain is None:
            return self.general(p)
        if unit.notes.point is not None:
            notes = unit.notes
            tail = Tail(chain.end, notes.glued, notes.version, notes.doc_number,
                        notes.point, None, False, chain)  # fmt: skip
            self.emit_anchor(p, tail, unit.resolutions, None, unit.version, unit.doc, at)
            return at + chain.end
        # emit_anchor for a title read through the caches with a chain after it and no bare
        # point in its notes (the shape of most citations)
        seg, rank = lead_before(text, p)
        if seg:
            self.quoted = False
        warnings = chain.warnings
        out = self.out
        r = None
        for r in unit.resolutions:
            _cite_chain(
                out, text, p, at, chain.provisions, r.law, r.kind, unit.cited_version,
                unit.cited_doc, r.via, rank, r.law_id,
                r.warnings + warnings if warnings else r.warnings, None,
            )  # fmt: skip
        end = at + chain.end
        if not self.quoted:
            if r is not None:
                self.last = _Law(r.law, r.kind, r.law_id, None)
            self.quoted = opens_quote(text, end)
        return end

    def title(self, p: int) -> int:
        """A title (or quoted title) at ``p`` that TOKEN could not read a head for."""
        text = self.text
        if (
            (flat := _FLAT_TITLE.match(text, p)) is not None
            and (flat.end() == len(text) or text[flat.end()] in _AFTER_FORM)
            and _names_form(flat.group(1))
        ):
            return flat.end()
        return self.general(p)

    def general(self, p: int) -> int:
        """A title (or quoted title) read by the general readers."""
        text = self.text
        if text[p] in "「“":
            # 「中华人民共和国社会保险法」第八十七条: quotation marks used as title marks, only
            # around something that reads as a title (they mostly quote article text)
            quoted = QUOTED_TITLE.match(text, p)
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
                Resolution(r.law, r.kind, r.law_id, clean_title(via_written), r.rank)
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

    def whole_title(self, p: int, closed: int, at: int) -> int | None:
        """A title with no provision after it (《…》（…）规定：), read through the cache as in
        :meth:`head`; None when the general path must read it."""
        text = self.text
        if (
            text.startswith(("第", "附"), at)
            or bare_article_at(text, at)
            or (closed < len(text) and (text[closed] == "的" or text[closed].isspace()))
        ):
            # provisions or an annex after it, or an unmarked notice around it (…关于《X》的通知)
            return None
        unit = _title_unit(text[p:closed], text[closed:at])
        if unit is None:
            return None
        notes, resolutions, version, doc, form, _, _ = unit
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
                        None, None, None, None, version, doc, r.via, rank, r.law_id, warn,
                        None, None, None,
                    )
                )  # fmt: skip
                pending: int | None = len(out) - 1
            else:
                pending = None
                _cite_chain(
                    out, text, start, base, provisions, r.law, kind, version, doc, r.via, rank,
                    r.law_id, warn, None,
                )  # fmt: skip
            if seg or not self.quoted:
                self.last = _Law(r.law, kind, r.law_id, pending)
        if chain is not None:
            self.quoted = self.quoted or opens_quote(text, tail_end)
        elif tail.point is None:
            self.quoted = self.quoted or quotes_title(text, tail_end)

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
                    law_id=r.law_id,
                    warnings=r.warnings,
                )
            )
            self.last = _Law(r.law, "unmarked", r.law_id, len(self.out) - 1)
        return end

    def bare(self, p: int, chain: Chain) -> None:
        """A provision chain at ``p`` (offsets relative to ``p``) with no title before it:
        unmarked title, self-reference, or continuation of the cell's last law (or nothing,
        inside quoted text)."""
        text = self.text
        end = p + chain.end
        provisions = chain.provisions
        warnings = chain.warnings
        selfref = self_reference_before(text, p)
        if selfref is not None:
            # 依照本法第八十六条 inside quoted article text is the quoted law talking about itself
            if not self.quoted:
                self.refer_back(selfref[0], selfref[1], end, provisions, warnings, p)
            return
        numbered = doc_number_before(text, p)
        if numbered is not None:
            # 国务院令第735号第三十八条: the instrument named by its number alone
            self.by_doc_number(numbered[0], numbered[1], provisions, warnings, p)
            return
        unmarked = unmarked_before(text, p)
        if unmarked is not None:
            ustart, utitle = unmarked
            tail = Tail(chain.end, chain=chain)
            resolutions = resolve_with(utitle, self.local)
            self.emit_anchor(ustart, tail, resolutions, "unmarked", None, None, p)
            return
        if not at_segment_start(text, p):
            return
        if self.quoted and (
            _NOUN_USE.match(text, end)
            or (_below_article(provisions[0]) and not opens_quote(text, end))
        ):
            return
        self.continue_last(p, end, provisions, warnings, None, p)
        self.quoted = self.quoted or opens_quote(text, end)

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
        if noun is None or last is None or is_kind(last.law, noun):
            self.continue_last(start, end, provisions, warnings, "continuation", base)
            return
        for earlier in reversed(self.out):
            if earlier is not None and earlier.law is not None and is_kind(earlier.law, noun):
                _cite_chain(
                    self.out, self.text, start, base, provisions, earlier.law, "continuation",
                    None, None, None, None, earlier.law_id, warnings, None,
                )  # fmt: skip
                return
        said = _SPACE.sub("", self.text[start : provisions[0].start + base])
        self.unresolved(start, base, provisions, (*warnings, f"no {noun} is cited before {said}"))

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
            _cite_chain(
                self.out, self.text, start, base, provisions, entry.title, "unmarked", None, doc,
                None, None, entry.id, warnings, None,
            )  # fmt: skip
            self.last = _Law(entry.title, "unmarked", entry.id, None)
            return
        why = (
            f"{doc} enacted or amended {len(entries)} instruments in the registry"
            if entries
            else f"{doc} is not in the registry"
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
                self.cite(
                    s, prov.end + base, "unresolved", prov, law=None, doc=doc, warnings=warnings
                )
            )

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
            None, last.law_id, warnings, last.chapter,
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
        doc: str | None = None,
        via: str | None = None,
        rank: str | None = None,
        law_id: str | None = None,
        warnings: tuple[str, ...] = (),
    ) -> Citation:
        return _citation(
            self.text, start, end, law, kind, prov or _EMPTY, None, doc, via, rank, law_id,
            warnings,
        )  # fmt: skip


_EMPTY: Final = Provision(0, 0)


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
    law_id: str | None,
    warnings: tuple[str, ...],
) -> Citation:
    return _new_citation(
        text[start:end], start, end, law, kind, p.chapter, p.article, p.article_suffix,
        p.paragraph, p.item, p.point, version, doc_number, via, rank, law_id, warnings,
        p.part, p.section, p.subitem,
    )  # fmt: skip


_new_citation: Final = Citation.fast


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
    law_id: str | None,
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
                ch, article, suffix, paragraph, item, point, version, doc, via, rank, law_id,
                warnings, part, section, subitem,
            )
        )  # fmt: skip


_FLAT_TITLE: Final = re.compile(r"《([^《》〈〉<>＜＞。;；]{1,150})》")
_AND_ITS: Final = re.compile(r"\s*及其\s*(实\s*施\s*(?:条\s*例|细\s*则|办\s*法))")
_SPACE: Final = re.compile(r"\s+")
_new_tuple: Final = tuple.__new__
_AFTER_FORM: Final = frozenset("、。；;!?！？《〈<＜)）")


class _TitleUnit(NamedTuple):
    """A title read once: its notes (offsets relative to its start), what it resolves to, the
    version and number written inside its marks, and whether it names a form."""

    notes: Head
    resolutions: tuple[Resolution, ...]
    version: str | None
    doc: str | None
    form: bool
    cited_version: str | None  # the version a provision cites: in the notes, or in the marks
    cited_doc: str | None


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
    head: Head = _new_tuple(Head, (note.end + n, note.chain_at + n, *note[2:]))
    return _new_tuple(_TitleUnit, (
        head, resolve_title(written + head.glued), version, doc, form,
        head.version or version, head.doc_number or doc,
    ))  # fmt: skip


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
    return _new_tuple(_TitleUnit, (
        head, resolutions, version, doc, is_form(written),
        head.version or version, head.doc_number or doc,
    ))  # fmt: skip


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


#: Hashes of the cells read once: a cell enters the per-cell cache when it is met again (the
#: same accountability text under many items). Cells met once, most of a list, are not kept:
#: holding their citations cost more in garbage collection than the cache saved.
_MET: Final[set[int]] = set()
_MET_MAX: Final = 65536


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
    key = hash(text)
    if key not in _MET:
        if len(_MET) >= _MET_MAX:
            _MET.clear()
        _MET.add(key)
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
