"""The CSVs' tables as Parquet, typed, for query engines (edge: pyarrow).

Each table of `auditor.reports.tables` is a folder of Parquet files under `parquet/`
(`parquet/segments/part-00000.parquet`, …): the same rows and columns as its CSV, typed —
integers as int64, numbers as float64, times (unit "ISO 8601 UTC") as UTC timestamps,
yes/no as booleans, and the cells that the CSV joins with "; " (`LISTS`) as lists. Written a
batch of articles at a time (`tables.table_batches`): rows gather into row groups of
`ROW_GROUP` rows, and a table starts a new part file every `PART_ROWS` rows, so that memory is
bounded and a large table is several files that engines read in parallel. DuckDB reads a table
as `'parquet/segments/*.parquet'`, pandas as `pd.read_parquet("parquet/segments")`
(`docs/parquet.md`).

A text cell is as in the CSV (a formula-like cell keeps the quote that neutralises it). A list
is the CSV cell split at "; ": an element that itself holds "; " (a file or outlet name, say)
is split too, as a script splitting the CSV would.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from auditor.reports.cells import LIST_SEPARATOR, Column
from auditor.reports.data import ReportData
from auditor.reports.tables import TABLES, frame, table_batches

#: the folder the tables go into
FOLDER = "parquet"
#: rows written as one row group (a batch of articles is gathered until it has this many)
ROW_GROUP = 50_000
#: rows of one part file; a larger table continues in the next part
PART_ROWS = 1_000_000
#: the unit of the columns that hold a time, and of those that hold yes/no
TIMESTAMP_UNIT, YES_NO = "ISO 8601 UTC", "yes/no"
#: text columns whose cell joins a list with "; " → the type of an element
LISTS: dict[str, pa.DataType] = {
    "critical_edits": pa.string(),
    "notable_changes": pa.string(),
    "substitutions": pa.string(),
    "quotations": pa.int64(),
    "official_lines": pa.int64(),
    "finding_ids": pa.string(),
    "outlet_names": pa.string(),
    "article_ids": pa.string(),
}


def arrow_type(column: Column) -> pa.DataType:
    """The Parquet type of a column of the reports."""
    if column.type == "integer":
        return pa.int64()
    if column.type == "number":
        return pa.float64()
    if column.name in LISTS:
        return pa.list_(LISTS[column.name])
    if column.unit == TIMESTAMP_UNIT:
        return pa.timestamp("ms", tz="UTC")
    if column.unit == YES_NO:
        return pa.bool_()
    return pa.string()


def schema(columns: Sequence[Column]) -> pa.Schema:
    return pa.schema(
        [
            pa.field(c.name, arrow_type(c), metadata={"unit": c.unit, "meaning": c.meaning})
            for c in columns
        ]
    )


def _text(value: Any) -> str | None:
    return None if value is None or value is pd.NA or value != value else str(value)


def _listed(text: str | None, numbers: bool) -> list[Any] | None:
    """A cell that joins a list with "; " as that list (empty: an empty list)."""
    if text is None:
        return None
    items = text.split(LIST_SEPARATOR) if text else []
    return [int(x) for x in items] if numbers else items


def _array(series: pd.Series, kind: pa.DataType) -> pa.Array:
    """One column of a frame of `tables.frame` as `kind`."""
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        return pa.array(series, type=kind, from_pandas=True)
    texts = [_text(v) for v in series]
    if pa.types.is_list(kind):
        number = pa.types.is_integer(kind.value_type)
        return pa.array([_listed(t, number) for t in texts], type=kind)
    if pa.types.is_timestamp(kind):
        times = pd.to_datetime(pd.Series(texts, dtype=object), utc=True, format="ISO8601")
        return pa.array(times, from_pandas=True).cast(kind)
    if pa.types.is_boolean(kind):
        return pa.array([None if t in (None, "") else t == "yes" for t in texts], type=kind)
    return pa.array(texts, type=kind)


def batch_table(rows: Sequence[Mapping[str, Any]], columns: list[Column]) -> pa.Table:
    """Rows of a table as typed Arrow columns (the values of the CSV: `tables.frame`)."""
    df = frame(rows, columns)
    types = schema(columns)
    return pa.Table.from_arrays(
        [_array(df[c.name], types.field(c.name).type) for c in columns], schema=types
    )


class _Parts:
    """One table's part files, each of at most `PART_ROWS` rows in row groups of `ROW_GROUP`."""

    def __init__(self, folder: Path, columns: list[Column]) -> None:
        self.folder, self.columns = folder, columns
        self.schema = schema(columns)
        self.pending: list[pa.Table] = []
        self.pending_rows = 0
        self.parts = 0
        self.in_part = 0
        self.writer: pq.ParquetWriter | None = None
        folder.mkdir(parents=True)

    def add(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.pending.append(batch_table(rows, self.columns))
        self.pending_rows += len(rows)
        if self.pending_rows >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        table = pa.concat_tables(self.pending) if self.pending else self.schema.empty_table()
        self.pending, self.pending_rows = [], 0
        start = 0
        while True:
            if self.writer is None or self.in_part >= PART_ROWS:
                self._next_part()
            assert self.writer is not None
            take = min(table.num_rows - start, PART_ROWS - self.in_part)
            if take > 0:
                self.writer.write_table(table.slice(start, take), row_group_size=ROW_GROUP)
            start += take
            self.in_part += take
            if start >= table.num_rows:
                return

    def _next_part(self) -> None:
        if self.writer is not None:
            self.writer.close()
        path = self.folder / f"part-{self.parts:05d}.parquet"
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self.parts += 1
        self.in_part = 0

    def close(self) -> None:
        self._flush()  # also writes an empty part for a table without rows
        if self.writer is not None:
            self.writer.close()


def write_parquet(data: ReportData, out: Path) -> None:
    """`out/parquet/<table>/part-*.parquet` for every table of the CSV format."""
    parts = {
        name: _Parts(out / FOLDER / name.removesuffix(".csv"), columns)
        for name, columns in TABLES.items()
    }
    try:
        for batch in table_batches(data):
            for name, rows in batch.items():
                if rows:
                    parts[name].add(rows)
    finally:
        for table in parts.values():
            table.close()
