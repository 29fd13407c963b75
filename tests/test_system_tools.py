"""The helper that decides whether a missing system program skips or fails a test."""

from __future__ import annotations

import pytest

from tests.system_tools import require, unavailable


def test_a_missing_program_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="in CI this test must run"):
        unavailable("no such program")
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        require(None, "chromium")


def test_a_missing_program_skips_with_its_install_command_locally(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y chromium"):
        require(None, "chromium")


def test_a_program_found_is_used() -> None:
    assert require("/usr/bin/soffice", "libreoffice-calc-nogui") == "/usr/bin/soffice"
