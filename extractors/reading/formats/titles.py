"""Reads the department a list's title names (县市场监督管理局权责清单 over a sheet's header, a
Word table or a CSV's rows) as the heading over the list's items: the department the items fall
under, when the table has no department column (``PowerItem.section_department``, never
``department``, which only a column gives)."""

from __future__ import annotations

from extractors.reading.formats.labelled import title_department
from extractors.reading.formats.text.flat import without_ordinal
from extractors.reading.meta import TITLE_BEFORE, department_of
from extractors.reading.vocab import section_department


def titled_department(line: str) -> str | None:
    """The department a list's title names (its ordinal, an annex's label and a year before
    it taken off), or None for a line that is no list's title or whose title names a place
    alone.

    >>> titled_department("一、某县发展和改革局行政权力清单（2023年版）")
    '某县发展和改革局'
    >>> titled_department("附件1：2023年县医疗保障局权责清单"), titled_department("某县权责清单")
    ('县医疗保障局', None)
    >>> titled_department("附件2：某县林业局行政处罚事项清单")
    '某县林业局'
    >>> titled_department("附件一：某县林业局权责清单"), titled_department("附件1-2 某县林业局清单")
    ('某县林业局', '某县林业局')
    >>> titled_department("第二部分 某县林业局权责清单")
    '某县林业局'
    >>> titled_department("县人力社保局"), titled_department("填报单位：县人力社保局")
    (None, None)
    """
    text = "".join(
        TITLE_BEFORE.sub("", without_ordinal(line.strip(), arabic=True), count=1).split()
    )
    # the department right before the title's words (县林业局 of 县林业局行政处罚事项清单, where
    # the longest organisation's name would be 县林业局行政处), else the longest that opens it
    # (县市场监督管理局 of 县市场监督管理局2023年度权责清单)
    named = department_of(text) or title_department(text)
    if named is None:
        return None
    named = named.strip()
    return named if section_department(named) == named else None


def group_department(text: str) -> str | None:
    """The department a heading over a table's rows names, alone (县林业局, 二、县林业局（12项）:
    ``vocab.section_department``) or as its list's title (县林业局权责清单).

    >>> group_department("二、县林业局（12项）"), group_department("县林业局行政权力清单")
    ('县林业局', '县林业局')
    >>> group_department("一、行政许可") is None
    True
    """
    return section_department(text) or titled_department(text)
