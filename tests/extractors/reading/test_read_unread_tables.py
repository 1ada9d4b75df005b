"""A table after the list that no reader reads (no header of its own, another width than the
list's header, no label table): its rows that look like items are rejected with the reason, whole
and in batches, never dropped; rows that look like nothing of a list (a site's footer) are not."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from tests.extractors.reading.support import read_written
from tests.extractors.reading.test_stream import _same

HEADER = ("序号", "事项名称", "事项类型", "设定依据", "实施主体")
LISTED = [
    ("1", "林木采伐许可", "行政许可", "《中华人民共和国森林法》第五十六条", "县林业局"),
    ("2", "森林防火检查", "行政检查", "《森林防火条例》第二十四条", "县林业局"),
]
NARROWER = [
    ("3", "对违法开垦林地的处罚", "行政处罚", "《中华人民共和国森林法》第七十四条"),
    ("4", "对擅自移动森林保护标志的处罚", "行政处罚", "《中华人民共和国森林法》第七十三条"),
]
FOOTER = [("版权所有：某县人民政府", "备案号：某ICP备12345号")]


def _html() -> str:
    def table(rows: list[tuple[str, ...]], head: tuple[str, ...] | None = None) -> str:
        th = "<tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr>\n" if head else ""
        trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>\n" for r in rows)
        return f"<table>\n{th}{trs}</table>\n"

    return (
        "<html><body>\n<h2>某县林业局权责清单</h2>\n"
        + table(LISTED, HEADER)
        + table(NARROWER)
        + table(FOOTER)
        + "</body></html>\n"
    )


def _docx(path: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("某县林业局权责清单")
    for rows in ([HEADER, *LISTED], NARROWER, FOOTER):
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        document.add_paragraph("")
    document.save(str(path))
    return path.read_bytes()


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_rows_of_a_narrower_table_after_the_list_are_rejected_not_lost(
    tmp_path: Path, kind: str
) -> None:
    content = _html() if kind == "html" else _docx(tmp_path / "made.docx")
    plist = read_written(tmp_path, f"list.{kind}", content, expect=kind)
    assert [i.row for i in plist.items] == ["1", "2"]
    rejected = [r.text for r in plist.rejects]
    assert rejected == [" | ".join(r) for r in NARROWER]
    assert all("no header after the list" in r.reason for r in plist.rejects)
    assert not any("版权所有" in r.text for r in plist.rejects)
    # read in batches, the list gives the same items and rejects
    _same(tmp_path / f"list.{kind}", 1)
