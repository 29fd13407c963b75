"""`--engine dask`: the same reports as the process pool, on a local cluster or on workers
started as on other machines; a worker that dies costs a retry, a worker with other code is
refused, a lost scheduler ends the run with the last reports intact."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import distributed
import pandas as pd
import pytest
from typer.testing import CliRunner

import auditor
from auditor.cli import app
from auditor.run.keys import code_fingerprint, package_fingerprint
from auditor.run.pipeline import AuditError, audit_corpus
from tests.test_reaudit import _generated_corpus

pytest_plugins = ("tests.fixtures.models_fixtures",)
runner = CliRunner()
#: the files whose every byte must match between engines (summary.csv differs in audited_at)
SAME_BYTES = ("segments.csv", "fragments.csv")


def _audit(corpus: Path, reports: Path, *extra: str) -> None:
    done = runner.invoke(app, ["audit", str(corpus), "--reports", str(reports), *extra])
    assert done.exit_code == 0, done.output


def _assert_same_reports(one: Path, other: Path) -> None:
    for name in SAME_BYTES:
        assert (one / name).read_bytes() == (other / name).read_bytes(), name
    summaries = [
        pd.read_csv(folder / "summary.csv", encoding="utf-8-sig").drop(columns=["audited_at"])
        for folder in (one, other)
    ]
    pd.testing.assert_frame_equal(*summaries)


@pytest.mark.slow
@pytest.mark.parametrize("corpus_name", ["bundled", "generated"])
def test_a_local_dask_cluster_gives_the_same_reports_as_the_process_pool(
    corpus_name: str, corpus_copy: Path, tmp_path: Path
) -> None:
    corpus = corpus_copy if corpus_name == "bundled" else _generated_corpus(tmp_path, 60)
    _audit(corpus, tmp_path / "pool")
    _audit(corpus, tmp_path / "dask", "--engine", "dask", "--workers", "2")
    _assert_same_reports(tmp_path / "pool", tmp_path / "dask")
    summary = pd.read_csv(tmp_path / "dask" / "summary.csv", encoding="utf-8-sig")
    assert (summary["status"] != "error").all()
    assert len(summary) == len(list((corpus / "articles").iterdir()))


def _worker_processes() -> set[int]:
    """This process's children that are Dask worker processes (spawned by the nannies)."""
    import psutil

    return {
        child.pid
        for child in psutil.Process().children()
        if "spawn_main" in " ".join(child.cmdline())
    }


@pytest.mark.slow
def test_a_worker_killed_mid_run_costs_a_retry_and_the_reports_are_the_same(
    tmp_path: Path,
) -> None:
    corpus = _generated_corpus(tmp_path, 60)
    audit_corpus(corpus, tmp_path / "pool")
    killed: list[int] = []
    after: list[int] = []

    def kill_a_worker(article_id: str, done: int, total: int) -> None:
        # the first article back: both workers are running and holding more of them
        if not killed:
            workers = sorted(_worker_processes())
            assert len(workers) == 2, workers
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])
        else:
            after.append(done)

    result = audit_corpus(
        corpus, tmp_path / "dask", engine="dask", workers=2, progress=kill_a_worker
    )
    assert killed and len(after) == 59, "no worker was killed mid-run"
    assert result.audited == 60 and result.errors == 0
    _assert_same_reports(tmp_path / "pool", tmp_path / "dask")


# ------------------------------------------------ a cluster started as on other machines


def _start(cwd: Path, *command: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """`python -m command` in `cwd`, outside the source tree (whose auditor would come first)."""
    return subprocess.Popen(
        [sys.executable, "-m", *command],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@pytest.fixture()
def scheduler_process(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`dask scheduler` in a process of its own: its address and the process."""
    address_file = tmp_path / "scheduler.json"
    process = _start(
        tmp_path,
        "distributed.cli.dask_scheduler",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--no-dashboard",
        "--scheduler-file",
        str(address_file),
    )
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.1)
        import json

        yield json.loads(address_file.read_text())["address"], process
    finally:
        _stop(process)


@pytest.fixture()
def scheduler(scheduler_process: tuple[str, subprocess.Popen[str]]) -> str:
    return scheduler_process[0]


def _worker(address: str, cwd: Path, pythonpath: str | None = None) -> subprocess.Popen[str]:
    """`dask worker ADDRESS` as docs/operations.md starts one, optionally with another auditor."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    return _start(
        cwd,
        "distributed.cli.dask_worker",
        address,
        "--nthreads",
        "1",
        "--no-dashboard",
        env=env,
    )


def _wait_for_workers(address: str, count: int) -> None:
    with distributed.Client(address, timeout=30) as client:
        client.wait_for_workers(count, timeout=60)


def _another_auditor(root: Path) -> Path:
    """A copy of the auditor package with one module changed: same version, other code."""
    package = Path(auditor.__file__).parent
    copy = root / "auditor"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    with (copy / "run" / "article.py").open("a") as module:
        module.write("\n# a build with one change\n")
    return root


@pytest.mark.slow
def test_a_worker_with_other_code_is_refused_naming_both(
    scheduler: str, corpus_copy: Path, tmp_path: Path
) -> None:
    good = _worker(scheduler, tmp_path)
    other = _another_auditor(tmp_path / "other")
    bad: subprocess.Popen[str] | None = None
    try:
        _wait_for_workers(scheduler, 1)
        reports = tmp_path / "reports"
        _audit(corpus_copy, reports, "--engine", "dask", "--scheduler", scheduler)
        _audit(corpus_copy, tmp_path / "pool")
        _assert_same_reports(tmp_path / "pool", reports)
        before = {p.name: p.read_bytes() for p in reports.glob("*.csv")}

        bad = _worker(scheduler, tmp_path, pythonpath=str(other))
        _wait_for_workers(scheduler, 2)
        on_cluster = ["--engine", "dask", "--scheduler", scheduler]
        refused = runner.invoke(
            app, ["audit", str(corpus_copy), "--reports", str(reports), "--full", *on_cluster]
        )
        assert refused.exit_code == 1, refused.output
        message = " ".join(refused.output.split())
        theirs = package_fingerprint(other / "auditor")[:12]
        assert f"runs auditor {auditor.__version__} (code {theirs})" in message
        assert f"this driver auditor {auditor.__version__} (code {code_fingerprint()[:12]})" in (
            message
        )
        assert {p.name: p.read_bytes() for p in reports.glob("*.csv")} == before
    finally:
        _stop(good)
        if bad is not None:
            _stop(bad)


@pytest.mark.slow
def test_a_lost_scheduler_ends_the_run_with_exit_1_and_the_last_reports(
    scheduler_process: tuple[str, subprocess.Popen[str]], tmp_path: Path
) -> None:
    address, process = scheduler_process
    corpus = _generated_corpus(tmp_path, 60)
    reports = tmp_path / "reports"
    audit_corpus(corpus, reports)
    before = {p.name: p.read_bytes() for p in reports.glob("*.csv")}
    worker = _worker(address, tmp_path)

    def lose_the_scheduler(article_id: str, done: int, total: int) -> None:
        if process.poll() is None:
            _stop(process)

    try:
        _wait_for_workers(address, 1)
        with pytest.raises(AuditError, match="lost the Dask scheduler") as caught:
            audit_corpus(
                corpus,
                reports,
                full=True,
                engine="dask",
                scheduler=address,
                progress=lose_the_scheduler,
            )
    finally:
        _stop(worker)
    assert not caught.value.usage  # exit 1
    assert {p.name: p.read_bytes() for p in reports.glob("*.csv")} == before


def test_the_default_engine_never_imports_dask(corpus_copy: Path, tmp_path: Path) -> None:
    probe = (
        "import sys; from pathlib import Path; from auditor.run.pipeline import audit_corpus; "
        f"audit_corpus(Path({str(corpus_copy)!r}), Path({str(tmp_path / 'r')!r})); "
        "print('distributed' in sys.modules, 'dask' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_an_unchanged_corpus_needs_no_cluster(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    # nothing to audit: the address is never contacted (port 9 answers nothing)
    again = audit_corpus(corpus_copy, reports, engine="dask", scheduler="tcp://127.0.0.1:9")
    assert again.audited == 0


def test_without_dask_installed_the_message_says_what_to_install(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(sys.modules, "auditor.run.engines.dask", raising=False)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    with pytest.raises(AuditError, match=r"needs dask.distributed.*-e '.\[dask\]'") as caught:
        audit_corpus(corpus_copy, tmp_path / "r", engine="dask")
    assert not caught.value.usage  # exit 1
    assert not (tmp_path / "r" / "summary.csv").exists()


@pytest.mark.parametrize(
    ("engine", "scheduler", "says"),
    [
        ("ray", None, "unknown engine 'ray' (choose from processes, dask)"),
        ("processes", "tcp://127.0.0.1:8786", "--scheduler needs --engine dask"),
    ],
)
def test_an_engine_that_cannot_be_used_is_a_usage_error(
    engine: str, scheduler: str | None, says: str, corpus_copy: Path, tmp_path: Path
) -> None:
    with pytest.raises(AuditError, match=says.replace("(", r"\(").replace(")", r"\)")) as caught:
        audit_corpus(corpus_copy, tmp_path / "r", engine=engine, scheduler=scheduler)
    assert caught.value.usage


@pytest.mark.parametrize("with_models", [False, True], ids=["no models", "a tr-en model"])
def test_progress_moves_as_each_article_comes_back_from_the_workers(
    with_models: bool,
    corpus_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    """Each article counted once as it comes back. With a translation model the run's last
    step (drift explained by round trips, batched over the run) comes after every article
    has been counted; without one each article is one task and there is no batched step."""
    from auditor.stages import backtranslation

    seen: list[int] = []
    before_explanation: list[int] = []
    explain = backtranslation.explain_drift

    def recorded(*args: object, **kwargs: object) -> object:
        before_explanation.append(len(seen))
        return explain(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backtranslation, "explain_drift", recorded)
    models = request.getfixturevalue("tiny_tr_en").path.parent if with_models else tmp_path / "none"
    audit_corpus(
        corpus_copy,
        tmp_path / "r",
        models_dir=models,
        progress=lambda _, done, total: seen.append(done),
    )
    assert seen == [1, 2, 3, 4]
    assert before_explanation == ([4] if with_models else [])


def test_the_official_index_is_built_once_on_the_driver_and_shipped(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As for the process pool: built here once, the workers get it in the plugin (they hold no
    official documents to build it from)."""
    from auditor.run import article

    built: list[int] = []
    build = article.build_index

    def counted(*args: object, **kwargs: object) -> object:
        built.append(1)
        return build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(article, "build_index", counted)
    _audit(corpus_copy, tmp_path / "pool", "--workers", "1")
    built.clear()
    _audit(corpus_copy, tmp_path / "dask", "--engine", "dask", "--workers", "2")
    assert built == [1]
    _assert_same_reports(tmp_path / "pool", tmp_path / "dask")


def test_without_workers_the_local_cluster_has_the_default_size(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--workers not given: the local cluster has `default_workers(articles)` processes, as
    the process pool would."""
    from auditor.run import engines as workers
    from auditor.run.engines import dask as dask_engine

    monkeypatch.setattr(workers, "ARTICLES_PER_WORKER", 2)
    monkeypatch.setattr(workers, "usable_cores", lambda: 8)
    articles = len(list((corpus_copy / "articles").iterdir()))
    assert workers.default_workers(articles) == articles // 2 > 1
    sizes: list[int] = []
    scale = dask_engine.LocalCluster.scale

    def recorded(cluster: object, n: int = 0, *args: object, **kwargs: object) -> object:
        sizes.append(n)
        return scale(cluster, n, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dask_engine.LocalCluster, "scale", recorded)
    audit_corpus(corpus_copy, tmp_path / "r", engine="dask")
    assert sizes[:1] == [articles // 2]


def test_a_choice_with_workers_keeps_them() -> None:
    from auditor.run.engines import EngineChoice, default_workers, usable_cores

    assert EngineChoice("dask", 3).sized(10**6).workers == min(3, usable_cores())
    assert EngineChoice("dask").sized(10**6).workers == default_workers(10**6)
    assert EngineChoice().sized(1).workers == 1


@pytest.mark.slow
def test_two_dask_workers_one_killed_mid_run_give_the_process_pools_reports(
    scheduler: str, tmp_path: Path
) -> None:
    """A scheduler and two workers started as the README tells a user (`dask scheduler`,
    `dask worker ADDRESS`), each a process tree of its own; one is killed (nanny and worker)
    when the first article comes back: its tasks go to the other, no article fails."""
    corpus = _generated_corpus(tmp_path, 60)
    audit_corpus(corpus, tmp_path / "pool")
    workers = [_worker(scheduler, tmp_path) for _ in range(2)]
    killed: list[int] = []
    after: list[int] = []

    def kill_a_worker(article_id: str, done: int, total: int) -> None:
        if not killed:
            _stop(workers[0])
            killed.append(done)
        else:
            after.append(done)

    try:
        _wait_for_workers(scheduler, 2)
        result = audit_corpus(
            corpus,
            tmp_path / "dask",
            engine="dask",
            scheduler=scheduler,
            progress=kill_a_worker,
        )
        assert workers[0].poll() is not None and workers[1].poll() is None
    finally:
        for worker in workers:
            _stop(worker)
    assert killed == [1] and after == list(range(2, 61)), "no worker was killed mid-run"
    assert result.audited == 60 and result.errors == 0
    _assert_same_reports(tmp_path / "pool", tmp_path / "dask")


def test_a_tasks_result_is_asked_for_only_once_it_has_ended(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The driver watches the cluster while a task runs, but asks for the result only when
    the task has ended: asking with a timeout while it runs raced the result's arrival in
    distributed's `sync` (an UnboundLocalError on Python 3.11 that lost the run). With a
    watch every 10 ms, the old loop asked dozens of times per task."""
    from auditor.run.engines import dask as dask_engine

    monkeypatch.setattr(dask_engine, "WATCH_SECONDS", 0.01)
    asked: list[str] = []
    result = distributed.Future.result

    def recorded(self: distributed.Future, timeout: float | None = None) -> object:
        asked.append(self.status)
        return result(self, timeout=timeout)

    monkeypatch.setattr(distributed.Future, "result", recorded)
    audit_corpus(corpus_copy, tmp_path / "r", engine="dask", workers=1)
    assert asked and set(asked) <= {"finished", "error", "cancelled"}, asked
    summary = pd.read_csv(tmp_path / "r" / "summary.csv", encoding="utf-8-sig")
    assert (summary["status"] != "error").all()
