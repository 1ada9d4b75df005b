"""Fixtures shared by the whole suite: the embedded sample lists."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

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
