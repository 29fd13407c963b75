"""Bounded resources: options that would overflow or fork without end are refused or capped,
the bootstrap's memory does not grow with resamples × segments, and a Dask worker may die at
any moment — while the local cluster starts too — without ending the run or leaving scratch
files behind."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

import numpy as np
import psutil
import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.run.engines import EngineChoice, usable_cores
from auditor.run.pipeline import audit_corpus
from auditor.settings import IngestSettings
from auditor.stages import score

runner = CliRunner()


@pytest.mark.parametrize("value", ["inf", "1e309", "nan", "-inf", "0", "-1", "0.0001"])
def test_max_article_mb_must_be_a_finite_number_above_zero(
    value: str, corpus_copy: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        app,
        ["audit", str(corpus_copy), "--reports", str(tmp_path / "r"), "--max-article-mb", value],
    )
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "--max-article-mb" in result.output
    assert not (tmp_path / "r").exists()


def test_max_article_mb_from_the_environment_is_checked_too(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITOR_MAX_ARTICLE_MB", "inf")
    result = runner.invoke(app, ["audit", str(corpus_copy), "--reports", str(tmp_path / "r")])
    assert result.exit_code == 2, result.output


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 0.0, -2.0])
def test_ingest_settings_refuse_a_size_limit_that_is_no_size(value: float) -> None:
    with pytest.raises(ValueError, match="finite number above 0"):
        IngestSettings(max_article_mb=value)


@pytest.mark.parametrize(
    ("asked", "articles", "cores", "given"),
    [
        (100_000, 4, 8, 4),  # one process per article at most
        (100_000, 1_000, 8, 8),  # and one per usable core
        (3, 1_000, 8, 3),
        (1, 1, 8, 1),
        (6, 0, 8, 1),  # nothing to audit: still a valid choice
    ],
)
def test_workers_asked_for_are_capped_by_articles_and_cores(
    asked: int, articles: int, cores: int, given: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.run import engines

    monkeypatch.setattr(engines, "usable_cores", lambda: cores)
    for engine in ("processes", "dask"):
        assert EngineChoice(engine, asked).sized(articles).workers == given


def test_a_running_clusters_workers_are_its_own() -> None:
    assert EngineChoice("dask", 50, "tcp://h:8786").sized(4).workers == 50


def test_workers_zero_is_a_usage_error(corpus_copy: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["audit", str(corpus_copy), "--reports", str(tmp_path / "r"), "--workers", "0"]
    )
    assert result.exit_code == 2
    assert EngineChoice("processes", 0).problem()


def test_a_hundred_thousand_workers_on_four_articles_start_no_more_processes_than_cores(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.run import batch

    opened: list[int | None] = []
    real_open = batch.open_engine

    def checked_open(choice: EngineChoice, *args: object, **kwargs: object) -> object:
        opened.append(choice.workers)
        # refused before any process starts: a regression must not fork hundreds of them
        assert choice.workers is not None and choice.workers <= min(4, usable_cores())
        return real_open(choice, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "open_engine", checked_open)
    most = [0]
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            most[0] = max(most[0], len(psutil.Process().children(recursive=True)))
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = audit_corpus(
            corpus_copy, tmp_path / "r", workers=100_000, models_dir=tmp_path / "no-models"
        )
    finally:
        stop.set()
        watcher.join()
    assert result.audited == 4
    assert opened == [min(4, usable_cores())]
    assert most[0] <= min(4, usable_cores()) + 1  # + a resource tracker


def test_the_bootstrap_holds_one_block_of_resamples_and_draws_as_all_at_once() -> None:
    """4,000 segments × 24 chrF++ statistics × 1,000 resamples would be 0.4 GB at once."""
    rng = np.random.default_rng(1)
    stats = rng.integers(0, 40, size=(4000, 24)).tolist()
    _, _, chrf, _ = score._metrics()
    tracemalloc.start()
    try:
        interval = score.bootstrap_interval(stats, chrf, 1000, 12345)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 120_000_000
    # the interval of the same draws summed all at once
    draws = np.random.default_rng(12345).choice(len(stats), size=(1000, len(stats)))
    sums = np.array(stats, dtype="float32")[draws].sum(1)
    scores = np.sort([chrf._compute_score_from_stats(row).score for row in sums])
    assert interval == (float(scores[25]), float(scores[1000 - 25 - 1]))


# ------------------------------------------------------------------------------ Dask


def _dask_worker_processes() -> list[int]:
    return sorted(
        child.pid
        for child in psutil.Process().children(recursive=True)
        if "spawn_main" in " ".join(child.cmdline())
    )


@pytest.mark.slow
def test_a_dask_worker_killed_while_the_cluster_starts_leaves_the_run_going(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first worker process is killed as soon as it exists (before its nanny reports it
    started: "Nanny failed to start" ended the run); the run goes on, and leaves no
    dask-scratch-space in the temporary folder."""
    pytest.importorskip("distributed")
    from tests.test_reaudit import _generated_corpus

    corpus = _generated_corpus(tmp_path, 20)
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    killed: list[int] = []
    stop = threading.Event()

    def kill_the_first_worker() -> None:
        while not stop.is_set() and not killed:
            found = _dask_worker_processes()
            if found:
                os.kill(found[0], signal.SIGKILL)
                killed.append(found[0])
            time.sleep(0.02)

    killer = threading.Thread(target=kill_the_first_worker)
    killer.start()
    try:
        result = audit_corpus(
            corpus, tmp_path / "r", engine="dask", workers=2, models_dir=tmp_path / "no-models"
        )
    finally:
        stop.set()
        killer.join()
    assert killed, "no worker process was seen"
    assert result.audited == 20 and result.errors == 0
    assert sorted(p.name for p in private_tmp.iterdir()) == []
    shutil.rmtree(private_tmp)
