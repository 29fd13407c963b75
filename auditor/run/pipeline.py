"""The audit as one importable call: `audit_corpus(corpus, reports) -> AuditResult`.

Stages run in the order of DESIGN.md's data flow; the per-article work is
`auditor.run.article`. This module only decides what must be done: an article whose
bytes, official documents, settings and versions are unchanged reuses its stored result, and
when nothing at all changed the reports are not rebuilt — the run costs the hashing of the
corpus, a look-up in the state and one appended history row per article. The modules that
segment, align, score and write tables are imported only when something must be audited.
"""

from __future__ import annotations

import os
import sqlite3
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from auditor.records import ArticleResult, Document, IngestError, Role, Status
from auditor.reports import commit
from auditor.reports.findings import Decided, Finding, FindingCounts, Tally, count, findings_of
from auditor.reports.formats import DECISIONS_FILE, DEFAULT_FORMATS
from auditor.reports.history import render
from auditor.reports.review import decided_summary
from auditor.reports.summary import ArticleSummary, history_row
from auditor.run import paths, unchanged
from auditor.run.batch import Batch, Entry, Progress
from auditor.run.engines import DEFAULT_ENGINE, EngineChoice, EngineError
from auditor.run.isolate import FailureLog
from auditor.run.keys import code_fingerprint, fingerprint
from auditor.run.paths import ARTICLES_DIR, OFFICIAL_DIR, FolderError
from auditor.run.publish import JOURNAL_FILE, REPORT_FILES, Publisher
from auditor.settings import Settings
from auditor.stages.ingest import (
    NotText,
    ingest_folder,
    read_source,
    sha256_bytes,
    source_paths,
)
from auditor.stages.language import LazyIdentifier
from auditor.stages.metadata import (
    ARTICLES_CSV,
    MAX_METADATA_BYTES,
    Metadata,
    parse_articles_csv,
)
from auditor.store.decisions import Decisions
from auditor.store.lock import LockHeld, audit_lock
from auditor.store.state import (
    STATE_DIR,
    State,
    StateError,
    environment_fault,
    set_aside,
    state_path,
)
from auditor.translation.packages import resolve_models_dir
from auditor.translation.stage import TranslateStage

NO_METADATA = "no articles.csv"
#: warnings about articles.csv printed at the end of a run; the rest are counted
MAX_METADATA_WARNINGS = 20


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
    articles: list[ArticleSummary]  #: every article of the corpus, at a glance
    officials: list[Document]
    official_errors: list[IngestError]
    reports: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    audited: int = 0  #: articles audited in this run
    unchanged: int = 0  #: articles whose stored result was reused
    removed: int = 0  #: articles audited before and gone from the corpus now
    notices: list[str] = field(default_factory=list)  #: things the user should know
    #: full results, when the reports were rebuilt (empty when nothing changed)
    results: list[ArticleResult] = field(default_factory=list)
    #: CTranslate2 batches run (0 when every translation came from the cache)
    translation_batches: int = 0
    #: the findings of the run under the reviewers' decisions (dismissed ones left out)
    findings: FindingCounts = field(default_factory=FindingCounts)

    @property
    def errors(self) -> int:
        return sum(1 for a in self.articles if a.status is Status.ERROR)

    @property
    def critical_edits(self) -> int:
        """Critical edits not dismissed by a reviewer (what `--fail-on critical` exits 3 for)."""
        return self.findings.critical

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
) -> AuditResult:
    """Audit the new and changed articles of `corpus`, reuse the stored results of the others,
    and replace the reports in `reports` — one run at a time per reports folder.

    `full` audits every article again; `wait` is how long to wait for another run's lock;
    `models_dir` is where translation packages are installed (default: argostranslate's own
    folder, or AUDITOR_MODELS_DIR); `workers` is how many processes audit articles (None: one
    per usable core when there are enough articles to audit, `run.workers.default_workers`);
    `formats`: the report formats to write (`auditor.reports.formats`); `engine` is where
    articles are audited (`auditor.run.engines.ENGINES`: "processes", or "dask" on the cluster
    at `scheduler`, or without it on a local cluster of `workers` processes).
    """
    settings = settings or Settings()
    choice = EngineChoice(engine, workers, scheduler)
    if choice.problem():
        raise AuditError(choice.problem(), usage=True)
    if not corpus.is_dir():
        raise AuditError(f"corpus folder not found: {corpus}")
    if not (corpus / ARTICLES_DIR).is_dir():
        raise AuditError(f"no articles folder: expected {corpus / ARTICLES_DIR}")
    try:
        paths.check_folders(corpus, reports)
        paths.check_ownership(reports, REPORT_FILES)
        run = _Run(corpus, reports, settings, full, progress)
        # before anything is written: an audit that cannot start creates nothing
        run.officials, run.official_errors = run.read_officials()
        with audit_lock(reports / STATE_DIR, wait):
            paths.claim(reports)
            run.models_dir = resolve_models_dir(models_dir)
            run.engine = choice
            run.formats = tuple(formats)
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


def _default_settings() -> str:
    return Settings().fingerprint()


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


class _Run:
    """One audit run, holding the lock."""

    def __init__(
        self,
        corpus: Path,
        reports: Path,
        settings: Settings,
        full: bool,
        progress: Progress | None,
    ) -> None:
        self.corpus, self.reports, self.settings = corpus, reports, settings
        self.full, self.progress = full, progress
        started = datetime.now(UTC).replace(microsecond=0)
        self.run_id = started.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]
        self.run_at = started.isoformat().replace("+00:00", "Z")
        self.journal = reports / STATE_DIR / JOURNAL_FILE
        self.identifier = LazyIdentifier(settings.language.languages)
        self.notices: list[str] = []
        self.removed = 0
        self.models_dir = resolve_models_dir(None)
        self.engine = EngineChoice()
        self.formats: tuple[str, ...] = DEFAULT_FORMATS
        self.failures = FailureLog(reports / STATE_DIR, self.run_id)
        #: where a source file, or the target of a link among them, may lie
        self.inside = paths.corpus_folders(corpus)
        self.officials: list[Document] = []
        self.official_errors: list[IngestError] = []

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
            self.failures = FailureLog(self.reports / STATE_DIR, self.run_id)
            return self._run()

    def _run(self) -> AuditResult:
        clock = time.perf_counter()
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
            state.settle_history(recovery.run_id)
            state.start_run(self.run_id, self.run_at)
            state.set_meta(unchanged.RECORD_KEY, None)  # written again when this run ends
            desk = Decisions(state.db)
            desk.settle(recovery.run_id)
            if desk.created:
                self._restore_decisions(desk)
            publisher = Publisher(
                self.reports, self.journal, state, self.run_id, self.run_at, self.formats
            )
            officials, official_errors = self.officials, self.official_errors
            stage = TranslateStage(self.models_dir, state)
            metadata, metadata_key = self._read_metadata()
            key_base = fingerprint(
                sorted((d.doc_id, d.content_sha256) for d in officials),
                self.settings.fingerprint(),
                code_fingerprint(),
                version("sacrebleu"),
                stage.fingerprint(),
            )
            entries = [
                self._entry(path, key_base) for path in source_paths(self.corpus / ARTICLES_DIR)
            ]
            stored = {} if self.full else state.cache_keys()
            gone = sorted(state.article_ids() - {e.article_id for e in entries})
            self.removed = len(gone)
            reports_key = fingerprint(
                key_base,
                sorted((e.article_id, e.key or "error " + e.error) for e in entries),
                self.formats,  # other formats: other reports
                metadata_key,  # outlets and dates: other groups in quotes.csv, same drift
            )
            metadata_notices = self._check_metadata(metadata, entries)
            results: list[ArticleResult] = []
            unchanged_digests = (
                None if gone or recovery.warning else self._unchanged(state, entries, stored)
            )
            if (
                unchanged_digests is not None
                and publisher.reports_intact(reports_key)
                and desk.reports_current()
            ):
                digests, audited = unchanged_digests, 0
                for done, digest in enumerate(digests, start=1):
                    if self.progress:
                        self.progress(digest.article_id, done, len(digests))
                stored_findings = [s.finding for s in desk.findings()]
                shown = desk.shown()
                # the findings are the last run's: none is new
                found = count(map(Tally.of, stored_findings), shown, desk.previous())
                digests = _decided(digests, stored_findings, shown)
                desk.start_run(self.run_id, found)
                written = publisher.append_history([], self._counts(0, digests), found)
            else:
                batch = Batch(
                    state,
                    officials,
                    stage,
                    self.settings,
                    self.identifier,
                    self.failures,
                    self.run_id,
                    self.run_at,
                    self.engine,
                    self.progress,
                )
                from auditor.run.wordings import update_wordings

                results, audited = batch.audit(entries, stored)
                state.forget(gone)
                groups = update_wordings(state, entries, results, metadata, gone, self.run_at)
                raw = [ArticleSummary.of(r) for r in results]
                content = {r.article_id: r.content_sha256 for r in results}
                findings = [f for r in results for f in findings_of(r)]
                shown = desk.shown(content)
                found = count(map(Tally.of, findings), shown, desk.previous())
                counts = self._counts(audited, raw)
                run_row = {"run_id": self.run_id, "run_at": self.run_at, **counts}
                desk.start_run(self.run_id, found)
                publisher.on_commit = lambda: desk.replace_findings(
                    findings, content, self.run_id, self.run_at
                )
                written = publisher.write_reports(
                    results,
                    raw,
                    counts,
                    reports_key,
                    self.settings,
                    groups,
                    desk.review(self.run_at, {**run_row, **found.as_json()}),
                )
                desk.mark_reported(desk.fingerprint())
                digests = _decided(raw, findings, shown)
            kept = self._counts(audited, digests)["unchanged"]
            # also when stored results were reused: their fragments stay untranslated
            self.notices.extend(stage.install_hints(digests))
            self._record(
                state,
                officials,
                official_errors,
                entries,
                digests,
                (metadata_key, metadata_notices),
                stage.fingerprint(),
                found,
            )
            if self.failures.notice():
                self.notices.append(str(self.failures.notice()))
            batches = stage.batches
        finally:
            state.close()
        return AuditResult(
            run_id=self.run_id,
            started_at=self.run_at,
            articles=digests,
            results=results,
            officials=officials,
            official_errors=official_errors,
            reports=written,
            seconds=time.perf_counter() - clock,
            audited=audited,
            unchanged=kept,
            removed=len(gone),
            notices=self.notices,
            translation_batches=batches,
            findings=found,
        )

    def _restore_decisions(self, desk: Decisions) -> None:
        """A state without decisions (new, deleted or rebuilt) takes them back from the
        reports' decisions.csv, the copy every run writes."""
        from auditor.run.review import restore

        restored = restore(desk, self.reports / DECISIONS_FILE)
        if restored:
            self.notices.append(
                f"took {restored} review decision(s) back from {self.reports / DECISIONS_FILE} "
                f"(the state had none)"
            )

    def _record(
        self,
        state: State,
        officials: list[Document],
        official_errors: list[IngestError],
        entries: list[Entry],
        digests: list[ArticleSummary],
        metadata: tuple[str, list[str]],
        models: str,
        found: FindingCounts,
    ) -> None:
        """What the next run may replay if nothing changes (`run.unchanged`): only for a corpus
        whose every file read, and after the reports are committed. `metadata`: articles.csv's
        key (its SHA-256, or why there is none) and the warnings it gave; `models`: the
        installed models' fingerprint; `found`: the findings' counts (in a replay, none is
        new)."""
        metadata_key, metadata_notices = metadata
        if official_errors or any(e.error for e in entries) or metadata_key.startswith("unread"):
            return
        sources = [(unchanged.OFFICIAL, d.doc_id, d.content_sha256) for d in officials] + [
            (unchanged.ARTICLE, e.article_id, e.sha256) for e in entries
        ]
        if metadata_key != NO_METADATA:
            sources.append((unchanged.METADATA, ARTICLES_CSV, metadata_key))
        fingerprint_now = self.settings.fingerprint()
        key = unchanged.corpus_key(
            self.corpus,
            self.reports,
            sources,
            fingerprint_now,
            models,
            self.formats,
        )
        replay_stage = TranslateStage(self.models_dir, state)  # what an unchanged run says
        record = unchanged.Record(
            key=key,
            reports_key=state.get_meta("reports_key") or "",
            rows=render([history_row("", "", d) for d in digests]),
            errors=sum(1 for d in digests if d.status is Status.ERROR),
            critical_edits=found.critical,
            findings=replace(found, new=0, new_critical=0).as_json(),
            notices=[*metadata_notices, *replay_stage.install_hints(digests)],
            default_settings=fingerprint_now if fingerprint_now == _default_settings() else "",
            max_bytes=self.settings.ingest.max_article_bytes,
        )
        state.set_meta(unchanged.RECORD_KEY, record.to_json())

    def read_officials(self) -> tuple[list[Document], list[IngestError]]:
        folder = self.corpus / OFFICIAL_DIR
        officials: list[Document] = []
        errors: list[IngestError] = []
        for item in ingest_folder(
            folder,
            Role.OFFICIAL,
            plausibility=self.identifier.plausibility,
            max_control=self.settings.ingest.max_control_char_share,
            inside=self.inside,
            max_bytes=self.settings.ingest.max_article_bytes,
        ):
            if isinstance(item, Document):
                officials.append(item)
            else:
                errors.append(item)
        if not officials:
            why = "; ".join(f"{e.doc_id}: {e.error}" for e in errors)
            raise AuditError(
                f"no usable official document in {folder}" + (f" ({why})" if why else "")
            )
        return officials, errors

    def _read_metadata(self) -> tuple[Metadata, str]:
        """corpus/articles.csv (optional) and what it adds to the reports' key; a file that
        cannot be read is a notice, never the end of the run."""
        path = self.corpus / ARTICLES_CSV
        if not (path.exists() or path.is_symlink()):
            return Metadata({}), NO_METADATA
        try:
            data = read_source(path, inside=self.inside, max_bytes=MAX_METADATA_BYTES)
        except NotText as exc:
            self.notices.append(f"{path}: {exc}; ignored (outlets are the files' names)")
            return Metadata({}), f"unreadable articles.csv: {exc}"
        return parse_articles_csv(data, str(path)), sha256_bytes(data)

    def _check_metadata(self, metadata: Metadata, entries: list[Entry]) -> list[str]:
        """The warnings of articles.csv (its bad rows, and rows naming no article), at most
        `MAX_METADATA_WARNINGS` of them, then how many more; added to the run's notices."""
        names = {e.article_id for e in entries}
        where = self.corpus / ARTICLES_CSV
        warnings = list(metadata.warnings) + [
            f"{where} line {meta.line}: no article {name!r} in {ARTICLES_DIR}/"
            for name, meta in metadata.articles.items()
            if name not in names
        ]
        said = warnings[:MAX_METADATA_WARNINGS]
        if len(warnings) > MAX_METADATA_WARNINGS:
            more = len(warnings) - MAX_METADATA_WARNINGS
            said.append(f"{where}: {more:,} more rows ignored or naming no article")
        self.notices.extend(said)
        return said

    def _entry(self, path: Path, key_base: str) -> Entry:
        try:
            data = read_source(
                path, inside=self.inside, max_bytes=self.settings.ingest.max_article_bytes
            )
        except NotText as exc:
            return Entry(path, error=str(exc))
        sha256 = sha256_bytes(data)
        return Entry(path, data, fingerprint(key_base, sha256), sha256=sha256)

    def _unchanged(
        self, state: State, entries: list[Entry], stored: dict[str, str]
    ) -> list[ArticleSummary] | None:
        """Each article's stored summary when nothing is to be audited; None otherwise (an
        article is new or changed, or a stored summary does not read back)."""
        if self.full or any(e.key and stored.get(e.article_id) != e.key for e in entries):
            return None
        kept = state.digests(e.article_id for e in entries if not e.error)
        digests = []
        for entry in entries:
            if entry.error:
                digests.append(ArticleSummary.of(entry.error_result(self.run_at)))
                continue
            try:
                digests.append(ArticleSummary.from_json(kept[entry.article_id]))
            except (KeyError, ValueError, TypeError):
                return None
        return digests

    def _counts(self, audited: int, digests: list[ArticleSummary]) -> dict[str, int]:
        errors = sum(1 for d in digests if d.status is Status.ERROR)
        return {
            "audited": audited,
            "unchanged": len(digests) - audited - errors,
            "errors": errors,
            "removed": self.removed,
        }


def _decided(
    digests: list[ArticleSummary], findings: Sequence[Finding], shown: Mapping[str, Decided]
) -> list[ArticleSummary]:
    """Each article's summary with its dismissed findings out of its counts."""
    by_article: dict[str, list[Finding]] = {}
    for finding in findings:
        by_article.setdefault(finding.article_id, []).append(finding)
    return [decided_summary(d, by_article.get(d.article_id, []), shown) for d in digests]
