"""Cost of an unchanged re-audit as cron runs it, against its floor with Typer.

    python bench/reaudit.py [N_ARTICLES] [--repeats 7]

Generates N articles (default 1,000) with make_corpus.py, audits them once, then times, as
medians over interleaved repeats, each as a new process: the README's cron recipe
(`auditor audit --fail-on critical --wait 600 --json` in the folder of corpus/ and reports/);
a minimal Typer app with auditor's commands and options given the same command line
(bench/minimal_app.py); `sha256sum` of every corpus file; and `audit_corpus()` in a warm
process (the audit's own work). The same measurement is the `reaudit` row of `bench/run.py`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import reaudit


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n_articles", type=int, nargs="?", default=1000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    print("| measure | ours | limit | ratio | note |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        reaudit(args.n_articles, args.repeats, Path(tmp))


if __name__ == "__main__":
    main()
