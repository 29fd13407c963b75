"""Committing report files (edge): all files of one run replace the old ones together.

Each file is written to a temporary sibling, fsynced, and renamed over its target. A format
that writes many files (`html/`) or writes its own file (`audit.xlsx`) writes into a staging
folder inside the reports folder; before the commit each of its entries is moved to a
temporary sibling of its target like any file, and renamed into place the same way (a folder
replaces the old folder: the old one is renamed aside first, then removed). A journal listing
the renames is written before the first and removed after the last, so a run killed between
two renames is completed by the next run before it writes anything. A journal names report
entries of the reports folder and their temporary siblings only; one that names anything else
(or is not a journal at all) is ignored with a warning: nothing outside the reports folder is
ever renamed or removed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
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


def write_replacing(folder: Path, name: str, parts: Iterable[bytes]) -> Path:
    """Write one file of the reports alone — `parts` to a temporary sibling, fsynced, renamed
    over `folder/name` — outside a run's commit (a table appended in place written again
    whole: `auditor.reports.appended`)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            for part in parts:
                handle.write(part)
            handle.flush()
            os.fsync(handle.fileno())
        _install(Path(tmp), folder / name)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(folder)
    return folder / name


def _temp_sibling(folder: Path, name: str, tag: str = "") -> Path:
    """A new name in `folder` for a temporary copy of the entry `name` (`_temp_of` accepts it):
    where a staged entry waits for its rename (`tag` empty), or where an old folder is renamed
    aside (`tag` "old")."""
    unique = os.urandom(6).hex()  # as unique as uuid4().hex[:12], without importing uuid
    return folder / f".{name}.{tag + '_' if tag else ''}{unique}.tmp"


def _temp_of(name: str, temp: str) -> bool:
    """Whether `temp` is a name this module gives a temporary copy of `name` (a file written
    by `_write_temp`, a staged entry moved beside its target, an old folder renamed aside)."""
    return re.fullmatch(rf"\.{re.escape(name)}\.[A-Za-z0-9_]+\.tmp", temp) is not None


def _staging_name(name: str) -> bool:
    """Whether `name` is one `staging_folder` gives (`tempfile.mkdtemp`'s random part)."""
    return re.fullmatch(rf"{re.escape(STAGING_PREFIX)}[A-Za-z0-9_]+\.tmp", name) is not None


def staging_folder(folder: Path) -> Path:
    """A new, empty temporary folder inside `folder` (the same file system, so that its
    entries can be renamed into place): pass it to `replace_files` as `staged`. A run killed
    before the commit leaves it behind; `finish_interrupted_commit` removes it."""
    if not folder.is_dir():
        raise FileNotFoundError(2, "the reports folder is gone", str(folder))
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, suffix=".tmp", dir=folder))


def replace_files(
    folder: Path,
    contents: Mapping[str, bytes],
    journal: Path | None = None,
    staged: Path | None = None,
    *,
    run_id: str = "",
    committed: Callable[[list[Path]], None] | None = None,
) -> list[Path]:
    """Write every file to a temporary sibling first, then rename each over its target.

    `staged`: a folder from `staging_folder` whose entries (files, or folders such as `html`)
    are committed with `contents`, each replacing the entry of the same name in `folder`; it
    is removed afterwards. With a `journal`, the list of renames (and `run_id`) is recorded
    and fsynced before the first rename and removed after the last: a run killed between two
    renames is completed by `finish_interrupted_commit` before the next run writes anything,
    so the files of one run are only ever seen together — also when an exception (Ctrl-C)
    stops the renames: the temporary entries the journal names are left for the next run.
    `committed(paths)` runs after the last rename and before the journal goes (the caller
    records the commit there; a kill in between is completed by the next run, which then
    records it).
    """
    if not folder.is_dir():
        raise FileNotFoundError(2, "the reports folder is gone", str(folder))
    temps: dict[str, Path] = {}
    promised = False  # once the journal is written, its temporary entries belong to it
    try:
        for name, data in contents.items():
            temps[name] = _write_temp(folder, name, data)
        if staged is not None:
            for entry in sorted(staged.iterdir()):
                if entry.name in temps:
                    raise ValueError(f"{entry.name} is both staged and given as contents")
                _fsync_tree(entry)
                # beside its target, under a name the journal may hold
                temps[entry.name] = _temp_sibling(folder, entry.name)
                os.replace(entry, temps[entry.name])
            _fsync_dir(folder)
        if journal is not None:
            plan = {"run_id": run_id, "files": {name: tmp.name for name, tmp in temps.items()}}
            journal_tmp = _write_temp(journal.parent, journal.name, json.dumps(plan).encode())
            os.replace(journal_tmp, journal)
            _fsync_dir(journal.parent)
            promised = True
        targets = []
        for name, tmp in temps.items():
            _install(tmp, folder / name)
            targets.append(folder / name)
        _fsync_dir(folder)
        if committed is not None:
            committed(targets)
        if journal is not None:
            journal.unlink()
    finally:
        if not promised:
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
        aside = _temp_sibling(target.parent, target.name, "old")
        os.replace(target, aside)
        os.replace(source, target)
        discard(aside)
    else:
        os.replace(source, target)


def discard(path: Path) -> None:
    """Remove a temporary file or folder (a staging folder the run will not commit); a link
    is removed, never followed."""
    if path.is_dir() and not path.is_symlink():
        import shutil  # only for a folder left behind: an unchanged run needs none

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


@dataclass(frozen=True)
class Recovery:
    """What `finish_interrupted_commit` found."""

    completed: bool = False  #: renames of an interrupted commit were completed
    run_id: str = ""  #: the run whose commit the journal records
    warning: str = ""  #: why a journal was ignored


def finish_interrupted_commit(folder: Path, journal: Path, names: Collection[str]) -> Recovery:
    """Complete the renames of a run killed half-way through them, and remove the temporary
    files and folders of a run killed before them (staging folders, old folders renamed
    aside). `names` are the report entries a journal may name."""
    recovery = Recovery()
    if journal.exists():
        recovery = _replay(folder, journal, names)
        journal.unlink(missing_ok=True)
    for name in names:
        for leftover in folder.glob(f".{glob_escape(name)}.*.tmp"):
            if _temp_of(name, leftover.name):
                discard(leftover)
    for leftover in folder.glob(f"{glob_escape(STAGING_PREFIX)}*.tmp"):
        if _staging_name(leftover.name):
            discard(leftover)
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
            _install(temp, folder / name)
            completed = True
    _fsync_dir(folder)
    return Recovery(completed, run_id)


def _valid_renames(folder: Path, files: object, names: Collection[str]) -> dict[str, Path] | None:
    """Report name → its temporary entry in `folder`, or None when any entry names something
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
