"""Which version of an instrument a citation is checked against, and which versions a version
note (2018修正) can name.

The version in force on the list's date, else the latest text known, said so in every finding;
a version note is checked against the versions known (kind 6), it does not choose the text.
"""

from __future__ import annotations

import re
from typing import Final

from graph.audit.models import Chosen, Expression, Instrument
from graph.laws.links import TextVersion, choose, last_day

#: A year as notes write it (not the digits of a longer number).
_YEAR: Final = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
#: The events of a law's life a note can name, and those that change its text.
EVENTS: Final = ("修正", "修订", "公布", "通过", "施行", "发布", "修改")
AMENDMENTS: Final = frozenset({"修正", "修订", "修改"})


def note_event(note: str) -> str | None:
    """The event a version note names (修正, 修订 …), the first written, or None.

    >>> note_event("2018修正"), note_event("2019年"), note_event("2016年2月6日予以修改")
    ('修正', None, '修改')
    """
    found = [(note.find(e), e) for e in EVENTS if e in note]
    return min(found)[1] if found else None


def note_mentions(note: str) -> list[tuple[str, str | None]]:
    """Each year a version note names, with the event written after it and before the next
    year (None when none is): a note may tell a law's history (公布, then the amendments).

    >>> note_mentions("2004年4月30日国务院令第406号公布，根据2023年7月20日《国务院关于修改"
    ...               "和废止部分行政法规的决定》第五次修订")
    [('2004', '公布'), ('2023', '修改')]
    >>> note_mentions("2016年2月6日予以修改"), note_mentions("试行")
    ([('2016', '修改')], [])
    """
    years = list(_YEAR.finditer(note))
    ends = [m.start() for m in years[1:]] + [len(note)] if years else []
    return [(m.group(1), note_event(note[m.end() : e])) for m, e in zip(years, ends, strict=True)]


def _same_event(written: str | None, action: str) -> bool:
    """Whether an event of a law's life is the one a note names: any, when the note names none
    or the history's verb is none of ours; amendments (修正, 修订, 修改) as one, as lists write
    修改 or 修订 for either."""
    if written is None or action not in EVENTS or written == action:
        return True
    return written in AMENDMENTS and action in AMENDMENTS


def note_matches(instrument: Instrument, note: str) -> bool:
    """True when every year a version note names is of a known version: a text of that year,
    or an event of its life in that year (of the same kind when the note names one, the
    amendments being one kind). A note with no year cannot be checked and matches.

    >>> from graph.audit.models import Expression
    >>> law = Instrument("x", "x", (Expression("x/2018-12-29", "2018-12-29", ()),),
    ...                  events=(("2010-10-28", "通过"), ("2016-02-06", "修订")))
    >>> note_matches(law, "2018修正"), note_matches(law, "2010年"), note_matches(law, "2014修正")
    (True, True, False)
    >>> note_matches(law, "2016年2月6日予以修改"), note_matches(law, "2010年修订")
    (True, False)
    >>> note_matches(law, "2010年10月28日通过，根据2016年2月6日《关于修改〈x〉的决定》修正")
    True
    >>> note_matches(law, "2010年10月28日通过，2014年修正")
    False
    """
    return all(
        any(e.date.startswith(year) for e in instrument.expressions)
        or any(
            date.startswith(year) and _same_event(event, action)
            for date, action in instrument.events
        )
        for year, event in note_mentions(note)
    )


def named_year(note: str | None, compared: str) -> str | None:
    """The year of the version a citation's note names (its last year: a note telling a history
    names the version it ends with) when the text compared (dated ``compared``) is of another
    year, else None: a quote may differ because the list quotes that version.

    >>> named_year("2000年7月8日主席令第三十四号，2015年11月4日予以修改", "2021-12-24")
    '2015'
    >>> named_year("2021年修正", "2021-12-24"), named_year(None, "2021-12-24")
    (None, None)
    """
    mentions = note_mentions(note or "")
    if not mentions or compared.startswith(mentions[-1][0]):
        return None
    return mentions[-1][0]


#: What two writings of one decision's title may differ in: its marks and the state's name.
_TITLE_NOISE: Final = re.compile(r"[《》〈〉<>「」『』\s\u3000]|中华人民共和国")


def decision_dates(instrument: Instrument, via: str | None) -> list[str]:
    """The dates (YYYY-MM-DD) the instrument's history gives the decision ``via`` names (its
    marks and 中华人民共和国 aside): one date, or several when one title was used again.

    >>> law = Instrument("x", "x", (), decisions=(
    ...     ("2008-07-22", "国务院关于修改〈营业性演出管理条例〉的决定"),
    ...     ("2016-02-06", "国务院关于修改部分行政法规的决定")))
    >>> decision_dates(law, "国务院关于修改《营业性演出管理条例》的决定")
    ['2008-07-22']
    >>> decision_dates(law, "国务院关于修改〈娱乐场所管理条例〉的决定"), decision_dates(law, None)
    ([], [])
    """
    if not via:
        return []
    wanted = _TITLE_NOISE.sub("", via)
    return sorted({d for d, title in instrument.decisions if _TITLE_NOISE.sub("", title) == wanted})


def named_version(
    instrument: Instrument, note: str | None, via: str | None, compared: str
) -> str | None:
    """What a finding says when the citation names a version (by its note's year, or by the
    amending decision it cites the law through) other than the text compared (dated
    ``compared``): the list may quote that version's words or numbering. None when it names
    none, the one compared, or a decision the history does not date once.

    >>> law = Instrument("x", "x", (), decisions=(
    ...     ("2008-07-22", "国务院关于修改〈营业性演出管理条例〉的决定"),))
    >>> named_version(law, "2015年修正", None, "2020-11-29")
    'the citation names the version of 2015 (2015年修正)'
    >>> print(named_version(law, None, "国务院关于修改〈营业性演出管理条例〉的决定", "2020-11-29"))
    the citation names the version of 2008-07-22, made by 国务院关于修改〈营业性演出管理条例〉的决定
    >>> named_version(law, None, "国务院关于修改〈营业性演出管理条例〉的决定", "2008-07-22")
    """
    year = named_year(note, compared)
    if year is not None:
        return f"the citation names the version of {year} ({note})"
    dates = decision_dates(instrument, via)
    if len(dates) == 1 and dates[0] != compared:
        return f"the citation names the version of {dates[0]}, made by {via}"
    return None


def named_text(instrument: Instrument, note: str | None, via: str | None) -> Expression | None:
    """The official text of the version a citation names, when the store holds it: the text
    dated on the day of the decision ``via`` names, else the one text of the last year ``note``
    names; None when it holds none, or several of that year.

    >>> law = Instrument("x", "x", (Expression("x/2008", "2008-07-22", ()),
    ...                             Expression("x/2020", "2020-11-29", ())),
    ...                  decisions=(("2008-07-22", "关于修改〈x〉的决定"),))
    >>> named_text(law, None, "关于修改〈x〉的决定").date, named_text(law, "2020年修订", None).date
    ('2008-07-22', '2020-11-29')
    >>> named_text(law, "2016年修订", None), named_text(law, None, None)
    (None, None)
    """
    dates = decision_dates(instrument, via)
    mentions = note_mentions(note or "")
    if len(dates) == 1:
        texts = [e for e in instrument.expressions if e.date == dates[0]]
    elif mentions:
        texts = [e for e in instrument.expressions if e.date.startswith(mentions[-1][0])]
    else:
        texts = []
    return texts[0] if len(texts) == 1 else None


def choose_version(instrument: Instrument, list_date: str | None) -> Chosen | None:
    """The text a citation is checked against, and why: the version in force on the list's date
    (the latest that took effect on or before it), else the latest known (the list has no date,
    or predates every text). The rule of the citations' text links, taken from them
    (``graph.laws.links.choose``). None when no text is known.

    >>> from graph.audit.models import Expression
    >>> law = Instrument("x", "x", (Expression("x/2009", "2009-08-27", ()),
    ...                             Expression("x/2021", "2021-01-22", (), "2021-07-15")))
    >>> [(c.expression.date, c.why) for c in (choose_version(law, d) for d in
    ...   ("2021-03-01", "2021-08-01", None, "2001-01-01"))]  # doctest: +NORMALIZE_WHITESPACE
    [('2009-08-27', 'in force on 2021-03-01'), ('2021-01-22', 'in force on 2021-08-01'),
     ('2021-01-22', 'latest known'), ('2021-01-22', 'latest known')]
    """
    texts = {e.iri: e for e in instrument.expressions}
    if not texts:
        return None
    day = last_day(list_date)
    versions = [TextVersion.of(e.iri, e.date or None, e.valid_from) for e in instrument.expressions]
    version, how = choose(versions, day)
    return Chosen(texts[version.iri], f"in force on {day}" if how == "in-force" else "latest known")


def amendments_after(instrument: Instrument, list_date: str | None) -> list[str]:
    """Dates (YYYY-MM-DD) after ``list_date`` when the instrument's text changed: a newer text,
    or an amendment its history or the registry tells.

    >>> from graph.audit.models import Expression
    >>> law = Instrument("x", "x", (Expression("x/2021", "2021-01-22", ()),),
    ...                  events=(("2017-09-01", "修正"), ("2021-01-22", "修订")))
    >>> amendments_after(law, "2019-03-01"), amendments_after(law, None)
    (['2021-01-22'], [])
    """
    day = last_day(list_date)
    if day is None:
        return []
    dates = {e.date for e in instrument.expressions if e.date and e.date > day}
    dates |= {d for d, action in instrument.events if d > day and action in AMENDMENTS}
    return sorted(dates)
