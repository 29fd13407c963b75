"""Nothing is written outside the reports folder, even by SQLite: a state folder whose files
are links (to a folder elsewhere) is refused before the database is opened, on every path —
the unchanged replay that `auditor audit --json` tries first (`auditor.run.pipeline`), the full
audit, `auditor report`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.run.pipeline import audit_corpus
from auditor.store.state import SQLITE_FILES, STATE_DIR, STATE_FILE, State, StateError
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus audited twice (so that the second run left a record the unchanged run
    replays): the folder holding corpus/ and reports/."""
    root = tmp_path_factory.mktemp("audited")
    shutil.copytree(CORPUS, root / "corpus")
    for _ in range(2):
        audit_corpus(root / "corpus", root / "reports", models_dir=root / "no-models")
    return root


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every entry under `folder` with its size and modification time."""
    return {
        str(path.relative_to(folder)): (path.lstat().st_size, path.lstat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
    }


def _plant(root: Path, linked: str) -> Path:
    """Replace `linked` (an entry of the state folder, or the folder itself) by a link into a
    folder outside the reports; the outside folder."""
    outside = root / "elsewhere"
    outside.mkdir()
    state_dir = root / "reports" / STATE_DIR
    if linked == STATE_DIR:
        shutil.move(state_dir, outside / STATE_DIR)
        state_dir.symlink_to(outside / STATE_DIR, target_is_directory=True)
        return outside
    entry = state_dir / linked
    if entry.exists():
        shutil.move(entry, outside / linked)
    # a link to a file that does not exist yet: whoever opens it for writing creates it there
    entry.symlink_to(outside / linked)
    return outside


#: `auditor audit --json` is answered by the unchanged replay when it can (run here in a
#: process of its own, as cron runs it), the others audit or rebuild
COMMANDS = {
    "unchanged audit --json": ["audit", "{corpus}", "--reports", "{reports}", "--json"],
    "audit --full": ["audit", "{corpus}", "--reports", "{reports}", "--full", "--json"],
    "audit (table)": ["audit", "{corpus}", "--reports", "{reports}"],
    "report": ["report", "--reports", "{reports}"],
}


@pytest.mark.parametrize("linked", [STATE_DIR, *SQLITE_FILES, "audit.lock"])
def test_a_state_folder_of_links_is_refused_and_nothing_is_written_outside(
    audited: Path, tmp_path: Path, linked: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "case"
    shutil.copytree(audited, root, symlinks=True)
    outside = _plant(root, linked)
    before = _listing(outside)
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(root / "no-models"))
    for command, template in COMMANDS.items():
        words = [word.format(corpus=root / "corpus", reports=root / "reports") for word in template]
        if command.startswith("unchanged"):
            done = subprocess.run(
                [sys.executable, "-m", "auditor", *words],
                capture_output=True,
                text=True,
                timeout=300,
            )
            code, said = done.returncode, done.stdout + done.stderr
        else:
            result = CliRunner().invoke(app, words)
            code, said = result.exit_code, result.output
            assert result.exception is None or isinstance(result.exception, SystemExit), said
        assert _listing(outside) == before, command
        assert code == 1, (command, said)
        assert "Traceback" not in said
        assert "link" in said, (command, said)


def test_the_store_refuses_to_open_through_a_link(tmp_path: Path) -> None:
    state_dir = tmp_path / STATE_DIR
    state_dir.mkdir()
    (tmp_path / "real.sqlite").write_bytes(b"")
    (state_dir / STATE_FILE).symlink_to(tmp_path / "real.sqlite")
    with pytest.raises(StateError, match="holds links"):
        State(state_dir / STATE_FILE)
    assert sorted(p.name for p in tmp_path.iterdir()) == [STATE_DIR, "real.sqlite"]
