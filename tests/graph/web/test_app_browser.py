"""The workbench in real headless Chromium, served by ``quanze app`` as a real process on a
loopback port: a journey from search to article to item to the exports, permalinks and the
English toggle, with no console errors and no request leaving the app; a payload in every field
of a list never runs; the server stops on SIGTERM."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.browser

#: QUANZE_SCREENSHOTS names a folder to keep the journey's screenshots in (to look at them).
SHOTS = os.environ.get("QUANZE_SCREENSHOTS")


class Server:
    """``quanze app --store DIR --port 0`` running as a child process, and its address."""

    def __init__(self, store: Path) -> None:
        command = [sys.executable, "-c", "from graph.app.cli import main; main()"]
        self.process = subprocess.Popen(
            [*command, "app", "--store", str(store), "--port", "0"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.said: list[str] = []
        found = threading.Event()
        self.url = ""

        def read() -> None:
            assert self.process.stderr is not None
            for line in self.process.stderr:
                self.said.append(line)
                match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
                if match and not self.url:
                    self.url = match.group(1)
                    found.set()
            found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(60) or not self.url:
            self.process.kill()
            raise AssertionError(f"quanze app did not start: {''.join(self.said)}")

    def stop(self) -> int:
        """Stop it as a service manager does (SIGTERM) and return its exit code."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


@pytest.fixture(scope="module")
def server(sample_store: Path) -> Iterator[Server]:
    running = Server(sample_store)
    yield running
    running.stop()


class Tab:
    """A page of the workbench with what it (and its frames) logged and requested."""

    def __init__(self, browser: Any, base: str, folder: Path) -> None:
        self.base = base
        self.folder = folder
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)

    def graph_drawn(self) -> Any:
        """The graph frame, once its view has drawn."""
        self.page.wait_for_selector("#qz-graph")
        frame = next(f for f in self.page.frames if "/graph/" in f.url)
        frame.wait_for_function("window.quanzeView && window.quanzeView.stable", timeout=20000)
        return frame

    def rows(self) -> int:
        return int(self.page.locator("#qz-table tbody tr").count())

    def shot(self, name: str) -> Path:
        path = Path(SHOTS or self.folder) / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def download(self, fmt: str) -> bytes:
        with self.page.expect_download() as info:
            self.page.click(f"a.qz-export[data-format={fmt}]")
        return Path(info.value.path()).read_bytes()

    def outside(self) -> list[str]:
        """The requests that went anywhere but the app."""
        return [u for u in self.requests if not u.startswith(self.base + "/")]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser: Any, server: Server, tmp_path: Path) -> Iterator[Tab]:
    opened = Tab(browser, server.url, tmp_path)
    yield opened
    opened.close()


def test_search_article_item_export_journey(tab: Tab) -> None:
    tab.go("/")
    tab.graph_drawn()
    tab.shot("home")
    tab.page.fill("#qz-q", "社会保险法第八十七条")
    tab.page.press("#qz-q", "Enter")
    tab.page.wait_for_url(re.compile(r".*/article\?ref="))
    assert tab.page.inner_text("#qz-title") == "《中华人民共和国社会保险法》第87条"
    assert tab.rows() == 3
    frame = tab.graph_drawn()
    assert frame.evaluate("quanzeView.nodes.length") > 3
    tab.shot("article")

    tab.page.click("a.qz-facet[data-facet=county] >> text=巫溪县")
    tab.page.wait_for_url(re.compile(r".*county="))
    assert tab.rows() == 2
    tab.page.click("#qz-clear")
    tab.page.wait_for_load_state()
    assert tab.rows() == 3

    csv_bytes = tab.download("csv")
    assert csv_bytes.startswith(b"\xef\xbb\xbf") and "巫溪县" in csv_bytes.decode("utf-8-sig")
    book = load_workbook(io.BytesIO(tab.download("xlsx")))
    assert len(list(book.active.values)) == 4  # header and three rows
    assert len(json.loads(tab.download("json"))["rows"]) == 3

    tab.page.click("#qz-table tbody tr:first-child a")
    tab.page.wait_for_url(re.compile(r".*/item\?ref="))
    assert tab.page.locator("a.qz-cite").count() >= 2
    tab.graph_drawn()
    tab.shot("item")
    permalink = tab.page.get_attribute("#qz-permalink", "href")
    title = tab.page.inner_text("#qz-title")

    tab.page.click("a.qz-cite >> nth=0")
    tab.page.wait_for_url(re.compile(r".*/article\?ref="))
    assert tab.rows() >= 1

    assert permalink is not None
    tab.go(permalink)
    assert tab.page.inner_text("#qz-title") == title  # the permalink opens the same page

    tab.page.click("#qz-lang")
    tab.page.wait_for_load_state()
    assert tab.page.inner_text("#qz-permalink") == "Permalink"
    assert tab.page.inner_text("#qz-title") == title
    tab.shot("item-en")
    tab.page.click("#qz-lang")

    assert tab.errors == [] and tab.dialogs == []
    assert tab.outside() == []


def test_law_list_queries_and_errors_in_the_browser(tab: Tab) -> None:
    tab.go("/law?ref=社会保险法")
    assert tab.rows() >= 5
    tab.graph_drawn()
    tab.shot("law")
    tab.go("/queries/who-cites")
    tab.page.fill("input[name=target]", "https://w3id.org/quanze/id/law/shehui-baoxian-fa")
    tab.page.click("form.qz-form button")
    tab.page.wait_for_url(re.compile(r".*target="))
    assert tab.rows() == 24
    tab.shot("query")
    tab.go("/sparql")
    tab.page.click("form.qz-sparql button")
    tab.page.wait_for_url(re.compile(r".*query="))
    assert tab.rows() == 20  # the example the editor holds
    tab.shot("sparql")
    tab.go("/search?q=无此事物")
    assert "无此事物" in tab.page.inner_text("#qz-error")
    tab.shot("error")
    assert [e for e in tab.errors if "404" not in e] == []  # the error page's own status
    assert tab.outside() == []


def test_a_payload_in_every_field_never_runs(browser: Any, xss_store: Path, tmp_path: Path) -> None:
    running = Server(xss_store)
    tab = Tab(browser, running.url, tmp_path)
    try:
        for path in (
            "/",
            "/item?ref=xss.csv%231",
            "/list?source=xss.csv",
            "/article?ref=社会保险法第八十七条",
            "/law?ref=社会保险法",
            "/items?q=骗保",
        ):
            tab.go(path)
            if path.startswith(("/item?", "/article", "/law")):
                frame = tab.graph_drawn()
                assert frame.evaluate("window.__xss") is None, path
            assert tab.page.evaluate("window.__xss") is None, path
            for link in tab.page.locator("main a").all()[:40]:
                link.hover()
            assert tab.page.evaluate("window.__xss") is None, path
        tab.go("/item?ref=xss.csv%231")
        tab.shot("xss-item")
        assert "<script>window.__xss=1</script>" in tab.page.inner_text("#qz-title")
        assert tab.dialogs == [] and tab.outside() == []
        assert tab.errors == []
    finally:
        tab.close()
        assert running.stop() == 0


def test_the_server_stops_cleanly_on_sigterm(sample_store: Path) -> None:
    running = Server(sample_store)
    assert running.stop() == 0
    assert "Traceback" not in "".join(running.said)
