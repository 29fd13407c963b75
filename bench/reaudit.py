"""Cost of an unchanged re-audit against `sha256sum` of the same files.

    python bench/reaudit.py [N_ARTICLES] [--repeats 5]

Generates N articles (default 1,000) with make_corpus.py, audits them once, then times, as
medians over the repeats: `sha256sum` of every corpus file; `auditor audit` as a new process
(what cron runs: Python start-up and imports included); and `audit_corpus()` called in a warm
process (the audit's own work). Prints each as a ratio to `sha256sum`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.pipeline import audit_corpus  # noqa: E402
from bench.make_corpus import make_corpus  # noqa: E402


def median_seconds(action, repeats: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n_articles", type=int, nargs="?", default=1000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(args.n_articles, 500, Path(tmp) / "corpus")
        reports = Path(tmp) / "reports"
        start = time.perf_counter()
        first = audit_corpus(corpus, reports)
        cold = time.perf_counter() - start
        files = sorted(str(p) for p in corpus.rglob("*.txt"))
        sha = median_seconds(
            lambda: subprocess.run(["sha256sum", *files], check=True, capture_output=True),
            args.repeats,
        )
        cli = median_seconds(
            lambda: subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "auditor",
                    "audit",
                    str(corpus),
                    "--reports",
                    str(reports),
                    "--json",
                ],
                check=True,
                capture_output=True,
            ),
            args.repeats,
        )
        warm = median_seconds(lambda: audit_corpus(corpus, reports), args.repeats)
    print(
        f"{args.n_articles} articles ({len(files)} files), first audit {cold:.1f} s "
        f"({first.audited} audited); medians of {args.repeats} unchanged re-audits:\n"
    )
    print(f"{'what':<40} {'seconds':>9} {'x sha256sum':>12}")
    for name, seconds in (
        ("sha256sum of the corpus", sha),
        ("auditor audit (new process, as cron)", cli),
        ("audit_corpus() in a warm process", warm),
    ):
        print(f"{name:<40} {seconds:>9.3f} {seconds / sha:>11.1f}x")


if __name__ == "__main__":
    main()
