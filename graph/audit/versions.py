"""Which version of an instrument a citation is checked against, and which versions a version
note (2018修正) can name.

The version in force on the list's date, else the latest text known, said so in every finding;
a version note is checked against the versions known (kind 6), it does not choose the text.
"""

from __future__ import annotations

import re
from typing import Final

from graph.audit.models import Chosen, Instrument
from graph.laws.links import TextVersion, choose, last_day

_YEAR: Final = re.compile(r"(\d{4})")
#: The events of a law's life a note can name, and those that change its text.
EVENTS: Final = ("修正", "修订", "公布", "通过", "施行", "发布", "修改")
AMENDMENTS: Final = frozenset({"修正", "修订", "修改"})


def note_year(note: str | None) -> str | None:
    """The year a version note names, or None.

    >>> note_year("2018修正"), note_year("2019年修订"), note_year("试行")
    ('2018', '2019', None)
    """
    m = _YEAR.search(note or "")
    return m.group(1) if m else None


def note_event(note: str) -> str | None:
    """The event a version note names (修正, 修订 …), or None.

    >>> note_event("2018修正"), note_event("2019年")
    ('修正', None)
    """
    return next((e for e in EVENTS if e in note), None)


def note_matches(instrument: Instrument, note: str) -> bool:
    """True when a version note names a known version: a text of the note's year, or an event
    of its life in that year (of the same kind when the note names one). A note with no year
    cannot be checked and matches.

    >>> from graph.audit.models import Expression
    >>> law = Instrument("x", "x", (Expression("x/2018-12-29", "2018-12-29", ()),),
    ...                  events=(("2010-10-28", "通过"),))
    >>> note_matches(law, "2018修正"), note_matches(law, "2010年"), note_matches(law, "2014修正")
    (True, True, False)
    """
    year = note_year(note)
    if year is None:
        return True
    if any(e.date.startswith(year) for e in instrument.expressions):
        return True
    event = note_event(note)
    return any(
        date.startswith(year) and (event is None or event == action or action not in EVENTS)
        for date, action in instrument.events
    )


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
