"""Run inside a private mount namespace on a small tmpfs (tests/test_full_disk.py): audits a
corpus into a reports folder on it, fills the disk, and prints what each step left as JSON.

usage: python -m tests.full_disk_probe MOUNTED_FOLDER CORPUS MODELS_DIR
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

from auditor.run.pipeline import AuditError, audit_corpus
from auditor.store.state import STATE_DIR, STATE_FILE

#: bytes left free on the disk for the run that cannot fit
LEFT_FREE = 160 * 1024


def _used(folder: Path) -> int:
    info = os.statvfs(folder)
    return (info.f_blocks - info.f_bfree) * info.f_frsize


def _free(folder: Path) -> int:
    info = os.statvfs(folder)
    return info.f_bavail * info.f_frsize


def _step(corpus: Path, reports: Path, models: Path, **options: object) -> dict[str, object]:
    try:
        audit_corpus(corpus, reports, models_dir=models, **options)  # type: ignore[arg-type]
        outcome = "ok"
    except AuditError as exc:
        outcome = f"AuditError: {exc}"
    state = reports / STATE_DIR / STATE_FILE
    left = sorted(p.name for p in (reports / STATE_DIR).iterdir())  # before reading it here
    used = _used(reports)
    db = sqlite3.connect(f"file:{state}?mode=ro", uri=True)
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()
    return {
        "outcome": outcome,
        "state_files": left,
        "used": used,
        "integrity": integrity,
    }


def main(disk: Path, corpus: Path, models: Path) -> None:
    reports = disk / "reports"
    filler = disk / "filler"
    with open(filler, "wb") as handle:  # a disk all but full before the first audit
        handle.write(bytes(max(0, _free(disk) - LEFT_FREE)))
    steps: dict[str, dict[str, object]] = {"before_full": {"used": _used(disk)}}
    steps["full"] = _step(corpus, reports, models)
    filler.unlink()  # room made, as much as the failed run had before it started, and more
    steps["next"] = _step(corpus, reports, models)
    print(json.dumps(steps))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
