"""A run in which something changed (or `--full`): audit the new and changed articles, reuse the
stored results of the others, write the reports, and record what they were made of for the
next run (`auditor.run.pipeline.Record`).

An article whose bytes, official documents, settings and versions are unchanged reuses its
stored result; when every article is unchanged and the reports are intact (a run the record
could not answer: an article that does not read, for one), the reports are not rebuilt — the
run appends a history row per article from the stored summaries.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.batches import BATCH
from auditor.records import ArticleResult, Document, IngestError, Role, Status
from auditor.reports.findings import Decided, Finding, FindingCounts, Tally, count
from auditor.reports.formats import DECISIONS_FILE
from auditor.reports.review import decided_summary
from auditor.reports.summary import ArticleSummary
from auditor.run.audited import Audited
from auditor.run.batch import Batch, Entry
from auditor.run.isolate import FailureLog
from auditor.run.keys import code_fingerprint, fingerprint, sacrebleu_version
from auditor.run.paths import ARTICLES_DIR, OFFICIAL_DIR
from auditor.run.pipeline import (
    ARTICLE,
    METADATA,
    OFFICIAL,
    RECORD_KEY,
    AuditError,
    AuditResult,
    Record,
)
from auditor.run.publish import Publisher
from auditor.settings import Settings
from auditor.stages.ingest import NotText, ingest_folder, read_source, sha256_bytes, source_paths
from auditor.stages.language import LazyIdentifier
from auditor.stages.metadata import (
    ARTICLES_CSV,
    MAX_METADATA_BYTES,
    Metadata,
    parse_articles_csv,
)
from auditor.store.decisions import Decisions
from auditor.store.state import STATE_DIR, State
from auditor.translation.stage import TranslateStage

if TYPE_CHECKING:
    from auditor.run.pipeline import Run

NO_METADATA = "no articles.csv"
#: warnings about articles.csv printed at the end of a run; the rest are counted
MAX_METADATA_WARNINGS = 20


class Incremental:
    """The audit of one run (`run`: its corpus, options, id and notices so far) on `state`;
    `recovery_warning`: what completing an interrupted commit could not do (no summary is then
    trusted to stand for the reports); `recovery_run_id`: the run whose commit it completed."""

    def __init__(
        self,
        run: Run,
        state: State,
        recovery_warning: str = "",
        recovery_run_id: str | None = None,
    ) -> None:
        self.run, self.state, self.recovery_warning = run, state, recovery_warning
        #: the run whose interrupted commit was completed, if any (its findings then count)
        self.recovery_run_id = recovery_run_id
        self.corpus, self.reports = run.corpus, run.reports
        self.settings = run.settings or Settings()
        self.notices = run.notices
        self.identifier = LazyIdentifier(self.settings.language.languages)
        self.failures = FailureLog(self.reports / STATE_DIR, run.run_id)
        self.removed = 0

    def audit(self, clock: float) -> AuditResult:
        run, state = self.run, self.state
        desk = Decisions(state.db)
        desk.settle(self.recovery_run_id)
        if desk.created:
            self._restore_decisions(desk)
        publisher = Publisher(self.reports, run.journal, state, run.run_id, run.run_at, run.formats)
        officials, official_errors = self._read_officials()
        stage = TranslateStage(run.models_dir, state)
        metadata, metadata_key = self._read_metadata()
        key_base = fingerprint(
            sorted((d.doc_id, d.content_sha256) for d in officials),
            self.settings.fingerprint(),
            code_fingerprint(),
            sacrebleu_version(),
            stage.fingerprint(),
        )
        entries = [self._entry(path, key_base) for path in source_paths(self.corpus / ARTICLES_DIR)]
        stored = {} if run.full else state.cache_keys()
        gone = sorted(state.article_ids() - {e.article_id for e in entries})
        self.removed = len(gone)
        reports_key = fingerprint(
            key_base,
            sorted((e.article_id, e.key or "error " + e.error) for e in entries),
            run.formats,  # other formats: other reports
            metadata_key,  # outlets and dates: other groups in quotes.csv, same drift
        )
        metadata_notices = self._check_metadata(metadata, entries)
        unchanged_digests = (
            None if gone or self.recovery_warning else self._unchanged(entries, stored)
        )
        if (
            unchanged_digests is not None
            and publisher.reports_intact(reports_key)
            and desk.reports_current()
        ):
            digests, audited = unchanged_digests, 0
            for done, digest in enumerate(digests, start=1):
                if run.progress:
                    run.progress(digest.article_id, done, len(digests))
            stored_findings = [s.finding for s in desk.findings()]
            shown = desk.shown()
            # the findings are the last run's: none is new
            found = count(map(Tally.of, stored_findings), shown, desk.previous())
            digests = decided(digests, stored_findings, shown)
            tally = _Tally.of(digests)
            desk.start_run(run.run_id, found)
            written = publisher.append_history([], self._counts(0, tally), found)
        else:
            batch = Batch(
                state,
                officials,
                stage,
                self.settings,
                self.identifier,
                self.failures,
                run.run_id,
                run.run_at,
                run.engine,
                run.progress,
            )
            tally, found, unstored = self._audit(batch, entries, stored, desk, publisher, metadata)
            audited = batch.audited
            state.forget(gone)
            from auditor.run.wordings import finish_wordings

            groups = finish_wordings(state, gone)
            run_counts = self._counts(audited, tally)
            run_row = {"run_id": run.run_id, "run_at": run.run_at, **run_counts}
            desk.start_run(run.run_id, found)
            publisher.on_commit = lambda: desk.commit_staged(run.run_id, run.run_at)
            from auditor.store.stream import StoredResults

            written = publisher.write_reports(
                StoredResults(state, [e.article_id for e in entries], unstored),
                run_counts,
                reports_key,
                self.settings,
                groups,
                desk.review(run.run_at, {**run_row, **found.as_json()}),
            )
            desk.mark_reported(desk.fingerprint())
            digests = tally.digests
        counts = self._counts(audited, tally)
        # also when stored results were reused: their fragments stay untranslated
        self.notices.extend(stage.install_hints(tally.untranslated()))
        self._record(
            officials, official_errors, entries, tally, metadata_key, metadata_notices, found
        )
        if self.failures.notice():
            self.notices.append(str(self.failures.notice()))
        self.notices.extend(state.repairs)
        return AuditResult(
            run_id=run.run_id,
            started_at=run.run_at,
            articles=digests if run.summaries else [],
            officials=officials,
            official_errors=official_errors,
            reports=written,
            seconds=time.perf_counter() - clock,
            audited=audited,
            unchanged=counts["unchanged"],
            removed=len(gone),
            errors=counts["errors"],
            critical_edits=found.critical,
            notices=self.notices,
            translation_batches=stage.batches,
            findings=found,
        )

    def _restore_decisions(self, desk: Decisions) -> None:
        """A state without decisions (new, deleted or rebuilt) takes them back from the
        reports' decisions.csv, the copy every run writes."""
        from auditor.run.review import restore

        restored = restore(desk, self.reports / DECISIONS_FILE)
        desk.restored()
        if restored:
            self.notices.append(
                f"took {restored} review decision(s) back from {self.reports / DECISIONS_FILE} "
                f"(the state had none)"
            )

    def _record(
        self,
        officials: list[Document],
        official_errors: list[IngestError],
        entries: list[Entry],
        tally: _Tally,
        metadata_key: str,
        metadata_notices: list[str],
        found: FindingCounts,
    ) -> None:
        """What the next run may replay if nothing changes: only for a corpus whose every file
        read, and after the reports are committed. `metadata_key`: articles.csv's SHA-256, or
        why there is none; `metadata_notices`: the warnings it gave; `found`: the findings'
        counts (in a replay, none is new)."""
        if official_errors or any(e.error for e in entries) or metadata_key.startswith("unread"):
            return
        sources = [(OFFICIAL, d.doc_id, d.content_sha256) for d in officials] + [
            (ARTICLE, e.article_id, e.sha256) for e in entries
        ]
        if metadata_key != NO_METADATA:
            sources.append((METADATA, ARTICLES_CSV, metadata_key))
        replay_stage = TranslateStage(self.run.models_dir, self.state)  # what a replay says
        settings = self.settings.fingerprint()
        record = Record(
            key=self.run.key(sources, settings),
            reports_key=self.state.get_meta("reports_key") or "",
            rows=[],
            articles=tally.articles,
            errors=tally.errors,
            critical_edits=found.critical,
            notices=[*metadata_notices, *replay_stage.install_hints(tally.untranslated())],
            default_settings=settings if settings == Settings().fingerprint() else "",
            max_bytes=self.settings.ingest.max_article_bytes,
            findings=replace(found, new=0, new_critical=0).as_json(),
        )
        self.state.set_meta(RECORD_KEY, record.to_json())

    def _read_officials(self) -> tuple[list[Document], list[IngestError]]:
        folder = self.corpus / OFFICIAL_DIR
        officials: list[Document] = []
        errors: list[IngestError] = []
        for item in ingest_folder(
            folder,
            Role.OFFICIAL,
            plausibility=self.identifier.plausibility,
            max_control=self.settings.ingest.max_control_char_share,
            inside=self.run.inside,
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
            data = read_source(path, inside=self.run.inside, max_bytes=MAX_METADATA_BYTES)
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
                path, inside=self.run.inside, max_bytes=self.settings.ingest.max_article_bytes
            )
        except NotText as exc:
            return Entry(path, error=str(exc))
        sha256 = sha256_bytes(data)
        return Entry(path, data, fingerprint(key_base, sha256), sha256=sha256)

    def _unchanged(
        self, entries: list[Entry], stored: dict[str, str]
    ) -> list[ArticleSummary] | None:
        """Each article's stored summary when nothing is to be audited; None otherwise (an
        article is new or changed, or a stored summary does not read back)."""
        if self.run.full or any(e.key and stored.get(e.article_id) != e.key for e in entries):
            return None
        kept = self.state.digests(e.article_id for e in entries if not e.error)
        digests = []
        for entry in entries:
            if entry.error:
                digests.append(ArticleSummary.of(entry.error_result(self.run.run_at)))
                continue
            try:
                digests.append(ArticleSummary.from_json(kept[entry.article_id]))
            except (KeyError, ValueError, TypeError):
                return None  # a summary that does not read back: its stored result decides
        return digests

    def _counts(self, audited: int, tally: _Tally) -> dict[str, int]:
        return {
            "audited": audited,
            "unchanged": tally.articles - audited - tally.errors,
            "errors": tally.errors,
            "removed": self.removed,
        }

    def _audit(
        self,
        batch: Batch,
        entries: list[Entry],
        stored: dict[str, str],
        desk: Decisions,
        publisher: Publisher,
        metadata: Metadata,
    ) -> tuple[_Tally, FindingCounts, dict[str, ArticleResult]]:
        """Audit what changed, a batch of articles at a time: each result is stored by the
        batch, and what the run needs of it — its summary's counts, its findings (staged in the
        state for the commit, and counted), its history row (staged), its wording groups — is
        taken from it before the next batch; no result is held beyond its batch. Returns the
        run's tally, its findings' counts and the results the state does not hold (a file that
        could not be read at all)."""
        from auditor.run.wordings import WordingUpdate

        run = self.run
        shown = desk.shown()  # a decision's staleness does not change a count
        previous = desk.previous()
        tally = _Tally(keep=run.summaries)
        found = FindingCounts()
        unstored: dict[str, ArticleResult] = {}
        wordings = WordingUpdate(self.state, metadata, run.run_at)
        pending: list[tuple[Entry, Audited]] = []

        def flush() -> None:
            results = [result for _, result in pending]
            desk.stage_findings(
                (f for r in results for f in r.findings),
                {r.article_id: r.content_sha256 for r in results},
                run.run_id,
            )
            publisher.stage_history([r.summary for r in results])
            wordings.add(pending)
            for r in results:
                tally.add(decided_summary(r.summary, r.findings, shown))
            nonlocal found
            found += count(map(Tally.of, (f for r in results for f in r.findings)), shown, previous)
            pending.clear()

        for entry, result in zip(entries, batch.audit(entries, stored), strict=True):
            if entry.error:  # not stored: the reports read it from here
                unstored[entry.article_id] = entry.error_result(run.run_at)
            pending.append((entry, result))
            if len(pending) >= BATCH:
                flush()
        flush()
        return tally, found, unstored


class _Tally:
    """What a run keeps of its articles' summaries: counts, the languages left untranslated,
    and (when `keep`: the end-of-run table wants them) the summaries themselves."""

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep
        self.digests: list[ArticleSummary] = []
        self.articles = self.errors = 0
        #: language mix → fragments untranslated (what the install hints need)
        self.mixes: dict[str, int] = {}

    @classmethod
    def of(cls, digests: Sequence[ArticleSummary]) -> _Tally:
        tally = cls()
        for digest in digests:
            tally.add(digest)
        return tally

    def add(self, summary: ArticleSummary) -> None:
        self.articles += 1
        self.errors += summary.status is Status.ERROR
        if summary.fragments_untranslated:
            mix = summary.language_mix
            self.mixes[mix] = self.mixes.get(mix, 0) + summary.fragments_untranslated
        if self.keep:
            self.digests.append(summary)

    def untranslated(self) -> list[ArticleSummary]:
        """One summary per language mix with fragments left untranslated, standing for the
        articles of that mix (`TranslateStage.install_hints` reads these two fields)."""
        return [
            ArticleSummary(
                article_id="", status=Status.OK, language_mix=mix, fragments_untranslated=n
            )
            for mix, n in self.mixes.items()
        ]


def decided(
    digests: list[ArticleSummary], findings: Sequence[Finding], shown: Mapping[str, Decided]
) -> list[ArticleSummary]:
    """Each article's summary with its dismissed findings out of its counts."""
    by_article: dict[str, list[Finding]] = {}
    for finding in findings:
        by_article.setdefault(finding.article_id, []).append(finding)
    return [decided_summary(d, by_article.get(d.article_id, []), shown) for d in digests]
