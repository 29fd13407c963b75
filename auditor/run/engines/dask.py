"""Auditing articles on a Dask cluster (`auditor audit --engine dask [--scheduler ADDRESS]`).

The driver keeps what it keeps with the process pool — the corpus, its hashes, translation and
the state — and ships each task the articles' bytes (decoded on the worker) or the prepared
articles with their translations (finish), a chunk of them at a time, so workers need no
shared file system and never see the state; a run without translation models sends each chunk
once and gets its results back (`audit`). The official index, built or loaded once here as for
the process pool, and the settings go to each worker once, in a worker plugin that keeps them
for the run; each worker loads the language model once, on its first task that needs it.

A worker whose auditor version or code differs from the driver's is refused: the run ends with
a message naming both (its results could differ from what the state's keys promise). A worker
that dies mid-run costs its tasks a retry on another worker (the scheduler's
`distributed.scheduler.allowed-failures`); a chunk that killed that many workers is retried
article by article, and the article that kills its worker again is that article's error row.
A worker may die at any moment, also while the local cluster starts: the run goes on with the
workers that came up, and a local cluster left without any is given new ones (a bounded number
of times); a scheduler with no worker for `CONNECT_SECONDS` ends the run. A lost scheduler
ends the run (`EngineError`) before any report is written. A local cluster's workers keep
their scratch files in a folder of the run's own, removed when it ends.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError
from typing import TYPE_CHECKING, Any, ClassVar

try:
    import dask
    from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker
    from distributed.core import Status
    from distributed.scheduler import KilledWorker
except ImportError as exc:  # pragma: no cover - depends on the installation
    from auditor.run.engines import EngineError

    raise EngineError(
        f"--engine dask needs dask.distributed, which is not installed ({exc}): in auditor's "
        f"folder, .venv/bin/pip install -c constraints.txt -e '.[dask]'"
    ) from exc

from auditor import __version__
from auditor.records import ArticleResult
from auditor.run.engines import EngineChoice, EngineError, FinishJob
from auditor.run.isolate import Failure
from auditor.run.keys import code_fingerprint
from auditor.settings import Settings

if TYPE_CHECKING:
    from auditor.run.article import ArticleBytes

#: articles per task: the scheduler's cost per task (~1 ms) stays small beside the ~35 ms an
#: article takes, and a worker that dies loses little
CHUNK = 16
#: tasks queued per worker thread beyond the one it runs: workers never wait for the driver,
#: and the driver never holds more than this many chunks' results in the cluster
QUEUED_PER_THREAD = 3
#: how long to wait for a scheduler to answer, and for a cluster to have a worker
CONNECT_SECONDS = 30.0
#: how long closing the client may take (a lost scheduler does not answer)
CLOSE_SECONDS = 10.0
#: how often a wait for a task (or for a first worker) looks at the cluster's workers
WATCH_SECONDS = 2.0
#: times in one run a local cluster left without a worker is given new worker processes
REPLENISH_TIMES = 5


class WorkerRefused(RuntimeError):
    """A worker runs other auditor code than the driver."""


class AuditorPlugin(WorkerPlugin):
    """What each worker holds for one run: the official index (built once, on the driver) and
    the settings, shipped once, and the language model, loaded once per worker."""

    def __init__(self, index: Any, settings: Settings, version: str, code: str) -> None:
        """index: the run's `OfficialIndex`; version, code: the driver's auditor version and
        code fingerprint."""
        self.index = index
        self.settings = settings
        self.version, self.code = version, code
        self.refusal = ""
        self._built: dict[str, Any] = {}
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        del state["_built"], state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._built, self._lock = {}, threading.Lock()

    def setup(self, worker: Any) -> None:
        """Refuse a worker whose auditor is not the driver's; the language model is loaded on
        the first task, not here, so the worker's event loop never waits for it."""
        mine = (__version__, code_fingerprint())
        if mine != (self.version, self.code):
            self.refusal = refusal(worker.address, mine, (self.version, self.code))
            raise WorkerRefused(self.refusal)

    def teardown(self, worker: Any) -> None:
        with self._lock:
            self._built.clear()

    def prepare(self, articles: Sequence[ArticleBytes]) -> list[Any]:
        from auditor.run.article import prepare_bytes

        def one(article: ArticleBytes) -> Any:
            return prepare_bytes(article, self._identifier(), self.settings)

        return self._each(one, articles)

    def audit(self, articles: Sequence[ArticleBytes]) -> list[Any]:
        from auditor.run.article import audit_bytes

        def one(article: ArticleBytes) -> Any:
            return audit_bytes(article, self._identifier(), self.index, self.settings)

        return self._each(one, articles)

    def finish(self, jobs: Sequence[FinishJob]) -> list[Any]:
        from auditor.run.article import finish_article

        def one(job: FinishJob) -> Any:
            return finish_article(
                job.prepared,
                job.translations,
                self.index,
                self.settings,
                round_trip_chrf=job.round_trip_chrf,
            )

        return self._each(one, jobs)

    def _each(self, audit: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        """Each item's result or `Failure`, as the process pool gives them. One task at a
        time per worker: the index is shared, and threads gain nothing on this pure-Python
        work (run workers with one thread each)."""
        if self.refusal:
            raise WorkerRefused(self.refusal)
        out: list[Any] = []
        with self._lock:
            for item in items:
                try:
                    out.append(audit(item))
                except Exception as exc:
                    out.append(Failure.of(exc))
        return out

    def _identifier(self) -> Any:
        """The language model, loaded on this worker the first time a task needs it."""
        if "identifier" not in self._built:
            from auditor.stages.language import load_identifier

            self._built["identifier"] = load_identifier(self.settings.language.languages)
        return self._built["identifier"]


def refusal(address: str, worker: tuple[str, str], driver: tuple[str, str]) -> str:
    """Why a worker is refused, naming both installations."""
    return (
        f"Dask worker {address} runs auditor {worker[0]} (code {worker[1][:12]}), this driver "
        f"auditor {driver[0]} (code {driver[1][:12]}): install the same auditor on the driver "
        f"and every worker"
    )


def _plugin(name: str) -> AuditorPlugin:
    worker = get_worker()
    plugin = worker.plugins.get(name)
    if not isinstance(plugin, AuditorPlugin):
        raise WorkerRefused(
            f"Dask worker {worker.address} has not received the run's official index"
        )
    return plugin


def _prepare_chunk(plugin: str, articles: Sequence[ArticleBytes]) -> list[Any]:
    return _plugin(plugin).prepare(articles)


def _audit_chunk(plugin: str, articles: Sequence[ArticleBytes]) -> list[Any]:
    return _plugin(plugin).audit(articles)


def _finish_chunk(plugin: str, jobs: Sequence[FinishJob]) -> list[Any]:
    return _plugin(plugin).finish(jobs)


class DaskEngine:
    """The articles of one run on a Dask cluster: the one at `choice.scheduler`, or a local
    cluster of `choice.workers` processes started for the run."""

    name: ClassVar[str] = "dask"
    summary: ClassVar[str] = (
        "a Dask cluster: the running one at `--scheduler`, or without it a local cluster of "
        "`--workers` processes; this machine keeps the state and writes the reports"
    )
    options: ClassVar[tuple[str, ...]] = ("--scheduler", "--workers")

    @classmethod
    def problem(cls, choice: EngineChoice) -> str:
        return ""  # any address is tried, and a scheduler that cannot be reached is EngineError

    def __init__(
        self,
        client: Client,
        cluster: LocalCluster | None,
        where: str,
        wanted: int = 1,
        scratch: str | None = None,
    ) -> None:
        """wanted: the local cluster's worker processes; scratch: their scratch folder."""
        self.client, self.cluster, self.where = client, cluster, where
        self.wanted, self.scratch = wanted, scratch
        self.run = uuid.uuid4().hex[:12]
        self.plugin = f"auditor-{self.run}"
        self._tasks = 0
        self._replenished = 0
        self._no_worker_since: float | None = None
        # a lost scheduler is one line from us, not the client's tracebacks as it retries
        self._client_log = logging.getLogger("distributed.client")
        self._client_level = self._client_log.level
        self._client_log.setLevel(logging.CRITICAL)

    @classmethod
    def start(
        cls,
        choice: EngineChoice,
        index: Any,
        settings: Settings,
        identifier: Any = None,
    ) -> DaskEngine:
        """Connect (or start a local cluster), wait for a worker, and send every worker the
        official `index` and the settings; a worker with other auditor code is refused here.
        identifier: unused (workers are other processes, which load their own model)."""
        cluster: LocalCluster | None = None
        wanted = max(1, choice.workers or 1)
        scratch: str | None = None
        try:
            if choice.scheduler:
                where = f"the Dask scheduler at {choice.scheduler}"
                client = Client(choice.scheduler, timeout=CONNECT_SECONDS)
            else:
                where = "the local Dask cluster"
                scratch = tempfile.mkdtemp(prefix="auditor-dask-")
                # the scheduler first, then the workers in the background: a worker that dies
                # while it starts is one worker fewer (`_replenish`), not a failed start
                with dask.config.set({"temporary-directory": scratch}):  # the scheduler's
                    cluster = LocalCluster(
                        n_workers=0,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        scheduler_port=0,
                        silence_logs=logging.CRITICAL,
                        local_directory=scratch,
                    )
                cluster.scale(wanted)
                client = Client(cluster)
        except (OSError, TimeoutError) as exc:
            _remove(scratch)
            raise EngineError(f"cannot reach {where}: {_reason(exc)}") from exc
        except RuntimeError as exc:  # the scheduler could not start
            _remove(scratch)
            raise EngineError(f"cannot start {where}: {_reason(exc)}") from exc
        engine = cls(client, cluster, where, wanted, scratch)
        try:
            engine._wait_for_workers(choice.scheduler)
            plugin = AuditorPlugin(index, settings, __version__, code_fingerprint())
            client.register_plugin(plugin, name=engine.plugin)
        except WorkerRefused as exc:
            engine.close()
            raise EngineError(str(exc)) from exc
        except EngineError:
            engine.close()
            raise
        except (OSError, TimeoutError, CancelledError) as exc:
            engine.close()
            raise EngineError(f"lost {where}: {_reason(exc)}") from exc
        except Exception as exc:  # e.g. a worker without auditor cannot unpickle the plugin
            engine.close()
            raise EngineError(f"a worker of {where} {_failed(exc)}") from exc
        except BaseException:
            engine.close()
            raise
        return engine

    def prepare(self, articles: Sequence[ArticleBytes]) -> Iterator[Any]:
        """Prepared articles (or `Unreadable`, or their `Failure`), in the order of
        `articles`."""
        return self._map(_prepare_chunk, articles)

    def audit(self, articles: Sequence[ArticleBytes]) -> Iterator[Any]:
        """Finished articles as the run keeps them (`Audited`, or `Unreadable`, or their
        `Failure`), in the order of `articles`: both halves in one task."""
        return self._map(_audit_chunk, articles)

    def finish(self, jobs: Sequence[FinishJob]) -> Iterator[ArticleResult | Failure]:
        """Finished articles (or their `Failure`), in the order of `jobs`."""
        return self._map(_finish_chunk, jobs)

    def close(self) -> None:
        """Take the run's official index off the workers of a shared cluster; end a local one."""
        # nothing of the run depends on this: a worker releases the index when it ends
        with contextlib.suppress(Exception):
            if self.cluster is None and self.client.status == "running":
                self.client.unregister_worker_plugin(self.plugin)
        with contextlib.suppress(Exception):
            self.client.close(timeout=CLOSE_SECONDS)
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close(timeout=CLOSE_SECONDS)
        _remove(self.scratch)
        self._client_log.setLevel(self._client_level)

    def _wait_for_workers(self, scheduler: str | None) -> None:
        """Return once the cluster has a worker — for a local cluster, once each of its
        worker processes has started or died starting (a cluster whose workers all died is
        given new ones); `EngineError` when none comes within `CONNECT_SECONDS`."""
        deadline = time.monotonic() + CONNECT_SECONDS
        while True:
            wanted = 1 if self.cluster is None else self.wanted
            try:
                self.client.wait_for_workers(wanted, timeout=WATCH_SECONDS)
                return
            except TimeoutError:
                pass
            if self.cluster is not None:
                if self._workers() and not self._starting():
                    return  # going on with the workers that came up
                self._watch()
            if time.monotonic() > deadline:
                if self._workers():
                    return
                raise EngineError(
                    f"{self.where} has no worker (waited {CONNECT_SECONDS:g} s)"
                    + (f": start one with `dask worker {scheduler}`" if scheduler else "")
                )

    def _workers(self) -> int:
        """Workers the scheduler knows."""
        try:
            return len(self.client.scheduler_info().get("workers", {}))
        except (OSError, TimeoutError, CancelledError) as exc:
            raise self._lost(exc) from exc

    def _starting(self) -> int:
        """The local cluster's worker processes still starting."""
        assert self.cluster is not None
        starting = (Status.init, Status.created, Status.starting)
        return sum(1 for w in list(self.cluster.workers.values()) if w.status in starting)

    def _watch(self) -> None:
        """A wait for the cluster's work went on for `WATCH_SECONDS`: look at its workers. A
        local cluster whose worker processes are gone (killed while starting, or their
        nanny gave up) gets new ones; a cluster that stays without any ends the run."""
        workers = self._workers()
        now = time.monotonic()
        if workers:  # going on with them; gone ones replaced while the budget lasts
            self._no_worker_since = None
            if (
                self.cluster is not None
                and self._alive() < self.wanted
                and self._replenished < REPLENISH_TIMES
            ):
                self._replenish()
            return
        if self._no_worker_since is None:
            self._no_worker_since = now
        waited = now - self._no_worker_since > CONNECT_SECONDS
        if self.cluster is not None and (self._alive() < self.wanted or waited):
            self._replenish()  # processes gone, or alive but never back: new ones
            self._no_worker_since = now if waited else self._no_worker_since
        elif waited:
            raise EngineError(
                f"{self.where} has had no worker for {CONNECT_SECONDS:g} s; the reports are as "
                f"they were"
            )

    def _alive(self) -> int:
        """The local cluster's worker processes that run or are starting."""
        assert self.cluster is not None
        alive = (Status.init, Status.created, Status.starting, Status.running)
        return sum(1 for w in list(self.cluster.workers.values()) if w.status in alive)

    def _replenish(self) -> None:
        """Start new worker processes for those of the local cluster that are gone."""
        assert self.cluster is not None
        if self._replenished >= REPLENISH_TIMES:
            raise EngineError(
                f"{self.where} lost its workers {self._replenished} times (killed?); the "
                f"reports are as they were"
            )
        self._replenished += 1
        missing = self.wanted - self._alive()
        self.cluster.scale(len(self.cluster.worker_spec) + missing)

    def _map(
        self, function: Callable[[str, Sequence[Any]], list[Any]], items: Sequence[Any]
    ) -> Iterator[Any]:
        """`function` over `items` in chunks, with a bounded number of chunks in the cluster;
        outcomes in the order of `items` (the driver saves them as they come)."""
        chunks = (items[start : start + CHUNK] for start in range(0, len(items), CHUNK))
        pending: deque[tuple[Future, Sequence[Any]]] = deque()
        limit = max(2, QUEUED_PER_THREAD * self._threads())
        while True:
            for chunk in chunks:
                pending.append((self._submit(function, chunk), chunk))
                if len(pending) >= limit:
                    break
            if not pending:
                return
            future, chunk = pending.popleft()
            yield from self._outcome(function, future, chunk)

    def _submit(self, function: Callable[..., list[Any]], chunk: Sequence[Any]) -> Future:
        self._tasks += 1
        # a key of our own: dask would otherwise hash every article to name the task
        key = f"{function.__name__.strip('_')}-{self.run}-{self._tasks}"
        try:
            return self.client.submit(function, self.plugin, list(chunk), key=key)
        except (OSError, TimeoutError, CancelledError) as exc:
            raise self._lost(exc) from exc

    def _outcome(
        self, function: Callable[..., list[Any]], future: Future, chunk: Sequence[Any]
    ) -> list[Any]:
        try:
            results = self._result(future)
        except KilledWorker as exc:
            if len(chunk) == 1:
                return [Failure.of(exc)]
            # one article may be what kills its worker: only that one should fail
            return [
                result
                for item in chunk
                for result in self._outcome(function, self._submit(function, [item]), [item])
            ]
        except WorkerRefused as exc:
            raise EngineError(str(exc)) from exc
        except Exception as exc:
            # an article's own failure comes back as its `Failure`: what raises here is the
            # cluster's (a worker without the run's code, a lost scheduler), not a finding to
            # store in the state
            if future.status == "error":
                raise EngineError(f"a task on {self.where} {_failed(exc)}") from exc
            raise self._lost(exc) from exc
        finally:
            future.release()
        if len(results) != len(chunk):
            raise EngineError(f"{self.where} returned {len(results)} results for {len(chunk)}")
        return results

    def _result(self, future: Future) -> Any:
        """The future's result, watching the cluster's workers while it is awaited. The wait
        for the task is an event the future sets when it ends; only then is its result asked
        for. (Asking with a timeout every `WATCH_SECONDS` while the task runs lost a run now
        and then: on Python 3.11 a timeout that races the result's arrival escapes
        `distributed.utils.sync`'s `except Exception` as a cancellation, and comes out as an
        UnboundLocalError.)"""
        ended = threading.Event()
        future.add_done_callback(lambda _: ended.set())
        while True:
            if not ended.wait(WATCH_SECONDS):
                self._watch()
                continue
            try:  # a result whose worker died since is computed again: wait on
                return future.result(timeout=WATCH_SECONDS)
            except TimeoutError:
                if future.status == "error":  # the task's own error, not the wait's
                    raise
                self._watch()  # (a task that finished just now is read on the next turn)

    def _threads(self) -> int:
        try:
            return sum(self.client.nthreads().values())
        except (OSError, TimeoutError, CancelledError) as exc:
            raise self._lost(exc) from exc

    def _lost(self, exc: BaseException) -> EngineError:
        why = "connection lost" if isinstance(exc, CancelledError) else _reason(exc)
        return EngineError(f"lost {self.where} mid-run ({why}); the reports are as they were")


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _failed(exc: BaseException) -> str:
    return (
        f"failed ({type(exc).__name__}: {_reason(exc)}): is the driver's auditor installed on "
        f"every worker?"
    )


def _remove(folder: str | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
