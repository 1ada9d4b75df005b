"""Bad input raises InputError naming the file, the line and the text, with what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import read_list
from extractors.errors import InputError
from extractors.reading.read import read_text

TABLE = (
    "| 序号 | 事项名称 | 事项类型 | 实施部门 |\n|--|--|--|--|\n"
    "| 1 | 城乡医疗救助 | 行政确认 | 县医保局 |\n"
)
PAGE = (
    "序号 实施部门 事项名称 事项类型 行使层级\n"
    "4281 县医保局 低保、特困等困难群众医疗救助 行政确认 区县级\n"
)


def _write(tmp_path: Path, content: bytes, name: str = "list.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        pytest.param(b"", ["empty file"], id="empty"),
        pytest.param(b" \n\t\n", ["empty file"], id="only-white-space"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["binary", "NUL"], id="binary"),
        pytest.param(
            "巫溪县医疗保障局行政权力事项清单\n日期:2025-04-02\n没有表格".encode(),
            ["no recognisable table", "name column", ":1:", "巫溪县"],
            id="no-table",
        ),
        pytest.param(
            "序号 备注\n1 无\n".encode(), ["no recognisable table"], id="header-with-two-keys"
        ),
        pytest.param(
            bytes.fromhex("b0a1") + b"\xff\xfe\xfd\xfc" * 20,
            ["not UTF-8", "GB18030", "--encoding", ":1"],
            id="undecodable-names-gb18030-and-flag",
        ),
    ],
)
def test_bad_input_raises(tmp_path: Path, content: bytes, fragments: list[str]) -> None:
    path = _write(tmp_path, content)
    with pytest.raises(InputError) as caught:
        read_list(path)
    message = str(caught.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_list(tmp_path / "nope.md")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a regular file"):
        read_list(tmp_path)


def test_unknown_format_lists_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="valid formats: markdown"):
        read_list(_write(tmp_path, TABLE.encode()), format="pptx")


def test_wrong_encoding_flag_names_line(tmp_path: Path) -> None:
    path = _write(tmp_path, ("序号\n" + TABLE).encode("gb18030"))
    with pytest.raises(InputError, match=r":1: not valid utf-8"):
        read_list(path, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "codec", "fmt"),
    [
        pytest.param(TABLE, "gb18030", "markdown", id="gb18030-markdown"),
        pytest.param(PAGE, "gbk", "text", id="gbk-page"),
        pytest.param(TABLE, "utf-8-sig", "markdown", id="utf8-bom"),
        pytest.param(PAGE, "utf-16", "text", id="utf16-bom"),
    ],
)
def test_other_encodings_are_read(tmp_path: Path, text: str, codec: str, fmt: str) -> None:
    plist = read_list(_write(tmp_path, text.encode(codec)))
    assert plist.format == fmt
    assert plist.items[0].department == "县医保局"
    assert plist.encoding is not None


def test_encoding_flag_overrides_detection(tmp_path: Path) -> None:
    plist = read_list(_write(tmp_path, TABLE.encode("gb18030")), encoding="gb18030")
    assert (plist.encoding, plist.items[0].name) == ("gb18030", "城乡医疗救助")


def test_read_text_decodes_whole_file(tmp_path: Path) -> None:
    assert read_text(_write(tmp_path, PAGE.encode("gb18030"))) == PAGE
