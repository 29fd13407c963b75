"""Is memory flat in the number of articles? Peak RSS of the whole process tree of a cold audit
at each size, both engines, optionally beside the auditor of another commit.

    python bench/memory_flat.py [--sizes 1000,10000] [--official-sentences 500]
                                [--engines processes,dask] [--workers 2] [--repeats 1]
                                [--ref COMMIT] [--work DIR] [--formats csv,xlsx,html]

Generates one corpus per size (`bench/make_corpus.py`: the same generator and the same official
text at every size), then runs `auditor audit` cold — every report format unless `--formats`
says otherwise — as a new process, and samples the summed RSS of its process tree (the driver,
the pool's workers or the local Dask cluster's nannies and workers) every 20 ms
(`bench.run.run_process`). The runs are interleaved: for each repeat, each engine, each size,
and with `--ref`, the auditor of that commit (`git archive`, as `bench/same_reports.py`) right
before this working tree's. Prints one row per (engine, code, size) with the medians, and the
ratio of the largest size's peak to the smallest's — the issue's target is ≤ 1.15×.
Measurement only: no figure is asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402
from bench.run import Usage, run_process  # noqa: E402
from bench.same_reports import checkout  # noqa: E402


def audit(
    code: Path, corpus: Path, reports: Path, engine: str, workers: int, formats: str
) -> Usage:
    """One cold audit by the `auditor` package found in `code`, into a new `reports`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")}
    env["PYTHONPATH"] = str(code)
    command = [
        sys.executable,
        "-m",
        "auditor",
        "audit",
        str(corpus),
        "--reports",
        str(reports),
        "--engine",
        engine,
        "--workers",
        str(workers),
        "--formats",
        formats,
        "--json",
    ]
    try:
        return run_process(command, env=env, cwd=str(code))
    finally:
        shutil.rmtree(reports, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--official-sentences", type=int, default=500)
    parser.add_argument("--engines", default="processes,dask")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--formats", default="csv,xlsx,html")
    parser.add_argument("--ref", help="also measure the auditor of this commit, interleaved")
    parser.add_argument("--ref-only", action="store_true", help="measure only --ref's auditor")
    parser.add_argument("--work", type=Path, help="where corpora are kept (default: a temp dir)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    engines = args.engines.split(",")
    work = args.work or Path(tempfile.mkdtemp(prefix="memory-flat-"))
    work.mkdir(parents=True, exist_ok=True)
    codes = {"this tree": ROOT}
    if args.ref:
        ref = {args.ref: checkout(args.ref, work / f"ref-{args.ref}")}
        codes = ref if args.ref_only else {**ref, **codes}
    corpora = {}
    for size in sizes:
        folder = work / f"corpus-{size}-{args.official_sentences}"
        if not (folder / "articles").is_dir():
            make_corpus(size, args.official_sentences, folder)
        corpora[size] = folder
    usages: dict[tuple[str, str, int], list[Usage]] = {}
    for repeat in range(args.repeats):
        for engine in engines:
            for size in sizes:
                for label, code in codes.items():
                    reports = work / f"reports-{engine}-{size}-{repeat}"
                    usage = audit(code, corpora[size], reports, engine, args.workers, args.formats)
                    usages.setdefault((engine, label, size), []).append(usage)
                    print(
                        f"  {engine} {label} {size}: peak {usage.rss / 2**20:.0f} MiB, "
                        f"CPU {usage.cpu:.1f} s, wall {usage.wall:.1f} s, "
                        f"load {os.getloadavg()[0]:.1f}",
                        flush=True,
                    )
    print(
        f"\n{args.official_sentences} official sentences, --workers {args.workers}, --formats "
        f"{args.formats}; medians of {args.repeats} interleaved run(s)\n"
    )
    print("| engine | code | articles | peak RSS of the tree | CPU | wall |")
    print("|---|---|---|---|---|---|")
    for (engine, label, size), runs in usages.items():
        print(
            f"| {engine} | {label} | {size:,} | "
            f"{statistics.median(u.rss for u in runs) / 2**20:.0f} MiB | "
            f"{statistics.median(u.cpu for u in runs):.1f} s | "
            f"{statistics.median(u.wall for u in runs):.1f} s |"
        )
    small, large = min(sizes), max(sizes)
    print()
    for engine in engines:
        for label in codes:
            peaks = {
                size: statistics.median(u.rss for u in usages[(engine, label, size)])
                for size in (small, large)
            }
            print(
                f"{engine}, {label}: peak at {large:,} ÷ peak at {small:,} = "
                f"{peaks[large] / peaks[small]:.2f}×"
            )


if __name__ == "__main__":
    main()
