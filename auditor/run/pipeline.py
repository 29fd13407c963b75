"""The audit as one importable call: `audit_corpus(corpus, reports) -> AuditResult`.

Stages run in the order of DESIGN.md's data flow; the per-article work is
`auditor.run.article`. This module only decides what must be done: an article whose
bytes, official documents, settings and versions are unchanged reuses its stored result, and
when nothing at all changed the reports are not rebuilt — the run costs the hashing of the
corpus, a look-up in the state and one appended history row per article. The modules that
segment, align, score and write tables are imported only when something must be audited.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.records import ArticleResult, Document, IngestError, Role, Status
from auditor.reports import commit
from auditor.reports.formats import (
    DEFAULT_FORMATS,
    HISTORY_FILE,
    ReportData,
    report_entries,
    write_reports,
)
from auditor.reports.history import history_csv
from auditor.reports.summary import ArticleSummary, history_row
from auditor.run.keys import code_fingerprint, file_signature, fingerprint
from auditor.settings import Settings
from auditor.stages.ingest import (
    NotText,
    decode_document,
    ingest_folder,
    read_source,
    sha256_bytes,
    source_paths,
)
from auditor.stages.language import LazyIdentifier
from auditor.store.lock import LockHeld, audit_lock
from auditor.store.state import STATE_DIR, State, StateError, state_path
from auditor.translation.packages import resolve_models_dir
from auditor.translation.stage import TranslateStage

if TYPE_CHECKING:
    from auditor.run.article import PreparedArticle
    from auditor.run.workers import Workers

OFFICIAL_DIR = "official"
ARTICLES_DIR = "articles"
JOURNAL_FILE = "commit.json"

#: called once per article as it finishes: (article_id, done, total)
Progress = Callable[[str, int, int], None]


class AuditError(Exception):
    """The audit could not run at all (no corpus, no official document, …)."""


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

    @property
    def errors(self) -> int:
        return sum(1 for a in self.articles if a.status is Status.ERROR)

    @property
    def critical_edits(self) -> int:
        return sum(a.critical_edits or 0 for a in self.articles)

    def summary(self) -> dict[str, object]:
        """The run in numbers, as printed by `auditor audit --json`."""
        return {
            "audited": self.audited,
            "unchanged": self.unchanged,
            "errors": self.errors,
            "removed": self.removed,
            "reports": str(self.reports[0].parent) if self.reports else "",
            "run_id": self.run_id,
            "seconds": round(self.seconds, 3),
        }


def error_result(error: IngestError, audited_at: str) -> ArticleResult:
    return ArticleResult(
        article_id=error.doc_id,
        status=Status.ERROR,
        content_sha256=error.content_sha256,
        error=error.error,
        audited_at=audited_at,
    )


@dataclass
class _Entry:
    """One file of `articles/` in this run: its key, or why it cannot be read."""

    path: Path
    data: bytes = b""
    key: str = ""
    error: str = ""

    @property
    def article_id(self) -> str:
        return self.path.name


def audit_corpus(
    corpus: Path,
    reports: Path,
    settings: Settings | None = None,
    *,
    full: bool = False,
    wait: float = 0.0,
    models_dir: Path | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
) -> AuditResult:
    """Audit the new and changed articles of `corpus`, reuse the stored results of the others,
    and replace the reports in `reports` — one run at a time per reports folder.

    `full` audits every article again; `wait` is how long to wait for another run's lock;
    `models_dir` is where translation packages are installed (default: argostranslate's own
    folder, or AUDITOR_MODELS_DIR); `workers` is how many processes audit articles;
    `formats`: the report formats to write (`auditor.reports.formats`).
    """
    settings = settings or Settings()
    if not corpus.is_dir():
        raise AuditError(f"corpus folder not found: {corpus}")
    if not (corpus / ARTICLES_DIR).is_dir():
        raise AuditError(f"no articles folder: expected {corpus / ARTICLES_DIR}")
    try:
        with audit_lock(reports / STATE_DIR, wait):
            run = _Run(corpus, reports, settings, full, progress)
            run.models_dir = resolve_models_dir(models_dir)
            run.workers = workers
            run.formats = tuple(formats)
            return run.run()
    except (LockHeld, StateError) as exc:
        raise AuditError(str(exc)) from exc


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
        self.workers = 1
        self.formats: tuple[str, ...] = DEFAULT_FORMATS

    def run(self) -> AuditResult:
        clock = time.perf_counter()
        if commit.finish_interrupted_commit(self.reports, self.journal):
            self.notices.append("completed the report files of a run that was interrupted")
        state = State(state_path(self.reports))
        try:
            if state.rebuilt_from is not None:
                self.notices.append(
                    f"the state file was unreadable and was rebuilt (old file kept as "
                    f"{state.rebuilt_from.name}); every article is audited again"
                )
            state.start_run(self.run_id, self.run_at)
            officials, official_errors = self._read_officials()
            stage = TranslateStage(self.models_dir, state)
            key_base = fingerprint(
                sorted((d.doc_id, d.content_sha256) for d in officials),
                self.settings.fingerprint(),
                code_fingerprint(),
                version("sacrebleu"),
                stage.fingerprint(),
            )
            paths = source_paths(self.corpus / ARTICLES_DIR)
            entries = [self._entry(path, key_base) for path in paths]
            stored = {} if self.full else state.cache_keys()
            gone = sorted(state.article_ids() - {e.article_id for e in entries})
            self.removed = len(gone)
            reports_key = fingerprint(
                key_base,
                sorted((e.article_id, e.key or "error " + e.error) for e in entries),
                self.formats,
            )
            results: list[ArticleResult] = []
            if not gone and self._unchanged(state, entries, stored, reports_key):
                digests, written = self._append_history(state, entries)
                audited = 0
            else:
                results, audited = self._audit(state, entries, stored, officials, stage)
                state.forget(gone)
                digests = [ArticleSummary.of(r) for r in results]
                written = self._write_reports(state, results, digests, reports_key, audited)
            unchanged = self._counts(audited, digests)["unchanged"]
            self.notices.extend(stage.install_hints(digests))
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
            unchanged=unchanged,
            removed=len(gone),
            notices=self.notices,
            translation_batches=batches,
        )

    def _read_officials(self) -> tuple[list[Document], list[IngestError]]:
        folder = self.corpus / OFFICIAL_DIR
        officials: list[Document] = []
        errors: list[IngestError] = []
        for item in ingest_folder(
            folder,
            Role.OFFICIAL,
            plausibility=self.identifier.plausibility,
            max_control=self.settings.ingest.max_control_char_share,
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

    def _entry(self, path: Path, key_base: str) -> _Entry:
        try:
            data = read_source(path)
        except NotText as exc:
            return _Entry(path, error=str(exc))
        return _Entry(path, data, fingerprint(key_base, sha256_bytes(data)))

    def _unchanged(
        self, state: State, entries: list[_Entry], stored: dict[str, str], reports_key: str
    ) -> bool:
        """Nothing to audit and the committed reports are exactly the ones this run would write
        (checked by their recorded hashes, in case someone edited or deleted one)."""
        if self.full or any(e.key and stored.get(e.article_id) != e.key for e in entries):
            return False
        if state.get_meta("reports_key") != reports_key:
            return False
        recorded = state.report_hashes()
        for name in report_entries(self.formats):
            path = self.reports / name
            if name not in recorded or not path.exists():
                return False
            if file_signature(path) != recorded[name]:
                return False
        return True

    def _error(self, entry: _Entry) -> ArticleResult:
        sha = sha256_bytes(entry.data) if entry.data else ""
        failed = IngestError(entry.article_id, Role.ARTICLE, entry.error, sha)
        return error_result(failed, self.run_at)

    def _append_history(
        self, state: State, entries: list[_Entry]
    ) -> tuple[list[ArticleSummary], list[Path]]:
        """An unchanged corpus: keep the reports, append this run's history rows."""
        stored = state.digests(e.article_id for e in entries if not e.error)
        digests = []
        for done, entry in enumerate(entries, start=1):
            if entry.error:
                digests.append(ArticleSummary.of(self._error(entry)))
            else:
                digests.append(ArticleSummary.from_json(stored[entry.article_id]))
            if self.progress:
                self.progress(entry.article_id, done, len(entries))
        rows = [history_row(self.run_id, self.run_at, d) for d in digests]
        state.finish_run(self.run_id, self._counts(0, digests), rows)
        data = history_csv(rows, (self.reports / HISTORY_FILE).read_bytes())
        written = commit.replace_files(self.reports, {HISTORY_FILE: data}, self.journal)
        hashes = {**state.report_hashes(), HISTORY_FILE: file_signature(written[0])}
        state.record_reports(state.get_meta("reports_key") or "", hashes)
        kept = [
            self.reports / name for name in report_entries(self.formats) if name != HISTORY_FILE
        ]
        return digests, kept + written

    def _audit(
        self,
        state: State,
        entries: list[_Entry],
        stored: dict[str, str],
        officials: list[Document],
        stage: TranslateStage,
    ) -> tuple[list[ArticleResult], int]:
        """Audit what changed, in the stages of the data flow, each batched over the run:
        segments and languages, translation of every fragment (one batch per language), then
        alignment, scores and evidence per article — the per-article stages on `workers`."""
        from auditor.run.workers import Workers

        results: dict[int, ArticleResult] = {}
        documents: dict[int, Document] = {}
        for position, entry in enumerate(entries):
            if entry.error:
                results[position] = self._error(entry)
            elif stored.get(entry.article_id) == entry.key:
                results[position] = state.result(entry.article_id)
            else:
                try:
                    documents[position] = decode_document(
                        entry.article_id,
                        Role.ARTICLE,
                        entry.data,
                        plausibility=self.identifier.plausibility,
                        max_control=self.settings.ingest.max_control_char_share,
                    )
                    continue
                except NotText as exc:
                    # stored like any result, so a binary or empty file costs no re-audit
                    error = self._error(replace(entry, error=str(exc)))
                    digest = ArticleSummary.of(error).to_json()
                    state.save_result(error, entry.key, self.run_id, digest)
                    results[position] = error
            self._progress(entry, len(results), len(entries))
        if documents:
            workers = Workers(self.workers, officials, self.settings, self.identifier)
            try:
                prepared = dict(
                    zip(documents, workers.prepare(list(documents.values())), strict=True)
                )
                for position, result in self._finish(prepared, workers, stage):
                    entry = entries[position]
                    digest = ArticleSummary.of(result).to_json()
                    state.save_result(result, entry.key, self.run_id, digest)
                    results[position] = result
                    self._progress(entry, len(results), len(entries))
            finally:
                workers.close()
        return [results[p] for p in range(len(entries))], len(documents)

    def _progress(self, entry: _Entry, done: int, total: int) -> None:
        if self.progress:
            self.progress(entry.article_id, done, total)

    def _finish(
        self, prepared: dict[int, PreparedArticle], workers: Workers, stage: TranslateStage
    ) -> Iterator[tuple[int, ArticleResult]]:
        """Translation of every fragment of the run (one batch per language), round-trip
        evidence (one batch per pivot), then alignment, scores and changes on the workers."""
        from auditor.run.workers import FinishJob
        from auditor.stages.backtranslation import explain_drift, similarity_by_pivot

        translated = stage.fragments(
            [(s.language, s.text) for p in prepared.values() for s in p.fragments()]
        )
        similarity = similarity_by_pivot(
            {position: p.english_sentences() for position, p in prepared.items()}, stage
        )
        jobs = [
            FinishJob(
                p,
                {s.index: translated[(s.language, s.text)] for s in p.fragments()},
                similarity[position],
            )
            for position, p in prepared.items()
        ]
        finished = {
            position: replace(result, audited_at=self.run_at)
            for position, result in zip(prepared, workers.finish(jobs), strict=True)
        }
        yield from explain_drift(finished, stage, self.settings.backtranslation).items()

    def _counts(self, audited: int, digests: list[ArticleSummary]) -> dict[str, int]:
        errors = sum(1 for d in digests if d.status is Status.ERROR)
        return {
            "audited": audited,
            "unchanged": len(digests) - audited - errors,
            "errors": errors,
            "removed": self.removed,
        }

    def _write_reports(
        self,
        state: State,
        results: list[ArticleResult],
        digests: list[ArticleSummary],
        reports_key: str,
        audited: int,
    ) -> list[Path]:
        """All report files of one run, committed together (`auditor.reports.formats`)."""
        rows = [history_row(self.run_id, self.run_at, d) for d in digests]
        state.finish_run(self.run_id, self._counts(audited, digests), rows)
        data = ReportData(results, self.settings, state.history(), self.formats, self.run_at)
        written = write_reports(self.reports, data, self.formats, self.journal)
        state.record_reports(reports_key, {path.name: file_signature(path) for path in written})
        return written
