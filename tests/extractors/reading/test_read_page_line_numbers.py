"""Page text whose every line is led by its number (copied from a code viewer, or from a PDF
that numbers its lines, again from 1 on each page): read with the numbers set aside, and said
on each item (``line-numbers``). Before, a list's numbers were read as its serials (serial 4,
name ``1  职业技能…``, and the reading sure) and label：value records were refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from extractors.reading.formats.text.linenumbers import is_numbered
from tests.extractors.reading.support import anomaly_codes, filled_fields, read_written
from tests.extractors.reading.test_read_records_shapes import EXPECTED, FIELDS, ITEMS, LABELS
from tests.extractors.reading.test_stream import _same

TITLE = "某县人力社保局权责清单"
TABLE = [TITLE, "", "  ".join(("序号", *LABELS))]
TABLE += ["  ".join((str(n), *item)) for n, item in enumerate(ITEMS, 1)]
RECORDS = [TITLE, ""]
for _n, _item in enumerate(ITEMS, 1):
    RECORDS += [f"序号：{_n}", *(f"{k}：{v}" for k, v in zip(LABELS, _item, strict=True)), ""]

Numbering = Callable[[list[str]], list[str]]


def _each(form: str) -> Numbering:
    return lambda lines: [form.format(n=n, text=t) for n, t in enumerate(lines, 1)]


def _blank_lines_bare(lines: list[str]) -> list[str]:
    """A PDF's numbers: only the lines with text numbered."""
    out, n = [], 0
    for text in lines:
        n += bool(text)
        out.append(f"{n:>2}  {text}" if text else "")
    return out


def _per_page(lines: list[str]) -> list[str]:
    """Numbered again from 1 on each page of ten lines."""
    return [f"{n % 10 + 1:>2} {text}" for n, text in enumerate(lines)]


NUMBERINGS: dict[str, Numbering] = {
    "spaces": _each("{n:>3} {text}"),
    "tab": _each("{n}\t{text}"),
    "rule": _each("{n:>3} | {text}"),
    "colon": _each("{n}: {text}"),
    "blank-lines-bare": _blank_lines_bare,
    "per-page": _per_page,
}


@pytest.mark.parametrize("numbering", NUMBERINGS)
@pytest.mark.parametrize("lines", [TABLE, RECORDS], ids=["table", "records"])
def test_line_numbers_are_set_aside_and_said(
    tmp_path: Path, numbering: str, lines: list[str]
) -> None:
    page = "\n".join(NUMBERINGS[numbering](lines)) + "\n"
    plist = read_written(tmp_path, "page.txt", page)
    assert [{"row": str(n), **e} for n, e in enumerate(EXPECTED, 1)] == filled_fields(
        plist, ("row", *FIELDS)
    )
    assert all("line-numbers" in codes for codes in anomaly_codes(plist))
    assert plist.meta.title == TITLE
    _same(tmp_path / "page.txt", 2)


@pytest.mark.parametrize(
    "lines",
    [
        [TITLE, *(f"{n} 林木采伐许可{n}" for n in range(1, 9))],  # the title not numbered
        [f"{n} 林木采伐许可" for n in (1, 2, 3, 5, 6, 7)],  # a number skipped
        [f"{n} 林木采伐许可" for n in (1, 2, 3)],  # too few to tell
        [f"{n % 2 + 1} 林木采伐许可" for n in range(8)],  # 1 again and again: no page so short
    ],
)
def test_lines_not_all_numbered_in_turn_are_not_numbered(lines: list[str]) -> None:
    assert not is_numbered(lines)
