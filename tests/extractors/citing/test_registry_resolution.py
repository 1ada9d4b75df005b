"""Resolution with the registry generated from the official catalogue: official titles, an
ambiguous alias left as written, and an article past the last one of the cited text flagged."""

from __future__ import annotations

import pytest

from extractors import get_citations
from extractors.models import Citation


def _one(text: str) -> Citation:
    (c,) = get_citations(text)
    return c


@pytest.mark.parametrize(
    ("written", "official"),
    [
        # an administrative regulation has no 中华人民共和国 in its title
        ("《中华人民共和国教师资格条例》第十条", "教师资格条例"),
        # a national law's short form is its full title
        ("《个人信息保护法》第十条", "中华人民共和国个人信息保护法"),
        # a regulation whose official title does start with 中华人民共和国 keeps it
        ("《道路交通安全法实施条例》第一条", "中华人民共和国道路交通安全法实施条例"),
        ("《国务院组织法》第一条", "中华人民共和国国务院组织法"),
        ("《上海市宗教事务条例》第一条", "上海市宗教事务条例"),
    ],
)
def test_titles_the_registry_knows_resolve_to_the_official_form(
    written: str, official: str
) -> None:
    c = _one(written)
    assert c.law == official and c.in_registry
    assert not any("past the last article" in w for w in c.warnings)


def test_an_article_past_the_last_is_flagged() -> None:
    c = _one("《个人信息保护法》第七十五条")
    assert c.law == "中华人民共和国个人信息保护法"
    assert c.warnings == ("第75条 is past the last article (第74条) of the text of 2021-08-20",)
    assert not _one("《个人信息保护法》第七十四条").warnings
    # every record of a chain is checked on its own
    first, second = get_citations("《社会保险法》第九十八条、第九十九条")
    assert not first.warnings and "第99条 is past the last article (第98条)" in second.warnings[0]


def test_the_cited_version_is_the_one_checked() -> None:
    # 行政复议法: 43 articles in the 2017 text, 90 since the 2023 revision
    assert any("past the last" in w for w in _one("《行政复议法》（2017修正）第五十条").warnings)
    assert not _one("《行政复议法》第五十条").warnings
    # a version the catalogue does not hold is not checked against another: past the last
    # article of every text held, the record says the cited version's text could not be checked
    (warning,) = _one("《行政复议法》（2009修正）第九十五条").warnings
    assert warning.endswith(
        "the registry holds no text of the 2009 version cited to check it against"
    )
    assert not _one("《行政复议法》（2009修正）第四十条").warnings


def test_an_ambiguous_alias_is_kept_as_written_and_warned() -> None:
    c = _one("《处分条例》第二百条")
    assert c.law == "处分条例" and not c.in_registry
    assert any("ambiguous" in w for w in c.warnings)
    assert not any("past the last" in w for w in c.warnings)
