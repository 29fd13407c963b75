"""`--formats csv`: the tables for machines and scripts (`auditor.reports.tables`, pandas)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from auditor.reports.format import ReportFormat

if TYPE_CHECKING:
    from auditor.reports.data import ReportData


def write(data: ReportData, out: Path) -> None:
    from auditor.reports.tables import write_tables

    write_tables(data, out)


FORMAT = ReportFormat(
    name="csv",
    summary="tables for machines and scripts",
    entries=("summary.csv", "segments.csv", "fragments.csv", "quotes.csv", "findings.csv"),
    write=write,
)
