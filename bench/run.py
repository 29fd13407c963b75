"""The benchmark table: each stage's cost as a ratio to its limit, measured in the same run.

    python bench/run.py [--repeats 5] [--sizes 100,1000,10000] [--workers 2]
                        [--dask-sizes 1000,10000]

Prints, as medians over the repeats (the cold audits at each size run once: minutes):
- alignment with the index vs brute-force chrF++ over every run of 1-3 official sentences, on
  official sentences edited as a back-translation would, with top-1 agreement;
- scoring through the auditor vs sacrebleu's sentence_bleu/chrf/ter called directly;
- an unchanged re-audit vs `sha256sum` of the corpus;
- translating fragments through the auditor's translate stage vs raw
  `ctranslate2.Translator.translate_batch` on the same tiny model;
- cold audits of generated corpora of each size against 5,000 official sentences: seconds per
  article (should stay flat) and peak memory (RSS) of the largest process;
- the same cold audits with `--engine dask` on a local cluster of as many workers vs the process
  pool (a ratio measured in the same run), and the driver's own CPU time and memory per article
  when the scheduler and workers are processes of their own (`dask scheduler`, `dask worker`),
  as they are on other machines: what caps a large cluster.
No timing is asserted anywhere; this is measurement only.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.align_scaling import brute_force, build, edited_queries  # noqa: E402
from bench.make_corpus import make_corpus, official_sentences  # noqa: E402

if TYPE_CHECKING:
    from auditor.records import Document

OFFICIAL_SENTENCES = 5000
#: how long the scheduler's idle CPU rate is measured before a run
IDLE_SECONDS = 20


def audit_command(corpus: Path, reports: Path, *extra: str) -> list[str]:
    """`auditor audit` as cron runs it: a new process, numbers as JSON."""
    return [
        sys.executable,
        "-m",
        "auditor",
        "audit",
        str(corpus),
        "--reports",
        str(reports),
        *extra,
        "--json",
    ]


def median(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(name: str, ours: float, limit: float, limit_name: str, note: str = "") -> None:
    print(
        f"| {name} | {ours * 1000:.2f} ms | {limit_name} {limit * 1000:.2f} ms | "
        f"{ours / limit:.3f}× | {note} |"
    )


def alignment(repeats: int, queries: int) -> None:
    index = build(OFFICIAL_SENTENCES)
    pairs = edited_queries(OFFICIAL_SENTENCES, queries)
    texts = [q for q, _ in pairs]
    ours = median(lambda: [index.align(t) for t in texts], repeats) / len(texts)
    start = time.perf_counter()
    brute = [brute_force(index, t) for t in texts]
    limit = (time.perf_counter() - start) / len(texts)
    agree = 0
    for text, best in zip(texts, brute, strict=True):
        found = index.candidate(text)
        agree += found is not None and tuple(found[1:]) == best
    row(
        f"alignment per segment, {OFFICIAL_SENTENCES} official sentences",
        ours,
        limit,
        "brute-force chrF++",
        f"top-1 agreement {agree}/{len(texts)}; {limit / ours:.0f}× faster",
    )


def scoring(repeats: int) -> None:
    import sacrebleu

    from auditor.stages.score import sentence_scores

    rng = random.Random(2)
    sentences = official_sentences(400, rng)
    pairs = [(sentences[i], sentences[i + 1]) for i in range(0, 400, 2)]

    def direct() -> None:
        for hyp, ref in pairs:
            sacrebleu.sentence_bleu(hyp, [ref])
            sacrebleu.sentence_chrf(hyp, [ref], word_order=2)
            sacrebleu.sentence_ter(hyp, [ref])

    ours = median(lambda: [sentence_scores(h, r) for h, r in pairs], repeats) / len(pairs)
    limit = median(direct, repeats) / len(pairs)
    row(
        "BLEU + chrF++ + TER per aligned segment",
        ours,
        limit,
        "sacrebleu direct",
        "our overhead (negative: sacrebleu's module functions build a metric per call)",
    )


def reaudit(repeats: int, articles: int) -> None:
    from auditor.run.pipeline import audit_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(articles, 500, Path(tmp) / "corpus")
        reports = Path(tmp) / "reports"
        audit_corpus(corpus, reports, workers=2)
        files = sorted(str(p) for p in corpus.rglob("*.txt"))
        limit = median(
            lambda: subprocess.run(["sha256sum", *files], check=True, capture_output=True),
            repeats,
        )
        ours = median(lambda: audit_corpus(corpus, reports), repeats)
        cli = median(
            lambda: subprocess.run(audit_command(corpus, reports), check=True, capture_output=True),
            repeats,
        )
    row(
        f"unchanged re-audit, {articles} articles (in a warm process)",
        ours,
        limit,
        "sha256sum",
        f"as a new process (cron): {cli:.2f} s = {cli / limit:.1f}×",
    )


def translation(repeats: int, fragments: int) -> None:
    import ctranslate2

    from auditor.store.state import State
    from auditor.translation.argos import configure_argos_environment, decoding_options
    from auditor.translation.packages import install_from_file
    from auditor.translation.stage import TranslateStage
    from tests.fixtures.tiny_argos import build_package

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        configure_argos_environment(folder / "packages", state_dir=folder / "argos")
        model = install_from_file(build_package(folder / "tr_en.argosmodel"), folder / "packages")
        texts = [f"Bakanlar {i} numaralı toplantıda Ukrayna'yı görüştü." for i in range(fragments)]

        state = State(folder / "state.sqlite")
        stage = TranslateStage(folder / "packages", state)

        def through_auditor() -> None:
            state.db.execute("DELETE FROM translations")  # nothing cached: every text translated
            stage.fragments([("tr", t) for t in texts])

        through_auditor()  # load the model once, as a run does
        ours = median(through_auditor, repeats) / fragments
        state.close()
        import sentencepiece

        processor = sentencepiece.SentencePieceProcessor(
            model_file=str(model.path / "sentencepiece.model")
        )
        translator = ctranslate2.Translator(str(model.path / "model"), intra_threads=1)
        tokens = [processor.encode(t, out_type=str) for t in texts]
        limit = (
            median(lambda: translator.translate_batch(tokens, **decoding_options()), repeats)
            / fragments
        )
        assert stage._translator is not None
        loaded = stage._translator._load(model)
        splitting = (
            median(lambda: [loaded.sentencizer.split_sentences(t) for t in texts], repeats)
            / fragments
        )
    row(
        f"translation per fragment, {fragments} fragments, tiny model",
        ours,
        limit,
        "raw translate_batch",
        f"batching and caching (SQLite) included; of the {(ours - limit) * 1000:.2f} ms "
        f"overhead, {splitting * 1000:.2f} ms is the package's own sentence splitter "
        f"(argostranslate splits before translating)",
    )


def scale(sizes: list[int], workers: int) -> None:
    print("\n| articles | official sentences | cold audit | per article | peak RSS |")
    print("|---|---|---|---|---|")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = make_corpus(size, OFFICIAL_SENTENCES, Path(tmp) / "corpus")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            done = subprocess.run(
                audit_command(corpus, Path(tmp) / "reports", "--workers", str(workers)),
                check=True,
                capture_output=True,
                text=True,
            )
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            audited = json.loads(done.stdout)["audited"]
        rss = f"{peak / 1024:.0f} MiB" if peak > before else f"≤ {before / 1024:.0f} MiB"
        print(
            f"| {size} | {OFFICIAL_SENTENCES} | {seconds:.1f} s ({audited} audited) | "
            f"{seconds / size * 1000:.1f} ms | {rss} |"
        )


@contextlib.contextmanager
def dask_cluster(folder: Path, workers: int) -> Iterator[tuple[str, int]]:
    """`dask scheduler` and `dask worker --nworkers N --nthreads 1`, each a process tree of its
    own as on other machines; yields the scheduler's address and process id."""
    from distributed import Client

    address_file = folder / "scheduler.json"
    started = []
    try:
        for command in (
            ["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0"],
            ["distributed.cli.dask_worker", "--nworkers", str(workers), "--nthreads", "1"],
        ):
            started.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        *command,
                        "--no-dashboard",
                        "--scheduler-file",
                        str(address_file),
                    ],
                    cwd=folder,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
            while not address_file.exists():
                time.sleep(0.1)
        address = json.loads(address_file.read_text())["address"]
        with Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address, started[0].pid
    finally:
        for process in reversed(started):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def driver_cost(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (bytes, sampled) of one audit process."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0

    def sample() -> None:
        nonlocal peak
        watched = psutil.Process(process.pid)
        while process.poll() is None:
            with contextlib.suppress(psutil.Error):
                peak = max(peak, watched.memory_info().rss)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    if process.wait() != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}")
    seconds = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, peak


def dask_engine(sizes: list[int], workers: int) -> None:
    print(
        f"\n| articles | process pool, {workers} workers | local Dask cluster, {workers} workers "
        "| ratio | same reports | separate scheduler and workers: wall, driver CPU per article, "
        "driver peak RSS, scheduler CPU per article beyond its idle rate |"
    )
    print("|---|---|---|---|---|---|")
    import psutil

    driver: dict[int, float] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            corpus = make_corpus(size, OFFICIAL_SENTENCES, folder / "corpus")
            pool, _, _ = driver_cost(
                audit_command(corpus, folder / "pool", "--workers", str(workers))
            )
            local, _, _ = driver_cost(
                audit_command(
                    corpus, folder / "local", "--engine", "dask", "--workers", str(workers)
                )
            )
            with dask_cluster(folder, workers) as (address, scheduler_pid):
                scheduler = psutil.Process(scheduler_pid)
                # what it spends idle (heartbeats) is not the articles' cost
                before = sum(scheduler.cpu_times()[:2])
                time.sleep(IDLE_SECONDS)
                idle = (sum(scheduler.cpu_times()[:2]) - before) / IDLE_SECONDS
                before = sum(scheduler.cpu_times()[:2])
                wall, cpu, peak = driver_cost(
                    audit_command(
                        corpus, folder / "remote", "--engine", "dask", "--scheduler", address
                    )
                )
                scheduler_cpu = sum(scheduler.cpu_times()[:2]) - before - idle * wall
            same = all(
                (folder / "pool" / name).read_bytes() == (folder / run / name).read_bytes()
                for run in ("local", "remote")
                for name in ("segments.csv", "fragments.csv")
            )
        driver[size] = cpu
        print(
            f"| {size} | {pool:.1f} s | {local:.1f} s | {local / pool:.3f}× "
            f"| {'yes' if same else 'NO'} "
            f"| {wall:.1f} s, {cpu / size * 1000:.2f} ms, {peak / 2**20:.0f} MiB, "
            f"{scheduler_cpu / size * 1000:.2f} ms |"
        )
    if len(driver) > 1:
        small, large = min(driver), max(driver)
        slope = (driver[large] - driver[small]) / (large - small)
        print(
            f"\ndriver CPU per additional article ({small} → {large}, start-up excluded): "
            f"{slope * 1000:.2f} ms"
        )
    with tempfile.TemporaryDirectory() as tmp:
        shipped = shipped_bytes(make_corpus(200, OFFICIAL_SENTENCES, Path(tmp) / "corpus"))
    print(
        "bytes per article between driver and workers (pickled, mean of 200): "
        + ", ".join(f"{name} {size / 1024:.1f} KiB" for name, size in shipped.items())
    )


def shipped_bytes(corpus: Path) -> dict[str, float]:
    """What a task carries per article, pickled: the decoded article out, the prepared article
    back, the prepared article with its translations out again, the result back."""
    import pickle

    from auditor.records import Role
    from auditor.run.article import build_index, finish_article, prepare_article
    from auditor.run.paths import ARTICLES_DIR, OFFICIAL_DIR
    from auditor.run.workers import FinishJob
    from auditor.settings import Settings
    from auditor.stages.ingest import decode_document, source_id, source_paths
    from auditor.stages.language import load_identifier

    settings = Settings()
    identifier = load_identifier(settings.language.languages)

    def read(role: Role, folder: str) -> list[Document]:
        return [
            decode_document(
                source_id(path.name),
                role,
                path.read_bytes(),
                plausibility=None,
                max_control=settings.ingest.max_control_char_share,
            )
            for path in source_paths(corpus / folder)
        ]

    index = build_index(read(Role.OFFICIAL, OFFICIAL_DIR), settings)
    sizes = {"article": 0, "prepared": 0, "finish job": 0, "result": 0}
    articles = read(Role.ARTICLE, ARTICLES_DIR)
    for document in articles:
        prepared = prepare_article(document, identifier, settings)
        job = FinishJob(prepared, {}, {})
        result = finish_article(prepared, {}, index, settings)
        for name, value in zip(sizes, (document, prepared, job, result), strict=True):
            sizes[name] += len(pickle.dumps(value))
    return {name: total / len(articles) for name, total in sizes.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reaudit-articles", type=int, default=1000)
    parser.add_argument("--fragments", type=int, default=500)
    parser.add_argument("--dask-sizes", default="1000", help="empty: skip the Dask engine")
    parser.add_argument("--only-dask", action="store_true", help="only the Dask engine's table")
    args = parser.parse_args()
    if args.only_dask:
        dask_engine([int(s) for s in args.dask_sizes.split(",")], args.workers)
        return
    print(f"medians of {args.repeats} runs; ratio = ours / limit\n")
    print("| stage | ours | limit | ratio | note |")
    print("|---|---|---|---|---|")
    alignment(args.repeats, args.queries)
    scoring(args.repeats)
    translation(args.repeats, args.fragments)
    reaudit(args.repeats, args.reaudit_articles)
    scale([int(s) for s in args.sizes.split(",")], args.workers)
    if args.dask_sizes:
        dask_engine([int(s) for s in args.dask_sizes.split(",")], args.workers)


if __name__ == "__main__":
    main()
