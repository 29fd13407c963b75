"""Execution engines: where the per-article work of a run (`auditor.run.article`) runs.

An engine is sent articles as their bytes, which its workers decode and prepare — or, in a run
without translation models, decode, prepare and finish in one task (`audit`) — and finishes
prepared ones, each in the order given, returning an article's `Failure` in its place when its
audit raised or its worker died. Everything else — reading and hashing the corpus, deciding
what is unchanged, translation, the state and the reports — stays with the driver
(`auditor.run.batch`), so every engine gives the same reports. Adding an engine is one module
with a class that describes itself and has `start`, `problem` and the methods of `Engine`, and
one line in `ENGINES`; its heavy imports belong inside that module, which is imported only when
a run uses it. `auditor audit --help` and
docs/guide.md list the engines from here (`listing`).

This module holds what every engine shares: the registry, the choice of engine and its size,
and the job record a worker finishes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Protocol

if TYPE_CHECKING:
    from auditor.records import ArticleResult, Translation
    from auditor.run.article import ArticleBytes
    from auditor.run.isolate import Failure
    from auditor.settings import Settings
    from auditor.stages.align import OfficialIndex

#: engine name → "module:class"; the first is the default
ENGINES = {
    "processes": "auditor.run.engines.processes:ProcessEngine",
    "dask": "auditor.run.engines.dask:DaskEngine",
}
DEFAULT_ENGINE = next(iter(ENGINES))

#: articles to audit per worker before another process pays for its start (imports, language
#: model: ~1 s of CPU, the audit of about ten articles)
ARTICLES_PER_WORKER = 24


class EngineError(Exception):
    """The engine could not run the audit (not installed, cluster unreachable or lost, a worker
    refused); the message is one line for the user, and the run ends without new reports."""


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def default_workers(articles: int, cores: int | None = None) -> int:
    """`--workers` when not given: one process per usable core, as long as each has enough
    articles to pay for its start."""
    cores = usable_cores() if cores is None else cores
    return max(1, min(cores, articles // ARTICLES_PER_WORKER))


class EngineChoice(NamedTuple):
    """Which engine a run uses and how it is sized."""

    name: str = DEFAULT_ENGINE
    #: processes (for `dask` without a scheduler: the local cluster's worker processes; with
    #: one, the cluster's own workers); None: `sized` decides
    workers: int | None = None
    scheduler: str | None = None  #: a running cluster's address (`dask` only)

    def sized(self, articles: int) -> EngineChoice:
        """This choice with `workers` decided for `articles` to audit: one process per usable
        core when there are enough articles to pay for their start (`default_workers`); a
        number asked for is capped at one process per article and per usable core (more would
        only wait, or fork in vain)."""
        if self.workers is None:
            return self._replace(workers=default_workers(articles))
        if self.scheduler:  # a running cluster's own workers: not this machine's processes
            return self
        return self._replace(workers=max(1, min(self.workers, articles, usable_cores())))

    def problem(self) -> str:
        """Why this choice is a usage error; empty when it is valid. The engine judges its own
        options (it is imported: EngineError when it cannot be)."""
        if self.name not in ENGINES:
            return f"unknown engine {self.name!r} (choose from {', '.join(ENGINES)})"
        if self.workers is not None and self.workers < 1:
            return f"--workers must be at least 1 (got {self.workers})"
        return engine_class(self.name).problem(self)


class FinishJob(NamedTuple):
    """What a worker needs to finish one prepared article."""

    prepared: Any  # PreparedArticle
    translations: Mapping[int, Translation]
    round_trip_chrf: Mapping[str, float]


class Engine(Protocol):
    """Runs `prepare_article` and `finish_article` somewhere; results come back in the order of
    their inputs. The class describes itself (`name`, `summary`, `options`) and judges a
    choice of it (`problem`); `start` opens it for a run."""

    name: ClassVar[str]  #: what `--engine` calls it
    summary: ClassVar[str]  #: one line: where it runs the articles
    options: ClassVar[tuple[str, ...]]  #: the command-line options it reads besides --engine

    @classmethod
    def problem(cls, choice: EngineChoice) -> str:
        """Why `choice` cannot run on this engine (a usage error); empty when it can."""
        ...

    def prepare(self, articles: Sequence[ArticleBytes]) -> Iterator[Any]:
        """The `PreparedArticle` of each article (decoded from its bytes), its `Unreadable`
        when they are not text, or its `Failure`."""
        ...

    def audit(self, articles: Sequence[ArticleBytes]) -> Iterator[Any]:
        """Each article's result from its bytes in one task, without translations, as the run
        keeps it (`auditor.run.article.audit_bytes`: an `Audited`), its `Unreadable`, or its
        `Failure`."""
        ...

    def finish(self, jobs: Sequence[FinishJob]) -> Iterator[ArticleResult | Failure]:
        """The `ArticleResult` of each job, or its `Failure`."""
        ...

    def close(self) -> None:
        """Release the workers; safe to call after a failure."""
        ...


def engine_class(name: str) -> Any:
    """The class of engine `name`, imported (EngineError when its library is not installed)."""
    module, attribute = ENGINES[name].split(":")
    return getattr(import_module(module), attribute)


def listing() -> str:
    """The engines as docs/guide.md lists them, one line each (imports every engine)."""
    lines = []
    for name in ENGINES:
        engine = engine_class(name)
        default = " (the default)" if name == DEFAULT_ENGINE else ""
        options = ", ".join(f"`{option}`" for option in engine.options)
        lines.append(f"- `{engine.name}`{default}: {engine.summary} (options: {options or 'none'})")
    return "\n".join(lines)


def open_engine(
    choice: EngineChoice,
    index: OfficialIndex,
    settings: Settings,
    identifier: Any = None,
) -> Engine:
    """Start the engine `choice` names (`sized` for the run's articles), its workers holding
    the run's official `index` and `settings`.
    identifier: the driver's language model, for an engine that runs in this process."""
    engine: Engine = engine_class(choice.name).start(choice, index, settings, identifier)
    return engine
