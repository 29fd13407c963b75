"""Spreading articles over processes (`--workers N`).

Each worker loads the language model and builds the official index once, in its initializer,
then prepares or finishes articles sent to it; what is shipped per article is the decoded
document (prepare) or the prepared article with its translations (finish). With one worker
everything runs in this process through the same functions, so results are identical.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from auditor.records import ArticleResult, Document, Translation
from auditor.settings import Settings

#: articles sent to a worker at a time: large enough to amortise pickling, small enough to
#: keep both cores busy to the end
CHUNK = 8

_context: dict[str, Any] = {}


def _initialise(officials: Sequence[Document], settings: Settings) -> None:
    _context.clear()
    _context.update(officials=officials, settings=settings)


def _identifier() -> Any:
    if "identifier" not in _context:
        from auditor.stages.language import load_identifier

        _context["identifier"] = load_identifier(_context["settings"].language.languages)
    return _context["identifier"]


def _index() -> Any:
    if "index" not in _context:
        from auditor.run.article import build_index

        _context["index"] = build_index(_context["officials"], _context["settings"])
    return _context["index"]


def _prepare(document: Document) -> Any:
    from auditor.run.article import prepare_article

    return prepare_article(document, _identifier(), _context["settings"])


@dataclass(frozen=True)
class FinishJob:
    """What a worker needs to finish one prepared article."""

    prepared: Any  # PreparedArticle
    translations: Mapping[int, Translation]
    round_trip_chrf: Mapping[str, float]


def _finish(job: FinishJob) -> ArticleResult:
    from auditor.run.article import finish_article

    return finish_article(
        job.prepared,
        job.translations,
        _index(),
        _context["settings"],
        round_trip_chrf=job.round_trip_chrf,
    )


class Workers:
    """`workers` processes (or this process when 1) that prepare and finish articles."""

    def __init__(
        self,
        workers: int,
        officials: Sequence[Document],
        settings: Settings,
        identifier: Any = None,
    ) -> None:
        """identifier: the caller's language model, reused when everything runs here."""
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        if self.workers == 1:
            _initialise(officials, settings)
            if identifier is not None:
                _context["identifier"] = identifier
        else:
            self._pool = ProcessPoolExecutor(
                self.workers, initializer=_initialise, initargs=(officials, settings)
            )

    def prepare(self, documents: Sequence[Document]) -> Iterator[Any]:
        """Prepared articles, in the order of `documents`."""
        if self._pool is None:
            return map(_prepare, documents)
        return self._pool.map(_prepare, documents, chunksize=CHUNK)

    def finish(self, jobs: Sequence[FinishJob]) -> Iterator[ArticleResult]:
        """Finished articles, in the order of `jobs`."""
        if self._pool is None:
            return map(_finish, jobs)
        return self._pool.map(_finish, jobs, chunksize=CHUNK)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
        _context.clear()
