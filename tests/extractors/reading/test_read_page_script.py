"""A page in traditional script, its header and its cells (事項名稱 … 行政許可 縣人力社保局):
read in its simplified form, where the vocabularies know its words, and given as written, but
for the power type, a word of the vocabulary. Whole and in batches alike."""

from __future__ import annotations

from pathlib import Path

from tests.extractors.reading.support import read_written
from tests.extractors.reading.test_stream import _same

BASES = ("《中華人民共和國勞動法》第六十九條", "《中華人民共和國社會保險法》第八十四條")
PAGE = f"""某縣權責清單
序號  事項名稱  事項類型  實施主體  設定依據  追責依據
1  職業技能鑑定機構設立審批  行政許可  縣人力社保局  {BASES[0]}  《行政機關公務員處分條例》第二十條
2  對未按規定辦理社會保險登記的處罰  行政處罰  縣醫療保障局  {BASES[1]}  《公務員法》第六十二條
"""


def test_a_page_in_traditional_script(tmp_path: Path) -> None:
    # Before: the header was found (in simplified form) but the rows were read as written: the
    # type 行政許可, unknown, ran into the name (職業技能鑑定機構設立審批行政許可), no item had a
    # type, as sure.
    plist = read_written(tmp_path, "page.txt", PAGE)
    assert [(i.name, i.type, i.department) for i in plist.items] == [
        ("職業技能鑑定機構設立審批", "行政许可", "縣人力社保局"),
        ("對未按規定辦理社會保險登記的處罰", "行政处罚", "縣醫療保障局"),
    ]
    assert [dict(i.raw)["事项类型"] for i in plist.items] == ["行政許可", "行政處罰"]
    assert tuple(i.basis for i in plist.items) == BASES
    assert plist.meta.title == "某縣權責清單"
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


def test_records_in_traditional_script(tmp_path: Path) -> None:
    # 事項類型：行政許可: before, the type was unknown in every record and the reading doubtful.
    names = ("職業技能鑑定機構設立審批", "對未按規定辦理社會保險登記的處罰")
    text = "\n\n".join(
        f"事項名稱：{name}\n事項類型：{kind}\n實施主體：縣人力社保局\n設定依據：{basis}"
        for name, kind, basis in zip(names, ("行政許可", "行政處罰"), BASES, strict=True)
    )
    plist = read_written(tmp_path, "page.txt", text)
    assert [(i.type, i.basis) for i in plist.items] == [
        ("行政许可", BASES[0]),
        ("行政处罚", BASES[1]),
    ]
    assert [dict(i.raw)["事項類型"] for i in plist.items] == ["行政許可", "行政處罰"]
    assert plist.plausibility is not None and not plist.plausibility.doubtful
