"""A UTF-8 list damaged in a few places (a byte flipped, a run of NUL bytes written into it or
padding its end, a character cut off) is read, each damaged place said on the item whose row
holds it (``damaged-bytes``), in every text format; a file in another encoding, or a binary
one, is still refused with its one line."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from extractors import read_list
from extractors.errors import InputError
from extractors.reading.decode import DAMAGED, decode_text

ROWS = [
    ("序号", "事项名称", "事项类型", "实施主体", "设定依据"),
    *(
        (str(n), f"对第{n}类违法行为的行政处罚", "行政处罚", "某县市场监督管理局",
         f"《中华人民共和国行政处罚法》第{n + 10}条")
        for n in range(1, 13)
    ),
]  # fmt: skip


def _text(fmt: str) -> str:
    if fmt == "md":
        lines = ["某县市场监督管理局权责清单", ""]
        lines.append("| " + " | ".join(ROWS[0]) + " |")
        lines.append("|" + "---|" * len(ROWS[0]))
        lines += ["| " + " | ".join(r) + " |" for r in ROWS[1:]]
        return "\n".join(lines) + "\n"
    if fmt == "csv":
        return "\n".join(",".join(r) for r in ROWS) + "\n"
    if fmt == "html":
        cells = "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>\n" for r in ROWS
        )  # one row a line
        return f"<html><body><table>\n{cells}</table></body></html>\n"
    return "\n".join("\t".join(r) for r in ROWS) + "\n"  # tab-separated page text


def _line_start(data: bytes, line: int) -> int:
    """The offset of line ``line`` (1-based)."""
    at = 0
    for _ in range(line - 1):
        at = data.index(b"\n", at) + 1
    return at


def _damaged_row(data: bytes, row: str, how: str) -> bytes:
    """``data`` with the row whose name holds 第{row}类 damaged ``how``: a byte inside one of
    its Chinese characters flipped, or a run of NUL bytes written into it."""
    at = data.index(f"第{row}类".encode()) + 4  # inside 第's following character
    if how == "flip":
        return data[:at] + b"\xff" + data[at + 1 :]
    return data[:at] + b"\x00" * 12 + data[at:]


def _item(plist, row: str):  # type: ignore[no-untyped-def]
    return next(i for i in plist.items if i.row == row)


@pytest.mark.parametrize("fmt", ["md", "csv", "html", "txt"])
@pytest.mark.parametrize("how", ["flip", "nul"])
def test_one_damaged_place_is_read_and_said_on_its_row(tmp_path: Path, fmt: str, how: str) -> None:
    data = _damaged_row(_text(fmt).encode(), "7", how)
    path = tmp_path / f"list.{fmt}"
    path.write_bytes(data)
    plist = read_list(str(path))
    assert plist.encoding == DAMAGED
    assert [i.row for i in plist.items] == [str(n) for n in range(1, 13)]
    said = [(i.row, a.code) for i in plist.items for a in i.anomalies if a.code == "damaged-bytes"]
    assert said == [("7", "damaged-bytes")]
    (note,) = [a.message for a in _item(plist, "7").anomalies if a.code == "damaged-bytes"]
    assert ("read as U+FFFD" if how == "flip" else "12 NUL byte(s) dropped") in note
    # every other row is read as written; the damaged one keeps the rest of its text
    assert _item(plist, "6").name == "对第6类违法行为的行政处罚"
    assert _item(plist, "7").basis == "《中华人民共和国行政处罚法》第17条"
    assert plist.rows_seen == plist.rows_accounted()


def test_nul_padding_at_the_end_of_a_cut_short_download_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(_text("csv").encode() + b"\x00" * 4096)
    plist = read_list(str(path))
    assert plist.encoding == DAMAGED and len(plist.items) == 12
    notes = [a.message for a in plist.items[-1].anomalies if a.code == "damaged-bytes"]
    assert notes == ["line 14 4096 NUL byte(s) dropped"]


def test_random_damage_in_a_few_places_loses_no_row(tmp_path: Path) -> None:
    rng = random.Random(11)
    clean = _text("csv").encode()
    for trial in range(20):
        data = bytearray(clean)
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(40, len(data))] = 0xFF
        path = tmp_path / f"t{trial}.csv"
        path.write_bytes(bytes(data))
        try:
            plist = read_list(str(path))
        except InputError as err:  # a flip on a delimiter or a line end may break the header
            pytest.fail(f"trial {trial}: {err}")
        assert plist.encoding == DAMAGED
        assert plist.rows_seen == plist.rows_accounted()
        said = sum(a.code == "damaged-bytes" for i in plist.items for a in i.anomalies)
        assert 1 <= said <= 3


def test_a_file_in_another_encoding_or_a_binary_file_is_still_refused(tmp_path: Path) -> None:
    # GBK read as UTF-8 fails on every character: not a damaged UTF-8 file
    gbk = _text("csv").encode("gbk")
    text, used = decode_text(gbk, "a.csv")
    assert used == "gb18030" and "行政处罚" in text
    # UTF-16 without a byte-order mark: a NUL beside every ASCII character
    with pytest.raises(InputError, match="binary file"):
        decode_text(_text("csv").encode("utf-16-le"), "a.csv")
    # damage in many places, or in a file of too little text to judge, is refused
    with pytest.raises(InputError, match="not UTF-8"):
        decode_text("序号,名称\n1,审批".encode() + b"\xff", "a.csv")


def test_a_nul_run_before_a_flipped_byte_says_the_flip_where_it_is(tmp_path: Path) -> None:
    data = _damaged_row(_damaged_row(_text("csv").encode(), "2", "nul"), "9", "flip")
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    plist = read_list(str(path))
    said = {i.row: a.message for i in plist.items for a in i.anomalies if a.code == "damaged-bytes"}
    assert said.keys() == {"2", "9"}
    assert said["9"].startswith("line 10 ") and "b'\\xff" in said["9"]


def test_utf8_damaged_in_many_places_is_refused_as_damaged(tmp_path: Path) -> None:
    many = bytearray((_text("csv") * 3).encode())
    for at in range(50, len(many), 90):
        many[at] = 0xFF
    with pytest.raises(InputError, match=r"UTF-8 damaged in \d+ places .*: more than the 8"):
        decode_text(bytes(many), "a.csv")


def test_zip_archives_that_are_no_office_file_are_one_line(tmp_path: Path) -> None:
    import zipfile

    bundle = tmp_path / "lists.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("县医保局.csv", _text("csv"))
    with pytest.raises(InputError, match=r"a ZIP archive of 1 file\(s\) \(县医保局.csv\): unpack"):
        read_list(str(bundle))
    cut = tmp_path / "cut.docx"
    cut.write_bytes(b"PK\x03\x04" + b"\x14\x00" * 20)
    with pytest.raises(InputError, match="damaged or cut-short ZIP archive"):
        read_list(str(cut))


@pytest.mark.parametrize("how", ["flip", "nul"])
def test_a_gb18030_list_damaged_in_a_few_places_is_read_and_said(tmp_path: Path, how: str) -> None:
    data = _text("csv").encode("gb18030")
    at = data.index("第7类".encode("gb18030")) + 3  # inside 类
    data = data[:at] + (b"\xff" if how == "flip" else b"\x00" * 9) + data[at + (how == "flip") :]
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    plist = read_list(str(path))
    assert plist.encoding == "gb18030+damaged" and len(plist.items) == 12
    said = [
        (i.row, a.message) for i in plist.items for a in i.anomalies if a.code == "damaged-bytes"
    ]
    assert [row for row, _ in said] == ["7"]
    assert ("not GB18030" if how == "flip" else "9 NUL byte(s) dropped") in said[0][1]
    assert _item(plist, "8").name == "对第8类违法行为的行政处罚"
