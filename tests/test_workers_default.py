"""How many processes audit articles, and what each is handed (run/workers.py)."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest

from auditor.records import Document, Role
from auditor.run import workers as workers_module
from auditor.run.workers import ARTICLES_PER_WORKER, Workers, default_workers
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
    assert default_workers(10**6) == workers_module.usable_cores()
    monkeypatch.setattr(workers_module, "usable_cores", lambda: 5)
    assert default_workers(10**6) == 5
    assert default_workers(3 * ARTICLES_PER_WORKER) == 3


def test_usable_cores_is_this_process_s_affinity() -> None:
    import os

    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert workers_module.usable_cores() == max(1, expected or 1)


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
    pool = Workers(2, [official], Settings(), identifier)
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
