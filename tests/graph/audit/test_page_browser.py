"""The audit's HTML report in real headless Chromium: it loads offline, groups findings by list
and severity, shows the quote and the official text side by side with the differing characters
marked, and list text never runs as markup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.audit.audit import audit_citations
from graph.audit.page import render_report
from tests.graph.audit.test_checks import LAW, LAW_X, TEXTS, cite

pytestmark = pytest.mark.browser

XSS = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'


@pytest.fixture(scope="module")
def page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The report of two lists: one with an error, a warning (a quote that differs, written
    with markup in it) and an info, one with a finding whose list title is markup."""
    quote = TEXTS["责任一"].replace("二倍以上五倍", "一倍以上三倍") + XSS
    cited = [
        cite(f"《某某法》第五条：{quote}", "《某某法》第五条", article=5),
        cite("《某某法》第九条", "第九条", article=9),
        cite("《某某法》第一条", "第一条", article=1, date="2012-03-01"),
    ]
    other = cite("《某某法》第三条", "第三条", field="accountability_basis", article=3)
    other = type(other)(**{**{s: getattr(other, s) for s in other.__slots__},
                           "list_id": "list-b", "list_title": XSS})  # fmt: skip
    audit = audit_citations([*cited, other], {LAW: LAW_X})
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_report(audit), encoding="utf-8")
    opened = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("request", lambda r: requests.append(r.url))
    opened.goto(path.resolve().as_uri())
    opened.wait_for_load_state("load")
    opened.errors, opened.requests, opened.url_of_file = errors, requests, path.resolve().as_uri()
    yield opened
    opened.close()


def test_the_report_loads_offline_without_errors(page: Any) -> None:
    assert page.errors == []
    assert page.requests == [page.url_of_file]  # nothing but the file itself


def test_findings_are_grouped_by_list_then_severity(page: Any) -> None:
    groups = page.evaluate(
        """() => [...document.querySelectorAll('.qz-list')].map(l => [
            l.dataset.list,
            [...l.querySelectorAll('.qz-severity')].map(s => [
                s.querySelector('h3').innerText,
                [...s.querySelectorAll('.qz-finding')].map(f => f.dataset.kind)])])"""
    )
    assert groups == [
        [
            "list-a",
            [
                ["错误 error (1)", ["beyond-last"]],
                ["警告 warning (1)", ["quote-differs"]],
                ["提示 info (1)", ["amended-after-list"]],
            ],
        ],
        ["list-b", [["警告 warning (1)", ["outside-liability"]]]],
    ]


def test_the_diff_shows_both_texts_side_by_side_with_the_differences_marked(page: Any) -> None:
    seen = page.evaluate(
        """() => {
            const f = document.querySelector('.qz-finding[data-kind="quote-differs"]');
            const left = f.querySelector('td.qz-quote'), right = f.querySelector('td.qz-official');
            const a = left.getBoundingClientRect(), b = right.getBoundingClientRect();
            return {
                del: [...left.querySelectorAll('del')].map(d => d.textContent),
                ins: [...right.querySelectorAll('ins')].map(d => d.textContent),
                sideBySide: Math.abs(a.top - b.top) < 2 && a.right <= b.left + 1,
                struck: getComputedStyle(left.querySelector('del')).textDecorationLine,
                official: right.innerText,
            };
        }"""
    )
    assert seen["del"][:2] == ["一", "三"] and seen["ins"] == ["二", "五"]
    assert seen["sideBySide"] and seen["struck"] == "line-through"
    assert seen["official"] == TEXTS["责任一"]


def test_list_text_is_shown_as_text_and_never_runs(page: Any) -> None:
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("document.querySelectorAll('main img, main script').length") == 0
    title = page.evaluate("document.querySelector('[data-list=\"list-b\"] h2').innerText")
    assert XSS in title
    quote = page.evaluate("document.querySelector('td.qz-quote').innerText")
    assert quote.endswith(XSS)


def test_the_counts_per_list_are_shown(page: Any) -> None:
    counts = page.evaluate("[...document.querySelectorAll('.qz-counts')].map(p => p.innerText)")
    assert counts[0].startswith("list-a (某县清单): 1 error(s), 1 warning(s), 1 info")
    summary = page.evaluate("document.querySelector('.qz-summary').innerText")
    assert summary == "4 citation(s) read, 4 checked against a law text, 4 finding(s)"


def test_the_views_details_panel_shows_the_official_text_and_findings(
    browser: Any, audited_store: Path, tmp_path: Path
) -> None:
    from graph.store.open import open_store
    from graph.views.write import build_view, write_view

    store = open_store(audited_store, read_only=True)
    path = tmp_path / "view.html"
    write_view(store, path, article="行政处罚法第五十五条", depth=1)
    view = build_view(store, article="行政处罚法第五十五条", depth=1)
    (node,) = [n.id for n in view.nodes.values() if n.id.endswith("xingzheng-chufa-fa/art_55")]
    opened = browser.new_page(viewport={"width": 1200, "height": 800})
    try:
        opened.goto(path.resolve().as_uri())
        opened.wait_for_function("window.quanzeView && window.quanzeView.stable", timeout=15000)
        x, y = opened.evaluate(
            """id => {
                const net = quanzeView.network;
                const p = net.canvasToDOM(net.getPositions([id])[id]);
                const box = document.getElementById("qz-network").getBoundingClientRect();
                return [box.left + p.x, box.top + p.y];
            }""",
            node,
        )
        opened.mouse.click(x, y)
        panel = opened.inner_text("#qz-details-body")
    finally:
        opened.close()
    assert "官方条文 official text (2021-01-22, latest known)" in panel
    assert "执法人员在调查或者进行检查时" in panel
    assert (
        "追责依据不在法律责任章" in panel and "巫溪县医疗保障局行政权力事项清单 序号 1177" in panel
    )
