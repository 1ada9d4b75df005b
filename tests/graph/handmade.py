"""Hand-made power lists and citations for the graph tests (real value objects, no readers)."""

from __future__ import annotations

from collections.abc import Iterator

from extractors.models import (
    Anomaly,
    CellCitation,
    Citation,
    ListMeta,
    PowerItem,
    PowerList,
    Reject,
)

BASIS_1 = (
    "【法律】《中华人民共和国社会保险法》（2018修正）"
    "（中华人民共和国主席令第二十五号）第八十七条：…"
)
BASIS_2 = "《中华人民共和国社会保险法》第八十七条第二款、《重庆市骗取社会保险基金处理办法》第十五条"
BASIS_3 = "《中华人民共和国价格法》第四项；第九条"
ACC_BASIS_1 = "《社会保险法》第九十三条"
RESPONSIBILITY_1 = "<p>1. 案前审查：审查；</p> <p>2. 立案：填写《立案审批表》；</p>"
ACCOUNTABILITY_1 = "有下列情形的：1. 不依法处理举报的;2. 泄露秘密的;"


def _cite(text: str, cell: str, law: str | None, kind: str, **kw: object) -> Citation:
    start = cell.index(text)
    return Citation(text, start, start + len(text), law, kind, **kw)  # type: ignore[arg-type]


def list_a() -> PowerList:
    """A 达孜区-like list: two items, one with an anomaly, and a reject."""
    items = (
        PowerItem(
            source="000_a.txt",
            row="1",
            line=5,
            code="DZQYBJXZC-F-881",
            name="对骗取社会保险基金支出的处罚",
            type="行政处罚",
            department="达孜区医保局",
            basis=BASIS_1,
            responsibility=RESPONSIBILITY_1,
            accountability=ACCOUNTABILITY_1,
            accountability_basis=ACC_BASIS_1,
            time_limit="60个工作日",
            raw=(("序号", "1"), ("职权类型", "行政处罚"), ("服务电话", "0891-1234567")),
            extra=(("服务电话", "0891-1234567"),),
            anomalies=(Anomaly("misplaced-cell", "电话在期限栏", "法定期限", "0891-1234567"),),
        ),
        PowerItem(
            source="000_a.txt",
            row="2",
            line=9,
            name="对医疗救助资金进行监督检查",
            type="行政检查",
            department="达孜区医保局",
            basis="依据《社会救助暂行办法》",
        ),
    )
    meta = ListMeta(
        title="2023年拉萨市达孜区医保局行政权力和责任清单", region="达孜区", date="2023"
    )
    return PowerList(
        "000_a.txt", "md", "utf-8", meta, items, (Reject("000_a.txt", 3, "扫一扫", "no cells"),), 4
    )


def citations_a() -> list[CellCitation]:
    """The citations of list_a, as the extractor would give them."""
    return [
        CellCitation(
            "000_a.txt",
            "1",
            "basis",
            _cite(
                "《中华人民共和国社会保险法》（2018修正）（中华人民共和国主席令第二十五号）第八十七条",
                BASIS_1,
                "中华人民共和国社会保险法",
                "explicit",
                article=87,
                version="2018修正",
                doc_number="中华人民共和国主席令第二十五号",
                rank="法律",
                law_id="shehui-baoxian-fa",
            ),
        ),
        CellCitation(
            "000_a.txt",
            "1",
            "accountability_basis",
            _cite(
                "《社会保险法》第九十三条",
                ACC_BASIS_1,
                "中华人民共和国社会保险法",
                "abbreviation",
                article=93,
                rank="法律",
                law_id="shehui-baoxian-fa",
            ),
        ),
        CellCitation(
            "000_a.txt",
            "2",
            "basis",
            _cite(
                "《社会救助暂行办法》",
                "依据《社会救助暂行办法》",
                "社会救助暂行办法",
                "law-level",
                law_id="shehui-jiuzhu-zanxing-banfa",
            ),
        ),
    ]


def list_b() -> PowerList:
    """A 巫溪县-like list: a joint department, two levels, a paragraph citation, a malformed one,
    an unresolved one, and a repeated row."""
    items = (
        PowerItem(
            source="001_b.txt",
            row="4268",
            line=20,
            name="对骗保行为的处罚",
            type="行政处罚",
            department="县人力社保局/县医保局",
            level="市级、区县级",
            guiding_department="市医保局",
            basis=BASIS_2,
        ),
        PowerItem(
            source="001_b.txt",
            row="4273",
            line=30,
            name="价格监督",
            type="其他权力",
            department="县医保局",
            basis=BASIS_3,
        ),
        PowerItem(
            source="001_b.txt", row="4273", line=31, name="价格监督（子项）", parent="价格监督"
        ),
    )
    meta = ListMeta(title="巫溪县医疗保障局行政权力事项清单", region="巫溪县", date="2025-04-02")
    return PowerList("001_b.txt", "txt", "utf-8", meta, items, (), 3)


def citations_b() -> list[CellCitation]:
    """The citations of list_b."""
    return [
        CellCitation(
            "001_b.txt",
            "4268",
            "basis",
            _cite(
                "《中华人民共和国社会保险法》第八十七条第二款",
                BASIS_2,
                "中华人民共和国社会保险法",
                "explicit",
                article=87,
                paragraph=2,
                law_id="shehui-baoxian-fa",
            ),
        ),
        CellCitation(
            "001_b.txt",
            "4268",
            "basis",
            _cite(
                "《重庆市骗取社会保险基金处理办法》第十五条",
                BASIS_2,
                "重庆市骗取社会保险基金处理办法",
                "explicit",
                article=15,
                rank="地方政府规章",
                law_id="chongqing-pianqu-shebao-jijin-chuli-banfa",
            ),
        ),
        CellCitation(
            "001_b.txt",
            "4273",
            "basis",
            _cite(
                "《中华人民共和国价格法》第四项",
                BASIS_3,
                "中华人民共和国价格法",
                "malformed",
                item=4,
                law_id="jiage-fa",
            ),
        ),
        CellCitation(
            "001_b.txt", "4273", "basis", _cite("第九条", BASIS_3, None, "unresolved", article=9)
        ),
    ]


def stopped_part_way() -> Iterator[PowerList]:
    """Lists a and b, then the error that stops a build part-way."""
    from graph.errors import BuildError

    yield list_a()
    yield list_b()
    raise BuildError("stopped part-way")
