"""`--formats parquet`: the CSVs' tables, typed, for query engines (`auditor.reports.parquet`,
pyarrow: the `parquet` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from auditor.reports.format import ReportFormat

if TYPE_CHECKING:
    from auditor.reports.data import ReportData


def write(data: ReportData, out: Path) -> None:
    from auditor.reports.parquet import write_parquet

    write_parquet(data, out)


FORMAT = ReportFormat(
    name="parquet",
    summary="the CSVs' tables, typed, for DuckDB, pandas or Spark (docs/parquet.md); "
    "not a default: needs pyarrow (pip install 'auditor[parquet]')",
    entries=("parquet",),
    write=write,
    requires=("pyarrow",),
)
