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

if TYPE_CHECKING:  # the unchanged run opens the state without reading a result
    from auditor.records import ArticleResult

SCHEMA_VERSION = 5
STATE_DIR = ".auditor"
STATE_FILE = "state.sqlite"

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
}

#: the tables and columns this auditor reads and writes, checked when the state is opened
SCHEMA: dict[str, frozenset[str]] = {
    "schema_version": frozenset({"version"}),
    "runs": frozenset(
        {"run_id", "started_at", "finished_at", "audited", "unchanged", "errors", "removed"}
    ),
    "article_results": frozenset(
        {"article_id", "cache_key", "content_sha256", "result", "run_id", "digest"}
    ),
    "translations": frozenset({"source_sha256", "model_id", "text_en"}),
    "history_rows": frozenset({"article_id", "row", "run_id", "committed"}),
    "report_files": frozenset({"name", "sha256"}),
    "meta": frozenset({"key", "value"}),
    "article_seen": frozenset({"article_id", "first_seen"}),
    "wording_articles": frozenset({"article_id", "signature"}),
    "wording_groups": frozenset(
        {
            "group_key",
            "official_id",
            "official_line",
            "official_text",
            "kind",
            "category",
            "critical_edits",
            "notable_changes",
            "articles",
            "outlets",
            "spellings",
        }
    ),
    "wording_members": frozenset(
        {"group_key", "article_id", "outlet", "seen", "seen_from", "wording", "segments"}
    ),
    "wording_tallies": frozenset({"group_key", "what", "value", "articles"}),
}

#: the pickled official index of the last run that built one (`auditor.run.official_index`)
_OFFICIAL_INDEX_TABLE = (
    "CREATE TABLE IF NOT EXISTS official_index (key TEXT PRIMARY KEY, data BLOB NOT NULL)"
)

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


def state_path(reports: Path) -> Path:
    return reports / STATE_DIR / STATE_FILE


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
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(path) + suffix)
        if part.exists():
            part.replace(Path(str(aside) + suffix))
    return aside


class State:
    """Open (and if needed create or rebuild) the state database of a reports folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rebuilt_from: Path | None = None
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            if environment_fault(exc):
                raise
            self.rebuilt_from = set_aside(path)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._migrate(db)
            _check_schema(db)
        except BaseException:
            db.close()
            raise
        return db

    def _migrate(self, db: sqlite3.Connection) -> None:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "schema_version" not in tables:
            raise sqlite3.DatabaseError("not an auditor state database")
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = db.execute("SELECT version FROM schema_version").fetchone()
        version = row[0] if row else 0
        if version > SCHEMA_VERSION:
            raise StateError(
                f"{self.path} was written by a newer auditor (state schema {version}, this "
                f"auditor knows {SCHEMA_VERSION}); upgrade auditor or use another --reports folder"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with _transaction(db):
                _run_script(db, target)
                db.execute("DELETE FROM schema_version")
                db.execute("INSERT INTO schema_version VALUES (?)", (target,))

    def close(self) -> None:
        self.db.close()

    # ---------------------------------------------------------------- results

    def cache_keys(self) -> dict[str, str]:
        """Article id → the key its stored result was computed under (no result is read)."""
        return dict(self.db.execute("SELECT article_id, cache_key FROM article_results"))

    def result(self, article_id: str) -> ArticleResult:
        row = self.db.execute(
            "SELECT result FROM article_results WHERE article_id = ?", (article_id,)
        ).fetchone()
        from auditor.store.serial import result_from_json

        return result_from_json(row[0])

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
        return {row[0] for row in self.db.execute("SELECT article_id FROM article_results")}

    def save_result(self, result: ArticleResult, cache_key: str, run_id: str, digest: str) -> None:
        """One transaction per article: a killed run keeps every article it finished."""
        from auditor.store.serial import result_to_json

        with _transaction(self.db):
            self.db.execute(
                "INSERT OR REPLACE INTO article_results (article_id, cache_key, content_sha256, "
                "result, run_id, digest) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    result.article_id,
                    cache_key,
                    result.content_sha256,
                    result_to_json(result),
                    run_id,
                    digest,
                ),
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
        if not self._has_table("official_index"):
            return None
        row = self.db.execute("SELECT data FROM official_index WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def save_official_index(self, key: str, data: bytes) -> None:
        """Keep `data` as this state's one official index, under `key`. Its table is made
        when first used (a state of an older auditor gains it without a migration)."""
        with _transaction(self.db):
            self.db.execute(_OFFICIAL_INDEX_TABLE)
            self.db.execute("DELETE FROM official_index")
            self.db.execute("INSERT INTO official_index VALUES (?, ?)", (key, data))

    def _has_table(self, name: str) -> bool:
        return (
            self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone()
            is not None
        )

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
            "SELECT row FROM history_rows WHERE committed = 1 OR run_id = ? ORDER BY rowid",
            (run_id,),
        )
        return [json.loads(row) for (row,) in cursor]


def _check_schema(db: sqlite3.Connection) -> None:
    """Every table and column this auditor uses is there (a table dropped or altered by hand
    makes the state unusable: it is rebuilt)."""
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
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
