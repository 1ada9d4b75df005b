"""A list's region (拉萨市达孜区) cut into province, city and county, the facets of a reliance
table. Lists write their region as the place names run together, sometimes without the
province or the city; what is not written stays empty."""

from __future__ import annotations

import re

_PROVINCE = re.compile(
    r"^((?:北京|天津|上海|重庆)市|(?:内蒙古|广西|西藏|宁夏|新疆)[^省市县区]{0,4}?自治区|"
    r"(?:香港|澳门)特别行政区|[^省市县区]{2,3}省)"
)
_CITY = re.compile(r"^([^省市县区]{1,8}?(?:市|自治州|地区|盟|州))(?=.)")


def region_parts(region: str) -> tuple[str, str, str]:
    """A list's region as (province, city, county): what is not written stays empty.

    >>> region_parts("拉萨市达孜区"), region_parts("巫溪县")
    (('', '拉萨市', '达孜区'), ('', '', '巫溪县'))
    >>> region_parts("西藏自治区拉萨市达孜区"), region_parts("四川省成都市")
    (('西藏自治区', '拉萨市', '达孜区'), ('四川省', '成都市', ''))
    """
    rest = region.strip()
    province = city = ""
    if match := _PROVINCE.match(rest):
        province, rest = match.group(1), rest[match.end() :]
    if match := _CITY.match(rest):
        city, rest = match.group(1), rest[match.end() :]
    elif rest.endswith(("市", "州", "盟", "地区")):  # a city alone (成都市)
        city, rest = rest, ""
    return province, city, rest
