"""Every citation form of the grammar (docs/citations.md), one table row per form, each read
through every backend of the cell pass (the ``cite`` fixture of this folder's conftest.py)."""

from __future__ import annotations

import pytest

from extractors.models import Citation
from tests.extractors.citing.conftest import Cite

SIF = "中华人民共和国社会保险法"
JZ = "社会救助暂行办法"
SHISHI = "实施《中华人民共和国社会保险法》若干规定"


def brief(c: Citation) -> tuple[object, ...]:
    """law, article, paragraph, item, point, kind: the part of a citation most cases check."""
    return (c.law, c.article, c.paragraph, c.item, c.point, c.kind)


def run(cite: Cite, text: str) -> list[tuple[object, ...]]:
    cites = cite(text)
    for c in cites:
        assert text[c.start : c.end] == c.text
    return [brief(c) for c in cites]


TITLES = [
    pytest.param("1.《中华人民共和国社会保险法》(第十一届全国人民代", [], id="cut-inside-the-note"),
    pytest.param("1.   《社会保险法》第八十", [], id="cut-inside-the-number"),
    pytest.param(
        "1.《社会保险法》第八十六条；\n2.《社会救助暂行办法》（",
        [(SIF, 86, None, None, None, "abbreviation")],
        id="cut-after-a-complete-citation",
    ),
    pytest.param(
        "按照《中华人民共和国工伤保险条例》规定",
        [("工伤保险条例", None, None, None, None, "law-level")],
        id="state-name-prefixed-to-a-regulation-the-registry-knows-without-it",
    ),
    pytest.param(
        "4.《甲市人民政府办公厅关于加快推进水利项目的意见》(甲政办〔2014〕18号)二、简化审批。除新建水库外",
        [("甲市人民政府办公厅关于加快推进水利项目的意见", None, None, None, 2, "explicit")],
        id="numbered-part-of-a-policy-document",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》\n二、《社会救助暂行办法》",
        [(SIF, None, None, None, None, "law-level"), (JZ, None, None, None, None, "law-level")],
        id="entry-number-on-the-next-line-is-no-part",
    ),
    pytest.param(
        "1.[行政法规]甲市校车管理条例(2012 年甲市人民政府令第 17)第十五条学校申请取得许可"
        " 2.[地方政府规章]甲市实施校车管理条例办法(甲市人民政府令第 208)第十五条教育行政部门",
        [
            ("甲市校车管理条例", 15, None, None, None, "unmarked"),
            ("甲市实施校车管理条例办法", 15, None, None, None, "unmarked"),
        ],
        id="unmarked-title-after-rank-tag-with-a-note",
    ),
    pytest.param(
        "《国务院关于修改〈社会救助暂行办法〉的决定》(国务院令第9号)第十二条第二款",
        [(JZ, 12, 2, None, None, "explicit")],
        id="provision-cited-through-an-amending-decision",
    ),
    pytest.param(
        "《甲市人民政府关于废止和修改部分规章的决定》(甲府令第3号)附件《甲市决定修改的规章》将第五条修改为",
        [("甲市人民政府关于废止和修改部分规章的决定", None, None, None, None, "law-level")],
        id="annex-title-is-part-of-the-citation",
    ),
    pytest.param(
        "《甲市人民政府关于保留行政审批项目的决定》(甲府令第6号)第36项、第37项",
        [
            ("甲市人民政府关于保留行政审批项目的决定", None, None, None, 36, "explicit"),
            ("甲市人民政府关于保留行政审批项目的决定", None, None, None, 37, "explicit"),
        ],
        id="entry-of-a-decision-that-is-a-list",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》（2010年10月28日第十一届全国人民代表大会常务委员会第十七次会议"
        "通过，2018年12月29日第十三届全国人民代表大会常务委员会第七次会议修正，自公布之日起施行）\n"
        "第八十七条",
        [(SIF, 87, None, None, None, "explicit")],
        id="long-dated-enactment-note",
    ),
    pytest.param(
        "《社会救助暂行办法》（2014年2月21日国务院令第649号公布\u3000根据2019年3月2日《国务院关于修改"
        "部分行政法规的决定》第一次修订\u3000根据2020年1月5日《国务院关于修改〈社会救助暂行办法〉的决定》"
        "第二次修订\u3000根据2021年6月7日《国务院关于修改〈社会救助暂行办法〉等五部行政法规的决定》"
        "第三次修订\u3000根据2022年4月1日《国务院关于修改〈社会救助暂行办法〉和〈其他条例〉的决定》"
        "第四次修订\u3000根据2023年9月9日《国务院关于修改和废止部分行政法规的决定》第五次修订）\n第九条",
        [(JZ, 9, None, None, None, "explicit")],
        id="version-note-naming-five-amending-decisions",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》第八十七条",
        [(SIF, 87, None, None, None, "explicit")],
        id="plain-title",
    ),
    pytest.param(
        "《实施〈中华人民共和国社会保险法〉若干规定》第二十五条",
        [(SHISHI, 25, None, None, None, "explicit")],
        id="nested-corner-marks",
    ),
    pytest.param(
        "《实施<中华人民共和国社会保险法>若干规定》第二十五条",
        [(SHISHI, 25, None, None, None, "explicit")],
        id="nested-half-width-angle",
    ),
    pytest.param(
        "《实施《中华人民共和国社会保险法》若干规定》第二十五条",
        [(SHISHI, 25, None, None, None, "explicit")],
        id="nested-double-marks",
    ),
    pytest.param(
        "〈实施《中华人民共和国社会保险法》若干规定〉第二十五条",
        [(SHISHI, 25, None, None, None, "explicit")],
        id="nested-reversed",
    ),
    pytest.param(
        "《中华人民共和国社会\n保险法》第八十七条",
        [(SIF, 87, None, None, None, "explicit")],
        id="title-line-wrap",
    ),
    pytest.param(
        "《中华人民共和国　社会 保险法》第八十七条",
        [(SIF, 87, None, None, None, "explicit")],
        id="title-stray-spaces",
    ),
    pytest.param(
        "《社会保险法》第九十二条",
        [(SIF, 92, None, None, None, "abbreviation")],
        id="abbreviation-registry",
    ),
    pytest.param(
        "《城乡规划法》第十条",
        [("中华人民共和国城乡规划法", 10, None, None, None, "abbreviation")],
        id="abbreviation-national-law-rule",
    ),
    pytest.param(
        "《重庆市劳动保障监察条例》第四十五条",
        [("重庆市劳动保障监察条例", 45, None, None, None, "explicit")],
        id="local-regulation-keeps-title",
    ),
    pytest.param(
        "《重庆市人力资源和社会保障局规范行政处罚裁量权办法(试行)》第二十八条",
        [
            (
                "重庆市人力资源和社会保障局规范行政处罚裁量权办法（试行）",
                28,
                None,
                None,
                None,
                "explicit",
            )
        ],
        id="trial-inside-marks-half-width",
    ),
    pytest.param(
        "《重庆市举报骗取社会保险基金行为奖励办法》（暂行）第二条",
        [("重庆市举报骗取社会保险基金行为奖励办法（暂行）", 2, None, None, None, "explicit")],
        id="trial-glued-after-marks",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》和《国家医疗保障局办公室 财政部办公厅"
        "关于印发〈欺诈骗取医疗保障基金行为举报奖励暂行办法〉的通知》"
        "（医保办发〔2018〕22号）规定。",
        [
            (SIF, None, None, None, None, "law-level"),
            ("欺诈骗取医疗保障基金行为举报奖励暂行办法", None, None, None, None, "law-level"),
        ],
        id="law-level-and-carrier",
    ),
    pytest.param(
        "《关于修改〈中华人民共和国社会保险法〉的决定》",
        [("关于修改《中华人民共和国社会保险法》的决定", None, None, None, None, "law-level")],
        id="amending-decision-is-not-a-carrier",
    ),
    pytest.param(
        "《关于印发〈甲市医疗救助办法〉和〈甲市临时救助办法〉的通知》",
        [
            ("甲市医疗救助办法", None, None, None, None, "law-level"),
            ("甲市临时救助办法", None, None, None, None, "law-level"),
        ],
        id="carrier-issuing-two",
    ),
    pytest.param(
        "《国务院办公厅转发民政部等部门〈关于进一步完善城乡医疗救助制度的意见〉的通知》",
        [("关于进一步完善城乡医疗救助制度的意见", None, None, None, None, "law-level")],
        id="carrier-forwarding",
    ),
    pytest.param(
        "西藏自治区人民政府批转自治区劳动和社会保障厅等部门关于《西藏自治区城镇职工基本医疗保险暂行办法》"
        "的通知，第七章，第三十五条。",
        [("西藏自治区城镇职工基本医疗保险暂行办法", 35, None, None, None, "unmarked")],
        id="carrier-outer-unmarked",
    ),
    pytest.param(
        "《立案审批表》《行政处罚决定书》《结案报告》《案卷目录》《送达回执》",
        [],
        id="forms-are-not-citations",
    ),
    pytest.param(
        "《中华人民共和国价格法》第四项",
        [("中华人民共和国价格法", None, None, 4, None, "malformed")],
        id="malformed-item-without-article",
    ),
    pytest.param(
        "《处分条例》第二十条",
        [("处分条例", 20, None, None, None, "explicit")],
        id="ambiguous-alias-not-guessed",
    ),
    pytest.param(
        "《重庆市骗取社会保险基金处理办法》（以下简称《办法》）第七条。《办法》第十五条",
        [
            ("重庆市骗取社会保险基金处理办法", 7, None, None, None, "explicit"),
            ("重庆市骗取社会保险基金处理办法", 15, None, None, None, "abbreviation"),
        ],
        id="alias-defined-in-cell",
    ),
    pytest.param(
        "<中华人民共和国社会保险法>第八十七条",
        [(SIF, 87, None, None, None, "explicit")],
        id="half-width-angle-as-title-marks",
    ),
]

PROVISIONS = [
    pytest.param(
        "《社会救助暂行办法》第一百零四条",
        [(JZ, 104, None, None, None, "explicit")],
        id="chinese-numeral",
    ),
    pytest.param(
        "《社会救助暂行办法》第13条", [(JZ, 13, None, None, None, "explicit")], id="arabic-numeral"
    ),
    pytest.param(
        "《社会救助暂行办法》第１３条",
        [(JZ, 13, None, None, None, "explicit")],
        id="full-width-digits",
    ),
    pytest.param(
        "《社会救助暂行办法》第 十三 条",
        [(JZ, 13, None, None, None, "explicit")],
        id="spaces-inside-number",
    ),
    pytest.param(
        "《社会救助暂行办法》第七条第二款第（三）项",
        [(JZ, 7, 2, 3, None, "explicit")],
        id="article-paragraph-item",
    ),
    pytest.param(
        "《社会救助暂行办法》第七条第(三)项",
        [(JZ, 7, None, 3, None, "explicit")],
        id="item-half-width-parens",
    ),
    pytest.param(
        "《行政处罚法》第五十五条、第五十六条、第五十八条",
        [("中华人民共和国行政处罚法", n, None, None, None, "abbreviation") for n in (55, 56, 58)],
        id="article-list-with-dunhao",
    ),
    pytest.param(
        "《社会救助暂行办法》第十条，第十一条和第十二条及第十三条以及第十四条与第十五条或第十六条",
        [(JZ, n, None, None, None, "explicit") for n in range(10, 17)],
        id="article-list-connectives",
    ),
    pytest.param(
        "《社会救助暂行办法》第十条、十一条",
        [(JZ, 10, None, None, None, "explicit"), (JZ, 11, None, None, None, "explicit")],
        id="list-missing-di",
    ),
    pytest.param(
        "《社会救助暂行办法》第十、十一条",
        [(JZ, 10, None, None, None, "explicit"), (JZ, 11, None, None, None, "explicit")],
        id="list-sharing-level",
    ),
    pytest.param(
        "《社会救助暂行办法》第十条至第十三条",
        [(JZ, n, None, None, None, "explicit") for n in range(10, 14)],
        id="range-zhi",
    ),
    pytest.param(
        "《社会救助暂行办法》第10到12条",
        [(JZ, n, None, None, None, "explicit") for n in range(10, 13)],
        id="range-inside-unit",
    ),
    pytest.param(
        "《社会救助暂行办法》第七条第二款、第三款",
        [(JZ, 7, 2, None, None, "explicit"), (JZ, 7, 3, None, None, "explicit")],
        id="carried-article",
    ),
    pytest.param(
        "《社会救助暂行办法》第六十六条第（一）、（二）项",
        [(JZ, 66, None, 1, None, "explicit"), (JZ, 66, None, 2, None, "explicit")],
        id="item-list-in-parens",
    ),
    pytest.param(
        "《社会救助暂行办法》第五章第三十条",
        [(JZ, 30, None, None, None, "explicit")],
        id="chapter-then-article",
    ),
    pytest.param(
        "《社会救助暂行办法》第八十七条社会保险经办机构",
        [(JZ, 87, None, None, None, "explicit")],
        id="glued-to-following-text",
    ),
    pytest.param(
        "《中共中央国务院关于深化医疗保障制度改革的意见》(十八)深化药品集中带量采购制度改革。",
        [("中共中央 国务院关于深化医疗保障制度改革的意见", None, None, None, 18, "explicit")],
        id="bare-numeral-point",
    ),
    pytest.param(
        "《西藏自治区人民政府关于建立城镇职工基本医疗保险制度的决定》（藏政发〔2001〕103号）第五、基本医疗",
        [
            (
                "西藏自治区人民政府关于建立城镇职工基本医疗保险制度的决定",
                None,
                None,
                None,
                5,
                "explicit",
            )
        ],
        id="numbered-section-dunhao",
    ),
    pytest.param(
        "《甲市医疗保障工作方案》第三部分、第二点",
        [
            ("甲市医疗保障工作方案", None, None, None, 3, "explicit"),
            ("甲市医疗保障工作方案", None, None, None, 2, "explicit"),
        ],
        id="part-and-point",
    ),
    pytest.param(
        "《国家基本医疗保险诊疗项目管理办法》附件1目录第66项",
        [("国家基本医疗保险诊疗项目管理办法", None, None, None, 66, "explicit")],
        id="annex-entry",
    ),
    pytest.param(
        "《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）附件第213项",
        [("国务院对确需保留的行政审批项目设定行政许可的决定", None, None, None, 213, "explicit")],
        id="entry-of-the-only-annex",
    ),
    pytest.param(
        "《XX条例》第十条第（一）（二）（三）项",
        [("XX条例", 10, None, k, None, "explicit") for k in (1, 2, 3)],
        id="bracketed-items-with-nothing-between",
    ),
    pytest.param(
        "《XX条例》第十条（一）、（二）项",
        [("XX条例", 10, None, k, None, "explicit") for k in (1, 2)],
        id="bracketed-items-without-di",
    ),
    pytest.param(
        "《XX条例》第十条：（一）未按规定公示的；（二）其他",
        [("XX条例", 10, None, None, None, "explicit")],
        id="quoted-enumeration-after-an-article-is-not-items",
    ),
]

CONTINUATIONS = [
    pytest.param(
        "《社会救助暂行办法》第十一条第一款：县级以上人民政府负责。 第三款：乡镇人民政府受理。",
        [(JZ, 11, 1, None, None, "explicit"), (JZ, 11, 3, None, None, "continuation")],
        id="bare-paragraph-after-article-and-paragraph",
    ),
    pytest.param(
        "《社会救助暂行办法》\n第九条：县级以上人民政府依照《中华人民共和国社会保险法》的规定办理。",
        [(JZ, 9, None, None, None, "explicit")],
        id="instrument-named-inside-quoted-article",
    ),
    pytest.param(
        "1《社会救助暂行办法》第九条：应当办理。2《中华人民共和国社会保险法》第十条",
        [(JZ, 9, None, None, None, "explicit"), (SIF, 10, None, None, None, "explicit")],
        id="entries-numbered-glued-to-titles",
    ),
    pytest.param(
        "(1)违反《社会救助暂行办法》第九条关于审核的规定的;\n"
        "2. 违反《中华人民共和国社会保险法》的情形",
        [(JZ, 9, None, None, None, "explicit"), (SIF, None, None, None, None, "law-level")],
        id="authors-words-after-a-provision-are-no-quote",
    ),
    pytest.param(
        "《社会救助暂行办法》第二十七条：国家建立健全医疗救助制度。第二十九条：医疗救助采取下列方式：\n"
        "（一）对救助对象参加城镇居民基本医疗保险的个人缴费部分，给予补贴；\n第三十条：申请医疗救助的",
        [
            (JZ, 27, None, None, None, "explicit"),
            (JZ, 29, None, None, None, "continuation"),
            (JZ, 30, None, None, None, "continuation"),
        ],
        id="continuation-after-full-stop-and-line",
    ),
    pytest.param(
        "《社会救助暂行办法》第二十七条；第二十九条",
        [(JZ, 27, None, None, None, "explicit"), (JZ, 29, None, None, None, "continuation")],
        id="continuation-after-semicolon",
    ),
    pytest.param(
        "1.《社会救助暂行办法》第二十七条 国家建立健全医疗救助制度\n"
        "2、第二十九条 医疗救助采取下列方式",
        [(JZ, 27, None, None, None, "explicit"), (JZ, 29, None, None, None, "continuation")],
        id="continuation-after-numbering",
    ),
    pytest.param(
        "《重庆市骗取社会保险基金处理办法》(渝府令第231号)第十五条 有下列行为之一的,责令改正;"
        "对有第(一)项、第(二)项规定情形的,处罚款",
        [("重庆市骗取社会保险基金处理办法", 15, None, None, None, "explicit")],
        id="quoted-self-reference-is-not-a-citation",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》第八十六条 用人单位未按时足额缴纳社会保险费的，"
        "依照本法第八十六条处罚。",
        [(SIF, 86, None, None, None, "explicit")],
        id="quoted-benfa-is-not-a-citation",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》规定，用人单位应当依照本法第五十八条办理登记",
        [(SIF, 58, None, None, None, "continuation")],
        id="benfa-in-author-text",
    ),
    pytest.param(
        "1.《中华人民共和国社会保险法》第八十七条；2.同法第八十八条",
        [(SIF, 87, None, None, None, "explicit"), (SIF, 88, None, None, None, "continuation")],
        id="tongfa-the-same-law",
    ),
    pytest.param(
        "《社会救助暂行办法》第二十七条；上述办法第二十九条",
        [(JZ, 27, None, None, None, "explicit"), (JZ, 29, None, None, None, "continuation")],
        id="shangshu-the-above-instrument",
    ),
    pytest.param(
        "《社会保险费征缴暂行条例》第十三条；《中华人民共和国社会保险法》第八十六条；同条例第十条",
        [
            ("社会保险费征缴暂行条例", 13, None, None, None, "explicit"),
            (SIF, 86, None, None, None, "explicit"),
            ("社会保险费征缴暂行条例", 10, None, None, None, "continuation"),
        ],
        id="tiaoli-is-the-last-regulation-not-the-last-law",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》第八十七条，同条例第八条",
        [(SIF, 87, None, None, None, "explicit"), (None, 8, None, None, None, "unresolved")],
        id="tiaoli-with-no-regulation-cited-is-unresolved",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》第八十四条规定：“用人单位不办理社会保险登记的，"
        "依照本法第八十六条处罚”",
        [(SIF, 84, None, None, None, "explicit")],
        id="quoted-after-guiding-word",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》规定：“依照本法第八十六条处罚”",
        [(SIF, None, None, None, None, "law-level")],
        id="quoted-law-level",
    ),
    pytest.param(
        "第十条 用人单位应当",
        [(None, 10, None, None, None, "unresolved")],
        id="unresolved-bare-article",
    ),
    pytest.param(
        "西藏自治区欺诈骗取医疗保障基金行为举报奖励办法实施细则（试行）\n第六章 责任及其他\n"
        "第十九条 各级医疗保障部门支付举报奖金时，应当严格审核。\n"
        "第二十条 各级医疗保障部门应当依法保护举报人。",
        [
            (
                "西藏自治区欺诈骗取医疗保障基金行为举报奖励办法实施细则（试行）",
                19,
                None,
                None,
                None,
                "unmarked",
            ),
            (
                "西藏自治区欺诈骗取医疗保障基金行为举报奖励办法实施细则（试行）",
                20,
                None,
                None,
                None,
                "unmarked",
            ),
        ],
        id="unmarked-title-on-its-own-line",
    ),
    pytest.param(
        "依据社会保险法第八十七条",
        [(SIF, 87, None, None, None, "unmarked")],
        id="unmarked-title-before-article",
    ),
    pytest.param(
        "违反重庆市骗取社会保险基金处理办法第十五条规定的",
        [("重庆市骗取社会保险基金处理办法", 15, None, None, None, "unmarked")],
        id="unmarked-local-title-before-article",
    ),
    pytest.param(
        "依据社会保险工作要点第三条",
        [("社会保险工作要点", 3, None, None, None, "unmarked")],
        id="unmarked-title-with-any-instrument-ending-before-article",
    ),
    pytest.param(
        "依照甲市行政处罚裁量基准制度（试行）第五条",
        [("甲市行政处罚裁量基准制度（试行）", 5, None, None, None, "unmarked")],
        id="unmarked-title-with-trial-mark-before-article",
    ),
    pytest.param(
        "（一）对符合申请条件的；（二）对符合救助条件的；（1）材料",
        [],
        id="enumerations-are-not-citations",
    ),
    pytest.param("按照国家规定第十条执行", [], id="generic-words-are-not-titles"),
    pytest.param("前款规定的情形，依照本条处理", [], id="prose-is-not-a-citation"),
]

# Known gaps of issue 3, one row each.
GAPS = [
    pytest.param(
        "《甲市医疗保障工作方案》第二部分第（三）点",
        [("甲市医疗保障工作方案", None, None, 3, 2, "explicit")],
        id="nested-point-keeps-sub-point-as-item",
    ),
    pytest.param(
        "依据重庆市城镇职工基本医疗保险、生育保险实施办法第十条",
        [("重庆市城镇职工基本医疗保险、生育保险实施办法", 10, None, None, None, "unmarked")],
        id="unmarked-title-with-dunhao",
    ),
    pytest.param(
        "依据社会保险法、劳动法第十条",
        [
            # the first title is cited whole (as in 《社会保险法》、《劳动法》第十条)
            (SIF, None, None, None, None, "law-level"),
            ("中华人民共和国劳动法", 10, None, None, None, "unmarked"),
        ],
        id="unmarked-dunhao-between-two-titles-is-not-merged",
    ),
    pytest.param(
        "依据国务院办公厅转发民政部等部门关于进一步完善城乡医疗救助制度的意见的通知第三条",
        [("民政部等部门关于进一步完善城乡医疗救助制度的意见", 3, None, None, None, "unmarked")],
        id="unmarked-forwarding-notice-keeps-issuer",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》第八十六条：用人单位未按时足额缴纳的，"
        "依照《中华人民共和国行政处罚法》的规定处罚。第八十七条：社会保险经办机构",
        [
            (SIF, 86, None, None, None, "explicit"),
            (SIF, 87, None, None, None, "continuation"),
        ],
        id="title-quoted-in-article-text-is-neither-cited-nor-the-last-law",
    ),
    pytest.param(
        "《中华人民共和国社会保险法》第八十四条规定：“依照《中华人民共和国行政处罚法》处罚”\n"
        "第八十六条",
        [
            (SIF, 84, None, None, None, "explicit"),
            (SIF, 86, None, None, None, "continuation"),
        ],
        id="continuation-after-quote-naming-another-law",
    ),
    pytest.param(
        "《社会救助暂行办法》第五十七条。违反本办法第六十六条规定的",
        [(JZ, 57, None, None, None, "explicit"), (JZ, 66, None, None, None, "continuation")],
        id="benbanfa-in-author-text",
    ),
    pytest.param(
        "《社会团体登记管理条例》第三十条；依照本条例第三十三条处理",
        [
            ("社会团体登记管理条例", 30, None, None, None, "explicit"),
            ("社会团体登记管理条例", 33, None, None, None, "continuation"),
        ],
        id="bentiaoli-in-author-text",
    ),
    pytest.param(
        "《社会救助暂行办法》第六十六条：违反本办法规定的，依照本办法第六十七条处理。",
        [(JZ, 66, None, None, None, "explicit")],
        id="benbanfa-in-quoted-text-is-not-a-citation",
    ),
]

# Forms from other regions' lists, written from the grammar.
REGIONS = [
    pytest.param(
        "《中华人民共和国社会保险法》第八十六条、《社会保险费征缴暂行条例》第十三条",
        [
            (SIF, 86, None, None, None, "explicit"),
            ("社会保险费征缴暂行条例", 13, None, None, None, "explicit"),
        ],
        id="two-laws-in-one-chain",
    ),
    pytest.param(
        "《社会救助暂行办法》第十条第一款第（二）项、第二款",
        [(JZ, 10, 1, 2, None, "explicit"), (JZ, 10, 2, None, None, "explicit")],
        id="item-then-sibling-paragraph",
    ),
    pytest.param(
        "依照《社会救助暂行办法》第十条、第十一条规定",
        [(JZ, 10, None, None, None, "explicit"), (JZ, 11, None, None, None, "explicit")],
        id="yizhao-list-guiding",
    ),
    pytest.param(
        "《社会救助暂行办法》第十二条 第十三条",
        [(JZ, 12, None, None, None, "explicit"), (JZ, 13, None, None, None, "explicit")],
        id="space-separated-list",
    ),
    pytest.param(
        "《社会救助暂行办法》第十二条\u3000第一款",
        [(JZ, 12, 1, None, None, "explicit")],
        id="space-before-deeper-level",
    ),
    pytest.param(
        "《社会救助暂行办法》第10、11、12条",
        [(JZ, n, None, None, None, "explicit") for n in (10, 11, 12)],
        id="arabic-list-sharing-level",
    ),
    pytest.param(
        "《中华人民共和国食品安全法》（以下简称“食品安全法”）第十条；“食品安全法”第十一条",
        [
            ("中华人民共和国食品安全法", 10, None, None, None, "explicit"),
            ("中华人民共和国食品安全法", 11, None, None, None, "abbreviation"),
        ],
        id="alias-in-quotes-then-used",
    ),
    pytest.param(
        "《中华人民共和国食品安全法》及其实施条例",
        [
            ("中华人民共和国食品安全法", None, None, None, None, "law-level"),
            ("中华人民共和国食品安全法实施条例", None, None, None, None, "law-level"),
        ],
        id="law-and-its-implementing-regulation",
    ),
    pytest.param(
        "《劳动合同法实施条例》第十条",
        [("中华人民共和国劳动合同法实施条例", 10, None, None, None, "abbreviation")],
        id="implementing-regulation-abbreviated-registry",
    ),
    pytest.param(
        "《消防法实施条例》第十条",
        [("中华人民共和国消防法实施条例", 10, None, None, None, "abbreviation")],
        id="implementing-regulation-abbreviated-rule",
    ),
    pytest.param(
        "「中华人民共和国社会保险法」第八十七条",
        [(SIF, 87, None, None, None, "explicit")],
        id="corner-quotes-as-title-marks",
    ),
    pytest.param(
        "依据“社会救助暂行办法”第十条",
        [(JZ, 10, None, None, None, "explicit")],
        id="double-quotes-as-title-marks",
    ),
    pytest.param(
        "《社会保险法》规定：“用人单位应当依照本法缴纳”",
        [(SIF, None, None, None, None, "abbreviation")],
        id="quotes-around-article-text-are-not-titles",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_titles(cite: Cite, text: str, expected: list[tuple[object, ...]]) -> None:
    assert run(cite, text) == expected


@pytest.mark.parametrize(("text", "expected"), PROVISIONS)
def test_provisions(cite: Cite, text: str, expected: list[tuple[object, ...]]) -> None:
    assert run(cite, text) == expected


@pytest.mark.parametrize(("text", "expected"), CONTINUATIONS)
def test_continuations(cite: Cite, text: str, expected: list[tuple[object, ...]]) -> None:
    assert run(cite, text) == expected


@pytest.mark.parametrize(("text", "expected"), GAPS)
def test_gaps(cite: Cite, text: str, expected: list[tuple[object, ...]]) -> None:
    assert run(cite, text) == expected


@pytest.mark.parametrize(("text", "expected"), REGIONS)
def test_other_regions(cite: Cite, text: str, expected: list[tuple[object, ...]]) -> None:
    assert run(cite, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "《社会保险法》八十七条", [(SIF, 87, None, None, None, "abbreviation")], id="chinese"
        ),
        pytest.param(
            "《社会保险法》（2018修正）87条第二款、第八十八条",
            [
                (SIF, 87, 2, None, None, "abbreviation"),
                (SIF, 88, None, None, None, "abbreviation"),
            ],
            id="arabic-after-a-note",
        ),
    ],
)
def test_an_article_written_without_di_is_read_and_flagged(
    cite: Cite, text: str, expected: list[tuple[object, ...]]
) -> None:
    assert run(cite, text) == expected
    assert all("第 missing" in " ".join(c.warnings) for c in cite(text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("《社会救助暂行办法》。第三章、第四章、第五章", id="after-a-sentence"),
        pytest.param(
            "《社会救助暂行办法》（2019年修订）\n第三章、第四章、第五章", id="on-its-own-line"
        ),
    ],
)
def test_a_list_of_chapters_cites_each_chapter(cite: Cite, text: str) -> None:
    assert [(c.law, c.chapter, c.article) for c in cite(text)] == [
        (JZ, 3, None),
        (JZ, 4, None),
        (JZ, 5, None),
    ]


def test_a_number_after_a_title_that_is_no_article_is_not_read_as_one(cite: Cite) -> None:
    assert run(cite, "《社会保险法》2018年修正") == [(SIF, None, None, None, None, "abbreviation")]


def test_an_instrument_named_by_its_document_number_alone(cite: Cite) -> None:
    text = "依据国务院令第735号第三十八条、第四十条"
    law = "医疗保障基金使用监督管理条例"
    assert run(cite, text) == [
        (law, 38, None, None, None, "unmarked"),
        (law, 40, None, None, None, "unmarked"),
    ]
    assert [c.doc_number for c in cite(text)] == ["国务院令第735号"] * 2
    # 主席令第二十五号 is the registry's 中华人民共和国主席令第二十五号, in Chinese numerals or not
    assert run(cite, "根据主席令第25号第八十七条") == [(SIF, 87, None, None, None, "unmarked")]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        pytest.param("国务院令第666号第十条", "2 instruments", id="one-order-amended-several"),
        pytest.param("按照渝府发〔2016〕10号文件第三条", "not in the registry", id="unknown"),
    ],
)
def test_a_document_number_the_registry_cannot_place_is_kept_unresolved(
    cite: Cite, text: str, why: str
) -> None:
    (found,) = cite(text)
    assert (found.law, found.kind, found.article) == (None, "unresolved", found.article)
    assert found.doc_number is not None and found.doc_number in text.replace(" ", "")
    assert why in found.warnings[-1]
