"""The shared folder beside the repository (gold files, scorer, law texts, real lists).

Tests that need it call :func:`shared_path`: without the folder they are skipped on a developer's
machine, but under ``CI=true`` they fail, so a CI run that lost ``../shared`` cannot pass on the
tests it skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """``../shared/<parts>``; skips the test when it is missing, or fails it under ``CI=true``."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is missing (the shared folder beside the repository)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    return path
