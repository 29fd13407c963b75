"""The benchmark table: every cost as a ratio to its limit, the two measured interleaved.

    python bench/run.py [--repeats 3] [--articles 300] [--reaudit-articles 1000]
                        [--memory-sizes 1000,3000] [--dask-sizes 1000] [--only ROW,...]

The machine is shared: absolute times drift by 2x between minutes, ratios taken side by side
hold. So every ratio alternates its two sides (ours, limit, ours, limit, ...) and reports the
median of each. Whole commands (`auditor audit`, `sha256sum`, `python -c pass`) are timed as
whole processes: their CPU time (user + system, the process and the children it waited for)
comes from `os.wait4`, and their memory is the peak of the summed RSS of the process tree,
sampled from /proc every 20 ms — the benchmark's own processes are never counted.

Rows (`--only` picks some by name):
- floor: a cold audit's CPU per article vs the floor (bench/floor.py: read and hash the
  files, one syntok pass, sentence BLEU + chrF++ + TER on the pairs the audit aligned);
- workers: `--workers 2` vs `--workers 1`, total CPU of the audit's process tree;
- reaudit: an unchanged re-audit of 1,000 articles as cron runs it (docs/operations.md's recipe,
  `auditor audit --fail-on critical --wait 600 --json` in the folder of corpus/ and reports/)
  vs a minimal Typer app with auditor's commands and options (bench/minimal_app.py) given the
  same command line, plus `sha256sum` of the corpus's files: each a new process;
- help: `auditor --help` vs the same minimal Typer app's `--help` (and `python -c pass`);
- scoring, alignment, translation: the in-process stage rows;
- memory: cold audits at each size, peak RSS of the process tree (flat is the target);
- grouping: the wording groups of quotes.csv kept in the state for `--grouping-articles`
  generated articles: a run's incremental update for 5 new articles vs regrouping every
  article from scratch (in memory, the cheapest rebuild), and reading every group back for the
  reports.
- dask: at each of --dask-sizes, a cold audit with `--engine dask` on a local cluster of 2
  workers vs the process pool of 2 workers (wall time, interleaved; CSV reports only), and the
  driver's own CPU and memory when the scheduler and the workers are processes of their own
  (`dask scheduler`, `dask worker`), as they are on other machines: what caps a large cluster.
No timing is asserted anywhere; this is measurement only.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.align_scaling import brute_force, build, edited_queries  # noqa: E402
from bench.make_corpus import make_corpus, official_sentences  # noqa: E402
from bench.minimal_app import write as write_minimal_app  # noqa: E402

OFFICIAL_SENTENCES = 5000
#: how long the Dask scheduler's idle CPU rate (heartbeats) is measured before a run
IDLE_SECONDS = 20
#: the report files whose every byte must match between engines (summary.csv differs in
#: audited_at)
SAME_BYTES = ("segments.csv", "fragments.csv")
#: the Dask row writes the CSVs only: the workbook and the HTML pages are written by the driver
#: alike for both engines (their cost per article is bench/report_formats.py's row)
DASK_FORMATS = ("--formats", "csv")
AUDITOR = [sys.executable, "-m", "auditor"]
#: the cron recipe of docs/operations.md (run in the folder that holds corpus/ and reports/)
CRON = ("audit", "--fail-on", "critical", "--wait", "600", "--json")


@dataclass(frozen=True)
class Usage:
    """One whole process: CPU seconds (with its waited-for children), wall seconds, peak
    summed RSS of its process tree in bytes (0 where /proc is not there)."""

    cpu: float
    wall: float
    rss: int


def _tree_rss(root: int) -> int:
    """Summed RSS of `root` and its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(rss.get(pid, 0) for pid in tree)


def run_process(
    command: Sequence[str], env: dict[str, str] | None = None, cwd: str | None = None
) -> Usage:
    """Run `command` to its end; its CPU from the kernel, its tree's peak RSS sampled."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            if os.path.isdir("/proc"):
                peak[0] = max(peak[0], _tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stderr is not None
    errors = process.stderr.read()  # drained while it runs: a full pipe would block it
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(command)} failed: {errors.decode(errors='replace')}")
    return Usage(usage.ru_utime + usage.ru_stime, wall, max(peak[0], usage.ru_maxrss * 1024))


def interleaved(sides: dict[str, Callable[[], float]], repeats: int) -> dict[str, float]:
    """Median of each side's measure, the sides alternating within each repeat."""
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeats):
        for name, measure in sides.items():
            samples[name].append(measure())
    return {name: statistics.median(values) for name, values in samples.items()}


def cpu_time(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def row(name: str, ours: float, limit: float, limit_name: str, note: str = "") -> None:
    ratio = ours / limit
    shown = f"{ratio:.2f}×" if ratio >= 0.1 else f"1/{1 / ratio:,.0f}"
    print(
        f"| {name} | {ours * 1000:.2f} ms | {limit_name} {limit * 1000:.2f} ms | {shown} | "
        f"{note} |",
        flush=True,
    )


def audit_command(corpus: Path, reports: Path, *extra: str) -> list[str]:
    """`auditor audit` as cron runs it: a new process, numbers as JSON."""
    return [*AUDITOR, "audit", str(corpus), "--reports", str(reports), *extra, "--json"]


def cold_audit(corpus: Path, work: Path, *extra: str) -> Usage:
    """A cold audit into a new reports folder (removed afterwards)."""
    reports = Path(tempfile.mkdtemp(dir=work))
    try:
        return run_process(audit_command(corpus, reports / "r", *extra))
    finally:
        subprocess.run(["rm", "-rf", str(reports)], check=True)


def aligned_pairs(segments_csv: Path) -> list[tuple[str, str]]:
    """The (article text, official text) pairs an audit scored."""
    with segments_csv.open(encoding="utf-8-sig", newline="") as handle:
        return [
            (r["text_en"] or r["text"], r["official_text"])
            for r in csv.DictReader(handle)
            if r["official_text"] and r["bleu"]
        ]


def floor_and_workers(articles: int, repeats: int, work: Path, rows: set[str]) -> None:
    corpus = make_corpus(articles, OFFICIAL_SENTENCES, work / "cold")
    reports = work / "cold-reports"
    run_process(audit_command(corpus, reports, "--workers", "1"))
    pairs = work / "pairs.json"
    pairs.write_text(json.dumps(aligned_pairs(reports / "segments.csv")), encoding="utf-8")
    floor_command = [sys.executable, str(ROOT / "bench/floor.py"), str(corpus), str(pairs)]
    if "floor" in rows:
        medians = interleaved(
            {
                "audit": lambda: cold_audit(corpus, work, "--workers", "1").cpu,
                "floor": lambda: run_process(floor_command).cpu,
            },
            repeats,
        )
        row(
            f"cold audit CPU per article, {articles} articles × {OFFICIAL_SENTENCES} official "
            f"sentences, one process",
            medians["audit"] / articles,
            medians["floor"] / articles,
            "floor",
            "floor: read + hash, one syntok pass, BLEU + chrF++ + TER on the aligned pairs "
            "(bench/floor.py); both whole processes",
        )
    if "workers" in rows:
        walls: dict[str, list[float]] = {"1": [], "2": []}

        def workers(count: str) -> float:
            usage = cold_audit(corpus, work, "--workers", count)
            walls[count].append(usage.wall)
            return usage.cpu

        medians = interleaved({"2": lambda: workers("2"), "1": lambda: workers("1")}, repeats)
        row(
            f"cold audit, --workers 2 vs --workers 1, total CPU, {articles} articles",
            medians["2"],
            medians["1"],
            "--workers 1",
            f"wall {statistics.median(walls['2']):.1f} s vs "
            f"{statistics.median(walls['1']):.1f} s on a shared 2-core machine",
        )


def reaudit(articles: int, repeats: int, work: Path) -> None:
    import compileall

    import auditor
    from auditor.run.pipeline import audit_corpus

    # the package's bytecode, as `pip install` writes it: where PYTHONDONTWRITEBYTECODE is
    # set (this sandbox sets it), an editable install would otherwise compile some 25 modules
    # from source on every run, a cost no installed copy pays
    compileall.compile_dir(Path(auditor.__file__).parent, quiet=1)
    folder = work / "reaudit"
    corpus = make_corpus(articles, 500, folder / "corpus")
    audit_corpus(corpus, folder / "reports")
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    minimal = write_minimal_app(work / "minimal_app.py")
    in_folder = {"cwd": str(folder)}
    medians = interleaved(
        {
            "audit": lambda: run_process([*AUDITOR, *CRON], **in_folder).cpu,
            "typer": lambda: run_process([sys.executable, str(minimal), *CRON], **in_folder).cpu,
            "sha256sum": lambda: run_process(["sha256sum", *files]).cpu,
            "warm": lambda: cpu_time(
                lambda: audit_corpus(corpus, folder / "reports", summaries=False)
            ),
        },
        repeats,
    )
    floor = medians["typer"] + medians["sha256sum"]
    row(
        f"unchanged re-audit of {articles} articles as cron runs it, a new process",
        medians["audit"],
        floor,
        "a minimal Typer app with the same command line "
        f"({medians['typer'] * 1000:.1f} ms) + `sha256sum` of the corpus "
        f"({medians['sha256sum'] * 1000:.1f} ms)",
        f"the audit's own work in a warm process: {medians['warm'] * 1000:.1f} ms",
    )


def help_row(repeats: int, work: Path) -> None:
    minimal = write_minimal_app(work / "minimal_app.py")
    medians = interleaved(
        {
            "help": lambda: run_process([*AUDITOR, "--help"]).cpu,
            "typer": lambda: run_process([sys.executable, str(minimal), "--help"]).cpu,
            "pass": lambda: run_process([sys.executable, "-c", "pass"]).cpu,
        },
        repeats,
    )
    row(
        "`auditor --help`",
        medians["help"],
        medians["typer"],
        "the minimal Typer app's `--help` (the same commands and options)",
        f"`python -c pass`: {medians['pass'] * 1000:.1f} ms",
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

    medians = interleaved(
        {
            "ours": lambda: cpu_time(lambda: [sentence_scores(h, r) for h, r in pairs]),
            "direct": lambda: cpu_time(direct),
        },
        repeats,
    )
    row(
        "BLEU + chrF++ + TER per aligned segment",
        medians["ours"] / len(pairs),
        medians["direct"] / len(pairs),
        "sacrebleu's sentence_bleu/chrf/ter",
        "(below 1: sacrebleu's module functions build a metric per call)",
    )


def alignment(repeats: int, queries: int) -> None:
    index = build(OFFICIAL_SENTENCES)
    texts = [q for q, _ in edited_queries(OFFICIAL_SENTENCES, queries)]
    brute: list[tuple[str, int, int]] = []

    def brute_all() -> None:
        brute[:] = [brute_force(index, t) for t in texts]

    medians = interleaved(
        {
            "ours": lambda: cpu_time(lambda: [index.align(t) for t in texts]),
            "brute": lambda: cpu_time(brute_all),
        },
        repeats,
    )
    agree = 0
    for text, best in zip(texts, brute, strict=True):
        found = index.candidate(text)
        agree += found is not None and tuple(found[1:]) == best
    row(
        f"alignment per segment, {OFFICIAL_SENTENCES} official sentences",
        medians["ours"] / len(texts),
        medians["brute"] / len(texts),
        "brute-force chrF++ over every run of 1-3 sentences",
        f"top-1 agreement {agree}/{len(texts)}",
    )


def translation(repeats: int, fragments: int) -> None:
    import ctranslate2
    import sentencepiece

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
        processor = sentencepiece.SentencePieceProcessor(
            model_file=str(model.path / "sentencepiece.model")
        )
        translator = ctranslate2.Translator(str(model.path / "model"), intra_threads=1)
        tokens = [processor.encode(t, out_type=str) for t in texts]
        medians = interleaved(
            {
                "ours": lambda: cpu_time(through_auditor),
                "raw": lambda: cpu_time(
                    lambda: translator.translate_batch(tokens, **decoding_options())
                ),
            },
            repeats,
        )
        state.close()
    row(
        f"translation per fragment, {fragments} fragments, tiny model",
        medians["ours"] / fragments,
        medians["raw"] / fragments,
        "raw translate_batch",
        "batching, argostranslate's sentence splitter and the SQLite cache included",
    )


def memory(sizes: list[int], work: Path) -> None:
    print("\n| articles | official sentences | cold audit CPU | per article | peak RSS, tree |")
    print("|---|---|---|---|---|")
    for size in sizes:
        corpus = make_corpus(size, OFFICIAL_SENTENCES, work / f"memory{size}")
        usage = cold_audit(corpus, work, "--workers", "1")
        subprocess.run(["rm", "-rf", str(corpus)], check=True)
        print(
            f"| {size} | {OFFICIAL_SENTENCES} | {usage.cpu:.1f} s | "
            f"{usage.cpu / size * 1000:.1f} ms | {usage.rss / 2**20:.0f} MiB |",
            flush=True,
        )


def generated_wordings(count: int, rng: random.Random, start: int = 0) -> list[object]:
    """`count` articles' wording contributions: each quotes ~10 of 5,000 official sentences,
    in one of 3 wordings per sentence (some differing only in case), from one of 300 outlets."""
    from auditor.stages.wordings import (
        FIRST_SEEN,
        PUBLISHED,
        ArticleWordings,
        Contribution,
        group_key,
        normalise,
    )

    sentences = official_sentences(OFFICIAL_SENTENCES, random.Random(3))
    articles: list[object] = []
    for number in range(start, start + count):
        found: dict[str, Contribution] = {}
        for _ in range(rng.randint(5, 15)):
            line = rng.randrange(len(sentences))
            words = sentences[line].split()
            variant = rng.randrange(3)
            if variant == 1 and len(words) > 3:
                words[2] = words[2].upper()  # case only: the same group as variant 0
            elif variant == 2 and len(words) > 3:
                words[3] = "reportedly"  # another word: another group
            wording = " ".join(words)
            edits = ("wording: x → reportedly",) if variant == 2 else ()
            key = group_key(
                "o.txt", sentences[line], "quote", "drift", normalise(wording), (), edits
            )
            found.setdefault(
                key,
                Contribution(
                    key,
                    "o.txt",
                    line + 1,
                    sentences[line],
                    "quote",
                    "drift",
                    normalise(wording),
                    (),
                    edits,
                    wording,
                ),
            )
        dated = rng.random() < 0.7
        articles.append(
            ArticleWordings(
                f"article-{number:06}.txt",
                f"outlet-{rng.randrange(300):03}",
                f"2022-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
                if dated
                else f"2026-01-{rng.randint(1, 28):02}T10:00:00Z",
                PUBLISHED if dated else FIRST_SEEN,
                tuple(found.values()),
            )
        )
    return articles


def grouping(repeats: int, articles: int, work: Path) -> None:
    from auditor.stages.wordings import ArticleWordings, build_groups
    from auditor.store.state import State
    from auditor.store.wordings import WordingStore

    rng = random.Random(5)
    corpus = [a for a in generated_wordings(articles, rng) if isinstance(a, ArticleWordings)]
    state = State(work / "grouping" / "state.sqlite")
    store = WordingStore(state)
    clock = time.perf_counter()
    store.replace([(a, "first run") for a in corpus])
    first_run = time.perf_counter() - clock
    new = [a for a in generated_wordings(5, rng, start=articles) if isinstance(a, ArticleWordings)]
    segments = sum(len(a.contributions) for a in new)

    def incremental() -> float:
        clock = time.perf_counter()
        known = store.signatures()
        store.replace([(a, "new") for a in new if known.get(a.article_id) != "new"])
        spent = time.perf_counter() - clock
        store.remove([a.article_id for a in new])  # back to the 10,000 for the next repeat
        return spent

    def rebuild() -> float:
        clock = time.perf_counter()
        build_groups([*corpus, *new])
        return time.perf_counter() - clock

    medians = interleaved({"incremental": incremental, "rebuild": rebuild}, repeats)
    row(
        f"wording groups, {articles:,} articles: update for 5 new articles ({segments} grouped "
        f"segments)",
        medians["incremental"],
        medians["rebuild"],
        "regroup every article from scratch, in memory:",
        f"first run (all {articles:,} into the state) {first_run:.1f} s",
    )
    clock = time.perf_counter()
    groups = store.groups()
    print(
        f"| wording groups read back for the reports | {(time.perf_counter() - clock) * 1000:.0f}"
        f" ms | | | {len(groups):,} groups, {sum(g.articles for g in groups):,} members |",
        flush=True,
    )
    state.close()


@contextlib.contextmanager
def dask_cluster(folder: Path, workers: int) -> Iterator[tuple[str, int]]:
    """`dask scheduler` and `dask worker --nworkers N --nthreads 1`, each a process tree of its
    own as on other machines; yields the scheduler's address and process id."""
    from distributed import Client

    address_file = folder / "scheduler.json"
    started: list[subprocess.Popen[bytes]] = []
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


def dask_size(size: int, repeats: int, work: Path, workers: int) -> float:
    """One line of the Dask table; the driver's CPU seconds beside a separate cluster. With
    `repeats` 0 only the driver beside a separate cluster is measured."""
    import psutil

    corpus = make_corpus(size, OFFICIAL_SENTENCES, work / f"dask{size}")
    kept: dict[str, Path] = {}
    usages: dict[str, list[Usage]] = {"pool": [], "dask": []}

    def audit(side: str, *extra: str) -> float:
        reports = work / f"dask{size}-{side}-{len(usages[side])}"
        usage = run_process(audit_command(corpus, reports, *extra, *DASK_FORMATS))
        usages[side].append(usage)
        if side in kept:
            subprocess.run(["rm", "-rf", str(reports)], check=True)
        else:
            kept[side] = reports
        return usage.wall

    if repeats:
        interleaved(
            {
                "pool": lambda: audit("pool", "--workers", str(workers)),
                "dask": lambda: audit("dask", "--engine", "dask", "--workers", str(workers)),
            },
            repeats,
        )
    cluster = work / f"dask{size}-cluster"
    cluster.mkdir()
    with dask_cluster(cluster, workers) as (address, scheduler_pid):
        scheduler = psutil.Process(scheduler_pid)
        before = sum(scheduler.cpu_times()[:2])
        time.sleep(IDLE_SECONDS)
        idle = (sum(scheduler.cpu_times()[:2]) - before) / IDLE_SECONDS
        before = sum(scheduler.cpu_times()[:2])
        remote = run_process(
            audit_command(
                corpus,
                work / f"dask{size}-remote",
                "--engine",
                "dask",
                "--scheduler",
                address,
                *DASK_FORMATS,
            )
        )
        scheduler_cpu = sum(scheduler.cpu_times()[:2]) - before - idle * remote.wall
    kept["remote"] = work / f"dask{size}-remote"
    same = repeats > 0 and all(
        (kept["pool"] / name).read_bytes() == (kept[side] / name).read_bytes()
        for side in ("dask", "remote")
        for name in SAME_BYTES
    )
    for folder in (*kept.values(), cluster):
        subprocess.run(["rm", "-rf", str(folder)], check=True)
    subprocess.run(["rm", "-rf", str(corpus)], check=True)
    compared = "| — | — | — | not compared "
    if repeats:
        pool = statistics.median(u.wall for u in usages["pool"])
        local = statistics.median(u.wall for u in usages["dask"])
        pool_cpu = statistics.median(u.cpu for u in usages["pool"])
        local_cpu = statistics.median(u.cpu for u in usages["dask"])
        compared = (
            f"| {pool:.1f} s, {pool_cpu:.1f} s | {local:.1f} s, {local_cpu:.1f} s "
            f"| {local / pool:.3f}× | {'yes' if same else 'NO'} "
        )
    print(
        f"| {size} {compared}"
        f"| {remote.wall:.1f} s, {remote.cpu:.1f} s, {remote.cpu / size * 1000:.2f} ms, "
        f"{remote.rss / 2**20:.0f} MiB, {scheduler_cpu / size * 1000:.2f} ms |",
        flush=True,
    )
    return remote.cpu


def dask_engine(sizes: list[int], repeats: int, work: Path, workers: int = 2) -> None:
    """The Dask row: local cluster vs process pool (interleaved), then the driver's own cost
    beside a separate scheduler and workers."""
    print(
        f"\n| articles | process pool, {workers} workers: wall, CPU of the tree | local Dask "
        f"cluster, {workers} workers: wall, CPU of the tree | ratio (wall) | same reports | "
        "separate scheduler and workers: wall, driver CPU, per article, driver peak RSS, "
        "scheduler CPU per article beyond its idle rate |"
    )
    print("|---|---|---|---|---|---|")
    driver = {size: dask_size(size, repeats, work, workers) for size in sizes}
    if len(driver) > 1:
        small, large = min(driver), max(driver)
        slope = (driver[large] - driver[small]) / (large - small)
        print(
            f"\ndriver CPU per additional article ({small} → {large}, its start-up excluded): "
            f"{slope * 1000:.2f} ms",
            flush=True,
        )


ROWS = (
    "floor",
    "workers",
    "reaudit",
    "help",
    "scoring",
    "alignment",
    "translation",
    "memory",
    "grouping",
    "dask",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--reaudit-articles", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=10)
    parser.add_argument("--fragments", type=int, default=500)
    parser.add_argument("--memory-sizes", default="1000,3000")
    parser.add_argument("--grouping-articles", type=int, default=10000)
    parser.add_argument("--dask-sizes", default="1000")
    parser.add_argument(
        "--dask-repeats",
        type=int,
        help="the Dask row's interleaved runs (default --repeats); 0: the driver's cost only",
    )
    parser.add_argument("--only", default=",".join(ROWS))
    args = parser.parse_args()
    rows = set(args.only.split(","))
    print(f"medians of {args.repeats} interleaved runs; ratio = ours / limit\n")
    print("| measure | ours | limit | ratio | note |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if rows & {"floor", "workers"}:
            floor_and_workers(args.articles, args.repeats, work, rows)
        if "reaudit" in rows:
            reaudit(args.reaudit_articles, max(args.repeats, 7), work)
        if "help" in rows:
            help_row(max(args.repeats, 9), work)
        if "scoring" in rows:
            scoring(max(args.repeats, 5))
        if "alignment" in rows:
            alignment(args.repeats, args.queries)
        if "translation" in rows:
            translation(max(args.repeats, 5), args.fragments)
        if "memory" in rows:
            memory([int(s) for s in args.memory_sizes.split(",")], work)
        if "grouping" in rows:
            grouping(max(args.repeats, 5), args.grouping_articles, work)
        if "dask" in rows:
            repeats = args.repeats if args.dask_repeats is None else args.dask_repeats
            dask_engine([int(s) for s in args.dask_sizes.split(",")], repeats, work)


if __name__ == "__main__":
    main()
