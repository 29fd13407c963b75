"""Committing report files (edge): all files of one run replace the old ones together.

Each file is written to a temporary sibling, fsynced, and renamed over its target. A journal
listing the renames is written before the first and removed after the last, so a run killed
between two renames is completed by the next run before it writes anything.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # readable like any file the user saves, not 0600
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def replace_files(
    folder: Path, contents: Mapping[str, bytes], journal: Path | None = None
) -> list[Path]:
    """Write every file to a temporary sibling first, then rename each over its target.

    With a `journal`, the list of renames is recorded (and fsynced) before the first rename and
    removed after the last: a run killed between two renames is completed by
    `finish_interrupted_commit` before the next run writes anything, so the files of one run
    are only ever seen together.
    """
    folder.mkdir(parents=True, exist_ok=True)
    temps: dict[str, Path] = {}
    try:
        for name, data in contents.items():
            temps[name] = _write_temp(folder, name, data)
        if journal is not None:
            plan = {name: str(tmp) for name, tmp in temps.items()}
            journal_tmp = _write_temp(journal.parent, journal.name, json.dumps(plan).encode())
            os.replace(journal_tmp, journal)
            _fsync_dir(journal.parent)
        targets = []
        for name, tmp in temps.items():
            os.replace(tmp, folder / name)
            targets.append(folder / name)
        _fsync_dir(folder)
        if journal is not None:
            journal.unlink()
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
    return targets


def finish_interrupted_commit(folder: Path, journal: Path) -> bool:
    """Complete the renames of a run killed half-way through them, and remove the temporary
    files of a run killed before them. Returns whether a commit had to be completed."""
    completed = False
    if journal.exists():
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
        except ValueError:
            plan = {}  # the journal itself was cut short: no rename had started
        for name, tmp in plan.items():
            if Path(tmp).exists():
                os.replace(tmp, folder / name)
                completed = True
        _fsync_dir(folder)
        journal.unlink()
    for leftover in folder.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)
    return completed


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
