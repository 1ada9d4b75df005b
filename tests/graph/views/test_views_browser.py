"""The view pages in real headless Chromium: they load offline without errors, draw the graph's
nodes and edges, and their search, filters and click-highlighting work; list text never runs."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from graph.app.pipeline import build_files
from graph.store.open import open_store
from graph.views.model import NODE_STYLES, ViewGraph
from graph.views.write import build_view, write_view
from tests.graph.views.test_views import XSS_LIST

pytestmark = pytest.mark.browser

ARTICLE = {"article": "社会保险法第八十七条"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> ox.Store:
    """A store built from the two sample lists."""
    folder = tmp_path_factory.mktemp("browser") / "store"
    build_files(sample_paths, folder)
    return open_store(folder)


class Page:
    """A loaded view page with what it logged and requested."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url)
        self.page.wait_for_function("window.quanzeView && window.quanzeView.stable", timeout=15000)

    def js(self, script: str, arg: Any = None) -> Any:
        """Evaluate ``script`` (a JS expression or function) in the page."""
        return self.page.evaluate(script, arg)

    def node_xy(self, node_id: str) -> tuple[float, float]:
        """Where on the page a node is drawn."""
        x, y = self.js(
            """id => {
                const net = quanzeView.network;
                const p = net.canvasToDOM(net.getPositions([id])[id]);
                const box = document.getElementById("qz-network").getBoundingClientRect();
                return [box.left + p.x, box.top + p.y];
            }""",
            node_id,
        )
        return float(x), float(y)


@pytest.fixture(scope="module")
def open_view(
    browser: Any, store: ox.Store, tmp_path_factory: pytest.TempPathFactory
) -> Callable[..., tuple[Page, ViewGraph]]:
    """Write a view of ``store`` and open it; returns the page and the view it draws."""
    folder = tmp_path_factory.mktemp("pages")

    def open_(target: ox.Store | None = None, **focus: Any) -> tuple[Page, ViewGraph]:
        used = store if target is None else target
        path = folder / f"view-{len(list(folder.iterdir()))}.html"
        write_view(used, path, **focus)
        return Page(browser, path), build_view(used, **focus)

    return open_


def test_pages_load_offline_without_errors_and_draw_every_node_and_edge(
    open_view: Callable[..., tuple[Page, ViewGraph]],
) -> None:
    for focus in (ARTICLE, {"law": "社会保险法"}, {"authority": "县医保局"}, {"everything": True}):
        page, view = open_view(**focus)
        assert page.errors == [], focus
        assert page.requests == [page.url], focus  # nothing but the file itself
        drawn = page.js("[quanzeView.network.body.data.nodes.length, quanzeView.nodes.getIds()]")
        assert drawn[0] == len(view.nodes) and set(drawn[1]) == view.nodes.keys()
        edges = page.js("quanzeView.edges.get().map(e => [e.from, e.to, e.kind])")
        assert sorted(map(tuple, edges)) == sorted(view.edges)
        assert page.js("quanzeView.firstDrawMs") > 0
        page.page.close()


def test_search_box_finds_and_focuses_a_node(
    open_view: Callable[..., tuple[Page, ViewGraph]],
) -> None:
    page, view = open_view(**ARTICLE)
    (org,) = [n.id for n in view.nodes.values() if n.label == "县医保局"]
    page.page.fill("#qz-search-input", "县医保")
    page.page.press("#qz-search-input", "Enter")
    assert page.js("quanzeView.network.getSelectedNodes()") == [org]
    assert page.js("quanzeView.highlighted().id") == org
    assert "县医保局" in page.page.inner_text("#qz-search-status")
    page.page.fill("#qz-search-input", "没有这个节点")
    page.page.press("#qz-search-input", "Enter")
    assert "no node matches" in page.page.inner_text("#qz-search-status")
    page.page.close()


def test_clicking_a_node_highlights_its_neighbours_and_dims_the_rest(
    open_view: Callable[..., tuple[Page, ViewGraph]],
) -> None:
    page, view = open_view(**ARTICLE)
    focus = next(n.id for n in view.nodes.values() if n.focus)
    neighbours = {t for s, t, _ in view.edges if s == focus} | {
        s for s, t, _ in view.edges if t == focus
    }
    page.page.mouse.click(*page.node_xy(focus))
    assert set(page.js("quanzeView.highlighted().nodes")) == neighbours | {focus}
    other = next(n for n in view.nodes if n not in neighbours and n != focus)
    colors = page.js(
        "ids => ids.map(id => quanzeView.nodes.get(id).color.background)", [focus, other]
    )
    assert colors[0] == NODE_STYLES["provision"].color and colors[1] != colors[0]
    assert focus in page.page.inner_text("#qz-details-body")  # its IRI in the details panel
    box = page.js("document.getElementById('qz-network').getBoundingClientRect().toJSON()")
    page.page.mouse.click(box["left"] + 5, box["top"] + 5)  # empty canvas: back to normal
    assert page.js("quanzeView.highlighted()") is None
    page.page.close()


def test_filters_hide_node_kinds_and_fields(
    open_view: Callable[..., tuple[Page, ViewGraph]],
) -> None:
    page, view = open_view(**ARTICLE)
    hidden = "quanzeView.nodes.get({filter: n => n.hidden}).map(n => n.id)"
    page.page.click('input[data-node-kind="authority"]')
    authorities = {n.id for n in view.nodes.values() if n.kind == "authority"}
    assert set(page.js(hidden)) == authorities
    assert (
        page.js("quanzeView.edges.get({filter: e => e.kind === 'exercised_by' && !e.hidden})") == []
    )
    page.page.click('input[data-node-kind="authority"]')
    assert page.js(hidden) == []
    page.page.click('input[data-edge-kind="basis"]')
    shown = page.js("quanzeView.edges.get({filter: e => !e.hidden}).map(e => e.kind)")
    assert "basis" not in shown and len(shown) == sum(1 for k in view.edges if k[2] != "basis")
    assert "/ " + str(len(view.edges)) + " edges" in page.page.inner_text("#qz-visible")
    page.page.close()


def png_colours(png: bytes) -> set[tuple[int, ...]]:
    """The distinct pixel colours of an 8-bit RGB or RGBA PNG (as Chromium writes them)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * channels
    previous, colours = bytearray(stride), set[tuple[int, ...]]()
    for row in range(height):
        start = row * (stride + 1)
        method, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if method == 1:
                line[i] = (line[i] + left) & 0xFF
            elif method == 2:
                line[i] = (line[i] + up) & 0xFF
            elif method == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif method == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        colours.update(tuple(line[i : i + 3]) for i in range(0, stride, channels))
        previous = line
    return colours


def test_screenshot_of_the_graph_is_not_blank(
    open_view: Callable[..., tuple[Page, ViewGraph]],
) -> None:
    page, _ = open_view(**ARTICLE)
    colours = png_colours(page.page.locator("#qz-network").screenshot())
    assert len(colours) > 50
    fills = {tuple(int(s.color[i : i + 2], 16) for i in (1, 3, 5)) for s in NODE_STYLES.values()}
    assert len(fills & colours) >= 4  # item, provision, law, authority, list fills are drawn
    page.page.close()


def test_list_text_with_script_and_onerror_never_runs(
    browser: Any, tmp_path: Path, open_view: Callable[..., tuple[Page, ViewGraph]]
) -> None:
    source = tmp_path / "xss.md"
    source.write_text(XSS_LIST, encoding="utf-8")
    build_files([source], tmp_path / "store")
    xss_store = open_store(tmp_path / "store")
    for focus in ({"everything": True}, ARTICLE):
        page, view = open_view(xss_store, **focus)
        for node in view.nodes:  # hover (tooltip) and click (details panel) every node
            page.page.mouse.move(*page.node_xy(node))
            page.page.wait_for_timeout(100)
            page.page.mouse.click(*page.node_xy(node))
        (item,) = [n.id for n in view.nodes.values() if n.label.startswith("<script>")]
        page.page.mouse.move(*page.node_xy(item))
        tooltip = page.page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible")
        assert "<script>window.__xss=1</script>对骗保的处罚" in tooltip.inner_text()
        assert '<img src=x onerror="window.__xss=2">县医保局' in tooltip.inner_text()
        assert (
            "设定依据 legal basis: 《社会保险法》第八十七条" in tooltip.inner_text()
        )  # as written
        page.page.fill("#qz-search-input", "对骗保")
        page.page.press("#qz-search-input", "Enter")
        assert page.js("typeof window.__xss") == "undefined"
        assert page.js("document.querySelectorAll('#qz-side img, .vis-tooltip img').length") == 0
        assert "<script>window.__xss=1</script>" in page.page.inner_text("#qz-details-body")
        assert page.errors == [] and page.requests == [page.url]
        page.page.close()
