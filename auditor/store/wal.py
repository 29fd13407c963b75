"""The state's write-ahead log (edge): checkpoints that a full disk cannot leave half-done, so
that a run that fails for want of space can drop its log and leave the folder usable.

SQLite checkpoints by copying pages from the WAL into the database file; on a full disk that
copy can stop half-way, and the file is then consistent only together with the WAL — which
keeps the disk full. So the state checkpoints itself (`PRAGMA wal_autocheckpoint=0`), always
first growing the database file to its final size: when that fails, no page was copied, and
the file is still the last checkpoint's. A run that then fails closes the state without
SQLite's checkpoint-on-close and deletes the WAL (`close`): the state is as it was at the last
checkpoint, as if the run had been killed there — a cache that the next run completes.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

#: WAL size past which the state checkpoints after a commit (SQLite's own default, 1000 pages)
CHECKPOINT_BYTES = 4_096_000
_SUFFIXES = ("-wal", "-shm")


class StateConnection(sqlite3.Connection):
    """A connection to the state that knows its file and whether its checkpoints left the
    file consistent without the WAL."""

    path: Path
    #: False once SQLite itself failed during a checkpoint (pages may be half-copied: the
    #: WAL must then be kept)
    file_consistent: bool = True


def connect(path: Path) -> StateConnection:
    db = sqlite3.connect(path, timeout=30, isolation_level=None, factory=StateConnection)
    db.path = path
    return db


def wal_size(db: StateConnection) -> int:
    try:
        return os.stat(f"{db.path}-wal").st_size
    except OSError:
        return 0


def after_commit(db: sqlite3.Connection) -> None:
    """Checkpoint when the WAL has grown past `CHECKPOINT_BYTES`."""
    if isinstance(db, StateConnection) and wal_size(db) > CHECKPOINT_BYTES:
        checkpoint(db)


def checkpoint(db: StateConnection) -> None:
    """Copy the WAL into the database file and truncate it, all or nothing: raises OSError
    (ENOSPC) before any page is copied when the disk cannot hold the grown file."""
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    _grow(db.path, page_size * pages)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error:
        db.file_consistent = False
        raise


def _grow(path: Path, size: int) -> None:
    """Allocate `path` up to `size` bytes (blocks on disk, not a sparse hole)."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    try:
        current = os.fstat(fd).st_size
        if current >= size:
            return
        allocate = getattr(os, "posix_fallocate", None)
        if allocate is not None:
            allocate(fd, current, size - current)
        else:  # macOS: write the zeros
            os.lseek(fd, current, os.SEEK_SET)
            os.write(fd, bytes(size - current))
    finally:
        os.close(fd)


def close(db: StateConnection) -> None:
    """Close the state: checkpointed, its WAL gone. When the checkpoint cannot be made (a
    full disk), the WAL is dropped instead — the database file holds the last checkpoint —
    unless a checkpoint of SQLite's own failed half-way, when only the WAL completes it."""
    try:
        checkpoint(db)
    except (OSError, sqlite3.Error):
        if db.file_consistent:
            _close_dropping_wal(db)
            return
    db.close()


def _close_dropping_wal(db: StateConnection) -> None:
    # a read-only connection kept open while the state's closes makes SQLite skip its
    # checkpoint-on-close (which would copy pages onto the full disk), and does not
    # checkpoint when it closes itself
    from urllib.parse import quote

    reader: sqlite3.Connection | None = None
    try:
        reader = sqlite3.connect(f"file:{quote(str(db.path.absolute()))}?mode=ro", uri=True)
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        if reader is not None:
            reader.close()
        db.close()  # cannot hold the file open: SQLite decides
        return
    db.close()
    reader.close()
    for suffix in _SUFFIXES:
        Path(f"{db.path}{suffix}").unlink(missing_ok=True)
