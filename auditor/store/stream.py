"""Reading the state a batch at a time (edge: SQLite), for reports that never hold every
result: the stored results of a run's articles (`StoredResults`), history.csv's rows
(`StoredHistory`), and look-ups by key that stand in for a dictionary of every article or
finding (`Lookup`). Every query here goes through a primary key or an index — none sorts a
table (SQLite would spill a large sort to a temporary file outside the reports folder).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from auditor.batches import BATCH, batched
from auditor.reports.history import by_run

if TYPE_CHECKING:
    from auditor.records import ArticleResult
    from auditor.store.state import State

#: SQLite's limit on bound parameters is 999 in older builds
_MARKS = 500


class StoredResults:
    """The results of `ids` (in the corpus's order) as the state holds them, read `BATCH` at a
    time; `extra`: results the state does not hold (an article whose file could not be read
    at all has no stored result)."""

    def __init__(
        self,
        state: State,
        ids: Sequence[str],
        extra: Mapping[str, ArticleResult] | None = None,
    ) -> None:
        self.db = state.db
        self._ids = ids
        self.extra = dict(extra or {})

    def ids(self) -> Sequence[str]:
        return self._ids

    def read(self, ids: Iterable[str]) -> Iterator[ArticleResult]:
        """The results of `ids`, in their order; KeyError for an article without one, ValueError
        (or TypeError) for a stored result that does not read back."""
        from auditor.store.serial import result_from_json

        for chunk in batched(ids, BATCH):
            wanted = [i for i in chunk if i not in self.extra]
            stored = dict(_in(self.db, "SELECT article_id, result FROM article_results", wanted))
            for article_id in chunk:
                if article_id in self.extra:
                    yield self.extra[article_id]
                else:
                    yield result_from_json(stored[article_id])

    def content_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = list(ids)
        found = dict(_in(self.db, "SELECT article_id, content_sha256 FROM article_results", wanted))
        found.update({i: r.content_sha256 for i, r in self.extra.items() if i in set(wanted)})
        return found


class StoredHistory:
    """history.csv's rows as the state holds them: the committed ones and those of `run_id`
    (the run the reports are of), in the file's order (by `rowid`)."""

    _WHERE = "(committed = 1 OR run_id = ?)"

    def __init__(self, state: State, run_id: str = "") -> None:
        self.db = state.db
        self.run_id = run_id
        drop_damaged_history(state)

    def rows(self) -> Iterator[Mapping[str, Any]]:
        cursor = self.db.execute(
            f"SELECT row FROM history_rows WHERE {self._WHERE} ORDER BY rowid", (self.run_id,)
        )
        return _read(row for (row,) in cursor)

    def newest_first(self) -> Iterator[Mapping[str, Any]]:
        """Runs by their start, latest first, each run's rows in the file's order: the rows are
        stored a run at a time, so the runs are found as ranges of rowids (a few numbers per
        run, never the rows) and each range read in turn."""
        ranges: list[list[Any]] = []  # [run_at, first rowid, last rowid]
        cursor = self.db.execute(
            f"SELECT rowid, json_extract(row, '$.run_at') FROM history_rows WHERE {self._WHERE} "
            "ORDER BY rowid",
            (self.run_id,),
        )
        for rowid, run_at in cursor:
            run_at = "" if run_at is None else str(run_at)
            if ranges and ranges[-1][0] == run_at:
                ranges[-1][2] = rowid
            else:
                ranges.append([run_at, rowid, rowid])
        ranges.sort(key=lambda item: item[0], reverse=True)  # stable: equal runs keep order
        for _, first, last in ranges:
            cursor = self.db.execute(
                f"SELECT row FROM history_rows WHERE rowid BETWEEN ? AND ? AND {self._WHERE} "
                "ORDER BY rowid",
                (first, last, self.run_id),
            )
            yield from _read(row for (row,) in cursor)

    def of(self, article_id: str) -> list[Mapping[str, Any]]:
        cursor = self.db.execute(
            f"SELECT row FROM history_rows WHERE article_id = ? AND {self._WHERE} ORDER BY rowid",
            (article_id, self.run_id),
        )
        return by_run(_read(row for (row,) in cursor))

    def by_article(self) -> Iterator[list[Mapping[str, Any]]]:
        """One article at a time, through the index on the article (no sort)."""
        cursor = self.db.execute(
            "SELECT article_id, row FROM history_rows INDEXED BY history_rows_article "
            f"WHERE {self._WHERE} ORDER BY article_id, rowid",
            (self.run_id,),
        )
        current: Any = None
        rows: list[Mapping[str, Any]] = []
        for article_id, text in cursor:
            row = _history_row(text)
            if row is None:
                continue
            if article_id != current and rows:
                yield by_run(rows)
                rows = []
            current = article_id
            rows.append(row)
        if rows:
            yield by_run(rows)


def _read(texts: Iterable[object]) -> Iterator[dict[str, Any]]:
    """History rows as stored, those that read back (`drop_damaged_history` removed the
    others when the reader was made)."""
    for text in texts:
        row = _history_row(text)
        if row is not None:
            yield row


def _history_row(text: object) -> dict[str, Any] | None:
    from auditor.store.state import _history_row as read

    return read(text)


def drop_damaged_history(state: State) -> None:
    """Remove the history rows that do not read back (one pass, a row at a time), with a note
    in `state.repairs`, as `State.history` does."""
    damaged = [
        rowid
        for rowid, text in state.db.execute("SELECT rowid, row FROM history_rows")
        if _history_row(text) is None
    ]
    if damaged:
        from auditor.store.state import _transaction

        with _transaction(state.db):
            state.db.executemany(
                "DELETE FROM history_rows WHERE rowid = ?", [(r,) for r in damaged]
            )
        state.repairs.append(
            f"{len(damaged)} history row(s) in the state did not read back and were dropped "
            f"(history.csv lacks them)"
        )


def last_history(state: State, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Each article's last committed history row (those that have one), through the index on
    the article."""
    last: dict[str, tuple[int, str]] = {}
    for article_id, rowid, row in _in(
        state.db,
        "SELECT article_id, rowid, row FROM history_rows",
        article_ids,
        "committed = 1",
    ):
        if article_id not in last or rowid > last[article_id][0]:
            last[article_id] = (rowid, row)
    found = {article_id: _history_row(row) for article_id, (_, row) in last.items()}
    return {article_id: row for article_id, row in found.items() if row is not None}


def stage_history(state: State, run_id: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Some of the history rows of the run `run_id`: they count once its reports are committed
    (`State.commit_run`) — one transaction."""
    from auditor.store.state import _transaction

    with _transaction(state.db):
        state.db.executemany(
            "INSERT INTO history_rows (article_id, row, run_id, committed) VALUES (?, ?, ?, 0)",
            [(row["article_id"], json.dumps(row, ensure_ascii=False), run_id) for row in rows],
        )


class Lookup(Mapping[str, str]):
    """A dictionary of one column by its key, read from the state one key at a time (through
    the table's primary key or index): what stands in for a dictionary of every finding or
    article. `query` selects the value for one `?`; `keys_query`, when iterating is wanted,
    every key."""

    def __init__(
        self,
        db: sqlite3.Connection,
        query: str,
        keys_query: str = "",
        check: Callable[[object], str] = str,
    ) -> None:
        self.db, self.query, self.keys_query, self.check = db, query, keys_query, check

    def __getitem__(self, key: str) -> str:
        row = self.db.execute(self.query, (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return self.check(row[0])

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.db.execute(self.query, (key,)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        return (str(row[0]) for row in self.db.execute(self.keys_query))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _in(
    db: sqlite3.Connection, select: str, keys: Sequence[str], where: str = ""
) -> Iterator[tuple[Any, ...]]:
    """`select` (whose first column is the table's key) for `keys`, `_MARKS` at a time;
    `where`: a condition more."""
    key = select.split()[1].rstrip(",")
    also = f" AND {where}" if where else ""
    for start in range(0, len(keys), _MARKS):
        chunk = list(keys[start : start + _MARKS])
        marks = ",".join("?" * len(chunk))
        yield from db.execute(f"{select} WHERE {key} IN ({marks}){also}", chunk)
