"""Reads a sheet's name as the heading over its rows: a department's or a power type's name, as
a workbook of a sheet per department or per type names its sheets, its serial, list-title words,
year and edition taken off; a name of both (县人力社保局-行政许可) read for each."""

from __future__ import annotations

import re

from extractors.reading.meta import department_of
from extractors.reading.vocab import names_section, section_department

# A serial in Arabic digits before the name (1.县人力社保局, 2、行政处罚, 03 县医保局, 1-县林业局):
# a sheet's name has no record to number, so the digits order the sheets. Not a year (2023年…).
_SERIAL = re.compile(r"^\s*\d{1,3}(?!\d|\s*年)(?:\s*[.．、:：\-－_—]\s*|\s+)")
# A year or an edition in brackets after the name (县人力社保局（2023年版）, 县医保局(2023)).
_EDITION = re.compile(r"\s*[（(][^（）()]{0,12}(?:\d{4}|年|版)[^（）()]{0,12}[)）]\s*$")


def sheet_heading(name: str) -> str:
    """The heading a sheet's ``name`` gives its rows: the department or power type it names
    when, its serial taken off, it names one alone, with a count, an ordinal or an edition, or
    as a list's title does (县人力社保局权责清单: the sheet holds that department's list); else
    the name as it is.

    >>> sheet_heading("1.县人力社保局"), sheet_heading("县人力社保局权力清单（2023年版）")
    ('县人力社保局', '县人力社保局')
    >>> sheet_heading("03 县医疗保障局"), sheet_heading("2023年县医疗保障局权责清单")
    ('县医疗保障局', '县医疗保障局')
    >>> sheet_heading("Sheet1"), sheet_heading("一、县医疗保障局（3项）")
    ('Sheet1', '一、县医疗保障局（3项）')
    """
    text = _SERIAL.sub("", name, count=1).strip()
    text = _EDITION.sub("", text) or text
    if section_department(name) or names_section(name):
        return name
    if section_department(text) or names_section(text):
        return text
    if (short := _short_type(text)) is not None:
        return short
    titled = department_of(text)
    return titled if titled and section_department(titled) else name


# A sheet named by a power type without its 行政 (许可, 处罚类, 强制（5项）): a workbook of a sheet
# per type has no room on its tabs for more.
_SHORT = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _short_type(text: str) -> str | None:
    """The power type a sheet's name writes without its 行政, as its heading (行政许可), or None.

    >>> _short_type("许可"), _short_type("处罚类"), _short_type("强制（5项）")
    ('行政许可', '行政处罚类', '行政强制（5项）')
    >>> _short_type("县医保局"), _short_type("行政许可"), _short_type("清单")
    (None, None, None)
    """
    word = _SHORT.match(text)
    if word is None or text.startswith("行政"):
        return None
    return f"行政{text}" if names_section(f"行政{text}") else None


# What parts a name of two (县人力社保局-行政许可, 行政处罚_县医疗保障局, 县林业局 行政检查).
_PARTS = re.compile(r"\s*[-－—_·|｜]\s*|\s+")


def department_and_type(name: str) -> tuple[str, str] | None:
    """The department and the power type a sheet's ``name`` of two parts names, one each (the
    sheet of one department's items of one type), or None.

    >>> department_and_type("县人力社保局-行政许可"), department_and_type("行政处罚_县医疗保障局")
    (('县人力社保局', '行政许可'), ('县医疗保障局', '行政处罚'))
    >>> department_and_type("县人力社保局-表格 1") is None
    True
    """
    parts = [p for p in _PARTS.split(_SERIAL.sub("", name, count=1).strip()) if p]
    if len(parts) != 2:
        return None
    for department, kind in (parts, parts[::-1]):
        named = section_department(sheet_heading(department))
        if named and names_section(kind):
            return named, kind
    return None
