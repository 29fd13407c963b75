"""Execution engines: where the per-article work of a run (`auditor.run.article`) runs.

An engine prepares decoded articles and finishes prepared ones, each in the order given, and
returns an article's `Failure` in its place when its audit raised or its worker died. Everything
else — reading and hashing the corpus, deciding what is unchanged, translation, the state and
the reports — stays with the driver (`auditor.run.batch`), so every engine gives the same
reports. Adding an engine is one module with a class that has `start` and the methods of
`Engine`, and one line in `ENGINES`; its heavy imports belong inside that module, which is
imported only when a run has articles to audit on it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from auditor.records import ArticleResult, Document
    from auditor.run.isolate import Failure
    from auditor.run.workers import FinishJob
    from auditor.settings import Settings

#: engine name → "module:class" (the class's `start` opens it); the first is the default
ENGINES = {
    "processes": "auditor.run.workers:Workers",
    "dask": "auditor.run.engines.dask:DaskEngine",
}
DEFAULT_ENGINE = next(iter(ENGINES))


class EngineError(Exception):
    """The engine could not run the audit (not installed, cluster unreachable or lost, a worker
    refused); the message is one line for the user, and the run ends without new reports."""


@dataclass(frozen=True)
class EngineChoice:
    """Which engine a run uses and how it is sized."""

    name: str = DEFAULT_ENGINE
    #: processes (for `dask` without a scheduler: the local cluster's worker processes; with
    #: one, the cluster's own workers); None: `sized` decides
    workers: int | None = None
    scheduler: str | None = None  #: a running cluster's address (`dask` only)

    def sized(self, articles: int) -> EngineChoice:
        """This choice with `workers` decided for `articles` to audit: one process per usable
        core when there are enough articles to pay for their start
        (`auditor.run.workers.default_workers`); a number asked for is capped at one
        process per article and per usable core (more would only wait, or fork in vain)."""
        from auditor.run.workers import default_workers, usable_cores

        if self.workers is None:
            return replace(self, workers=default_workers(articles))
        if self.scheduler:  # a running cluster's own workers: not this machine's processes
            return self
        return replace(self, workers=max(1, min(self.workers, articles, usable_cores())))

    def problem(self) -> str:
        """Why this choice is a usage error; empty when it is valid."""
        if self.name not in ENGINES:
            return f"unknown engine {self.name!r} (choose from {', '.join(ENGINES)})"
        if self.scheduler and self.name != "dask":
            return "--scheduler needs --engine dask"
        if self.workers is not None and self.workers < 1:
            return f"--workers must be at least 1 (got {self.workers})"
        return ""


class Engine(Protocol):
    """Runs `prepare_article` and `finish_article` (through `auditor.run.workers`'s job
    records) somewhere; results come back in the order of their inputs."""

    def prepare(self, documents: Sequence[Document]) -> Iterator[Any]:
        """The `PreparedArticle` of each document, or its `Failure`."""
        ...

    def finish(self, jobs: Sequence[FinishJob]) -> Iterator[ArticleResult | Failure]:
        """The `ArticleResult` of each job, or its `Failure`."""
        ...

    def close(self) -> None:
        """Release the workers; safe to call after a failure."""
        ...


def open_engine(
    choice: EngineChoice,
    officials: Sequence[Document],
    settings: Settings,
    identifier: Any = None,
) -> Engine:
    """Start the engine `choice` names (`sized` for the run's articles), its workers holding
    the official index built from `officials`, and `settings`.
    identifier: the driver's language model, for an engine that runs in this process."""
    module, name = ENGINES[choice.name].split(":")
    engine: Engine = getattr(import_module(module), name).start(
        choice, officials, settings, identifier
    )
    return engine
