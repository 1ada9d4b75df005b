"""How the browser tests and the view benchmark start headless Chromium (Debian's build)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: Debian's Chromium (``apt-get install chromium``); QUANZE_CHROMIUM points elsewhere.
CHROMIUM = Path(os.environ.get("QUANZE_CHROMIUM", "/usr/bin/chromium"))

#: Headless, as root, on a machine whose network is closed: without the background-networking
#: flags Chromium keeps trying (and failing) to reach Google's hosts at every start.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def launch_chromium() -> Iterator[Any]:
    """A Playwright Browser on Debian's Chromium, closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
