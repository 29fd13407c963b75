"""Where an audit reads and writes (edge): the corpus is only read, the reports folder is the
only place written, and the two never overlap.

A reports folder equal to the corpus, inside its `official/` or `articles/` folder, or holding
the corpus would make the audit overwrite a source, audit its own reports, or read a report as
an official text: refused before anything is written. A folder is the auditor's once it holds
the marker file; a folder without it is written only when it holds none of the files an audit
would replace, so no file the auditor did not write is ever overwritten.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from auditor.store.state import STATE_DIR, STATE_FILE, StateError, refuse_links

OFFICIAL_DIR = "official"
ARTICLES_DIR = "articles"
#: the file that says a folder holds auditor reports (outside `.auditor/`, which a user may
#: delete to start afresh)
MARKER_FILE = ".auditor-reports"
MARKER_TEXT = (
    "This folder holds the reports of auditor (audit.xlsx, html/, summary.csv, segments.csv,\n"
    "fragments.csv, history.csv, README.md and .auditor/). auditor replaces those files on\n"
    "every run.\n"
)


class FolderError(Exception):
    """The corpus or reports folder cannot be used; `usage` when the command line is at fault."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def corpus_folders(corpus: Path) -> tuple[Path, ...]:
    """The corpus and its two source folders, links resolved: a source file (or the target of
    a link among them) must lie inside one of these."""
    return tuple(
        dict.fromkeys(_real(p) for p in (corpus, corpus / OFFICIAL_DIR, corpus / ARTICLES_DIR))
    )


def check_folders(corpus: Path, reports: Path) -> None:
    """Refuse a reports folder that overlaps the corpus's sources (usage error, exit 2)."""
    if reports.exists() and not reports.is_dir():
        raise FolderError(f"the reports path is a file, not a folder: {reports}")
    out = _real(reports)
    root = _real(corpus)
    sources = [_real(corpus / OFFICIAL_DIR), _real(corpus / ARTICLES_DIR)]
    if out == root:
        raise _overlap(reports, corpus, "is the corpus folder itself")
    for source in sources:
        if out == source or out.is_relative_to(source):
            raise _overlap(reports, source, "is inside the corpus's source folder")
    for source in (root, *sources):
        if source.is_relative_to(out):
            raise _overlap(reports, source, "contains the corpus")
    check_state_folder(reports)


def check_state_folder(reports: Path) -> None:
    """Refuse a state folder that is a file or a link, or that holds links
    (`auditor.store.state.refuse_links`, which every opening of the state also calls)."""
    try:
        refuse_links(reports / STATE_DIR)
    except StateError as exc:
        raise FolderError(str(exc)) from exc


def _overlap(reports: Path, source: Path, why: str) -> FolderError:
    return FolderError(
        f"--reports {reports} {why} ({source}): the reports would overwrite or be read as "
        f"sources; choose a folder outside official/ and articles/, e.g. --reports reports",
        usage=True,
    )


def check_ownership(reports: Path, replaced: Iterable[str]) -> None:
    """Refuse a folder that is not the auditor's and holds a file an audit would replace."""
    if not reports.is_dir() or (reports / MARKER_FILE).is_file():
        return
    if (reports / STATE_DIR / STATE_FILE).is_file():
        return  # written by an auditor from before the marker
    foreign = sorted(name for name in replaced if (reports / name).exists())
    if foreign:
        raise FolderError(
            f"{reports} is not an auditor reports folder (no {MARKER_FILE} file) and holds "
            f"{', '.join(foreign)}, which the audit would overwrite; choose another --reports "
            f"folder (or add the {MARKER_FILE} file if these are auditor's reports)",
            usage=True,
        )


def claim(reports: Path) -> None:
    """Mark `reports` as the auditor's (after `check_ownership`, holding the lock)."""
    marker = reports / MARKER_FILE
    if marker.is_file():
        return
    try:  # never through a link planted under that name
        # a data file: readable and writable as the umask allows, never executable
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(marker, flags, 0o666)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(MARKER_TEXT)


def watched_files(corpus: Path, reports: Path) -> list[Path]:
    """The entries an audit reads (official/, articles/ and articles.csv), never the reports
    folder."""
    from auditor.stages.metadata import ARTICLES_CSV

    out = _real(reports)
    entries: list[Path] = []
    metadata = corpus / ARTICLES_CSV
    if metadata.exists() and not _real(metadata).is_relative_to(out):
        entries.append(metadata)
    for name in (OFFICIAL_DIR, ARTICLES_DIR):
        folder = corpus / name
        try:
            children = sorted(folder.iterdir())
        except OSError:
            continue
        entries.extend(p for p in children if not _real(p).is_relative_to(out))
    return entries
