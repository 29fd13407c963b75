"""One schema: the state's tables are declared once, as the migrations that make them, and the
version is SQLite's own `PRAGMA user_version`."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from auditor.store import state as state_module
from auditor.store.decisions import TO_RESTORE, Decisions
from auditor.store.state import SCHEMA_VERSION, State, _declared_schema, _run_script

PACKAGE = Path(state_module.__file__).parents[1]


def _tables(db: sqlite3.Connection) -> dict[str, set[str]]:
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {t: {r[1] for r in db.execute(f"PRAGMA table_info({t})")} for t in names}


def _version_5_state(path: Path) -> None:
    """A state as the auditor before the one schema left it: migrations 1-5, the version in a
    table of its own, one finished run."""
    db = sqlite3.connect(path)
    for version in range(1, 6):
        _run_script(db, version)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.execute("INSERT INTO schema_version VALUES (5)")
    db.execute("INSERT INTO runs VALUES ('r1', '2026-01-01T00:00:00Z', NULL, 1, 0, 0, 0)")
    db.commit()
    db.close()


def test_a_new_state_is_at_the_current_version_with_every_declared_table(tmp_path: Path) -> None:
    state = State(tmp_path / "state.sqlite")
    try:
        assert state.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = _tables(state.db)
        assert "schema_version" not in tables
        assert {t: set(c) for t, c in _declared_schema().items()} == tables
        assert {"decisions", "findings", "run_findings", "runs", "history_rows"} <= set(tables)
        assert Decisions(state.db).created  # a new state takes decisions.csv back once
    finally:
        state.close()


def test_an_older_state_is_migrated_in_place_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    _version_5_state(path)
    state = State(path)
    try:
        assert state.rebuilt_from is None
        assert state.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
        assert state.db.execute("SELECT run_id FROM runs").fetchall() == [("r1",)]
        assert "schema_version" not in _tables(state.db)
        desk = Decisions(state.db)
        assert desk.created and desk.decisions() == {}
        desk.restored()
        assert not Decisions(state.db).created
        flag = state.db.execute("SELECT 1 FROM meta WHERE key = ?", (TO_RESTORE,)).fetchone()
        assert flag is None
    finally:
        state.close()
    reopened = State(path)  # the migration ran once: nothing to restore on the next opening
    try:
        assert not Decisions(reopened.db).created
    finally:
        reopened.close()


@pytest.mark.parametrize("version", [0, SCHEMA_VERSION + 1])
def test_the_version_is_what_decides(tmp_path: Path, version: int) -> None:
    """Tables without a version are damage (rebuilt); a newer version is left alone."""
    path = tmp_path / "state.sqlite"
    State(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {version}")
    if version:
        with pytest.raises(state_module.StateError, match="newer auditor"):
            State(path)
        return
    state = State(path)
    try:
        assert state.rebuilt_from is not None
        assert state.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        state.close()


def test_a_table_is_declared_in_the_migrations_only() -> None:
    """No module makes a table of its own beside the migrations (a second schema)."""
    makers = [
        f"{path.relative_to(PACKAGE)}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "state.py"
        and re.search(r"CREATE\s+(TABLE|INDEX)", path.read_text(encoding="utf-8"), re.I)
    ]
    assert makers == []
