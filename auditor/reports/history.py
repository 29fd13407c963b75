"""The tables appended in place (pure): history.csv, one row per article per run, and runs.csv,
one row per run — without pandas, so that an unchanged re-audit costs little more than hashing
the corpus."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from auditor.reports.cells import Column, names, neutralise, table_csv
from auditor.reports.formats import RUNS_FILE

BOM = "\ufeff"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(neutralise(value))


def _history() -> list[Column]:
    """history.csv's columns (imported when rows are rendered: an unchanged run, which only
    completes rendered rows, does without the summary's record types)."""
    from auditor.reports.summary import HISTORY

    return HISTORY


#: the run's own columns, first in every row
RUN_FIELDS = ("run_id", "run_at")


def render(rows: Sequence[Mapping[str, Any]]) -> list[tuple[str, str, str]]:
    """Each history row without its run columns, as (article id, the rest of its JSON object
    after "{", the rest of its CSV line): what `with_run` completes for any run — an unchanged
    run appends the rows of the last one without rendering them again."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    fields = [name for name in names(_history()) if name not in RUN_FIELDS]
    rendered = []
    for row in rows:
        rest = {k: v for k, v in row.items() if k not in RUN_FIELDS}
        start = out.tell()
        writer.writerow([_cell(row.get(name)) for name in fields])
        json_rest = json.dumps(rest, ensure_ascii=False)
        assert rest and json_rest.startswith("{")
        rendered.append((str(row["article_id"]), json_rest[1:], out.getvalue()[start:]))
    return rendered


def with_run(
    run_id: str, run_at: str, rendered: Sequence[tuple[str, str, str]]
) -> tuple[list[tuple[str, str]], str]:
    """The rows of `render` in run `run_id`: (article id, JSON) for the state, and the CSV
    lines — exactly `json.dumps(row, ensure_ascii=False)` and `history_csv`'s lines of the
    rows with the run's columns first."""
    json_head = (
        "{" + ", ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
                        for k, v in zip(RUN_FIELDS, (run_id, run_at), strict=True)) + ", "
    )  # fmt: skip
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([_cell(run_id), _cell(run_at)])
    csv_head = out.getvalue()[:-2] + ","
    state_rows = [(article_id, json_head + rest) for article_id, rest, _ in rendered]
    return state_rows, "".join(csv_head + line for _, _, line in rendered)


def history_csv(rows: Sequence[Mapping[str, Any]], existing: bytes | None = None) -> bytes:
    """`existing` history.csv bytes (or a new header) followed by `rows`, UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if existing is None:
        out.write(BOM)
        writer.writerow(names(_history()))
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in names(_history())])
    return (existing or b"") + out.getvalue().encode("utf-8")


def changed(
    rows: Sequence[dict[str, Any]], history: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The rows of a run whose article's result differs from its last row in `history` (or
    that has none): history.csv grows only where something changed."""
    last: dict[Any, dict[str, Any]] = {}
    for row in history:
        last[row.get("article_id")] = _without_run(row)
    return [row for row in rows if last.get(row.get("article_id")) != _without_run(row)]


def _without_run(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in RUN_FIELDS}


def _header() -> bytes:
    return history_csv([])


def _lines(rows: Sequence[Mapping[str, Any]]) -> bytes:
    return history_csv(rows, b"")


class _HistoryTable:
    """history.csv as a table appended in place (`auditor.reports.appended.Table`), made when
    first asked for (its header needs the summary's columns)."""

    name = "history.csv"
    render = staticmethod(_lines)

    @property
    def header(self) -> bytes:
        return _header()


HISTORY_TABLE: Any = _HistoryTable()


RUNS = [
    Column("run_id", "text", "", "identifier of the audit run", "20261124T050739Z-1a2b"),
    Column("run_at", "text", "ISO 8601 UTC", "when the run started", "2026-11-24T05:07:39Z"),
    Column("audited", "integer", "articles", "articles audited in the run", "1"),
    Column("unchanged", "integer", "articles", "articles whose stored result was reused", "4"),
    Column("errors", "integer", "articles", "articles that could not be read", "0"),
    Column("removed", "integer", "articles", "articles gone since the run before", "0"),
    Column("critical", "integer", "edits", "critical edits, not dismissed", "3"),
    Column("misquoted", "integer", "quotations", "misquoted quotations, not dismissed", "2"),
    Column("unmatched", "integer", "quotations", "quotations not found, not dismissed", "1"),
    Column("new", "integer", "findings", "findings the run before did not have, undecided",
           "1"),
    Column("new_critical", "integer", "edits", "of those, critical edits: what "
           "`--fail-on new-critical` exits 3 for", "1"),
    Column("confirmed", "integer", "findings", "findings confirmed by a reviewer", "1"),
    Column("dismissed", "integer", "findings", "findings dismissed by a reviewer", "2"),
]  # fmt: skip


@dataclass(frozen=True)
class _RunsTable:
    """runs.csv as a table appended in place (`auditor.reports.appended.Table`)."""

    name: str = RUNS_FILE

    @property
    def header(self) -> bytes:
        return table_csv([], RUNS)

    @staticmethod
    def render(rows: list[dict[str, Any]]) -> bytes:
        return table_csv(rows, RUNS, header=False)


RUNS_TABLE: Any = _RunsTable()


def by_run(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """History rows by their run's start, oldest first (a stable sort: a run's rows keep the
    file's order)."""
    return sorted(rows, key=lambda row: str(row.get("run_at", "")))
