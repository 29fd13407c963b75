"""Is the memory of writing the reports flat in the number of articles? (issue 28, part 1;
measurement only)

    python bench/report_memory.py REPORTS [--sizes 1000,10000] [--ref COMMIT] [--repeats 1]
                                  [--formats csv,xlsx,html] [--work DIR]

REPORTS is a folder a cold audit wrote (`bench/parquet_vs_csv.py` makes one: 500 generated
articles, 500 official sentences). For each size, its state is copied and every stored result
repeated under new ids up to that many articles (`parquet_vs_csv.replicate`: real results).
Then `auditor report --formats …` — every stored result read back and every report written,
as after an audit — runs as a new process on a fresh copy of that state, with this working
tree's auditor and, with `--ref`, that commit's (`git archive`), interleaved; the peak RSS of
its process tree is sampled (`bench.run.run_process`). Prints the peaks and the ratio of the
largest size's to the smallest's — the issue's target is ≤ 1.15×. A cold audit at 10,000
articles measures the same plus the audit's own driver (`bench/memory_flat.py`), at a cost of
hours on a shared machine. No figure is asserted anywhere.
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

from bench.parquet_vs_csv import replicate  # noqa: E402
from bench.run import Usage, run_process  # noqa: E402
from bench.same_reports import checkout  # noqa: E402


def report(code: Path, state: Path, work: Path, formats: str) -> Usage:
    """`auditor report` of the code in `code` on a fresh copy of the reports folder `state`."""
    reports = work / "reports"
    shutil.rmtree(reports, ignore_errors=True)
    (reports / ".auditor").mkdir(parents=True)
    shutil.copy(state / ".auditor" / "state.sqlite", reports / ".auditor" / "state.sqlite")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")}
    env["PYTHONPATH"] = str(code)
    command = [sys.executable, "-m", "auditor", "report", "--reports", str(reports)]
    try:
        return run_process([*command, "--formats", formats], env=env, cwd=str(code))
    finally:
        shutil.rmtree(reports, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", type=Path)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--ref", help="also measure the auditor of this commit, interleaved")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--formats", default="csv,xlsx,html")
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="report-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    codes = {"this tree": ROOT}
    if args.ref:
        codes = {args.ref: checkout(args.ref, work / f"ref-{args.ref}"), **codes}
    states = {size: replicate(args.reports, size, work / f"state-{size}") for size in sizes}
    usages: dict[tuple[str, int], list[Usage]] = {}
    for _ in range(args.repeats):
        for size in sizes:
            for label, code in codes.items():
                usage = report(code, states[size], work, args.formats)
                usages.setdefault((label, size), []).append(usage)
                print(
                    f"  {label} {size}: peak {usage.rss / 2**20:.0f} MiB, CPU {usage.cpu:.1f} s,"
                    f" wall {usage.wall:.1f} s, load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    print(f"\n`auditor report --formats {args.formats}`; medians of {args.repeats} run(s)\n")
    print("| code | articles | peak RSS of the tree | CPU | wall |\n|---|---|---|---|---|")
    for (label, size), runs in usages.items():
        print(
            f"| {label} | {size:,} | {statistics.median(u.rss for u in runs) / 2**20:.0f} MiB | "
            f"{statistics.median(u.cpu for u in runs):.1f} s | "
            f"{statistics.median(u.wall for u in runs):.1f} s |"
        )
    small, large = min(sizes), max(sizes)
    for label in codes:
        peaks = [statistics.median(u.rss for u in usages[(label, n)]) for n in (small, large)]
        print(f"{label}: peak at {large:,} ÷ peak at {small:,} = {peaks[1] / peaks[0]:.2f}×")


if __name__ == "__main__":
    main()
