"""Parquet against the CSVs: write time, size, read time (issue 28, part 3; measurement only).

    python bench/parquet_vs_csv.py [--base 500] [--articles 10000] [--repeats 3] [--work DIR]

Audits a generated corpus of `--base` articles (`bench/make_corpus.py`, 500 official
sentences) cold with `--formats csv`, then copies its state and repeats every stored result
under new article ids until the state holds `--articles` results (real audit results; the
wording groups of quotes.csv stay those of the base corpus). Then, interleaved, `--repeats`
times: the CSV tables (`tables.write_tables`) and the Parquet tables (`parquet.write_parquet`)
written from the state into a fresh folder (wall and CPU; the commit's fsync and renames left
out, the same for both), their size on disk, and reading them back — pandas (`read_csv` of the
five CSVs, `read_parquet` of the five folders) and one DuckDB query (segments with a critical
edit, per article). Prints the medians, the ratios Parquet ÷ CSV and the load. No figure is
asserted anywhere.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402

TABLES = ("summary", "segments", "fragments", "quotes", "findings")


def cold(base: int, work: Path) -> Path:
    reports = work / f"reports-{base}"
    if not (reports / ".auditor" / "state.sqlite").is_file():
        corpus = make_corpus(base, 500, work / f"corpus-{base}")
        command = [sys.executable, "-m", "auditor", "audit", str(corpus), "--reports"]
        subprocess.run(
            [*command, str(reports), "--formats", "csv", "--json"],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
        )
    return reports


def replicate(reports: Path, articles: int, into: Path) -> Path:
    """A copy of the state of `reports` whose results are repeated under new ids up to
    `articles` results."""
    state = into / ".auditor" / "state.sqlite"
    if state.is_file():
        return into
    state.parent.mkdir(parents=True)
    shutil.copy(reports / ".auditor" / "state.sqlite", state)
    db = sqlite3.connect(state)
    with db:
        ids = [i for (i,) in db.execute("SELECT article_id FROM article_results ORDER BY 1")]
        copy = 1
        while len(ids) * (copy + 1) <= articles:
            db.execute(
                "INSERT INTO article_results (article_id, cache_key, content_sha256, result, "
                "run_id, digest) SELECT article_id || ?1, cache_key, content_sha256, "
                "json_set(result, '$.article_id', article_id || ?1), run_id, "
                "CASE WHEN digest IS NULL THEN NULL "
                "ELSE json_set(digest, '$.article_id', article_id || ?1) END "
                "FROM article_results WHERE article_id IN "
                "(SELECT article_id FROM article_results ORDER BY rowid LIMIT ?2)",
                (f"~{copy}", len(ids)),
            )
            copy += 1
    db.execute("VACUUM")
    db.close()
    return into


def _write(state_folder: Path, out: Path, which: str) -> tuple[float, float]:
    from auditor.reports.data import ReportData
    from auditor.settings import Settings
    from auditor.store.state import State, state_path
    from auditor.store.stream import StoredHistory, StoredResults
    from auditor.store.wordings import StoredWordings

    state = State(state_path(state_folder))
    try:
        ids = sorted(state.article_ids())
        data = ReportData(
            StoredResults(state, ids),
            Settings(),
            StoredHistory(state),
            (which,),
            "2026-01-01T00:00:00Z",
            StoredWordings(state),
        )
        wall, cpu = time.perf_counter(), time.process_time()
        if which == "csv":
            from auditor.reports.tables import write_tables

            write_tables(data, out)
        else:
            from auditor.reports.parquet import write_parquet

            write_parquet(data, out)
        return time.perf_counter() - wall, time.process_time() - cpu
    finally:
        state.close()


def _size(out: Path) -> int:
    return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())


def _read_pandas(out: Path, which: str) -> int:
    import pandas as pd

    rows = 0
    for table in TABLES:
        if which == "csv":
            rows += len(pd.read_csv(out / f"{table}.csv", encoding="utf-8-sig", low_memory=False))
        else:
            rows += len(pd.read_parquet(out / "parquet" / table))
    return rows


def _query_duckdb(out: Path, which: str) -> int:
    import duckdb

    if which == "csv":
        source = f"read_csv('{out / 'segments.csv'}', all_varchar = true)"
        where = "coalesce(critical_edits, '') <> ''"
    else:
        source = f"'{out / 'parquet' / 'segments'}/*.parquet'"
        where = "len(critical_edits) > 0"
    query = f"SELECT article_id, count(*) FROM {source} WHERE {where} GROUP BY article_id"
    return len(duckdb.connect().sql(query).fetchall())


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=int, default=500)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="parquet-vs-csv-"))
    work.mkdir(parents=True, exist_ok=True)
    state = replicate(cold(args.base, work), args.articles, work / f"state-{args.articles}")
    found: dict[str, dict[str, list[float]]] = {w: {} for w in ("csv", "parquet")}
    loads = []
    for repeat in range(args.repeats):
        for which in ("csv", "parquet"):
            out = work / f"out-{which}-{repeat}"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            wall, cpu = _write(state, out, which)
            measured = {
                "write (wall)": wall,
                "write (CPU)": cpu,
                "size (MB)": _size(out) / 1e6,
                "read, pandas (wall)": _timed(lambda o=out, w=which: _read_pandas(o, w)),
                "DuckDB query (wall)": _timed(lambda o=out, w=which: _query_duckdb(o, w)),
            }
            for name, value in measured.items():
                found[which].setdefault(name, []).append(value)
            loads.append(os.getloadavg()[0])
            shutil.rmtree(out)
    print(
        f"{args.articles:,} articles ({args.base} audited, repeated), medians of "
        f"{args.repeats} interleaved; load {min(loads):.1f}–{max(loads):.1f}\n"
    )
    print("| measure | CSV | Parquet | Parquet ÷ CSV |\n|---|---|---|---|")
    for name in found["csv"]:
        csv = statistics.median(found["csv"][name])
        pq = statistics.median(found["parquet"][name])
        unit = "" if "MB" in name else " s"
        print(f"| {name} | {csv:.2f}{unit} | {pq:.2f}{unit} | {pq / csv:.2f}× |")


if __name__ == "__main__":
    main()
