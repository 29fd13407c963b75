"""bench/minimal_app.py, the yardstick of the command line's speed (issue 25), declares every
command of auditor's app as Typer would show it: its help pages are auditor's but for the
program's name. A command the generator cannot copy (a new type, an unnamed group) fails here,
not in the middle of a benchmark."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.minimal_app import write

#: every command line whose help page is compared
PAGES = (
    [],
    ["audit"],
    ["report"],
    ["models"],
    ["models", "install"],
    ["review"],
    ["review", "confirm"],
    ["review", "import"],
)


def _help(program: list[str], words: list[str]) -> str:
    done = subprocess.run(
        [*program, *words, "--help"],
        capture_output=True,
        text=True,
        env={"COLUMNS": "100", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def minimal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("minimal") / "minimal.py")


@pytest.mark.parametrize("words", PAGES, ids=lambda w: " ".join(w) or "auditor")
def test_the_minimal_app_shows_auditors_help_pages(minimal: Path, words: list[str]) -> None:
    ours = _help([str(Path(sys.executable).parent / "auditor")], words)
    theirs = _help([sys.executable, str(minimal)], words)
    assert theirs.replace("Usage: minimal.py", "Usage: auditor", 1) == ours
