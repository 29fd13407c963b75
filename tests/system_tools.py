"""The system programs some tests drive (Debian packages), found or refused.

Locally a missing program (or a facility such as a private mount namespace) skips its tests,
with the command that installs it; in CI (`CI` set, as `.ci/run` does) it fails them: those
tests are the proof that the reports open where people look and that a full disk loses
nothing, and must not pass by not running.
"""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest

from tests.browser import chromium_binary


def unavailable(message: str) -> NoReturn:
    """What this machine lacks: a skip here, a failure in CI (where the test must run)."""
    if os.environ.get("CI"):
        pytest.fail(f"{message}; in CI this test must run, not skip")
    pytest.skip(message)


def require(path: str | None, package: str) -> str:
    if path:
        return path
    unavailable(f"{package} is not installed: apt-get install -y {package} (.ci/run installs it)")


def chromium() -> str:
    return require(chromium_binary(), "chromium")


def soffice() -> str:
    return require(shutil.which("soffice") or shutil.which("libreoffice"), "libreoffice-calc-nogui")
