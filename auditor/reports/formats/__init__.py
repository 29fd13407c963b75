"""Report formats, one module each behind this registry: adding a format is one module that
declares its `FORMAT` (`auditor.reports.format.ReportFormat`: name, one line, entries, writer) and
one line in `FORMATS`; `auditor audit --help` and docs/guide.md list it from there.

A format's writer gets the run's `ReportData` and a fresh staging folder and writes its entries
there (files, or a folder such as `html/`); `write_reports` then commits every entry of the run
together with `history.csv` and the data dictionary (`auditor.reports.commit`). A format module
imports its libraries inside its writer, so that the command line lists the formats at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.reports.format import ReportFormat
from auditor.reports.formats import csv, html, parquet, xlsx

if TYPE_CHECKING:
    from auditor.reports.data import ReportData

#: written by every run whatever the formats: the run's record and the data dictionary
HISTORY_FILE = "history.csv"
DICTIONARY_FILE = "README.md"
#: written by every run too: the review's decisions, and one row per run
DECISIONS_FILE, RUNS_FILE = "decisions.csv", "runs.csv"
#: the tables every run appends to in place, after the others are committed
#: (`auditor.reports.appended`)
APPENDED = (HISTORY_FILE, RUNS_FILE)

#: name → format, in the order the reports are listed
FORMATS: dict[str, ReportFormat] = {
    f.name: f for f in (csv.FORMAT, xlsx.FORMAT, html.FORMAT, parquet.FORMAT)
}
#: the formats of a run that names none: every one whose libraries the default install has
DEFAULT_FORMATS: tuple[str, ...] = tuple(name for name, f in FORMATS.items() if not f.requires)


def listing() -> str:
    """The formats as docs/guide.md lists them, one line each."""
    return "\n".join(f.markdown() for f in FORMATS.values())


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    """`csv,xlsx` → the formats in registry order; ValueError naming the known ones."""
    items = text.split(",") if isinstance(text, str) else list(text)
    wanted = {item.strip().lower() for item in items if item.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown or not wanted:
        what = f"unknown report format {', '.join(unknown)}" if unknown else "no report format"
        raise ValueError(f"{what}: choose from {','.join(FORMATS)}")
    from importlib.util import find_spec

    for name in sorted(wanted):
        missing = [module for module in FORMATS[name].requires if find_spec(module) is None]
        if missing:
            raise ValueError(
                f"report format {name} needs {', '.join(missing)}: pip install 'auditor[{name}]'"
            )
    return tuple(name for name in FORMATS if name in wanted)


def report_entries(formats: Sequence[str]) -> list[str]:
    """Every entry of the reports folder a run with `formats` writes."""
    return [
        *(entry for name in formats for entry in FORMATS[name].entries),
        DICTIONARY_FILE,
        HISTORY_FILE,
        DECISIONS_FILE,
        RUNS_FILE,
    ]


#: every entry an audit may write into the reports folder (and replace): the ones a run with
#: every format writes
REPORT_FILES: tuple[str, ...] = tuple(report_entries(tuple(FORMATS)))


def write_reports(
    folder: Path,
    data: ReportData,
    formats: Sequence[str],
    journal: Path | None = None,
    *,
    run_id: str = "",
    committed: Callable[[list[Path]], None] | None = None,
) -> list[Path]:
    """Write the reports of `formats`, the data dictionary and decisions.csv into `folder`,
    all committed together (a run killed half-way leaves the previous reports intact);
    history.csv and runs.csv are the caller's to append once they are (`APPENDED`).
    `journal`, `run_id` and `committed` as for `auditor.reports.commit.replace_files`."""
    from auditor.reports import commit, dictionary
    from auditor.reports.review import review_files

    staged = commit.staging_folder(folder)
    try:
        for name in formats:
            FORMATS[name].write(data, staged)
    except BaseException:
        commit.discard(staged)
        raise
    contents = {
        DICTIONARY_FILE: dictionary.render(data.settings).encode("utf-8"),
        **review_files(data),
    }
    written = commit.replace_files(
        folder, contents, journal, staged=staged, run_id=run_id, committed=committed
    )
    order = report_entries(formats)
    return sorted(written, key=lambda path: order.index(path.name))
