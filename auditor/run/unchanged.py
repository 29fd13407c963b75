"""An unchanged corpus at the cost of hashing it: the record of the last run and its replay.

At the end of every run the pipeline records what the run was made of — one key over the
corpus's bytes, the settings, the auditor's code, sacrebleu's version and the installed
models — with the history rows it appended and the notes it printed. A later run whose key is
the same and whose reports are intact would find every article unchanged: it only appends
those rows again under its own run id (`replay`), without reading a stored result.

`auditor.cli.launch` tries this before Typer and the pipeline are imported
(`run_if_unchanged`); the pipeline's own unchanged branch replays the same record. Anything
unusual — no record, a file that does not read, an interrupted commit to finish, another run
holding the lock, a damaged state — is left to the full pipeline, which says what it is. The
record is deleted when a run starts and written when it ends: a killed run leaves none.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from auditor import __version__
from auditor.run.keys import code_fingerprint, fingerprint

if TYPE_CHECKING:
    from auditor.settings import Settings

#: the state's meta key holding the last run's record
RECORD_KEY = "unchanged_record"
OFFICIAL, ARTICLE, METADATA = "official", "article", "metadata"


@dataclass(frozen=True)
class Record:
    """What the last run was made of, and what an unchanged run appends and prints."""

    key: str
    reports_key: str
    #: the history rows, in article order, without their run columns (`reports.history.render`)
    rows: list[tuple[str, str, str]]
    errors: int
    critical_edits: int
    notices: list[str] = field(default_factory=list)
    #: the run's settings, when they were the defaults (an unchanged run with no option that
    #: changes them need not build its own: the key covers the code that defines them)
    default_settings: str = ""
    max_bytes: int = 0
    #: the findings' counts of the JSON line (`FindingCounts.as_json`, none new)
    findings: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Record:
        fields = json.loads(text)
        fields["rows"] = [tuple(row) for row in fields["rows"]]
        return cls(**fields)

    def counts(self) -> dict[str, int]:
        return {
            "audited": 0,
            "unchanged": len(self.rows) - self.errors,
            "errors": self.errors,
            "removed": 0,
        }


def dist_version(name: str) -> str:
    """The installed version of distribution `name`, read from its `.dist-info` folder name
    on sys.path (what `importlib.metadata.version` finds, without importing it)."""
    prefix = name.replace("-", "_").lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for candidate in names:
            if candidate.lower().startswith(prefix) and candidate.endswith(".dist-info"):
                return candidate[len(prefix) : -len(".dist-info")]
    from importlib.metadata import version

    return version(name)


def models_fingerprint(models_dir: Path) -> str:
    """The installed translation packages, as the translation stage keys results by them."""
    from auditor.translation.packages import installed_models, models_fingerprint

    return models_fingerprint(installed_models(models_dir))


def corpus_key(
    corpus: Path,
    reports: Path,
    sources: Iterable[tuple[str, str, str]],
    settings_fingerprint: str,
    models: str,
    formats: Sequence[str],
) -> str:
    """One key over everything a run's reports are made of: `sources` is (role, id, SHA-256
    of the raw bytes) of every official document and article; `models`, `models_fingerprint`
    of the installed translation packages."""
    return fingerprint(
        os.path.realpath(corpus),
        os.path.realpath(reports),
        sorted(sources),
        settings_fingerprint,
        __version__,
        code_fingerprint(),
        dist_version("sacrebleu"),
        models,
        tuple(formats),
    )


@dataclass(frozen=True)
class Replayed:
    """An unchanged run, as `auditor audit` prints it."""

    run_id: str
    reports: Path
    record: Record
    seconds: float

    @property
    def critical_edits(self) -> int:
        return self.record.critical_edits

    @property
    def notices(self) -> list[str]:
        return self.record.notices

    def summary(self) -> dict[str, object]:
        """The same object as `AuditResult.summary()` of the full unchanged branch."""
        counts = self.record.counts()
        return {
            "audited": 0,
            "unchanged": counts["unchanged"],
            "errors": counts["errors"],
            "removed": 0,
            **self.record.findings,
            "reports": str(self.reports),
            "run_id": self.run_id,
            "seconds": round(self.seconds, 3),
        }


def new_run_id() -> tuple[str, str]:
    """A run's id and start time (`20261202T033925Z-f0c800`, `2026-12-02T03:39:25Z`)."""
    started = datetime.now(UTC).replace(microsecond=0)
    run_id = started.strftime("%Y%m%dT%H%M%SZ-") + os.urandom(3).hex()
    return run_id, started.isoformat().replace("+00:00", "Z")


def run_if_unchanged(
    corpus: Path,
    reports: Path,
    *,
    settings: Settings | None,
    models_dir: Path,
    formats: Sequence[str],
) -> Replayed | None:
    """Replay the last run when nothing changed; None (nothing written) when the full pipeline
    must decide. `settings`: None for the defaults. Never waits for another run's lock and
    never raises for a fault it can leave to the pipeline."""
    clock = time.perf_counter()
    try:
        record = _stored_record(reports)
        if record is None:
            return None
        if settings is not None:
            settings_fingerprint = settings.fingerprint()
            max_bytes = settings.ingest.max_article_bytes
        elif record.default_settings:
            settings_fingerprint, max_bytes = record.default_settings, record.max_bytes
        else:
            return None
        sources = _source_hashes(corpus, max_bytes)
        if sources is None:
            return None
        models = models_fingerprint(models_dir)
        key = corpus_key(corpus, reports, sources, settings_fingerprint, models, formats)
        if key != record.key:
            return None
        return _replay_locked(corpus, reports, record, formats, clock)
    except (OSError, sqlite3.Error, ValueError, TypeError, KeyError):
        return None


def _stored_record(reports: Path) -> Record | None:
    """The record in the state, read without creating, migrating or repairing anything."""
    from auditor.store.state import state_path

    path = state_path(reports)
    if not path.is_file():
        return None
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (RECORD_KEY,)).fetchone()
    finally:
        db.close()
    return Record.from_json(row[0]) if row else None


def _source_hashes(corpus: Path, max_bytes: int) -> list[tuple[str, str, str]] | None:
    """(role, id, SHA-256) of every source (and of articles.csv), read as the pipeline reads
    it; None when one does not read as a plain file (the pipeline makes it a row with
    status=error, or a note)."""
    from auditor.run.paths import ARTICLES_DIR, OFFICIAL_DIR, corpus_folders
    from auditor.stages.ingest import NotText, read_source, sha256_bytes, source_id, source_paths
    from auditor.stages.metadata import ARTICLES_CSV, MAX_METADATA_BYTES

    inside = corpus_folders(corpus)
    out = []
    for role, folder in ((OFFICIAL, corpus / OFFICIAL_DIR), (ARTICLE, corpus / ARTICLES_DIR)):
        for path in source_paths(folder):
            try:
                data = read_source(path, inside=inside, max_bytes=max_bytes)
            except NotText:
                return None
            out.append((role, source_id(path.name), sha256_bytes(data)))
    metadata = corpus / ARTICLES_CSV
    if metadata.exists():
        try:
            data = read_source(metadata, inside=inside, max_bytes=MAX_METADATA_BYTES)
        except NotText:
            return None
        out.append((METADATA, ARTICLES_CSV, sha256_bytes(data)))
    return out


def _replay_locked(
    corpus: Path, reports: Path, record: Record, formats: Sequence[str], clock: float
) -> Replayed | None:
    from auditor.reports import commit
    from auditor.run.paths import FolderError, check_folders
    from auditor.run.publish import JOURNAL_FILE, REPORT_FILES, Publisher
    from auditor.store.lock import try_lock
    from auditor.store.state import STATE_DIR, State, state_path

    try:
        check_folders(corpus, reports)
    except FolderError:
        return None
    journal = reports / STATE_DIR / JOURNAL_FILE
    with try_lock(reports / STATE_DIR) as held:
        if not held or journal.exists():
            return None
        commit.finish_interrupted_commit(reports, journal, REPORT_FILES)  # stray temporaries
        state = State(state_path(reports))
        try:
            if state.rebuilt_from is not None or state.get_meta(RECORD_KEY) != record.to_json():
                return None
            run_id, run_at = new_run_id()
            publisher = Publisher(reports, journal, state, run_id, run_at, formats)
            if not publisher.reports_intact(record.reports_key):
                return None
            state.settle_history(None)
            state.start_run(run_id, run_at)
            from auditor.reports.findings import FindingCounts
            from auditor.store.decisions import Decisions

            found = FindingCounts(**record.findings)
            Decisions(state.db).start_run(run_id, found)
            publisher.append_history([], record.counts(), found)
        finally:
            state.close()
    return Replayed(run_id, reports, record, time.perf_counter() - clock)
