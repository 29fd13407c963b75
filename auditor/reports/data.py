"""What the report formats share (edge): the run's data every writer reads (`ReportData`), and
what each format declares about itself (`ReportFormat`). The formats are listed in
`auditor.reports.formats`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from auditor.records import ArticleResult
    from auditor.reports.findings import Decided, Finding
    from auditor.reports.review import Review
    from auditor.reports.summary import ArticleSummary
    from auditor.settings import Settings
    from auditor.stages.wordings import WordingGroup


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


class ReportFormat(NamedTuple):
    """A report format, as it describes itself: in `auditor audit --help`, the README and the
    docs (`auditor.reports.formats.listing`)."""

    name: str  #: what `--formats` calls it
    summary: str  #: one line: what it is for
    entries: tuple[str, ...]  #: what it writes into the reports folder (files, or a folder)
    write: Writer  #: writes the entries; imports its libraries itself, when called
    #: the command-line options that apply to it only
    options: tuple[str, ...] = ()

    def markdown(self) -> str:
        """Its line in the README's list of formats."""
        said = [f"writes {', '.join(f'`{entry}`' for entry in self.entries)}"]
        if self.options:
            said.append(f"options: {', '.join(f'`{option}`' for option in self.options)}")
        return f"- `{self.name}`: {self.summary} ({'; '.join(said)})"
