"""`--formats xlsx`: one workbook for people (`auditor.reports.xlsx`, XlsxWriter)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from auditor.reports.format import ReportFormat

if TYPE_CHECKING:
    from auditor.reports.data import ReportData


def write(data: ReportData, out: Path) -> None:
    from auditor.reports.xlsx import write_workbook

    write_workbook(data, out / "audit.xlsx")


FORMAT = ReportFormat(
    name="xlsx",
    summary="one workbook for people, the same in any locale",
    entries=("audit.xlsx",),
    write=write,
)
