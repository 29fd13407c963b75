"""Report formats, one module each behind this registry: adding a format is one module and one
line in `FORMATS`.

A format's writer gets the run's `ReportData` and a fresh staging folder and writes its entries
there (files, or a folder such as `html/`); `write_reports` then commits every entry of the run
together with `history.csv` and the data dictionary (`auditor.reports.commit`). Nothing heavy
is imported here, so that the command line can list the formats at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditor.records import ArticleResult
    from auditor.reports.findings import Decided, Finding
    from auditor.reports.review import Review
    from auditor.reports.summary import ArticleSummary
    from auditor.settings import Settings
    from auditor.stages.wordings import WordingGroup

#: written by every run whatever the formats: the run's record and the data dictionary
HISTORY_FILE = "history.csv"
DICTIONARY_FILE = "README.md"
#: written by every run too: the review's decisions, and one row per run
DECISIONS_FILE, RUNS_FILE = "decisions.csv", "runs.csv"


@dataclass(frozen=True)
class ReportData:
    """What every report format reads: one run's results (summaries computed once)."""

    results: Sequence[ArticleResult]
    settings: Settings
    history: Sequence[Mapping[str, Any]] = ()  #: the rows of history.csv, oldest first
    formats: tuple[str, ...] = ()  #: the formats written with this one (links between them)
    written_at: str = ""  #: ISO 8601 UTC time the reports were made
    #: the wording groups of quotes.csv, in report order (`auditor.stages.wordings`)
    wordings: Sequence[WordingGroup] = ()
    #: the decisions, and what the previous run found (`auditor.reports.review`)
    review: Review | None = None

    @cached_property
    def findings(self) -> dict[str, list[Finding]]:
        """Article id → its findings, in reading order."""
        from auditor.reports.findings import findings_of

        return {result.article_id: findings_of(result) for result in self.results}

    @cached_property
    def decided(self) -> dict[str, Decided]:
        """Finding id → its decision, as the reports show it."""
        if self.review is None:
            return {}
        return self.review.decided({r.article_id: r.content_sha256 for r in self.results})

    @cached_property
    def summaries(self) -> list[ArticleSummary]:
        """Each article's summary, its dismissed findings out of the counts."""
        from auditor.reports.review import decided_summary
        from auditor.reports.summary import ArticleSummary

        return [
            decided_summary(ArticleSummary.of(r), self.findings[r.article_id], self.decided)
            for r in self.results
        ]

    @cached_property
    def in_review_order(self) -> list[tuple[ArticleResult, ArticleSummary]]:
        """Articles a reviewer should read first, first: compared ones before other events and
        errors, then by misquoted quotations, critical edits, quotations not found, notable
        changes; then by name. (The CSVs keep the corpus order: they are for machines.)"""
        rank = {"ok": 0, "no_official_match": 1, "error": 2}

        def key(pair: tuple[ArticleResult, ArticleSummary]) -> tuple[Any, ...]:
            s = pair[1]
            counts = (s.quotes_misquoted, s.critical_edits, s.quotes_unmatched, s.notable_changes)
            return (rank.get(s.status.value, 3), *(-(c or 0) for c in counts), s.article_id)

        return sorted(zip(self.results, self.summaries, strict=True), key=key)


#: (the run's data, a fresh folder to write the format's entries into)
Writer = Callable[[ReportData, Path], None]


@dataclass(frozen=True)
class ReportFormat:
    name: str
    entries: tuple[str, ...]  #: what it writes into the reports folder
    write: Writer = field(repr=False)
    description: str = ""


def _csv(data: ReportData, out: Path) -> None:
    from auditor.reports.tables import write_tables

    write_tables(data, out)


def _xlsx(data: ReportData, out: Path) -> None:
    from auditor.reports.xlsx import write_workbook

    write_workbook(data, out / "audit.xlsx")


def _html(data: ReportData, out: Path) -> None:
    from auditor.reports.html import write_site

    write_site(data, out / "html")


FORMATS: dict[str, ReportFormat] = {
    f.name: f
    for f in (
        ReportFormat(
            "csv",
            ("summary.csv", "segments.csv", "fragments.csv", "quotes.csv", "findings.csv"),
            _csv,
            "tables for machines and scripts",
        ),
        ReportFormat(
            "xlsx",
            ("audit.xlsx",),
            _xlsx,
            "one workbook for people, the same in any locale",
        ),
        ReportFormat(
            "html",
            ("html",),
            _html,
            "an index, a proof page per article and the wordings across outlets",
        ),
    )
}
DEFAULT_FORMATS: tuple[str, ...] = tuple(FORMATS)


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    """`csv,xlsx` → the formats in registry order; ValueError naming the known ones."""
    items = text.split(",") if isinstance(text, str) else list(text)
    wanted = {item.strip().lower() for item in items if item.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown or not wanted:
        what = f"unknown report format {', '.join(unknown)}" if unknown else "no report format"
        raise ValueError(f"{what}: choose from {','.join(FORMATS)}")
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
REPORT_FILES: tuple[str, ...] = tuple(report_entries(DEFAULT_FORMATS))


def write_reports(
    folder: Path,
    data: ReportData,
    formats: Sequence[str],
    journal: Path | None = None,
    *,
    run_id: str = "",
    committed: Callable[[list[Path]], None] | None = None,
) -> list[Path]:
    """Write the reports of `formats`, history.csv and the data dictionary into `folder`, all
    committed together (a run killed half-way leaves the previous reports intact). `journal`,
    `run_id` and `committed` as for `auditor.reports.commit.replace_files`."""
    from auditor.reports import commit, dictionary
    from auditor.reports.history import history_csv
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
        HISTORY_FILE: history_csv(data.history),
        **review_files(data),
    }
    written = commit.replace_files(
        folder, contents, journal, staged=staged, run_id=run_id, committed=committed
    )
    order = report_entries(formats)
    return sorted(written, key=lambda path: order.index(path.name))
