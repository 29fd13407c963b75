"""Committing report files (edge): all files of one run replace the old ones together.

Each file is written to a temporary sibling, fsynced, and renamed over its target. A journal
listing the renames is written before the first and removed after the last, so a run killed
between two renames is completed by the next run before it writes anything. A journal names
files of the reports folder only; one that names anything else (or is not a journal at all) is
ignored with a warning: nothing outside the reports folder is ever renamed or removed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
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


def _temp_of(name: str, temp: str) -> bool:
    """Whether `temp` is a file name `_write_temp` gives a temporary copy of `name`."""
    return re.fullmatch(rf"\.{re.escape(name)}\.[A-Za-z0-9_]+\.tmp", temp) is not None


def replace_files(
    folder: Path,
    contents: Mapping[str, bytes],
    journal: Path | None = None,
    *,
    run_id: str = "",
    committed: Callable[[list[Path]], None] | None = None,
) -> list[Path]:
    """Write every file to a temporary sibling first, then rename each over its target.

    With a `journal`, the list of renames (and `run_id`) is recorded and fsynced before the
    first rename and removed after the last: a run killed between two renames is completed by
    `finish_interrupted_commit` before the next run writes anything, so the files of one run
    are only ever seen together — also when an exception (Ctrl-C) stops the renames: the
    temporary files the journal names are left for the next run. `committed(paths)` runs after
    the last rename and before the journal goes (the caller records the commit there; a kill
    in between is completed by the next run, which then records it).
    """
    if not folder.is_dir():
        raise FileNotFoundError(2, "the reports folder is gone", str(folder))
    temps: dict[str, Path] = {}
    promised = False  # once the journal is written, its temporary files belong to it
    try:
        for name, data in contents.items():
            temps[name] = _write_temp(folder, name, data)
        if journal is not None:
            plan = {"run_id": run_id, "files": {name: tmp.name for name, tmp in temps.items()}}
            journal_tmp = _write_temp(journal.parent, journal.name, json.dumps(plan).encode())
            os.replace(journal_tmp, journal)
            _fsync_dir(journal.parent)
            promised = True
        targets = []
        for name, tmp in temps.items():
            os.replace(tmp, folder / name)
            targets.append(folder / name)
        _fsync_dir(folder)
        if committed is not None:
            committed(targets)
        if journal is not None:
            journal.unlink()
    finally:
        if not promised:
            for tmp in temps.values():
                tmp.unlink(missing_ok=True)
    return targets


@dataclass(frozen=True)
class Recovery:
    """What `finish_interrupted_commit` found."""

    completed: bool = False  #: renames of an interrupted commit were completed
    run_id: str = ""  #: the run whose commit the journal records
    warning: str = ""  #: why a journal was ignored


def finish_interrupted_commit(folder: Path, journal: Path, names: Collection[str]) -> Recovery:
    """Complete the renames of a run killed half-way through them, and remove the temporary
    files of a run killed before them. `names` are the report files a journal may name."""
    recovery = Recovery()
    if journal.exists():
        recovery = _replay(folder, journal, names)
        journal.unlink(missing_ok=True)
    for name in names:
        for leftover in folder.glob(f".{glob_escape(name)}.*.tmp"):
            if _temp_of(name, leftover.name):
                leftover.unlink(missing_ok=True)
    for leftover in journal.parent.glob(f".{glob_escape(journal.name)}.*.tmp"):
        leftover.unlink(missing_ok=True)
    return recovery


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _replay(folder: Path, journal: Path, names: Collection[str]) -> Recovery:
    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
    except ValueError:
        return Recovery()  # the journal itself was cut short: no rename had started
    run_id, files = "", plan
    if isinstance(plan, dict) and isinstance(plan.get("files"), dict):
        run_id, files = str(plan.get("run_id") or ""), plan["files"]
    renames = _valid_renames(folder, files, names)
    if renames is None:
        return Recovery(
            warning=f"ignored the commit journal {journal}: it does not name report files of "
            f"{folder} only (changed by hand?); the reports are rebuilt"
        )
    completed = False
    for name, temp in renames.items():
        if temp.exists():
            os.replace(temp, folder / name)
            completed = True
    _fsync_dir(folder)
    return Recovery(completed, run_id)


def _valid_renames(folder: Path, files: object, names: Collection[str]) -> dict[str, Path] | None:
    """Report name → its temporary file in `folder`, or None when any entry names something
    else (a journal of an older auditor holds paths; only their file names are used)."""
    if not isinstance(files, dict):
        return None
    renames: dict[str, Path] = {}
    for name, temp in files.items():
        if not isinstance(name, str) or not isinstance(temp, str) or name not in names:
            return None
        temp_path = Path(temp)
        if temp_path.name != temp and os.path.realpath(temp_path.parent) != os.path.realpath(
            folder
        ):
            return None
        if not _temp_of(name, temp_path.name):
            return None
        renames[name] = folder / temp_path.name
    return renames


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
