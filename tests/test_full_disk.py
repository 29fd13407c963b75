"""A full disk leaves the reports folder usable: the run that does not fit fails with a message
and leaves no WAL (nor anything else) taking the space, so the next run that fits succeeds.

On a real full disk — a 4 MB tmpfs mounted in a private mount namespace (`unshare`, as root or
in a user namespace) — and, anywhere, with the disk's refusal simulated at the checkpoint.
"""

from __future__ import annotations

import errno
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.store import wal
from auditor.store.state import State
from tests.conftest import CORPUS, ROOT
from tests.system_tools import unavailable


def _namespace_command() -> list[str] | None:
    """`unshare` with a private mount namespace, when this machine allows one."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    for command in ([unshare, "-m"], [unshare, "-rm"]):
        probe = subprocess.run([*command, "true"], capture_output=True)
        if probe.returncode == 0:
            return command
    return None


def test_a_run_that_fills_the_disk_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    command = _namespace_command()
    if command is None:
        unavailable("no private mount namespace here (unshare -m / -rm)")
    disk = tmp_path / "disk"
    disk.mkdir()
    shutil.copytree(CORPUS, tmp_path / "corpus")
    script = (
        'mount -t tmpfs -o size=4m tmpfs "$1" && cd "$2" && '
        'exec "$3" -m tests.full_disk_probe "$1" "$4" "$5"'
    )
    done = subprocess.run(
        [
            *command,
            "sh",
            "-c",
            script,
            "sh",
            str(disk),
            str(ROOT),
            sys.executable,
            str(tmp_path / "corpus"),
            str(tmp_path / "no-models"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode and "mount" in done.stderr:
        unavailable(f"cannot mount a tmpfs: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    steps = json.loads(done.stdout.strip().splitlines()[-1])
    full = steps["full"]
    assert full["outcome"].startswith("AuditError: ")
    assert "No space left" in full["outcome"] or "disk is full" in full["outcome"]
    # nothing of the failed run is left taking the space: no WAL, no half-written report
    assert not any(name.startswith("state.sqlite-") for name in full["state_files"])
    assert full["used"] <= steps["before_full"]["used"] + 16 * 1024
    assert full["integrity"] == "ok"
    # the next run that fits succeeds
    assert steps["next"]["outcome"] == "ok"
    assert steps["next"]["integrity"] == "ok"


def _rows(path: Path) -> list[tuple[str, str]]:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT key, value FROM meta ORDER BY key").fetchall()
    finally:
        db.close()


def _no_space(*_: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_when_the_checkpoint_cannot_grow_the_file_the_wal_is_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database file keeps the last checkpoint: what came after it goes with the WAL."""
    path = tmp_path / "state.sqlite"
    state = State(path)
    state.set_meta("checkpointed", "yes")
    wal.checkpoint(state.db)
    state.set_meta("after", "only in the WAL")
    assert Path(f"{path}-wal").stat().st_size > 0
    monkeypatch.setattr(wal, "_grow", _no_space)
    state.close()
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    monkeypatch.undo()
    rows = dict(_rows(path))
    assert rows["checkpointed"] == "yes" and "after" not in rows
    reopened = State(path)
    assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened.close()


def test_a_checkpoint_that_sqlite_began_keeps_its_wal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages may be half-copied: only the WAL completes the file, so it is kept."""
    path = tmp_path / "state.sqlite"
    state = State(path)
    state.set_meta("after", "only in the WAL")
    state.db.file_consistent = False
    monkeypatch.setattr(wal, "_grow", _no_space)
    state.close()
    monkeypatch.undo()
    assert ("after", "only in the WAL") in _rows(path)


def test_a_large_wal_is_checkpointed_between_commits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wal, "CHECKPOINT_BYTES", 64 * 1024)
    state = State(tmp_path / "state.sqlite")
    for n in range(200):
        state.set_meta(f"key {n}", "x" * 2000)
        assert wal.wal_size(state.db) <= 64 * 1024 + 16 * 1024
    state.close()
    assert not Path(f"{tmp_path / 'state.sqlite'}-wal").exists()
