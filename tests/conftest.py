"""Fixtures shared by the whole suite: the embedded sample lists, a headless Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests check behaviour, not speed (speed is measured by `make bench`): no per-example
# deadline, which a loaded CI machine or a library's first import would trip.
settings.register_profile("quanze", deadline=None)
settings.load_profile("quanze")


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The directory of the two embedded sample lists, as installed with the package."""
    with as_file(files("extractors") / "samples") as path:
        return Path(path)


@pytest.fixture(scope="session")
def sample_paths(samples_dir: Path) -> list[Path]:
    """The sample lists: 达孜区 (Markdown table) and 巫溪县 (flattened web page)."""
    return sorted(samples_dir.glob("*.txt"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module; skipped without Chromium unless CI is set."""
    from bench.chromium import CHROMIUM, launch_chromium

    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing, and CI must run the browser tests")
        pytest.skip(f"{CHROMIUM} is not installed")
    with launch_chromium() as chromium:
        yield chromium
