"""The audit as one importable call: `audit_corpus(corpus, reports) -> AuditResult`.

One run at a time per reports folder (`audit_lock`), each with its own id (`new_run_id`). A run
first asks whether anything changed, with one key over what the last run's reports were made
of — the bytes of every source file and of `articles.csv`, the settings, the auditor's code,
sacrebleu's version, the installed models and the formats (`auditor.run.keys.corpus_key`). When
the key is the one the last run recorded and its report files are intact, the run appends the
history rows that run recorded under its own id and rebuilds nothing (`_replay`): it costs the
hashing of the corpus. Otherwise the run audits what changed and reuses the stored results of
the rest (`auditor.run.incremental`), whose modules — decoding, segmentation, alignment,
scoring, the report writers — are imported only then.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.reports import commit
from auditor.reports.formats import DEFAULT_FORMATS
from auditor.run import keys, paths
from auditor.run.engines import DEFAULT_ENGINE, EngineChoice, EngineError
from auditor.run.keys import corpus_key
from auditor.run.paths import ARTICLES_DIR, OFFICIAL_DIR, FolderError
from auditor.run.publish import JOURNAL_FILE, REPORT_FILES, Publisher
from auditor.stages.ingest import (
    NotText,
    read_source,
    sha256_bytes,
    source_entries,
    source_id,
    source_paths,
)
from auditor.stages.metadata import ARTICLES_CSV, MAX_METADATA_BYTES
from auditor.store.lock import LockHeld, audit_lock
from auditor.store.state import (
    STATE_DIR,
    State,
    StateError,
    environment_fault,
    set_aside,
    state_path,
)
from auditor.translation.packages import installed_models, models_fingerprint, resolve_models_dir

if TYPE_CHECKING:
    from auditor.records import Document, IngestError
    from auditor.reports.findings import FindingCounts
    from auditor.reports.summary import ArticleSummary
    from auditor.run.batch import Progress
    from auditor.settings import Settings
    from auditor.store.decisions import Decisions

#: the state's meta key holding what the last run was made of (`Record`)
RECORD_KEY = "unchanged_record"
#: the state's meta key of the code's identity and the on-disk signature it was computed
#: under (`auditor.run.keys.adopt`)
IDENTITY_KEY = "code_identity"
#: the roles of the sources in the key
OFFICIAL, ARTICLE, METADATA = "official", "article", "metadata"


class AuditError(Exception):
    """The audit could not run at all (no corpus, no official document, a full disk, …); the
    message is one line for the user. `usage`: the command line asked for something refused
    (exit 2)."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass
class AuditResult:
    """What one run produced: per-article results, the files written, and its identity."""

    run_id: str
    started_at: str
    #: every article of the corpus, at a glance (empty when the caller asked for no summaries:
    #: a run keeps no row per article it does not need)
    articles: list[ArticleSummary]
    officials: list[Document]  #: empty when nothing changed (none was read)
    official_errors: list[IngestError]
    reports: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    audited: int = 0  #: articles audited in this run
    unchanged: int = 0  #: articles whose stored result was reused
    removed: int = 0  #: articles audited before and gone from the corpus now
    errors: int = 0  #: articles that are a row with status=error
    critical_edits: int = 0  #: critical edits over every article
    notices: list[str] = field(default_factory=list)  #: things the user should know
    #: CTranslate2 batches run (0 when every translation came from the cache)
    translation_batches: int = 0
    #: the findings of the run under the reviewers' decisions (dismissed ones left out of
    #: every count, `critical_edits` included)
    findings: FindingCounts = field(default_factory=lambda: _no_findings())

    @property
    def new_critical(self) -> int:
        """Undecided critical edits the previous run did not have (`--fail-on new-critical`)."""
        return self.findings.new_critical

    def summary(self) -> dict[str, object]:
        """The run in numbers, as printed by `auditor audit --json`."""
        return {
            "audited": self.audited,
            "unchanged": self.unchanged,
            "errors": self.errors,
            "removed": self.removed,
            **self.findings.as_json(),
            "reports": str(self.reports[0].parent) if self.reports else "",
            "run_id": self.run_id,
            "seconds": round(self.seconds, 3),
        }


def _no_findings() -> FindingCounts:
    from auditor.reports.findings import FindingCounts

    return FindingCounts()


@dataclass(frozen=True)
class Record:
    """What a run's reports were made of (`corpus_key`), and what a run that finds the same
    appends and prints."""

    key: str
    reports_key: str
    #: the history rows, in article order, without their run columns (`reports.history.render`;
    #: empty since a run keeps no row per article: `articles` counts them)
    rows: list[tuple[str, str, str]]
    errors: int
    critical_edits: int
    notices: list[str] = field(default_factory=list)
    #: the run's settings' fingerprint when they were the defaults, and its size limit: a run
    #: given no settings replays without building them (the key holds the code that defines
    #: the defaults, so equal keys mean equal defaults)
    default_settings: str = ""
    max_bytes: int = 0
    #: the findings' counts of the JSON line (`FindingCounts.as_json`; in a replay none is new)
    findings: dict[str, int] = field(default_factory=dict)
    articles: int = 0  #: the corpus's articles

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Record:
        """The record `to_json` wrote; ValueError, TypeError or KeyError when `text` is not
        one (a damaged state: the run then audits, and records again)."""
        fields = json.loads(text)
        fields["rows"] = [tuple(row) for row in fields["rows"]]
        record = cls(**fields)
        texts = [record.key, record.reports_key, record.default_settings, *record.notices]
        numbers = [record.errors, record.critical_edits, record.max_bytes, record.articles]
        numbers += record.findings.values()
        texts += [cell for row in record.rows for cell in row]
        if not all(isinstance(t, str) for t in texts) or not all(
            isinstance(n, int) and not isinstance(n, bool) for n in numbers
        ):
            raise ValueError("the unchanged record does not read back")
        return record

    def counts(self) -> dict[str, int]:
        return {
            "audited": 0,
            "unchanged": (self.articles or len(self.rows)) - self.errors,
            "errors": self.errors,
            "removed": 0,
        }


def new_run_id() -> tuple[str, str]:
    """A run's id and start time (`20261202T033925Z-f0c800`, `2026-12-02T03:39:25Z`), UTC."""
    started = time.gmtime()
    run_id = time.strftime("%Y%m%dT%H%M%SZ-", started) + os.urandom(3).hex()
    return run_id, time.strftime("%Y-%m-%dT%H:%M:%SZ", started)


def audit_corpus(
    corpus: Path,
    reports: Path,
    settings: Settings | None = None,
    *,
    full: bool = False,
    wait: float = 0.0,
    models_dir: Path | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    engine: str = DEFAULT_ENGINE,
    scheduler: str | None = None,
    summaries: bool = True,
) -> AuditResult:
    """Audit the new and changed articles of `corpus`, reuse the stored results of the others,
    and replace the reports in `reports` — one run at a time per reports folder.

    `settings`: None for the defaults. `full` audits every article again; `wait` is how long
    to wait for another run's lock; `models_dir` is where translation packages are installed
    (default: argostranslate's own folder, or AUDITOR_MODELS_DIR); `workers` is how many
    processes audit articles (None: one per usable core when there are enough articles to
    audit, `run.engines.default_workers`);
    `formats`: the report formats to write (`auditor.reports.formats`); `engine` is where
    articles are audited (`auditor.run.engines.ENGINES`: "processes", or "dask" on the cluster
    at `scheduler`, or without it on a local cluster of `workers` processes); `summaries`:
    False spares a run in which nothing changed reading every article's stored summary
    (`articles` is then empty: what `--json` prints needs only the counts).
    """
    choice = EngineChoice(engine, workers, scheduler)
    try:
        problem = choice.problem()
    except EngineError as exc:
        raise AuditError(str(exc)) from exc
    if problem:
        raise AuditError(problem, usage=True)
    if not corpus.is_dir():
        raise AuditError(f"corpus folder not found: {corpus}")
    if not (corpus / ARTICLES_DIR).is_dir():
        raise AuditError(f"no articles folder: expected {corpus / ARTICLES_DIR}")
    try:
        paths.check_folders(corpus, reports)
        paths.check_ownership(reports, REPORT_FILES)
        _check_officials(corpus)  # before anything is written: a run that cannot start leaves
        with audit_lock(reports / STATE_DIR, wait):  # no reports folder behind
            paths.claim(reports)
            run = Run(
                corpus,
                reports,
                settings,
                full=full,
                progress=progress,
                models_dir=resolve_models_dir(models_dir),
                engine=choice,
                formats=tuple(formats),
                summaries=summaries,
            )
            return run.run()
    except FolderError as exc:
        raise AuditError(str(exc), usage=exc.usage) from exc
    except (LockHeld, StateError, EngineError) as exc:
        raise AuditError(str(exc)) from exc
    except sqlite3.Error as exc:
        raise AuditError(
            f"cannot use the state {state_path(reports)}: {exc} (the reports are as they were)"
        ) from exc
    except OSError as exc:
        raise AuditError(_os_message(exc, corpus, reports)) from exc


def _check_officials(corpus: Path) -> None:
    """At least one official document that is a file with something in it (the audit decodes
    it later, and says then when none reads as text)."""
    folder = corpus / OFFICIAL_DIR
    for path in source_paths(folder) if folder.is_dir() else []:
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_size > 0:
                return
    raise AuditError(f"no usable official document in {folder}")


def _os_message(exc: OSError, corpus: Path, reports: Path) -> str:
    """One line for a fault of the machine (full disk, read-only folder, folder gone)."""
    named = isinstance(exc.filename, str | bytes | os.PathLike)
    where = Path(os.fsdecode(exc.filename)) if named else reports
    why = exc.strerror or str(exc)
    if where.is_relative_to(corpus) and not where.is_relative_to(reports):
        return f"cannot read the corpus: {why} ({where})"
    return (
        f"cannot write to the reports folder {reports}: {why} ({where}); the reports are as "
        f"they were"
    )


class Run:
    """One audit run, holding the lock: what it was asked to do, its id and its notices."""

    def __init__(
        self,
        corpus: Path,
        reports: Path,
        settings: Settings | None,
        *,
        full: bool,
        progress: Progress | None,
        models_dir: Path,
        engine: EngineChoice,
        formats: tuple[str, ...],
        summaries: bool,
    ) -> None:
        self.corpus, self.reports, self.settings = corpus, reports, settings
        self.full, self.progress, self.models_dir = full, progress, models_dir
        self.engine, self.formats, self.summaries = engine, formats, summaries
        self.run_id, self.run_at = new_run_id()
        self.journal = reports / STATE_DIR / JOURNAL_FILE
        self.notices: list[str] = []
        #: where a source file, or the target of a link among them, may lie
        self.inside = paths.corpus_folders(corpus)

    def run(self) -> AuditResult:
        """The run; when the state turns out damaged half-way (a page that does not read), it
        is moved aside and the run starts again on a new one, once."""
        try:
            return self._run()
        except sqlite3.DatabaseError as exc:
            if environment_fault(exc):
                raise
            aside = set_aside(state_path(self.reports))
            self.notices = [
                f"the state file could not be read ({exc}) and was rebuilt (old file kept as "
                f"{aside.name}); every article is audited again"
            ]
            return self._run()

    def _run(self) -> AuditResult:
        clock = time.perf_counter()
        interrupted = self.journal.exists()
        recovery = commit.finish_interrupted_commit(self.reports, self.journal, REPORT_FILES)
        if recovery.completed:
            self.notices.append("completed the report files of a run that was interrupted")
        if recovery.warning:
            self.notices.append(recovery.warning)
        state = State(state_path(self.reports))
        try:
            if state.rebuilt_from is not None:
                self.notices.append(
                    f"the state file was unreadable and was rebuilt (old file kept as "
                    f"{state.rebuilt_from.name}); every article is audited again"
                )
            identity = keys.adopt(state.get_meta(IDENTITY_KEY), keys.installed_signature())
            if identity is not None:
                state.set_meta(IDENTITY_KEY, identity)
            if state.rebuilt_from is None and not (self.full or interrupted):
                replayed = self._replay(state, clock)
                if replayed is not None:
                    return replayed
            state.settle_history(recovery.run_id)
            state.start_run(self.run_id, self.run_at)
            state.set_meta(RECORD_KEY, None)  # written again when this run ends
            from auditor.run.incremental import Incremental

            return Incremental(self, state, recovery.warning, recovery.run_id).audit(clock)
        finally:
            state.close()

    def key(self, sources: list[tuple[str, str, str]], settings: str) -> str:
        """`corpus_key` of this run, given its `sources` — (role, id, SHA-256 of the bytes) of
        every official document, article and articles.csv — and its settings' fingerprint."""
        return corpus_key(
            self.corpus,
            self.reports,
            sources,
            settings,
            models_fingerprint(installed_models(self.models_dir)),
            self.formats,
        )

    def _replay(self, state: State, clock: float) -> AuditResult | None:
        """Nothing changed since the last run: append the history rows it recorded under this
        run's id, and return the run; None when anything differs (nothing is written then)."""
        stored = state.get_meta(RECORD_KEY)
        if stored is None:
            return None
        from auditor.reports.findings import FindingCounts

        try:
            record = Record.from_json(stored)
            found = FindingCounts(**record.findings)
            counts = record.counts()
        except (ValueError, TypeError, KeyError, AttributeError):
            return None  # a record that does not read back: the run audits, and records again
        if self.settings is not None:
            settings, max_bytes = (
                self.settings.fingerprint(),
                self.settings.ingest.max_article_bytes,
            )
        elif record.default_settings:
            settings, max_bytes = record.default_settings, record.max_bytes
        else:
            return None
        sources = self._source_hashes(max_bytes)
        if sources is None or self.key(sources, settings) != record.key:
            return None
        publisher = Publisher(
            self.reports, self.journal, state, self.run_id, self.run_at, self.formats
        )
        if not publisher.reports_intact(record.reports_key):
            return None
        from auditor.store.decisions import Decisions

        desk = Decisions(state.db)
        if not desk.reports_current():  # a decision since: the reports show it, rebuilt
            return None
        articles = self._stored_summaries(state, desk) if self.summaries else []
        if articles is None:
            return None
        state.settle_history(None)
        state.start_run(self.run_id, self.run_at)
        desk.start_run(self.run_id, found)
        written = publisher.append_history([], counts, found)  # no article's result changed
        return AuditResult(
            run_id=self.run_id,
            started_at=self.run_at,
            articles=articles,
            officials=[],
            official_errors=[],
            reports=written,
            seconds=time.perf_counter() - clock,
            unchanged=counts["unchanged"],
            errors=record.errors,
            critical_edits=found.critical,
            notices=[*self.notices, *record.notices, *state.repairs],
            findings=found,
        )

    def _source_hashes(self, max_bytes: int) -> list[tuple[str, str, str]] | None:
        """(role, id, SHA-256) of every source and of articles.csv, read as the audit reads
        them (`max_bytes`: the size limit); None when one does not read (the audit makes it a
        row with status=error, or a note)."""
        out = []
        for role, folder in ((OFFICIAL, OFFICIAL_DIR), (ARTICLE, ARTICLES_DIR)):
            for entry in source_entries(self.corpus / folder):
                try:
                    data = read_source(entry, inside=self.inside, max_bytes=max_bytes)
                except NotText:
                    return None
                out.append((role, source_id(entry.name), sha256_bytes(data)))
        metadata = self.corpus / ARTICLES_CSV
        if metadata.exists() or metadata.is_symlink():
            try:
                data = read_source(metadata, inside=self.inside, max_bytes=MAX_METADATA_BYTES)
            except NotText:
                return None
            out.append((METADATA, ARTICLES_CSV, sha256_bytes(data)))
        return out

    def _stored_summaries(self, state: State, desk: Decisions) -> list[ArticleSummary] | None:
        """Every article's stored summary, in corpus order, its dismissed findings out of its
        counts; None when one does not read back."""
        from auditor.reports.summary import ArticleSummary
        from auditor.run.incremental import decided

        ids = [source_id(p.name) for p in source_paths(self.corpus / ARTICLES_DIR)]
        stored = state.digests(ids)
        try:
            digests = [ArticleSummary.from_json(stored[article_id]) for article_id in ids]
        except (KeyError, ValueError, TypeError):
            return None
        return decided(digests, [s.finding for s in desk.findings()], desk.shown())
