"""What the tables appended in place are projections of (edge: SQLite): the committed rows of
history.csv and of runs.csv after a given row, and how far each file goes (its `Mark`, kept in
the state's meta table). See `auditor.reports.appended`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from auditor.reports.appended import Mark
from auditor.store.decisions import _counts
from auditor.store.state import State, _transaction

#: the meta key of the marks: {file name: [last row, size, tail hash]}
MARKS = "appended_marks"


def marks(state: State) -> dict[str, Mark]:
    value = state.get_meta(MARKS)
    try:
        stored = json.loads(value) if value else {}
    except ValueError:
        return {}
    if not isinstance(stored, dict):
        return {}
    found = {name: Mark.of(mark) for name, mark in stored.items()}
    return {name: mark for name, mark in found.items() if mark is not None}


def record(state: State, name: str, mark: Mark, signature: str) -> None:
    """The file `name` goes as far as `mark` and has the signature `signature` (what the next
    run compares to know that the reports are intact) — one transaction."""
    with _transaction(state.db):
        row = state.db.execute("SELECT value FROM meta WHERE key = ?", (MARKS,)).fetchone()
        try:
            stored = json.loads(row[0]) if row else {}
        except ValueError:
            stored = {}
        stored = stored if isinstance(stored, dict) else {}
        stored[name] = mark.as_list()
        state.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (MARKS, json.dumps(stored)))
        state.db.execute("INSERT OR REPLACE INTO report_files VALUES (?, ?)", (name, signature))


def commit_replay(state: State, run_id: str) -> None:
    """An unchanged run has nothing to rename: its history rows and its row of runs.csv count
    now — one transaction (the run's findings' counts are in `run_findings`, which
    `auditor.store.decisions` creates)."""
    with _transaction(state.db):
        state.db.execute(
            "UPDATE history_rows SET committed = 1 WHERE run_id = ? AND committed = 0", (run_id,)
        )
        state.db.execute("UPDATE run_findings SET committed = 1 WHERE run_id = ?", (run_id,))


def history_after(state: State, last: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """The committed rows of history.csv after row `last`, in the order they were stored."""
    from auditor.store.state import _history_row

    cursor = state.db.execute(
        "SELECT rowid, row FROM history_rows WHERE rowid > ? AND committed = 1 ORDER BY rowid",
        (last,),
    )
    for rowid, text in cursor:
        row = _history_row(text)
        if row is not None:  # one that does not read back is left out (`State.history`)
            yield rowid, row


def runs_after(state: State, last: int) -> Iterator[tuple[int, dict[str, Any]]]:
    """The committed runs after row `last` (runs.csv's rows, with their findings' counts; none
    for a run of an auditor before them), in the order they started."""
    cursor = state.db.execute(
        "SELECT r.rowid, r.run_id, r.started_at, r.audited, r.unchanged, r.errors, r.removed, "
        "f.counts FROM runs r LEFT JOIN run_findings f ON f.run_id = r.run_id "
        "WHERE r.rowid > ? AND r.finished_at IS NOT NULL AND (f.run_id IS NULL OR "
        "f.committed = 1) ORDER BY r.rowid",
        (last,),
    )
    for rowid, run_id, run_at, audited, unchanged, errors, removed, counts in cursor:
        row: dict[str, Any] = {
            "run_id": run_id,
            "run_at": run_at,
            "audited": audited,
            "unchanged": unchanged,
            "errors": errors,
            "removed": removed,
        }
        row.update(_counts(counts) if counts else {})
        yield rowid, row
