"""How many processes audit articles, and what each is handed (run/engines/processes.py)."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.records import Document, Role
from auditor.run import engines
from auditor.run.article import build_index
from auditor.run.engines import ARTICLES_PER_WORKER, default_workers
from auditor.run.engines import processes as workers_module
from auditor.run.engines.processes import ProcessEngine
from auditor.settings import Settings
from auditor.stages.language import LazyIdentifier


@pytest.mark.parametrize(
    ("articles", "cores", "expected"),
    [
        (0, 8, 1),
        (1, 8, 1),
        (ARTICLES_PER_WORKER - 1, 2, 1),  # a second process would not pay for its start
        (2 * ARTICLES_PER_WORKER, 2, 2),
        (100 * ARTICLES_PER_WORKER, 2, 2),  # never more processes than cores
        (3 * ARTICLES_PER_WORKER, 8, 3),
        (10_000, 1, 1),
    ],
)
def test_default_workers(articles: int, cores: int, expected: int) -> None:
    assert default_workers(articles, cores) == expected


def test_default_workers_uses_the_cores_of_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_workers(10**6) == engines.usable_cores()
    monkeypatch.setattr(engines, "usable_cores", lambda: 5)
    assert default_workers(10**6) == 5
    assert default_workers(3 * ARTICLES_PER_WORKER) == 3


@pytest.mark.parametrize(
    ("affinity", "cpu_count", "expected"),
    [
        ({0, 3}, 8, 2),  # the affinity wins over the machine's count
        ({5}, 8, 1),
        (None, 6, 6),  # no affinity call (macOS, Windows): the machine's count
        (None, None, 1),  # not even that: one
    ],
)
def test_usable_cores_is_the_affinity_where_the_os_tells_it(
    affinity: set[int] | None,
    cpu_count: int | None,
    expected: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if affinity is None:
        monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    else:
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: affinity, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: cpu_count)
    assert engines.usable_cores() == expected


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity on this OS")
def test_a_process_pinned_to_one_core_audits_with_one_worker() -> None:
    probe = (
        "import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})\n"
        "from auditor.run.engines import default_workers, usable_cores\n"
        "print(usable_cores(), default_workers(10**6))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["1", "1"]


def _handed() -> tuple[int, bool]:
    """In a worker, before any article: the size of the index it holds (-1: none), and whether
    it holds a loaded language model."""
    index = workers_module._context.get("index")
    identifier = workers_module._context.get("identifier")
    loaded = isinstance(identifier, LazyIdentifier) and identifier._model is not None
    return (len(index.sentences) if index is not None else -1), loaded


def test_workers_are_handed_what_was_built_once(tmp_path: Path) -> None:
    """The index is built here and handed over; forked workers share the loaded model."""
    text = "Allies met in Bucharest on Tuesday. They agreed to do more for Ukraine.\n"
    official = Document("nato", Role.OFFICIAL, text, "utf-8", "sha")
    identifier = LazyIdentifier(Settings().language.languages)
    pool = ProcessEngine(2, build_index([official], Settings()), Settings(), identifier)
    try:
        assert pool._pool is not None
        handed = {pool._pool.submit(_handed).result(timeout=60) for _ in range(4)}
    finally:
        pool.close()
    forked = multiprocessing.get_start_method() == "fork"
    assert handed == {(2, forked)}


def test_a_spawned_worker_gets_the_languages_not_the_loaded_model() -> None:
    identifier = LazyIdentifier(["en", "tr"])
    identifier.load()
    copy = pickle.loads(pickle.dumps(identifier))
    assert copy._model is None
    assert copy("Bakanlar toplantıda Ukrayna'yı görüştü.")[0] == "tr"
