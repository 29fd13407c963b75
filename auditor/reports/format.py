"""A report format as it describes itself (`ReportFormat`): the record of the registry in
`auditor.reports.formats`, apart from the run's data the writers share
(`auditor.reports.data`), so that the command line lists the formats without loading that."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from auditor.reports.data import ReportData

#: (the run's data, a fresh folder to write the format's entries into)
Writer = Callable[["ReportData", Path], None]


class ReportFormat(NamedTuple):
    """A report format, as it describes itself: in `auditor audit --help` and docs/guide.md
    (`auditor.reports.formats.listing`)."""

    name: str  #: what `--formats` calls it
    summary: str  #: one line: what it is for
    entries: tuple[str, ...]  #: what it writes into the reports folder (files, or a folder)
    write: Writer  #: writes the entries; imports its libraries itself, when called
    #: the command-line options that apply to it only
    options: tuple[str, ...] = ()
    #: modules it needs that the default install does not have (an extra of the package)
    requires: tuple[str, ...] = ()

    def markdown(self) -> str:
        """Its line in docs/guide.md's list of formats."""
        said = [f"writes {', '.join(f'`{entry}`' for entry in self.entries)}"]
        if self.options:
            said.append(f"options: {', '.join(f'`{option}`' for option in self.options)}")
        return f"- `{self.name}`: {self.summary} ({'; '.join(said)})"
