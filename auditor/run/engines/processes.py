"""`--engine processes` (the default): articles spread over `--workers N` processes of this
machine.

The official index, built (or loaded from the state) once in this process, is handed to every
worker with its initializer (inherited without a copy where processes fork, pickled once per
worker where they spawn: ~30× cheaper than building it again). The language model is loaded
once: here, before the workers fork and share it; where they spawn, once in each worker when
its first article needs it. What is shipped per article is its bytes (a worker decodes them),
or for the second half of a run with translation models the prepared article with its
translations. With one worker everything runs in this process through the same functions, so
results are identical.

Whatever one article's audit raises comes back as that article's `Failure`, and a worker that
dies (killed, out of memory) fails only the articles still pending. Workers die with the
process that started them: a killed audit leaves no orphan behind.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from auditor.run.engines import EngineChoice, FinishJob

if TYPE_CHECKING:  # imported when articles are audited: a run that audits none needs none
    from concurrent.futures import ProcessPoolExecutor

    from auditor.records import ArticleResult
    from auditor.run.article import ArticleBytes
    from auditor.run.isolate import Failure
    from auditor.settings import Settings
    from auditor.stages.align import OfficialIndex
    from auditor.stages.language import LazyIdentifier

#: articles sent to a worker at a time: large enough to amortise pickling, small enough to
#: keep both cores busy to the end
CHUNK = 8

#: how often a worker checks that the process that started it is still alive
PARENT_CHECK_SECONDS = 0.5

_context: dict[str, Any] = {}
Result = TypeVar("Result")


def _initialise(settings: Settings, index: OfficialIndex, identifier: Any) -> None:
    _context.clear()
    _context.update(settings=settings, index=index)
    if identifier is not None:
        _context["identifier"] = identifier


def _initialise_worker(
    settings: Settings, index: OfficialIndex, identifier: Any, parent: int
) -> None:
    _die_with(parent)
    _initialise(settings, index, identifier)


def _die_with(parent: int) -> None:
    """End this worker when `parent` ends, however it ends (SIGKILL included): at once through
    the kernel on Linux, and by polling the parent everywhere (a worker busy in C code that
    holds the interpreter still ends through the kernel)."""
    if sys.platform == "linux":
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="auditor-parent-watch", daemon=True).start()


def _identifier() -> Any:
    if "identifier" not in _context:
        from auditor.stages.language import load_identifier

        _context["identifier"] = load_identifier(_context["settings"].language.languages)
    return _context["identifier"]


def _prepare(article: ArticleBytes) -> Any:
    """The prepared article (or `Unreadable`), or the `Failure` its preparation raised."""
    from auditor.run.article import prepare_bytes
    from auditor.run.isolate import Failure

    try:
        return prepare_bytes(article, _identifier(), _context["settings"])
    except Exception as exc:
        return Failure.of(exc)


def _audit(article: ArticleBytes) -> Any:
    """The article's result as the run keeps it (or `Unreadable`), or the `Failure` its
    audit raised."""
    from auditor.run.article import audit_bytes
    from auditor.run.isolate import Failure

    try:
        return audit_bytes(article, _identifier(), _context["index"], _context["settings"])
    except Exception as exc:
        return Failure.of(exc)


def _finish(job: FinishJob) -> ArticleResult | Failure:
    """The article's result, or the `Failure` its audit raised."""
    from auditor.run.article import finish_article
    from auditor.run.isolate import Failure

    try:
        return finish_article(
            job.prepared,
            job.translations,
            _context["index"],
            _context["settings"],
            round_trip_chrf=job.round_trip_chrf,
        )
    except Exception as exc:
        return Failure.of(exc)


def _survive_pool(results: Iterator[Result], total: int) -> Iterator[Result | Failure]:
    """`results`; when a worker process dies, a `Failure` for each article still pending."""
    from concurrent.futures.process import BrokenProcessPool

    from auditor.run.isolate import Failure

    done = 0
    try:
        for result in results:
            done += 1
            yield result
    except BrokenProcessPool as exc:
        failure = Failure.of(exc)
        for _ in range(total - done):
            yield failure


class ProcessEngine:
    """`workers` processes (or this process when 1) that prepare and finish articles."""

    name: ClassVar[str] = "processes"
    summary: ClassVar[str] = (
        "processes of this machine, one per usable core when there are enough articles to "
        "audit to pay for their start"
    )
    options: ClassVar[tuple[str, ...]] = ("--workers",)

    def __init__(
        self,
        workers: int,
        index: OfficialIndex,
        settings: Settings,
        identifier: LazyIdentifier | None = None,
    ) -> None:
        """index: the run's official index; identifier: the caller's language model, reused
        here and by forked workers."""
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        if self.workers == 1:
            _initialise(settings, index, identifier)
        else:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            if identifier is not None and multiprocessing.get_start_method() == "fork":
                identifier.load()  # forked workers share the loaded model
            self._pool = ProcessPoolExecutor(
                self.workers,
                initializer=_initialise_worker,
                initargs=(settings, index, identifier, os.getpid()),
            )

    @classmethod
    def problem(cls, choice: EngineChoice) -> str:
        if choice.scheduler:
            return "--scheduler needs --engine dask"
        return ""

    @classmethod
    def start(
        cls,
        choice: EngineChoice,
        index: OfficialIndex,
        settings: Settings,
        identifier: Any = None,
    ) -> ProcessEngine:
        """The `processes` engine with `choice.workers` processes (a choice `sized` for the
        run's articles)."""
        return cls(choice.workers or 1, index, settings, identifier)

    def prepare(self, articles: Sequence[ArticleBytes]) -> Iterator[Any]:
        """Prepared articles (or `Unreadable`, or their `Failure`), in the order of
        `articles`."""
        return self._map(_prepare, articles)

    def audit(self, articles: Sequence[ArticleBytes]) -> Iterator[Any]:
        """Finished articles as the run keeps them (`Audited`, or `Unreadable`, or their
        `Failure`) in the order of `articles`, both halves in one task (a run without
        translation models)."""
        return self._map(_audit, articles)

    def _map(self, task: Any, items: Sequence[Any]) -> Iterator[Any]:
        if self._pool is None:
            return map(task, items)
        return _survive_pool(self._pool.map(task, items, chunksize=CHUNK), len(items))

    def finish(self, jobs: Sequence[FinishJob]) -> Iterator[ArticleResult | Failure]:
        """Finished articles (or their `Failure`), in the order of `jobs`."""
        return self._map(_finish, jobs)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        _context.clear()
