"""Committing report files (edge): all files of one run replace the old ones together.

Each file is written to a temporary sibling, fsynced, and renamed over its target; a format
that writes many files (`html/`) or writes its own file (`audit.xlsx`) writes into a staging
folder inside the reports folder, whose entries are renamed into place the same way (a folder
replaces the old folder: the old one is renamed aside first, then removed). A journal listing
the renames is written before the first and removed after the last, so a run killed between
two renames is completed by the next run before it writes anything.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Mapping
from pathlib import Path

#: prefix of the staging folder of a run; like every temporary entry it ends in `.tmp`
STAGING_PREFIX = ".staging."


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


def staging_folder(folder: Path) -> Path:
    """A new, empty temporary folder inside `folder` (the same file system, so that its
    entries can be renamed into place): pass it to `replace_files` as `staged`. A run killed
    before the commit leaves it behind; `finish_interrupted_commit` removes it."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, suffix=".tmp", dir=folder))


def replace_files(
    folder: Path,
    contents: Mapping[str, bytes],
    journal: Path | None = None,
    staged: Path | None = None,
) -> list[Path]:
    """Write every file to a temporary sibling first, then rename each over its target.

    `staged`: a folder from `staging_folder` whose entries (files, or folders such as `html`)
    are committed with `contents`, each replacing the entry of the same name in `folder`; it
    is removed afterwards. With a `journal`, the list of renames is recorded (and fsynced)
    before the first rename and removed after the last: a run killed between two renames is
    completed by `finish_interrupted_commit` before the next run writes anything, so the files
    of one run are only ever seen together.
    """
    folder.mkdir(parents=True, exist_ok=True)
    temps: dict[str, Path] = {}
    try:
        for name, data in contents.items():
            temps[name] = _write_temp(folder, name, data)
        if staged is not None:
            for entry in sorted(staged.iterdir()):
                if entry.name in temps:
                    raise ValueError(f"{entry.name} is both staged and given as contents")
                _fsync_tree(entry)
                temps[entry.name] = entry
            _fsync_dir(staged)
        if journal is not None:
            plan = {name: str(tmp) for name, tmp in temps.items()}
            journal_tmp = _write_temp(journal.parent, journal.name, json.dumps(plan).encode())
            os.replace(journal_tmp, journal)
            _fsync_dir(journal.parent)
        targets = []
        for name, tmp in temps.items():
            _install(tmp, folder / name)
            targets.append(folder / name)
        _fsync_dir(folder)
        if journal is not None:
            journal.unlink()
    finally:
        for tmp in temps.values():
            discard(tmp)
        if staged is not None:
            discard(staged)
    return targets


def _install(source: Path, target: Path) -> None:
    """Rename `source` over `target`. A folder cannot be renamed over a folder that has files,
    nor a file over a folder: the old entry is renamed aside first, then removed; a kill in
    between leaves `target` absent until `finish_interrupted_commit` renames `source`."""
    if (source.is_dir() or target.is_dir()) and (target.exists() or target.is_symlink()):
        aside = target.with_name(f".{target.name}.old.{uuid.uuid4().hex[:12]}.tmp")
        os.replace(target, aside)
        os.replace(source, target)
        discard(aside)
    else:
        os.replace(source, target)


def discard(path: Path) -> None:
    """Remove a temporary file or folder (a staging folder the run will not commit)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _fsync_tree(path: Path) -> None:
    """Flush a staged file, or every file and folder of a staged folder, to the disk."""
    if not path.is_dir():
        _fsync_file(path)
        return
    for root, _, files in os.walk(path):
        for name in files:
            _fsync_file(Path(root, name))
        _fsync_dir(Path(root))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
                _install(Path(tmp), folder / name)
                completed = True
        _fsync_dir(folder)
        journal.unlink()
    for leftover in folder.glob(".*.tmp"):
        discard(leftover)  # temporary files, staging folders, old folders renamed aside
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
