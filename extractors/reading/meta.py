"""Reads what a list says about itself (title, date, department, region) from the lines around
its table."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from extractors.models import ListMeta
from extractors.reading.vocab import is_no_place, is_page_chrome

_DATE = re.compile(
    r"(?:日期|发布时间|发布日期|成文日期|公开日期|更新时间|时间)\s*[:：]\s*"
    r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
# Words that end a list's title: "…行政权力和责任清单详表", "…权责事项目录", "…权力运行一览表",
# "…权责清单（2023年版）"; a sentence that only mentions a 清单 ("本表依据权责清单制度编制") ranks
# below a line that ends with one.
_TITLE_WORD = re.compile(r"清单|目录|一览表|事项表|职权表|权力表")
_TITLE_END = re.compile(r"(?:清单|目录|一览表|表)\s*(?:[（(][^（()）]{1,20}[）)])?\s*$")
#: What may stand before a title's department or place: an annex's label (附件1：, 附件一、,
#: 附件1-2), a part's (第一部分), a year (2023年).
TITLE_BEFORE = re.compile(
    r"^\s*(?:附件\s*[\d一二三四五六七八九十]{0,3}(?:\s*[-－—.．]\s*\d{1,2})?\s*[:：、]?\s*)?"
    r"(?:第[\d一二三四五六七八九十]{1,3}(?:部分|篇)\s*[:：、]?\s*)?(?:\d{4}\s*年度?\s*)?"
)
_DEPARTMENT = re.compile(
    r"^(?P<dept>[\u4e00-\u9fff（）()]{2,40}?"
    r"(?:局|委员会|委|办公室|厅|中心|人民政府|政府|院|部门|部|所|站|队|署))"
    r"(?=(?:\d{4}\s*年度?(?:版|本)?\s*)?(?:行政|权力|权责|责任|职权|部门|政务|公共服务|清单|事项|及))"
)
#: 州 right before another unit is part of the place's name (杭州市, 贵州省, 通州区), not a
#: prefecture of its own (黔东南州).
_REGION = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|自治州|市|州(?![省市县区])|地区|盟|自治县|县|区|旗))+"
)


def _iso_date(line: str) -> str | None:
    match = _DATE.search(line)
    if match is None:
        return None
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def department_of(title: str) -> str | None:
    """The department a list's title names, when it opens with one.

    >>> department_of("2023年拉萨市达孜区医保局行政权力和责任清单详表")
    '拉萨市达孜区医保局'
    >>> department_of("某市交通运输局2024年权责清单"), department_of("附件1：某县财政部门权责清单")
    ('某市交通运输局', '某县财政部门')
    """
    match = _DEPARTMENT.match(TITLE_BEFORE.sub("", title, count=1))
    return match.group("dept") if match else None


def region_of(department: str) -> str | None:
    """The administrative region a department's name opens with.

    >>> region_of("拉萨市达孜区医保局"), region_of("县医保局")
    ('拉萨市达孜区', None)
    >>> region_of("浙江省杭州市应急管理局"), region_of("贵州省贵阳市云岩区民政局")
    ('浙江省杭州市', '贵州省贵阳市云岩区')
    >>> region_of("社区服务中心")
    """
    match = _REGION.match(department)
    return match.group(0) if match and not is_no_place(match.group(0)) else None


def titled_region(title: str) -> str | None:
    """The region a list's title opens with when it names no department (某市某县区级政府权责清单
    目录, 附件：某市市、县级民政部门…通用目录): the place the list is of; None for a line that is
    no list's title.

    >>> titled_region("附件：三江市市、县级民政部门行政审批事项通用目录")
    '三江市'
    >>> titled_region("重庆市文化旅游系统三级行政权力和责任事项清单(2019年)"), titled_region("某县")
    ('重庆市', None)
    """
    if _TITLE_WORD.search(title) is None:
        return None
    return region_of(TITLE_BEFORE.sub("", title, count=1).strip())


_HEADING = re.compile(r"^#{1,6}\s+")
_BOLD = re.compile(r"^\*\*(?=.*\*\*$)|\*\*$")


def unmarked(line: str) -> str:
    """A line without the Markdown that makes it a heading or bold (``## 县人力社保局``,
    ``**县人力社保局**``): the title of a list under ``# 浙江省应急管理厅权责清单`` names its
    department as the plain line does, and a heading between pipe tables names its section.

    >>> unmarked("## **浙江省应急管理厅权责清单** "), unmarked("清单")
    ('浙江省应急管理厅权责清单', '清单')
    """
    return _BOLD.sub("", _HEADING.sub("", line.strip())).strip()


def read_meta(lines: Sequence[tuple[int, str]], header_line: int | None = None) -> ListMeta:
    """The list's metadata from its numbered context lines (those before ``header_line`` give the
    title).

    >>> lines = [(1, "首页>权力清单"), (2, "巫溪县医疗保障局权力清单"), (3, "日期:2025-04-02")]
    >>> meta = read_meta(lines)
    >>> meta.title, meta.department, meta.region, meta.date
    ('巫溪县医疗保障局权力清单', '巫溪县医疗保障局', '巫溪县', '2025-04-02')
    """
    date = next((d for _, line in lines if (d := _iso_date(line)) is not None), None)
    candidates = [
        unmarked(line)
        for number, line in lines
        if (header_line is None or number < header_line)
        and line.strip()
        and len(line.strip()) <= 80
        and not is_page_chrome(line)
        and _iso_date(line) is None
        and ">" not in line
    ]
    ended = [c for c in candidates if _TITLE_END.search(c)]
    titled = [c for c in candidates if _TITLE_WORD.search(c)]
    title = (ended or titled or candidates)[0] if candidates else None
    department = department_of(title) if title else None
    region = region_of(department) if department else titled_region(title) if title else None
    return ListMeta(title=title, department=department, region=region, date=date)


class ItemRegions:
    """The regions the items' departments open with (昌图县文化旅游和广播电视局 → 昌图县), told
    item by item: a list whose own lines name no region (行政执法事项清单 over the table) is of
    the region every item's department names, when they name one and the same.

    >>> regions = ItemRegions()
    >>> for name in ("昌图县文化旅游和广播电视局", None, "县文旅局", "昌图县文化旅游和广播电视局"):
    ...     regions.add(name)
    >>> regions.region()
    '昌图县'
    >>> regions.add("铁岭市文化旅游和广播电视局"); regions.region() is None
    True
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()  # at most two: one is the answer, two are none
        self.last: str | None = None  # the department told last (rows of one run alike)

    def add(self, department: str | None) -> None:
        """Told for every item of a list (``summary.Summary``): a department like the last one
        told, or once two regions are seen, costs no match."""
        if not department or department == self.last or len(self.seen) > 1:
            return
        self.last = department
        region = region_of(department.strip())
        if region is not None:
            self.seen.add(region)

    def region(self) -> str | None:
        return next(iter(self.seen)) if len(self.seen) == 1 else None

    def given(self, meta: ListMeta) -> ListMeta:
        """``meta``, given the items' region when it names none itself."""
        region = self.region()
        return meta if meta.region is not None or region is None else replace(meta, region=region)


def with_item_region(meta: ListMeta, departments: Iterable[str | None]) -> ListMeta:
    """``meta``, given the region its items' departments name when it names none itself.

    >>> with_item_region(ListMeta(title="行政执法事项清单"), ["昌图县文化旅游和广播电视局"]).region
    '昌图县'
    >>> with_item_region(ListMeta(region="巫溪县"), ["昌图县文化旅游和广播电视局"]).region
    '巫溪县'
    """
    regions = ItemRegions()
    for department in departments if meta.region is None else ():
        regions.add(department)
    return regions.given(meta)
