"""A test that needs ../shared is skipped without it on a developer's machine, failed under CI."""

from __future__ import annotations

import pytest

from tests.shared import shared_path


def test_a_missing_shared_file_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no-such-file"):
        shared_path("no-such-file")


def test_a_missing_shared_file_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-such-file"):
        shared_path("no-such-file")
