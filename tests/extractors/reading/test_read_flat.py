"""The flattened-page reader: records anchored on serials, cells on vocabularies and shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.models import PowerList
from tests.extractors.reading.support import read_written

HEADER = "序号 实施部门 事项名称 事项类型 设定依据 行使层级 指导部门 追责情形 追责依据"


def _read(tmp_path: Path, text: str) -> PowerList:
    return read_written(tmp_path, "page.txt", text, expect="text")


CASES = [
    pytest.param(
        f"{HEADER}\n"
        "35\n对未按规定报告的处罚 行政处罚 《某省安全生产条例》第三十条 责令改正。 县级 "
        "市应急管理局 未依法履行职责的。 《行政机关公务员处分条例》第二十条。",
        {"row": "35", "department": None, "name": "对未按规定报告的处罚", "level": "县级"},
        id="serial-alone-department-missing",
    ),
    pytest.param(
        f"{HEADER}\n"
        "7 区市场监管局 对食品经营者的检查 行政检查 《中华人民共和国食品安全法》第一百一十条 "
        "县级以上人民政府食品安全监督管理部门履行食品安全监督管理职责。 省级、市级、县级 "
        "省市场监管局 因不履行或不正确履行行政职责：\n1. 未依法检查的；\n2. 滥用职权的。\n"
        "1. 《中华人民共和国食品安全法》第一百四十四条；\n2. 《行政机关公务员处分条例》第二十条。",
        {
            "accountability": "因不履行或不正确履行行政职责：\n1. 未依法检查的；\n2. 滥用职权的。",
            "accountability_basis": "1. 《中华人民共和国食品安全法》第一百四十四条；\n"
            "2. 《行政机关公务员处分条例》第二十条。",
            "level": "省级、市级、县级",
        },
        id="numbered-sub-lines-are-not-serials",
    ),
    pytest.param(
        f"{HEADER}\n"
        "8 县交通运输局 道路运输经营许可 行政许可 《道路运输条例》第十条 申请人应当\n"
        "15 日内提交材料。 县级 市交通运输局 违法许可的 【行政法规】《道路运输条例》第七十六条",
        {
            "row": "8",
            "basis": "《道路运输条例》第十条 申请人应当\n15 日内提交材料。",
            "accountability_basis": "【行政法规】《道路运输条例》第七十六条",
        },
        id="wrapped-line-opening-with-a-number",
    ),
    pytest.param(
        f"{HEADER}\n"
        "21 县人社局 / 县医保局 对骗保行为的处罚 其他权力 《社会保险法》第八十八条 市级、区县级 "
        "市人社局 滥用职权的， 《社会保险法》第九十三条",
        {
            "department": "县人社局 / 县医保局",
            "type": "其他权力",
            "accountability": "滥用职权的，",
        },
        id="department-joined-with-spaced-slash-and-type-variant",
    ),
    pytest.param(
        "序号 事项编码 事项名称 事项类型 实施主体 设定依据 承诺期限 备注\n"
        "3 330217001000 城乡居民养老保险待遇申领 公共服务 区社保中心 "
        "《社会保险法》第二十条 5个工作日 \n4 330217002000 失业保险金申领 公共服务 区社保中心 "
        "《失业保险条例》第十六条 即办 需本人到场",
        {"code": "330217001000", "department": "区社保中心", "time_limit": "5个工作日"},
        id="other-layout-code-and-time-limit",
    ),
    pytest.param(
        f"{HEADER}\n"
        "9 县卫健委 对医疗机构的检查 行政检查 《医疗机构管理条例》第四十条 "
        "由县级 人民政府卫生行政部门"
        "负责监督。 县级 市卫健委 未履行职责的 《医疗机构管理条例》第五十条",
        {"basis": "《医疗机构管理条例》第四十条 由县级 人民政府卫生行政部门负责监督。"},
        id="stray-space-before-a-level-word",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_flat_cells(tmp_path: Path, text: str, expected: dict[str, str | None]) -> None:
    item = _read(tmp_path, text).items[0]
    assert {k: item.get(k) for k in expected} == expected


def test_page_chrome_and_repeated_header(tmp_path: Path) -> None:
    text = (
        "您当前的位置：首页 > 政务公开 > 权责清单\n某市生态环境局权责清单\n发布时间：2022年3月5日\n"
        f"{HEADER}\n"
        "1 市生态环境局 对排污单位的检查 行政检查 《环境保护法》第二十四条 市级 省生态环境厅 "
        "未依法检查的 《环境保护法》第六十八条\n"
        f"{HEADER}\n"
        "2 市生态环境局 对超标排污的处罚 行政处罚 《大气污染防治法》第九十九条 市级 省生态环境厅 "
        "违法处罚的 《行政处罚法》第七十六条\n\n【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n"
    )
    plist = _read(tmp_path, text)
    assert [i.row for i in plist.items] == ["1", "2"]
    assert plist.items[1].accountability_basis == "《行政处罚法》第七十六条"
    assert (plist.meta.title, plist.meta.date) == ("某市生态环境局权责清单", "2022-03-05")
    assert plist.meta.department == "某市生态环境局"
    assert not any(i.anomalies for i in plist.items)


def test_text_before_first_record_is_rejected(tmp_path: Path) -> None:
    text = (
        f"{HEADER}\n（本表自公布之日起施行）\n"
        "1 县林业局 林木采伐许可 行政许可 《森林法》第五十六条 县级 市林业局 违法许可的 "
        "《森林法》第八十二条"
    )
    plist = _read(tmp_path, text)
    assert [(r.line, r.reason) for r in plist.rejects] == [(2, "text before the first record")]
    assert len(plist.items) == 1


def test_record_cut_off_at_end_of_file(tmp_path: Path) -> None:
    text = (
        f"{HEADER}\n"
        "1 县医保局 医疗保险稽核 行政检查 《社会保险法》第三十一条 区县级 市医保局 泄露信息的 "
        "《社会保险法》第九十二条\n"
        "2 县医保局 对医疗救助的监督检查 行政检查 《社会救助暂行办法》第五十七条"
    )
    plist = _read(tmp_path, text)
    last = plist.items[-1]
    assert last.row == "2" and last.basis == "《社会救助暂行办法》第五十七条"
    assert [a.code for a in last.anomalies] == ["cut-off"]
    assert not plist.items[0].anomalies


def test_last_record_with_empty_optional_cell_is_not_cut_off(tmp_path: Path) -> None:
    text = (
        "序号 事项名称 事项类型 实施主体 备注\n1 林木采伐许可 行政许可 县林业局 \n"
        "2 野生动物驯养许可 行政许可 县林业局"
    )
    plist = _read(tmp_path, text)
    assert [i.anomalies for i in plist.items] == [(), ()]


def test_header_over_two_lines(tmp_path: Path) -> None:
    text = (
        "序号 实施部门 事项名称 事项类型 设定依据\n行使层级 指导部门 追责情形 追责依据\n"
        "4 区民政局 对社会团体的检查 行政检查 《社会团体登记管理条例》第二十四条 区县级 市民政局 "
        "未依法检查的 《社会团体登记管理条例》第三十七条"
    )
    item = _read(tmp_path, text).items[0]
    assert (item.row, item.level, item.guiding_department) == ("4", "区县级", "市民政局")


def test_cells_run_together(tmp_path: Path) -> None:
    text = (
        f"{HEADER}\n"
        "6 县医保局 对骗取医保基金的处罚行政处罚《中华人民共和国社会保险法》第八十八条 以欺诈手段"
        "骗取社会保险待遇的，处骗取金额二倍以上五倍以下的罚款。市级、区县级 市医保局 "
        "滥用职权的 《社会保险法》第九十三条"
    )
    item = _read(tmp_path, text).items[0]
    assert (item.name, item.type, item.level) == (
        "对骗取医保基金的处罚",
        "行政处罚",
        "市级、区县级",
    )
    assert item.basis is not None and item.basis.endswith("罚款。")


def test_vertical_label_value_records(tmp_path: Path) -> None:
    text = (
        "某区人力资源和社会保障局权责清单\n"
        "序号：1\n事项名称：对用人单位违反劳动合同法的处罚\n事项类型：行政处罚\n"
        "设定依据：《中华人民共和国劳动合同法》第八十条\n用人单位直接涉及劳动者切身利益的规章制度违反"
        "法律、法规规定的，由劳动行政部门责令改正。\n实施主体：区人力社保局\n\n"
        "序号：2\n事项名称：劳动保障监察\n事项类型：行政检查\n实施主体：区人力社保局\n"
    )
    plist = _read(tmp_path, text)
    assert [(i.row, i.name, i.type, i.department) for i in plist.items] == [
        ("1", "对用人单位违反劳动合同法的处罚", "行政处罚", "区人力社保局"),
        ("2", "劳动保障监察", "行政检查", "区人力社保局"),
    ]
    assert plist.items[0].basis == (
        "《中华人民共和国劳动合同法》第八十条\n"
        "用人单位直接涉及劳动者切身利益的规章制度违反法律、法规规定的，由劳动行政部门责令改正。"
    )
    assert plist.meta.title == "某区人力资源和社会保障局权责清单"
