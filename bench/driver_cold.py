"""Issue 28's rows: the driver's cost and the cold audit's, before (a commit) and after (this
working tree), every side measured interleaved in the same run.

    python bench/driver_cold.py REF [--only cold,local,driver] [--articles 200] [--small 20]
        [--officials 50,500,5000] [--repeats 3] [--dask-sizes 100,400] [--dask-repeats 3]

- cold: for each count of official sentences, a cold audit (`--workers 1`, a new reports
  folder) of `--articles` and of `--small` generated articles with REF's auditor and with this
  tree's, and at the largest count the floor (`bench/floor.py`). The CPU per additional
  article, (big − small) / (articles − small), leaves out what does not grow with the
  articles (start-up, the official index, the reports' fixed part); the whole-process ratio to
  the floor is the issue's "× the floor". Growth per 10× of official sentences is the
  geometric mean of the per-article cost's steps. With `--reported N` the articles are the same
  at every size (they report the first N official sentences' documents; the rest of the archive
  is other events): the growth is then the archive's alone, not the generated articles'.
- dask: at the largest of `--dask-sizes`, a local Dask cluster of 2 workers vs the process
  pool of 2 workers (wall and CPU of the tree), REF's and this tree's, interleaved; then each
  auditor's driver beside a scheduler and 2 workers started as separate processes with that
  auditor (`dask scheduler`, `dask worker`), at each size: the driver's CPU per additional
  article is the slope between the smallest and the largest size.

Whole processes, their CPU from `os.wait4` (`bench/run.py`'s `run_process`); CSV reports only
for the Dask rows (`--formats csv`), every format for the cold rows. Also says whether the two
auditors' segments.csv and fragments.csv are the same bytes.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402
from bench.run import (  # noqa: E402
    DASK_FORMATS,
    SAME_BYTES,
    Usage,
    aligned_pairs,
    dask_cluster,
    run_process,
)
from bench.same_reports import checkout  # noqa: E402


def auditor_env(code: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")}
    env["PYTHONPATH"] = str(code)
    return env


class Side:
    """One auditor (REF's or this tree's), run as `python -m auditor` from its own code."""

    def __init__(self, name: str, code: Path, work: Path) -> None:
        self.name, self.code, self.work = name, code, work
        self.env = auditor_env(code)
        self.runs = 0

    def audit(self, corpus: Path, *extra: str, keep: Path | None = None) -> Usage:
        self.runs += 1
        reports = keep or self.work / f"{self.name}-{self.runs}"
        command = [sys.executable, "-m", "auditor", "audit", str(corpus), "--reports"]
        try:
            return run_process(
                [*command, str(reports), *extra, "--json"], env=self.env, cwd=str(self.work)
            )
        finally:
            if keep is None:
                subprocess.run(["rm", "-rf", str(reports)], check=True)


def samples(sides: dict[str, Callable[[], Usage]], repeats: int) -> dict[str, list[Usage]]:
    """Each side's usages, the sides alternating within each repeat."""
    out: dict[str, list[Usage]] = {name: [] for name in sides}
    for _ in range(repeats):
        for name, measure in sides.items():
            out[name].append(measure())
    return out


def median(usages: list[Usage], what: str = "cpu") -> float:
    return statistics.median(getattr(u, what) for u in usages)


def same_bytes(one: Path, other: Path) -> bool:
    return all((one / n).read_bytes() == (other / n).read_bytes() for n in SAME_BYTES)


def cold(before: Side, after: Side, args: argparse.Namespace, work: Path) -> None:
    counts = [int(c) for c in args.officials.split(",")]
    print(
        f"\ncold audit, --workers 1, {args.articles} vs {args.small} articles; medians of "
        f"{args.repeats} interleaved runs; CPU of the whole process\n"
    )
    print(
        "| official sentences | before: per additional article | after: per additional "
        "article | after ÷ before | before ÷ floor (whole, big) | after ÷ floor (whole, big) "
        "| same reports |"
    )
    print("|---|---|---|---|---|---|---|")
    marginal: dict[str, list[float]] = {"before": [], "after": []}
    for count in counts:
        big = make_corpus(args.articles, count, work / f"cold-{count}-big", reported=args.reported)
        small = make_corpus(args.small, count, work / f"cold-{count}-small", reported=args.reported)
        kept = {side.name: work / f"kept-{count}-{side.name}" for side in (before, after)}
        for side in (before, after):
            side.audit(big, "--workers", "1", keep=kept[side.name])
        same = same_bytes(kept["before"], kept["after"])
        pairs = work / f"pairs-{count}.json"
        pairs.write_text(json.dumps(aligned_pairs(kept["after"] / "segments.csv")))
        floor = [sys.executable, str(ROOT / "bench/floor.py"), str(big), str(pairs)]
        sides: dict[str, Callable[[], Usage]] = {}
        for side in (before, after):
            sides[f"{side.name}-big"] = lambda s=side, c=big: s.audit(c, "--workers", "1")
            sides[f"{side.name}-small"] = lambda s=side, c=small: s.audit(c, "--workers", "1")
        sides["floor"] = lambda f=floor: run_process(f)
        got = samples(sides, args.repeats)
        per = {
            name: (median(got[f"{name}-big"]) - median(got[f"{name}-small"]))
            / (args.articles - args.small)
            for name in ("before", "after")
        }
        for name, value in per.items():
            marginal[name].append(value)
        floor_cpu = median(got["floor"])
        print(
            f"| {count:,} | {per['before'] * 1000:.1f} ms | {per['after'] * 1000:.1f} ms | "
            f"{per['after'] / per['before']:.2f}× | "
            f"{median(got['before-big']) / floor_cpu:.2f}× | "
            f"{median(got['after-big']) / floor_cpu:.2f}× | {'yes' if same else 'NO'} |",
            flush=True,
        )
        print(
            f"  (whole processes: before {median(got['before-big']):.1f} s / "
            f"{median(got['before-small']):.1f} s, after {median(got['after-big']):.1f} s / "
            f"{median(got['after-small']):.1f} s, floor {floor_cpu:.2f} s)",
            flush=True,
        )
        for folder in (*kept.values(), big, small):
            subprocess.run(["rm", "-rf", str(folder)], check=True)
    if len(counts) > 1:
        decades = math.log10(counts[-1] / counts[0])
        for name, values in marginal.items():
            growth = (values[-1] / values[0]) ** (1 / decades)
            steps = ", ".join(f"{b / a:.2f}×" for a, b in itertools.pairwise(values))
            print(
                f"{name}: per-article cost grows {growth:.2f}× per 10× of official sentences "
                f"(steps {steps})"
            )


def local(before: Side, after: Side, args: argparse.Namespace, work: Path) -> None:
    sizes = [int(s) for s in args.dask_sizes.split(",")]
    largest = max(sizes)
    corpora = {
        size: make_corpus(size, args.dask_officials, work / f"dask-{size}") for size in sizes
    }
    print(
        f"\nlocal Dask cluster vs process pool, 2 workers each, {largest} articles × "
        f"{args.dask_officials} official sentences, CSV reports; medians of "
        f"{args.dask_repeats} interleaved runs\n"
    )
    print("| auditor | pool: wall, CPU | local cluster: wall, CPU | wall ratio | CPU ratio |")
    print("|---|---|---|---|---|")
    corpus = corpora[largest]
    sides: dict[str, Callable[[], Usage]] = {}
    for side in (before, after):
        sides[f"{side.name}-pool"] = lambda s=side: s.audit(corpus, "--workers", "2", *DASK_FORMATS)
        sides[f"{side.name}-dask"] = lambda s=side: s.audit(
            corpus, "--engine", "dask", "--workers", "2", *DASK_FORMATS
        )
    got = samples(sides, args.dask_repeats)
    for side in (before, after):
        pool, local = got[f"{side.name}-pool"], got[f"{side.name}-dask"]
        walls = ", ".join(f"{d.wall / p.wall:.2f}" for p, d in zip(pool, local, strict=True))
        print(
            f"| {side.name} | {median(pool, 'wall'):.1f} s, {median(pool):.1f} s | "
            f"{median(local, 'wall'):.1f} s, {median(local):.1f} s | "
            f"{median(local, 'wall') / median(pool, 'wall'):.2f}× (runs: {walls}) | "
            f"{median(local) / median(pool):.2f}× |",
            flush=True,
        )


def driver(before: Side, after: Side, args: argparse.Namespace, work: Path) -> None:
    sizes = [int(s) for s in args.dask_sizes.split(",")]
    largest = max(sizes)
    corpora = {size: make_corpus(size, args.dask_officials, work / f"drv-{size}") for size in sizes}
    corpus = corpora[largest]
    print(
        f"\nthe driver beside `dask scheduler` + `dask worker --nworkers 2 --nthreads 1` "
        f"(separate processes, each with its auditor), CSV reports; medians of "
        f"{args.dask_repeats} interleaved runs\n"
    )
    print(
        "| auditor | " + " | ".join(f"driver CPU, {s} articles" for s in sizes) + " | "
        "per additional article | driver peak RSS (largest) | same reports |"
    )
    print("|---|" + "---|" * len(sizes) + "---|---|---|")
    folders = {side.name: work / f"cluster-{side.name}" for side in (before, after)}
    for folder in folders.values():
        folder.mkdir()
    old = os.environ.get("PYTHONPATH")
    clusters = {}
    with contextlib.ExitStack() as stack:
        for side in (before, after):
            os.environ["PYTHONPATH"] = str(side.code)  # the workers' auditor
            clusters[side.name] = stack.enter_context(dask_cluster(folders[side.name], 2))[0]
        if old is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old
        remote: dict[str, Callable[[], Usage]] = {}
        for side in (before, after):
            for size in sizes:
                remote[f"{side.name}-{size}"] = lambda s=side, n=size: s.audit(
                    corpora[n],
                    "--engine",
                    "dask",
                    "--scheduler",
                    clusters[s.name],
                    *DASK_FORMATS,
                )
        got = samples(remote, args.dask_repeats)
        kept = {}
        for side in (before, after):
            kept[side.name] = work / f"remote-{side.name}"
            side.audit(
                corpus,
                "--engine",
                "dask",
                "--scheduler",
                clusters[side.name],
                *DASK_FORMATS,
                keep=kept[side.name],
            )
    same = same_bytes(kept["before"], kept["after"])
    smallest = min(sizes)
    for side in (before, after):
        cpu = {size: median(got[f"{side.name}-{size}"]) for size in sizes}
        slope = (cpu[largest] - cpu[smallest]) / (largest - smallest)
        rss = max(u.rss for u in got[f"{side.name}-{largest}"])
        print(
            f"| {side.name} | "
            + " | ".join(f"{cpu[s]:.2f} s" for s in sizes)
            + f" | {slope * 1000:.2f} ms | {rss / 2**20:.0f} MiB | {'yes' if same else 'NO'} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", help="the commit measured as 'before', e.g. main")
    parser.add_argument("--only", default="cold,local,driver")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--small", type=int, default=20)
    parser.add_argument("--officials", default="50,500,5000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--reported",
        type=int,
        help="the same articles at every size: they report only the first REPORTED official "
        "sentences' documents, the rest of the archive is other events",
    )
    parser.add_argument("--dask-sizes", default="100,400")
    parser.add_argument("--dask-officials", type=int, default=5000)
    parser.add_argument("--dask-repeats", type=int, default=3)
    args = parser.parse_args()
    rows = set(args.only.split(","))
    print(
        f"before: {args.ref}; after: the working tree; load average at start "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        before = Side("before", checkout(args.ref, work / "ref"), work)
        after = Side("after", ROOT, work)
        if "cold" in rows:
            cold(before, after, args, work)
        if "local" in rows:
            local(before, after, args, work)
        if "driver" in rows:
            driver(before, after, args, work)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
