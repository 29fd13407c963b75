"""The articles a run must audit, in the stages of the data flow, each batched over the run:
decoding, segments and languages on the workers (the driver reads, hashes and ships each
article's bytes), translation of every fragment (one batch per language), round-trip evidence
(one batch per pivot), then alignment, scores and changes per article on the workers; a run
without translation models has nothing to batch between the halves, and each article is one
task on a worker. Each article is isolated: whatever its audit raises is its own row
(`auditor.run.isolate`), and every result is stored as soon as it is known (one transaction per
article), so a killed run keeps every article it finished.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.records import ArticleResult, Document, IngestError, Role, Status
from auditor.run.article import ArticleBytes, Unreadable
from auditor.run.audited import Audited, audited
from auditor.run.engines import Engine, EngineChoice, open_engine
from auditor.run.isolate import Failure, FailureLog, failed_result, per_article
from auditor.run.official_index import official_index
from auditor.settings import Settings
from auditor.stages.ingest import sha256_bytes, source_id
from auditor.stages.language import LazyIdentifier
from auditor.store.state import State
from auditor.translation.stage import TranslateStage

if TYPE_CHECKING:
    from auditor.run.article import PreparedArticle

#: called once per article as it finishes: (article_id, done, total)
Progress = Callable[[str, int, int], None]
#: articles that go through the stages together: the driver holds the results of one chunk
#: (memory flat in the number of articles; a chunk still fills every worker many times over)
CHUNK = 256


def error_result(error: IngestError, audited_at: str) -> ArticleResult:
    return ArticleResult(
        article_id=error.doc_id,
        status=Status.ERROR,
        content_sha256=error.content_sha256,
        error=error.error,
        audited_at=audited_at,
    )


@dataclass
class Entry:
    """One file of `articles/` in this run: its key, or why it cannot be read."""

    path: Path
    data: bytes = b""
    key: str = ""
    error: str = ""
    sha256: str = ""  #: of `data`

    @property
    def article_id(self) -> str:
        return source_id(self.path.name)

    def error_result(self, audited_at: str) -> ArticleResult:
        sha = sha256_bytes(self.data) if self.data else ""
        return error_result(IngestError(self.article_id, Role.ARTICLE, self.error, sha), audited_at)


@dataclass
class Batch:
    """What the articles of one run are audited with."""

    state: State
    officials: list[Document]
    stage: TranslateStage
    settings: Settings
    identifier: LazyIdentifier
    failures: FailureLog
    run_id: str
    run_at: str
    #: where articles are audited; its `workers` None: `default_workers` for the articles to
    #: audit
    engine: EngineChoice = field(default_factory=EngineChoice)
    progress: Progress | None = None
    audited: int = 0  #: articles audited so far by `audit`

    def audit(self, entries: list[Entry], stored: dict[str, str]) -> Iterator[Audited]:
        """Every entry's result as the run keeps it (`auditor.run.audited`), in order (stored
        ones reused when their key is `stored`), each already stored in the state; `audited`
        counts the articles audited. Articles go through the stages `CHUNK` at a time, so that
        the driver holds the results of one chunk, never of the whole run (the engine stays
        open from one chunk to the next)."""
        self.audited = 0
        to_audit = sum(1 for e in entries if not e.error and stored.get(e.article_id) != e.key)
        reported = [0]  # articles whose own audit is done, for progress
        workers: Engine | None = None

        def engine() -> Engine:
            nonlocal workers
            if workers is None:
                choice = self.engine.sized(to_audit)
                index = official_index(self.officials, self.settings, self.state)
                workers = open_engine(choice, index, self.settings, self.identifier)
            return workers

        try:
            for start in range(0, len(entries), CHUNK):
                yield from self._chunk(entries, start, stored, engine, reported)
        finally:
            if workers is not None:
                workers.close()

    def _chunk(
        self,
        entries: list[Entry],
        start: int,
        stored: dict[str, str],
        engine: Callable[[], Engine],
        reported_so_far: list[int],
    ) -> Iterator[Audited]:
        """The results of `entries[start : start + CHUNK]`, in order."""
        results: dict[int, Audited] = {}
        articles: dict[int, ArticleBytes] = {}
        reported: set[int] = set()

        def reached(position: int) -> None:
            """Progress: an article's own audit is done (the first time only)."""
            if position not in reported:
                reported.add(position)
                reported_so_far[0] += 1
                if self.progress:
                    self.progress(entries[position].article_id, reported_so_far[0], len(entries))

        def done(position: int, result: Audited) -> None:
            results[position] = result
            reached(position)

        for position in range(start, min(start + CHUNK, len(entries))):
            entry = entries[position]
            if entry.error:
                done(position, audited(entry.error_result(self.run_at)))
                continue
            if stored.get(entry.article_id) == entry.key:
                reused = self._stored_result(entry)
                if reused is not None:
                    done(position, reused)
                    continue
            # decoded there
            articles[position] = ArticleBytes(entry.article_id, entry.data, self.run_at)
        if articles:
            workers = engine()
            for position, outcome in self._outcomes(articles, workers, reached):
                entry = entries[position]
                if isinstance(outcome, Unreadable):
                    # as a file that does not read: not audited; stored like any result, so a
                    # binary or empty file costs no re-audit
                    outcome = (
                        self._failed(entry, outcome.failure)
                        if outcome.failure is not None
                        else replace(entry, error=outcome.reason).error_result(self.run_at)
                    )
                else:
                    self.audited += 1
                    if isinstance(outcome, Failure):
                        outcome = self._failed(entry, outcome)
                done(position, self._save(entry, outcome))
            articles.clear()
        for position in sorted(results):
            yield results.pop(position)

    def _stored_result(self, entry: Entry) -> Audited | None:
        """The stored result of an unchanged article; None when it cannot be read back (the
        article is then audited again)."""
        try:
            text, result = self.state.stored_result(entry.article_id)
        except (ValueError, KeyError, TypeError):
            return None
        return audited(result, stored=text)

    def _failed(self, entry: Entry, failure: Failure) -> ArticleResult:
        self.failures.record(entry.article_id, failure)
        sha = sha256_bytes(entry.data) if entry.data else ""
        return failed_result(entry.article_id, sha, failure, self.run_at)

    def _save(self, entry: Entry, result: ArticleResult | Audited) -> Audited:
        """Store one article's result (one transaction); a result that cannot be stored is
        that article's internal error, never the run's."""
        try:
            kept = result if isinstance(result, Audited) else audited(result)
            self._store(entry, kept)
        except (ValueError, TypeError, UnicodeError) as exc:
            kept = audited(self._failed(entry, Failure.of(exc)))
            self._store(entry, kept)
        return kept

    def _store(self, entry: Entry, kept: Audited) -> None:
        self.state.save_result(
            kept.article_id,
            kept.content_sha256,
            kept.stored,
            kept.summary.to_json(),
            cache_key=entry.key,
            run_id=self.run_id,
        )

    def _outcomes(
        self, articles: dict[int, ArticleBytes], workers: Engine, reached: Callable[[int], None]
    ) -> Iterator[tuple[int, ArticleResult | Audited | Unreadable | Failure]]:
        """Each article's outcome, from its bytes. Without translation models there is nothing
        to batch between the halves: each article is audited in one task, comes back as the
        run keeps it (`Audited`, made on the worker) and is saved as it comes back (its
        untranslated fragments counted for the install hints)."""
        if not self.stage.models:
            for position, outcome in zip(
                articles, workers.audit(list(articles.values())), strict=True
            ):
                if isinstance(outcome, Audited):
                    self.stage.fragments(list(outcome.fragments))
                yield position, outcome
            return
        prepared: dict[int, PreparedArticle] = {}
        for position, item in zip(articles, workers.prepare(list(articles.values())), strict=True):
            if isinstance(item, Unreadable | Failure):
                yield position, item
            else:
                prepared[position] = item
        yield from self._finish(prepared, workers, reached)

    def _finish(
        self, prepared: dict[int, PreparedArticle], workers: Engine, reached: Callable[[int], None]
    ) -> Iterator[tuple[int, ArticleResult | Failure]]:
        """Translation of every fragment of the run (one batch per language), round-trip
        evidence (one batch per pivot), then alignment, scores and changes on the workers.
        A batch that raises is retried article by article: only the culprit fails.
        `reached(position)` as each article comes back from the workers, so that progress
        moves before the batched explanation of drift at the end."""
        from auditor.run.engines import FinishJob
        from auditor.stages.backtranslation import explain_drift, similarity_by_pivot

        stage = self.stage
        translated = stage.fragments(
            [(s.language, s.text) for p in prepared.values() for s in p.fragments()]
        )
        similarity, failed = per_article(
            lambda batch: similarity_by_pivot(batch, stage),
            {position: p.english_sentences() for position, p in prepared.items()},
        )
        yield from failed.items()
        ready = [position for position in prepared if position in similarity]
        jobs = [
            FinishJob(
                prepared[position],
                {s.index: translated[(s.language, s.text)] for s in prepared[position].fragments()},
                similarity[position],
            )
            for position in ready
        ]
        finished: dict[int, ArticleResult] = {}
        for position, outcome in zip(ready, workers.finish(jobs), strict=True):
            reached(position)
            if isinstance(outcome, Failure):
                yield position, outcome
            else:
                finished[position] = replace(outcome, audited_at=self.run_at)
        explained, failed = per_article(
            lambda batch: explain_drift(batch, stage, self.settings.backtranslation), finished
        )
        yield from failed.items()
        yield from explained.items()
