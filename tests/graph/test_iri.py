"""IRIs: deterministic, readable, and accepted by both pyoxigraph and rdflib."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rdflib.term import _is_valid_uri

from graph.iri import (
    Iris,
    Locator,
    division_steps,
    is_relative_authority,
    place_of,
    qualified_authority,
    segment,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("达孜区医保局", "达孜区医保局", id="chinese-kept"),
        pytest.param("  达孜区医保局 ", "达孜区医保局", id="stripped"),
        pytest.param("县人力社保局/县医保局", "县人力社保局%2F县医保局", id="slash-escaped"),
        pytest.param("中共中央 国务院", "中共中央%20国务院", id="space-escaped"),
        pytest.param("中共中央\u3000国务院", "中共中央%E3%80%80国务院", id="ideographic-space"),
        pytest.param("a#b?c%d", "a%23b%3Fc%25d", id="reserved-ascii"),
        pytest.param(
            "《社会保险法》（2018修正）", "《社会保险法》（2018修正）", id="fullwidth-kept"
        ),
        pytest.param("..", "%2E%2E", id="dot-segment"),
        pytest.param("2018修正", "2018修正", id="version-note"),
    ],
)
def test_segment(text: str, expected: str) -> None:
    assert segment(text) == expected


def test_segment_refuses_empty() -> None:
    with pytest.raises(ValueError, match="empty"):
        segment("  ")


@example("\U000e0100")  # a variation selector outside RFC 3987's ucschar, which Oxigraph refuses
@given(st.text(min_size=1).filter(lambda t: t.strip()))
def test_any_name_gives_an_iri_both_libraries_accept(name: str) -> None:
    iri = Iris().org(name)
    assert ox.NamedNode(iri).value == iri
    assert _is_valid_uri(iri)
    assert Iris().org(name) == iri  # deterministic


IDS = Iris()
LAW = "https://w3id.org/quanze/id/law/shehui-baoxian-fa"


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        pytest.param(Locator(), LAW, id="whole-law"),
        pytest.param(Locator(article=87), f"{LAW}/art_87", id="article"),
        pytest.param(Locator(article=87, paragraph=2), f"{LAW}/art_87/para_2", id="paragraph"),
        pytest.param(
            Locator(article=87, paragraph=2, item=4), f"{LAW}/art_87/para_2/point_4", id="item"
        ),
        pytest.param(Locator(article=34, item=4), f"{LAW}/art_34/point_4", id="item-no-para"),
        pytest.param(
            Locator(article=34, item=4, subitem=1), f"{LAW}/art_34/point_4/point_1", id="mu"
        ),
        pytest.param(Locator(article=20, article_suffix=1), f"{LAW}/art_20-1", id="zhiyi"),
        pytest.param(Locator(chapter=6, article=19), f"{LAW}/art_19", id="chapter-not-in-path"),
        pytest.param(Locator(point=18), f"{LAW}/point_18", id="policy-point"),
        pytest.param(Locator(item=4), LAW, id="malformed-item-only-is-the-law"),
    ],
)
def test_provision_iris(loc: Locator, expected: str) -> None:
    assert IDS.provision("shehui-baoxian-fa", loc) == expected


def test_divisions_nest() -> None:
    loc = Locator(part=1, chapter=6, section=2, article=19)
    assert [s.token for s in division_steps(loc)] == ["part_1", "chp_6", "sec_2"]
    assert IDS.divisions("x", loc)[-1] == "https://w3id.org/quanze/id/law/x/part_1/chp_6/sec_2"


def test_lists_items_orgs_versions() -> None:
    assert IDS.power_list("000_a") == "https://w3id.org/quanze/id/list/000_a"
    assert IDS.item("000_a", "4268") == "https://w3id.org/quanze/id/list/000_a/item/4268"
    assert IDS.org("达孜区医保局") == "https://w3id.org/quanze/id/org/达孜区医保局"
    assert IDS.version("x", "2018-12-29") == "https://w3id.org/quanze/id/law/x/2018-12-29"


def test_base_is_configurable_and_checked() -> None:
    assert Iris("http://example.org/q/").law("x") == "http://example.org/q/law/x"
    with pytest.raises(ValueError, match="ending in '/'"):
        Iris("http://example.org/q")


@pytest.mark.parametrize(
    ("name", "relative", "place"),
    [
        pytest.param("县医保局", True, None, id="county-level-word"),
        pytest.param("区医保局", True, None, id="district-level-word"),
        pytest.param("市医保局", True, None, id="city-level-word"),
        pytest.param("市场监督管理局", True, None, id="shichang-is-not-a-level"),
        pytest.param("卫生健康委", True, None, id="no-place"),
        pytest.param("城市管理局", True, None, id="chengshi-is-not-a-place"),
        pytest.param("住房城乡建设局", True, None, id="chengxiang-is-not-a-place"),
        pytest.param("街道办事处", True, None, id="street-office"),
        pytest.param("达孜区医保局", False, "达孜区", id="district"),
        pytest.param("拉萨市达孜区医保局", False, "拉萨市达孜区", id="city-and-district"),
        pytest.param("重庆市医疗保障局", False, "重庆市", id="municipality"),
        pytest.param("人力资源和社会保障部", False, None, id="ministry"),
        pytest.param("国家医疗保障局办公室 财政部办公厅", False, None, id="national-joint"),
        pytest.param("全国人民代表大会常务委员会", False, None, id="npc"),
    ],
)
def test_authority_names_relative_or_placed(name: str, relative: bool, place: str | None) -> None:
    assert is_relative_authority(name) is relative
    assert place_of(name) == place


@pytest.mark.parametrize(
    ("name", "region", "full"),
    [
        pytest.param("县医保局", "巫溪县", "巫溪县医保局", id="county"),
        pytest.param(
            "县医保局", "石柱土家族自治县", "石柱土家族自治县医保局", id="autonomous-county"
        ),
        pytest.param("区医保局", "拉萨市达孜区", "拉萨市达孜区医保局", id="district"),
        pytest.param("卫生健康委", "巫溪县", "巫溪县卫生健康委", id="no-level-word"),
        pytest.param("市场监督管理局", "巫溪县", "巫溪县市场监督管理局", id="shichang"),
        pytest.param("市医保局", "巫溪县", None, id="the-city-is-not-written"),
        pytest.param("县医保局", "拉萨市达孜区", None, id="county-word-in-a-district"),
    ],
)
def test_qualified_authority(name: str, region: str, full: str | None) -> None:
    assert qualified_authority(name, region) == full


def test_scoped_org_iris() -> None:
    assert IDS.org("县医保局", region="巫溪县") == "https://w3id.org/quanze/id/org/巫溪县/县医保局"
    assert IDS.org("县医保局", list_id="b") == "https://w3id.org/quanze/id/list/b/org/县医保局"
    assert IDS.org("县医保局", region="巫溪县") != IDS.org("县医保局", region="云阳县")
