"""Does an unchanged cron run cost more after many runs? (issue 28, part 5; measurement only)

    python bench/history_growth.py [--articles 1000] [--runs 1000] [--repeats 5] [--work DIR]

Audits a generated corpus (`bench/make_corpus.py`, N articles, 500 official sentences) cold
into two reports folders. In the second, the history of `--runs` earlier runs is added to the
state as the auditor stores it — a row of runs.csv per run, and the history rows of every
article for one run in ten (a run writes a row only for an article whose result changed) —
and one unchanged run appends them to history.csv and runs.csv. Then the cron job
(`auditor audit --json`, the corpus unchanged) runs in each folder, alternately, `--repeats`
times, as a new process: its CPU, wall and the peak RSS of its process tree
(`bench.run.run_process`). Prints the medians and the ratios (many runs ÷ one run), with the
sizes of history.csv and runs.csv and the load. No figure is asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402
from bench.run import Usage, run_process  # noqa: E402


def cron(corpus: Path, reports: Path) -> Usage:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")}
    command = [sys.executable, "-m", "auditor", "audit", str(corpus), "--reports", str(reports)]
    return run_process([*command, "--json"], env=env, cwd=str(ROOT))


def add_history(reports: Path, runs: int) -> None:
    """`runs` earlier runs into the state of `reports`, as the auditor stores them: their rows
    of runs, and for one run in ten the history rows of every article (copies of the rows the
    cold run stored, under that run's id and time)."""
    db = sqlite3.connect(reports / ".auditor" / "state.sqlite")
    try:
        rows = [row for (row,) in db.execute("SELECT row FROM history_rows WHERE committed = 1")]
        (first,) = db.execute("SELECT MIN(started_at) FROM runs").fetchone()
        with db:
            for n in range(runs):
                run_id = f"19990101T{n:06d}Z-000000"
                run_at = f"1999-01-01T{n // 60 % 24:02d}:{n % 60:02d}:00Z"
                db.execute(
                    "INSERT INTO runs VALUES (?, ?, ?, 0, ?, 0, 0)",
                    (run_id, first, first, len(rows)),
                )
                if n % 10 == 0:
                    copies = []
                    for text in rows:
                        row = json.loads(text)
                        row.update(run_id=run_id, run_at=run_at)
                        copies.append((row["article_id"], json.dumps(row), run_id))
                    db.executemany(
                        "INSERT INTO history_rows (article_id, row, run_id, committed) "
                        "VALUES (?, ?, ?, 1)",
                        copies,
                    )
    finally:
        db.close()


def lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="history-growth-"))
    corpus = work / f"corpus-{args.articles}"
    if not (corpus / "articles").is_dir():
        make_corpus(args.articles, 500, corpus)
    folders = {"after one run": work / "one", f"after {args.runs:,} runs": work / "many"}
    for folder in folders.values():
        shutil.rmtree(folder, ignore_errors=True)
        cron(corpus, folder)
    add_history(folders[f"after {args.runs:,} runs"], args.runs)
    cron(corpus, folders[f"after {args.runs:,} runs"])  # appends the added rows once
    usages: dict[str, list[Usage]] = {label: [] for label in folders}
    loads = []
    for _ in range(args.repeats):
        for label, folder in folders.items():
            usages[label].append(cron(corpus, folder))
            loads.append(os.getloadavg()[0])
    print(
        f"{args.articles:,} articles, unchanged cron runs (`auditor audit --json`), medians of "
        f"{args.repeats} interleaved; load {min(loads):.1f}–{max(loads):.1f}\n"
    )
    print("| history | history.csv rows | runs.csv rows | CPU | wall | peak RSS of the tree |")
    print("|---|---|---|---|---|---|")
    medians = {}
    for label, folder in folders.items():
        runs = usages[label]
        cpu = statistics.median(u.cpu for u in runs)
        wall = statistics.median(u.wall for u in runs)
        rss = statistics.median(u.rss for u in runs)
        medians[label] = (cpu, wall, rss)
        print(
            f"| {label} | {lines(folder / 'history.csv'):,} | {lines(folder / 'runs.csv'):,} | "
            f"{cpu:.2f} s | {wall:.2f} s | {rss / 2**20:.0f} MiB |"
        )
    (one, many) = medians.values()
    print(
        f"\nmany ÷ one: CPU {many[0] / one[0]:.2f}×, wall {many[1] / one[1]:.2f}×, "
        f"peak RSS {many[2] / one[2]:.2f}×"
    )


if __name__ == "__main__":
    main()
