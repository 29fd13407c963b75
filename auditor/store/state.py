"""State (edge): SQLite cache of per-article results and translations, runs and history.

The state is a cache plus history: deleting it loses history only, never correctness. A file
that is not our database (corrupt, foreign, truncated, a table missing) is moved aside and
rebuilt; a database written by a newer auditor is left alone with a clear error. SQLite errors
that say the machine is at fault (disk full, read-only, I/O) are not the state's: they end the
run with a message and leave the file as it is (`environment_fault`).

History rows are written with the run's end (`finish_run`) but count only once the report files
they describe are committed (`commit_run`): a run killed before that leaves none behind.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.store import wal

if TYPE_CHECKING:  # the unchanged run opens the state without reading a result
    from auditor.records import ArticleResult

SCHEMA_VERSION = 8
STATE_DIR = ".auditor"
STATE_FILE = "state.sqlite"
#: the files SQLite keeps beside the database (it creates them beside the file it opens, the
#: target of a link included)
SQLITE_FILES = tuple(STATE_FILE + suffix for suffix in ("", "-wal", "-shm", "-journal"))

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE runs (
        run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT,
        audited INTEGER, unchanged INTEGER, errors INTEGER, removed INTEGER
    );
    CREATE TABLE article_results (
        article_id TEXT PRIMARY KEY, cache_key TEXT NOT NULL, content_sha256 TEXT NOT NULL,
        result TEXT NOT NULL, run_id TEXT NOT NULL
    );
    CREATE TABLE translations (
        source_sha256 TEXT NOT NULL, model_id TEXT NOT NULL, text_en TEXT NOT NULL,
        PRIMARY KEY (source_sha256, model_id)
    );
    CREATE TABLE history (
        run_id TEXT NOT NULL, run_at TEXT NOT NULL, article_id TEXT NOT NULL, status TEXT,
        bleu REAL, chrf REAL, ter REAL, official_coverage REAL, backtranslation_score REAL
    );
    CREATE INDEX history_article ON history (article_id);
    """,
    # 2: what an unchanged re-audit needs without reading any stored result: each article's
    # digest (status, scores, counts), the fingerprint of the last committed reports and the
    # hashes of their files
    2: """
    ALTER TABLE article_results ADD COLUMN digest TEXT;
    CREATE TABLE report_files (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 3: a history row is stored as the JSON of its columns, so the columns are declared once
    # (auditor.reports.summary) and a new one needs no migration
    3: """
    CREATE TABLE history_rows (article_id TEXT NOT NULL, row TEXT NOT NULL);
    INSERT INTO history_rows SELECT article_id, json_object('run_id', run_id, 'run_at', run_at,
        'article_id', article_id, 'status', status, 'bleu', bleu, 'chrf', chrf, 'ter', ter,
        'official_coverage', official_coverage, 'backtranslation_score', backtranslation_score)
        FROM history ORDER BY rowid;
    DROP TABLE history;
    CREATE INDEX history_rows_article ON history_rows (article_id);
    """,
    # 4: a history row counts once the reports of its run are committed (a killed run's rows
    # are dropped by the next run)
    4: """
    ALTER TABLE history_rows ADD COLUMN run_id TEXT;
    ALTER TABLE history_rows ADD COLUMN committed INTEGER NOT NULL DEFAULT 1;
    UPDATE history_rows SET run_id = json_extract(row, '$.run_id');
    CREATE INDEX history_rows_pending ON history_rows (run_id) WHERE committed = 0;
    """,
    # 5: when each article was first seen, and the wording groups of quotes.csv, kept
    # incrementally: each article's contribution (a member row per group) can be removed or
    # replaced, and a group's counts follow by deltas (auditor.store.wordings)
    5: """
    CREATE TABLE article_seen (article_id TEXT PRIMARY KEY, first_seen TEXT NOT NULL);
    CREATE TABLE wording_articles (article_id TEXT PRIMARY KEY, signature TEXT NOT NULL);
    CREATE TABLE wording_groups (
        group_key TEXT PRIMARY KEY, official_id TEXT NOT NULL, official_line INTEGER,
        official_text TEXT NOT NULL, kind TEXT NOT NULL, category TEXT NOT NULL,
        critical_edits TEXT NOT NULL, notable_changes TEXT NOT NULL,
        articles INTEGER NOT NULL, outlets INTEGER NOT NULL, spellings INTEGER NOT NULL
    );
    CREATE TABLE wording_members (
        group_key TEXT NOT NULL, article_id TEXT NOT NULL, outlet TEXT NOT NULL,
        seen TEXT NOT NULL, seen_from TEXT NOT NULL, wording TEXT NOT NULL,
        segments INTEGER NOT NULL, PRIMARY KEY (group_key, article_id)
    );
    CREATE INDEX wording_members_article ON wording_members (article_id);
    CREATE TABLE wording_tallies (
        group_key TEXT NOT NULL, what TEXT NOT NULL, value TEXT NOT NULL,
        articles INTEGER NOT NULL, PRIMARY KEY (group_key, what, value)
    );
    """,
    # 6: the review desk (auditor.store.decisions): a reviewer's decisions on finding ids, the
    # findings of the last committed reports, each run's counts; the schema version moves to
    # SQLite's own `PRAGMA user_version` (set by `_migrate`, never stored in a table), and a
    # state that had no decisions table yet takes its decisions back from decisions.csv
    6: """
    CREATE TABLE IF NOT EXISTS decisions (
        finding_id TEXT PRIMARY KEY, article_id TEXT NOT NULL, decision TEXT NOT NULL,
        note TEXT NOT NULL, reviewer TEXT NOT NULL, decided_at TEXT NOT NULL,
        content_sha256 TEXT NOT NULL, finding TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS findings (
        finding_id TEXT PRIMARY KEY, article_id TEXT NOT NULL, content_sha256 TEXT NOT NULL,
        first_seen TEXT NOT NULL, finding TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS run_findings (
        run_id TEXT PRIMARY KEY, counts TEXT NOT NULL, committed INTEGER NOT NULL DEFAULT 0
    );
    INSERT OR REPLACE INTO meta VALUES ('decisions_to_restore', '1');
    DROP TABLE IF EXISTS schema_version;
    """,
    # 7: reports streamed from the state (auditor.store.stream): the findings of the run being
    # written, staged a batch of articles at a time until its reports are committed
    7: """
    CREATE TABLE IF NOT EXISTS findings_staged (
        finding_id TEXT NOT NULL, article_id TEXT NOT NULL, content_sha256 TEXT NOT NULL,
        first_seen TEXT, finding TEXT NOT NULL, run_id TEXT NOT NULL
    );
    """,
    # 8: the pickled official index of the last run that built one (auditor.run.official_index)
    8: """
    CREATE TABLE IF NOT EXISTS official_index (key TEXT PRIMARY KEY, data BLOB NOT NULL);
    """,
}


def _declared_schema() -> dict[str, frozenset[str]]:
    """The tables and columns the migrations make, read from a database they are run on in
    memory: the schema is declared once, as its migrations."""
    db = sqlite3.connect(":memory:")
    try:
        for version in range(1, SCHEMA_VERSION + 1):
            _run_script(db, version)
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            table: frozenset(row[1] for row in db.execute(f"PRAGMA table_info({table})"))
            for table in tables
        }
    finally:
        db.close()


#: the tables and columns this auditor reads and writes, checked when the state is opened
#: (filled on first use from the migrations: `_declared_schema`)
SCHEMA: dict[str, frozenset[str]] = {}

#: SQLite result codes that name a fault of the machine, not of the state file
_ENVIRONMENT_CODES = (
    "SQLITE_FULL",
    "SQLITE_IOERR",
    "SQLITE_CANTOPEN",
    "SQLITE_READONLY",
    "SQLITE_BUSY",
    "SQLITE_LOCKED",
    "SQLITE_PERM",
    "SQLITE_NOMEM",
    "SQLITE_INTERRUPT",
)


class StateError(Exception):
    """The state cannot be used and must not be replaced automatically."""


class DamagedState(sqlite3.DatabaseError):
    """A value in the state does not read back as this auditor wrote it: like a damaged
    page, the state is moved aside and rebuilt (`set_aside`)."""


class DamagedRow(ValueError):
    """One article's stored result does not read back: that article is audited again."""


def state_path(reports: Path) -> Path:
    return reports / STATE_DIR / STATE_FILE


def refuse_links(state_dir: Path) -> None:
    """Raise `StateError` when the state folder is a link or not a folder, or holds a link
    (SQLite's files, the lock, anything): nothing may be written through one, and SQLite
    writes `-wal` and `-shm` beside whatever the database path leads to. Every way of
    opening the state, and the audit lock, calls this before touching the folder."""
    if state_dir.is_symlink() or (state_dir.exists() and not state_dir.is_dir()):
        raise StateError(
            f"{state_dir} is a file or a link, not auditor's state folder: move it away or "
            f"choose another --reports folder"
        )
    if not state_dir.is_dir():
        return
    links = sorted(entry.name for entry in state_dir.iterdir() if entry.is_symlink())
    if links:
        raise StateError(
            f"{state_dir} holds links ({', '.join(links)}): auditor writes only its own "
            f"regular files there, never through a link; remove them"
        )


def environment_fault(exc: sqlite3.Error) -> bool:
    """Whether an SQLite error is the machine's (disk full, read-only, I/O, locked) rather
    than a state file that is damaged or not ours."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name:
        return name.startswith(_ENVIRONMENT_CODES)
    message = str(exc).lower()
    return any(
        words in message
        for words in ("disk is full", "readonly", "unable to open", "disk i/o", "locked")
    )


def set_aside(path: Path) -> Path:
    """Move a state file that cannot be used (and its WAL files) aside; returns its new name."""
    aside = path.with_name(f"{path.name}.unreadable-{time.strftime('%Y%m%dT%H%M%S')}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(str(path) + suffix)
        if part.exists():
            part.replace(Path(str(aside) + suffix))
    return aside


class State:
    """Open (and if needed create or rebuild) the state database of a reports folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rebuilt_from: Path | None = None
        #: what was repaired while reading (a damaged row dropped), for the run's notes
        self.repairs: list[str] = []
        refuse_links(path.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        if any(_not_a_file(Path(str(path) + suffix)) for suffix in ("", "-wal", "-shm")):
            self.rebuilt_from = set_aside(path)  # a folder where SQLite keeps a file
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            if environment_fault(exc):
                raise
            self.rebuilt_from = set_aside(path)
            self.db = self._open()

    def _open(self) -> wal.StateConnection:
        db = wal.connect(self.path)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA wal_autocheckpoint=0")  # the state's own: `auditor.store.wal`
            self._migrate(db)
            _check_schema(db)
            if wal.wal_size(db):
                wal.checkpoint(db)  # what a killed run left, before this run adds to it
        except BaseException:
            wal.close(db)
            raise
        return db

    def _migrate(self, db: sqlite3.Connection) -> None:
        """Bring the state to SCHEMA_VERSION, one migration at a time, each in a transaction
        with the version it reaches (`PRAGMA user_version`, SQLite's own slot for it)."""
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if "schema_version" in tables:  # written before version 6 kept it in a table
            rows = db.execute("SELECT version FROM schema_version").fetchall()
            version = rows[0][0] if rows else 0
            if len(rows) > 1 or not isinstance(version, int) or not 0 <= version < 6:
                raise DamagedState("the state's schema version does not read back")
        if tables - {"schema_version"} and version == 0:
            if "runs" in tables or "schema_version" in tables:
                raise DamagedState("the state's schema version is missing")
            raise sqlite3.DatabaseError("not an auditor state database")
        if version > SCHEMA_VERSION:
            raise StateError(
                f"{self.path} was written by a newer auditor (state schema {version}, this "
                f"auditor knows {SCHEMA_VERSION}); upgrade auditor or use another --reports folder"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with _transaction(db):
                _run_script(db, target)
                db.execute(f"PRAGMA user_version = {int(target)}")

    def close(self) -> None:
        """Checkpoint and close; on a full disk, drop the WAL instead (`auditor.store.wal`):
        the folder is left as usable as before the run."""
        wal.close(self.db)

    # ---------------------------------------------------------------- results

    def cache_keys(self) -> dict[str, str]:
        """Article id → the key its stored result was computed under (no result is read)."""
        return {
            article_id: key
            for article_id, key in self.db.execute(
                "SELECT article_id, cache_key FROM article_results"
            )
            if isinstance(article_id, str)
        }

    def result(self, article_id: str) -> ArticleResult:
        """The stored result of `article_id`; `DamagedRow` when it does not read back."""
        return self.stored_result(article_id)[1]

    def stored_result(self, article_id: str) -> tuple[str, ArticleResult]:
        """The stored result of `article_id`, as stored (`auditor.store.serial`'s JSON) and
        read back; `DamagedRow` when it does not read back."""
        from auditor.store.serial import result_from_json

        row = self.db.execute(
            "SELECT result FROM article_results WHERE article_id = ?", (article_id,)
        ).fetchone()
        try:
            return row[0], result_from_json(row[0])
        except Exception as exc:  # whatever the stored text is, it is not our result
            raise DamagedRow(f"{type(exc).__name__}: {exc}") from exc

    def digests(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The stored summary (JSON) of each article, without reading its result."""
        wanted = set(article_ids)
        return {
            article_id: digest
            for article_id, digest in self.db.execute(
                "SELECT article_id, digest FROM article_results WHERE digest IS NOT NULL"
            )
            if article_id in wanted
        }

    def article_ids(self) -> set[str]:
        """The articles with a stored result; a row whose id is not text does not read back:
        it is removed, with a note (its article, if any, is audited again)."""
        ids = [row[0] for row in self.db.execute("SELECT article_id FROM article_results")]
        damaged = [a for a in ids if not isinstance(a, str)]
        if damaged:
            with _transaction(self.db):
                self.db.execute("DELETE FROM article_results WHERE typeof(article_id) != 'text'")
                self.db.execute("DELETE FROM meta WHERE key = 'reports_key'")
            self.repairs.append(
                f"{len(damaged)} stored result(s) without an article name did not read back "
                f"and were removed"
            )
        return {a for a in ids if isinstance(a, str)}

    def save_result(
        self,
        article_id: str,
        content_sha256: str,
        result: str,
        digest: str,
        *,
        cache_key: str,
        run_id: str,
    ) -> None:
        """One article's result as stored (`auditor.store.serial`'s JSON) and its summary
        (JSON); one transaction per article: a killed run keeps every article it finished."""
        with _transaction(self.db):
            self.db.execute(
                "INSERT OR REPLACE INTO article_results (article_id, cache_key, content_sha256, "
                "result, run_id, digest) VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, cache_key, content_sha256, result, run_id, digest),
            )

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Store `value` under `key` (None: remove it)."""
        with _transaction(self.db):
            if value is None:
                self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # ---------------------------------------------------------------- the official index

    def official_index(self, key: str) -> bytes | None:
        """The official index kept under `key` (`auditor.run.official_index`), or None."""
        row = self.db.execute("SELECT data FROM official_index WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def save_official_index(self, key: str, data: bytes) -> None:
        """Keep `data` as this state's one official index, under `key`."""
        with _transaction(self.db):
            self.db.execute("DELETE FROM official_index")
            self.db.execute("INSERT INTO official_index VALUES (?, ?)", (key, data))

    def report_hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT name, sha256 FROM report_files"))

    def first_seen(self, article_ids: Iterable[str], now: str) -> dict[str, str]:
        """When the auditor first saw each article: recorded as `now` the first time, kept
        across runs (also when the article is later removed and comes back)."""
        ids = list(article_ids)
        with _transaction(self.db):
            self.db.executemany(
                "INSERT OR IGNORE INTO article_seen VALUES (?, ?)", [(a, now) for a in ids]
            )
        wanted = set(ids)
        return {
            article_id: seen
            for article_id, seen in self.db.execute(
                "SELECT article_id, first_seen FROM article_seen"
            )
            if article_id in wanted
        }

    def drop_results(self, article_ids: Iterable[str]) -> None:
        """Remove stored results that do not read back: the reports no longer say what the
        state holds, so they are no longer recorded as committed either — the next audit
        audits those articles again and rewrites the reports."""
        with _transaction(self.db):
            self.db.executemany(
                "DELETE FROM article_results WHERE article_id = ?", [(a,) for a in article_ids]
            )
            self.db.execute("DELETE FROM meta WHERE key = 'reports_key'")

    def forget(self, article_ids: Iterable[str]) -> None:
        with _transaction(self.db):
            self.db.executemany(
                "DELETE FROM article_results WHERE article_id = ?", [(a,) for a in article_ids]
            )

    # ---------------------------------------------------------------- translations

    def translations(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Cached English for (source text SHA-256, model id) pairs."""
        found: dict[tuple[str, str], str] = {}
        by_model: dict[str, list[str]] = {}
        for sha, model in keys:
            by_model.setdefault(model, []).append(sha)
        for model, shas in by_model.items():
            for start in range(0, len(shas), 500):  # SQLite's limit on bound parameters
                chunk = shas[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for sha, text_en in self.db.execute(
                    f"SELECT source_sha256, text_en FROM translations WHERE model_id = ? "
                    f"AND source_sha256 IN ({marks})",
                    (model, *chunk),
                ):
                    if isinstance(text_en, str):  # else damaged: translated again
                        found[(sha, model)] = text_en
        return found

    def save_translations(self, rows: Iterable[tuple[str, str, str]]) -> None:
        with _transaction(self.db):
            self.db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?, ?)", rows)

    # ---------------------------------------------------------------- runs and history

    def start_run(self, run_id: str, started_at: str) -> None:
        with _transaction(self.db):
            self.db.execute(
                "INSERT INTO runs (run_id, started_at) VALUES (?, ?)", (run_id, started_at)
            )

    def finish_run(
        self, run_id: str, counts: dict[str, int], history: Sequence[dict[str, Any]]
    ) -> None:
        """The run's numbers and its history rows, which count once `commit_run` says its
        reports are committed."""
        self.finish_run_json(
            run_id,
            counts,
            [(row["article_id"], json.dumps(row, ensure_ascii=False)) for row in history],
        )

    def finish_run_json(
        self, run_id: str, counts: dict[str, int], history: Sequence[tuple[str, str]]
    ) -> None:
        """`finish_run` with each history row given as (article id, its JSON)."""
        with _transaction(self.db):
            self.db.execute(
                "UPDATE runs SET finished_at = ?, audited = ?, unchanged = ?, errors = ?, "
                "removed = ? WHERE run_id = ?",
                (
                    time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    counts["audited"],
                    counts["unchanged"],
                    counts["errors"],
                    counts["removed"],
                    run_id,
                ),
            )
            self.db.executemany(
                "INSERT INTO history_rows (article_id, row, run_id, committed) VALUES (?, ?, ?, 0)",
                [(article_id, row, run_id) for article_id, row in history],
            )

    def commit_run(self, run_id: str, reports_key: str, hashes: dict[str, str]) -> None:
        """The run's report files are committed: its history rows count, and what the reports
        were made of is recorded — one transaction."""
        with _transaction(self.db):
            self.db.execute(
                "UPDATE history_rows SET committed = 1 WHERE run_id = ? AND committed = 0",
                (run_id,),
            )
            self._record_reports(reports_key, hashes)

    def record_reports(self, reports_key: str, hashes: dict[str, str]) -> None:
        """Reports rebuilt from the stored results without a run (`auditor report`) are
        committed: what they were made of and their entries' signatures."""
        with _transaction(self.db):
            self._record_reports(reports_key, hashes)

    def _record_reports(self, reports_key: str, hashes: dict[str, str]) -> None:
        self.db.execute("DELETE FROM report_files")
        self.db.executemany("INSERT INTO report_files VALUES (?, ?)", hashes.items())
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('reports_key', ?)", (reports_key,))

    def settle_history(self, committed_run: str | None) -> None:
        """At the start of a run: the history rows of `committed_run` (whose interrupted
        commit was just completed) count; those of runs killed before their commit go."""
        with _transaction(self.db):
            if committed_run:
                self.db.execute(
                    "UPDATE history_rows SET committed = 1 WHERE run_id = ? AND committed = 0",
                    (committed_run,),
                )
            self.db.execute("DELETE FROM history_rows WHERE committed = 0")

    def history(self, run_id: str = "") -> list[dict[str, Any]]:
        """Every committed history row and those of `run_id`, oldest first."""
        cursor = self.db.execute(
            "SELECT rowid, row FROM history_rows WHERE committed = 1 OR run_id = ? ORDER BY rowid",
            (run_id,),
        )
        rows, damaged = [], []
        for rowid, text in cursor.fetchall():
            row = _history_row(text)
            if row is None:
                damaged.append(rowid)
            else:
                rows.append(row)
        if damaged:
            with _transaction(self.db):
                self.db.executemany(
                    "DELETE FROM history_rows WHERE rowid = ?", [(r,) for r in damaged]
                )
            self.repairs.append(
                f"{len(damaged)} history row(s) in the state did not read back and were dropped "
                f"(history.csv lacks them)"
            )
        return rows


def _not_a_file(path: Path) -> bool:
    return path.exists() and not path.is_file()


def _history_row(text: object) -> dict[str, Any] | None:
    """A stored history row: a JSON object naming its article, each value of its column's
    type (`auditor.reports.summary.HISTORY`); None when the stored value is not that."""
    try:
        row = json.loads(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not isinstance(row, dict) or not isinstance(row.get("article_id"), str):
        return None
    from auditor.reports.summary import HISTORY, value_fits

    types = {column.name: column.type for column in HISTORY}
    for key, value in row.items():
        kind = types.get(key)
        if value is None or (kind is None and isinstance(value, str | int | float)):
            continue  # an empty cell, or a column this auditor does not know
        if kind is None or not value_fits(kind, value):
            return None
    return row


def _check_schema(db: sqlite3.Connection) -> None:
    """Every table and column this auditor uses is there (a table dropped or altered by hand
    makes the state unusable: it is rebuilt)."""
    if not SCHEMA:
        SCHEMA.update(_declared_schema())
    for table, columns in SCHEMA.items():
        found = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if not columns <= found:
            raise sqlite3.DatabaseError(f"the state has no usable {table} table")


def _run_script(db: sqlite3.Connection, version: int) -> None:
    for statement in _MIGRATIONS[version].split(";"):
        if statement.strip():
            db.execute(statement)


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.in_transaction:  # SQLite rolls back by itself on a full disk
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    wal.after_commit(db)
