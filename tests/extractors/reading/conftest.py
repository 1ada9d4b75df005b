"""Fixtures of the reader tests that run real LibreOffice."""

from __future__ import annotations

import os

import pytest

from extractors.reading.formats.documents import office


@pytest.fixture(scope="module")
def soffice() -> str:
    """LibreOffice's program: CI installs it (.ci/run), so there its absence fails the test."""
    program = office.soffice()
    if program is None:
        message = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    return program
