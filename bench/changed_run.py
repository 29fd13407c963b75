"""A scheduled run that finds new articles, before (a commit) and after (this working tree):
the cron recipe's run when the corpus gained `--new` articles since the last run.

    python bench/changed_run.py REF [--articles 1000] [--new 1] [--repeats 5] [--formats csv]

Each auditor audits the same generated corpus (`--articles`, 500 official sentences) once into
reports of its own; then, `--repeats` times, interleaved: a copy of those reports, `--new`
articles added to a copy of the corpus, and the run measured as a whole process (CPU of the
process tree, `bench/run.py`'s `run_process`). What it measures is what a run does for
articles it does not audit again (reusing their stored results) and for its reports, beside
the one new article's own audit. Also says whether the two auditors' segments.csv and
fragments.csv are the same bytes after the last run.
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

from bench.driver_cold import Side, same_bytes  # noqa: E402
from bench.make_corpus import make_corpus  # noqa: E402
from bench.same_reports import checkout  # noqa: E402


def new_article(corpus: Path, number: int) -> None:
    """An article that was not there: the corpus's first one, reworded (another file)."""
    first = sorted((corpus / "articles").iterdir())[0]
    text = first.read_text(encoding="utf-8").replace(" the ", f" the {number} ", 1)
    (corpus / "articles" / f"zz-new-{number:04d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", help="the commit measured as 'before', e.g. main")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--new", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--formats", default="csv")
    args = parser.parse_args()
    print(
        f"before: {args.ref}; after: the working tree; load average at start "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    formats = ("--formats", args.formats)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = make_corpus(args.articles, 500, work / "corpus")
        sides = [
            Side("before", checkout(args.ref, work / "ref"), work),
            Side("after", ROOT, work),
        ]
        audited = {side.name: work / f"audited-{side.name}" for side in sides}
        for side in sides:
            side.audit(corpus, *formats, keep=audited[side.name])
        cpu: dict[str, list[float]] = {side.name: [] for side in sides}
        for repeat in range(args.repeats):
            for side in sides:
                run = work / f"run-{side.name}"
                shutil.rmtree(run, ignore_errors=True)
                shutil.copytree(corpus, run / "corpus")
                shutil.copytree(audited[side.name], run / "reports")
                for number in range(args.new):
                    new_article(run / "corpus", repeat * args.new + number)
                usage = side.audit(run / "corpus", *formats, keep=run / "reports")
                cpu[side.name].append(usage.cpu)
        same = same_bytes(work / "run-before" / "reports", work / "run-after" / "reports")
    print(
        f"\na run finding {args.new} new article(s) among {args.articles} (500 official "
        f"sentences, `--formats {args.formats}`), whole processes' CPU, medians of "
        f"{args.repeats} interleaved runs\n"
    )
    print("| auditor | CPU | runs | same reports |\n|---|---|---|---|")
    for name, values in cpu.items():
        runs = ", ".join(f"{v:.2f}" for v in values)
        print(
            f"| {name} | {statistics.median(values):.2f} s | {runs} | {'yes' if same else 'NO'} |"
        )
    ratio = statistics.median(cpu["after"]) / statistics.median(cpu["before"])
    print(f"\nafter ÷ before: {ratio:.2f}×; load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
