"""One audit at a time per reports folder (edge).

An OS file lock (filelock: `fcntl.flock` on Unix, `msvcrt.locking` on Windows): the OS
releases it when its process dies, so a lock left by a killed run is never stale — the next run
simply takes it. Who holds the lock is written beside it so that a refused run can say which
process to wait for.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = "audit.lock"
HOLDER_FILE = "audit.lock.json"


class LockHeld(Exception):
    """Another audit holds the lock; the message names its process and start time."""


def _set_aside_non_files(state_dir: Path) -> None:
    """The lock and its holder file are regular files: anything else under their names (a
    folder) is damage that would refuse every run, and is moved aside."""
    for name in (LOCK_FILE, HOLDER_FILE):
        path = state_dir / name
        if path.exists() and not path.is_file():
            aside = path.with_name(f"{name}.unreadable-{time.strftime('%Y%m%dT%H%M%S')}")
            with contextlib.suppress(FileNotFoundError):  # another run moved it first
                path.replace(aside)


def _holder(folder: Path) -> str:
    try:
        info = json.loads((folder / HOLDER_FILE).read_text(encoding="utf-8"))
        return f"pid {info['pid']} on {info['host']}, started {info['started_at']}"
    except (OSError, ValueError, KeyError):
        return "another process; its details are not recorded"


def _write_holder(state_dir: Path) -> None:
    info = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    (state_dir / HOLDER_FILE).write_text(json.dumps(info), encoding="utf-8")


@contextmanager
def audit_lock(state_dir: Path, wait: float) -> Iterator[None]:
    """Hold the audit lock of `state_dir`, waiting up to `wait` seconds for another run."""
    from filelock import FileLock, Timeout

    from auditor.store.state import refuse_links

    refuse_links(state_dir)  # the lock file and its holder are never written through a link
    state_dir.mkdir(parents=True, exist_ok=True)
    _set_aside_non_files(state_dir)
    lock = FileLock(state_dir / LOCK_FILE, timeout=max(wait, 0.0), thread_local=False)
    try:
        lock.acquire()
    except Timeout as exc:
        raise LockHeld(
            f"another audit is running on {state_dir.parent} ({_holder(state_dir)}); "
            f"wait for it, or pass --wait SECONDS"
        ) from exc
    try:
        _write_holder(state_dir)
        yield
    finally:
        (state_dir / HOLDER_FILE).unlink(missing_ok=True)
        lock.release()
