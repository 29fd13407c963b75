"""Write time and size of each report format for a generated corpus (measurement only).

    python bench/report_formats.py [--articles 10000] [--official-sentences 500] [--workers 2]
                                   [--reports DIR]

Generates a corpus (`bench/make_corpus.py`), audits it once with `--formats csv` (or reuses
the stored results in `--reports DIR` when that folder already holds them), then writes each
format from the stored results, as `auditor report --formats NAME` does — the commit (fsync and
renames) included — and prints, per format, the seconds (wall and CPU), the size on disk, the
number of files and the peak memory of the process. No test asserts any of it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402


def _size(path: Path) -> tuple[int, int]:
    """Bytes and files of a file or of a folder."""
    if path.is_file():
        return path.stat().st_size, 1
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def audit(articles: int, official: int, workers: int, reports: Path) -> float:
    corpus = make_corpus(articles, official, reports.parent / "corpus")
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "auditor",
            "audit",
            str(corpus),
            "--reports",
            str(reports),
            "--formats",
            "csv",
            "--workers",
            str(workers),
            "--json",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def measure(reports: Path) -> list[dict[str, object]]:
    from auditor.reports.data import ReportData
    from auditor.reports.formats import FORMATS
    from auditor.reports.formats import write_reports as commit_formats
    from auditor.settings import Settings
    from auditor.store.state import State, state_path
    from auditor.store.stream import StoredHistory, StoredResults
    from auditor.store.wordings import StoredWordings

    # each format reads the stored results a batch at a time (`auditor.store.stream`): the
    # time of reading them is in each format's
    state = State(state_path(reports))
    ids = sorted(state.article_ids())
    print(f"{len(ids):,} articles")
    rows = []
    for name, report_format in FORMATS.items():
        if report_format.requires:  # an extra (parquet): bench/parquet_vs_csv.py
            continue
        data = ReportData(
            StoredResults(state, ids),
            Settings(),
            StoredHistory(state),
            tuple(FORMATS),
            "2026-01-01T00:00:00Z",
            StoredWordings(state),
        )
        wall, cpu = time.perf_counter(), time.process_time()
        commit_formats(reports, data, (name,))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        size, files = (
            sum(x) for x in zip(*(_size(reports / e) for e in report_format.entries), strict=True)
        )
        rows.append(
            {
                "format": name,
                "seconds": round(wall, 1),
                "cpu_seconds": round(cpu, 1),
                "mb": round(size / 1e6, 1),
                "files": files,
                "peak_rss_mib": round(_peak_mib()),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    state.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--official-sentences", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reports", type=Path, help="reuse (or keep) this reports folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reports = args.reports or Path(tmp) / "reports"
        if not (reports / ".auditor" / "state.sqlite").is_file():
            seconds = audit(args.articles, args.official_sentences, args.workers, reports)
            print(f"audit of {args.articles:,} articles (csv only): {seconds:.0f} s")
        rows = measure(reports)
    print("\n| format | write time (wall / CPU) | size | files |\n|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['format']} | {row['seconds']} s / {row['cpu_seconds']} s "
            f"| {row['mb']} MB | {row['files']:,} |"
        )


if __name__ == "__main__":
    main()
