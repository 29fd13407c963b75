"""`--formats html`: static proof pages (`auditor.reports.html`, Jinja2)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from auditor.reports.format import ReportFormat

if TYPE_CHECKING:
    from auditor.reports.data import ReportData


def write(data: ReportData, out: Path) -> None:
    from auditor.reports.html.site import write_site

    write_site(data, out / "html")


FORMAT = ReportFormat(
    name="html",
    summary="an index, a proof page per article and the wordings across outlets",
    entries=("html",),
    write=write,
)
