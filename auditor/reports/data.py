"""What the report formats share (edge): the run's data every writer reads (`ReportData`), and
what each format declares about itself (`ReportFormat`). The formats are listed in
`auditor.reports.formats`.

The data are read, never held: the results come from a `ResultSource` (the state, in batches:
`auditor.store.stream`; or a list, for tests), history from a `HistorySource`, the wording
groups from a `WordingSource`. A writer walks the articles with `ReportData.articles` — in the
corpus's order or in review order — and keeps what it needs of one article at a time; what
spans the corpus (the review order, the totals, the corpus page's aggregates) is computed in
one pass (`ReportData.index`) and holds a few numbers per article, never a result.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from auditor.reports.history import by_run

if TYPE_CHECKING:
    from auditor.records import ArticleResult
    from auditor.reports.findings import Decided, Finding
    from auditor.reports.review import Review
    from auditor.reports.summary import ArticleSummary
    from auditor.settings import Settings
    from auditor.stages.wordings import WordingGroup


class ResultSource(Protocol):
    """The results a run's reports are made of, read a batch at a time."""

    def ids(self) -> Sequence[str]:
        """Every article's id, in the corpus's order."""
        ...

    def read(self, ids: Iterable[str]) -> Iterator[ArticleResult]:
        """The results of `ids`, in their order."""
        ...

    def content_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """Article id → the SHA-256 of its bytes, for `ids` (those it has)."""
        ...


class HistorySource(Protocol):
    """history.csv's rows (the committed ones, and those of the run the reports are of)."""

    def rows(self) -> Iterator[Mapping[str, Any]]:
        """Every row, in the file's order (oldest run first)."""
        ...

    def newest_first(self) -> Iterator[Mapping[str, Any]]:
        """Every row, the latest run first (a run's rows in the file's order)."""
        ...

    def of(self, article_id: str) -> list[Mapping[str, Any]]:
        """An article's rows, oldest first."""
        ...

    def by_article(self) -> Iterator[list[Mapping[str, Any]]]:
        """Each article's rows (oldest first), one article at a time."""
        ...


class WordingSource(Protocol):
    """The wording groups of quotes.csv, in report order (`auditor.stages.wordings`)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[WordingGroup]: ...


class ListResults:
    """A `ResultSource` over results in memory (tests, small corpora)."""

    def __init__(self, results: Sequence[ArticleResult]) -> None:
        self._by_id = {r.article_id: r for r in results}
        self._ids = [r.article_id for r in results]

    def ids(self) -> Sequence[str]:
        return self._ids

    def read(self, ids: Iterable[str]) -> Iterator[ArticleResult]:
        return (self._by_id[i] for i in ids)

    def content_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        return {i: self._by_id[i].content_sha256 for i in ids if i in self._by_id}


class ListHistory:
    """A `HistorySource` over rows in memory."""

    def __init__(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self._rows = list(rows)

    def rows(self) -> Iterator[Mapping[str, Any]]:
        return iter(self._rows)

    def newest_first(self) -> Iterator[Mapping[str, Any]]:
        return iter(sorted(self._rows, key=lambda row: str(row.get("run_at", "")), reverse=True))

    def of(self, article_id: str) -> list[Mapping[str, Any]]:
        return by_run([r for r in self._rows if r.get("article_id") == article_id])

    def by_article(self) -> Iterator[list[Mapping[str, Any]]]:
        grouped: dict[Any, list[Mapping[str, Any]]] = {}
        for row in self._rows:
            grouped.setdefault(row.get("article_id"), []).append(row)
        return (by_run(rows) for rows in grouped.values())


class Article(NamedTuple):
    """One article as a report shows it: its result, its summary (dismissed findings out of
    the counts) and its findings in reading order."""

    result: ArticleResult
    summary: ArticleSummary
    findings: list[Finding]


@dataclass
class Totals:
    """What the corpus's pages count over every article (one pass, a few numbers each)."""

    statuses: dict[str, int] = field(default_factory=dict)
    counted: dict[str, int] = field(default_factory=dict)
    #: outlet → (chrF++ of each compared article, sum of their critical edits)
    outlets: dict[str, tuple[array[float], list[int]]] = field(default_factory=dict)
    #: finding text → (articles, outlets, level, first article): changes made by more than
    #: one article (`auditor.reports.html.charts.recurring`)
    recurring: dict[str, tuple[int, set[str], str, str]] = field(default_factory=dict)
    findings: int = 0
    segments: int = 0
    fragments: int = 0


@dataclass(frozen=True)
class Index:
    """What spans the corpus, from one pass over every article."""

    review_order: list[str]  #: article ids, the ones a reviewer should read first first
    totals: Totals
    present: frozenset[str]  #: the decided findings the reports hold


#: the counts summed over the corpus for the pages
COUNTED = (
    "quotes_misquoted",
    "critical_edits",
    "notable_changes",
    "quotes_unmatched",
    "fragments_untranslated",
    "findings_confirmed",
    "findings_dismissed",
)
_RANK = {"ok": 0, "no_official_match": 1, "error": 2}


def review_key(s: ArticleSummary) -> tuple[Any, ...]:
    """Articles a reviewer should read first, first: compared ones before other events and
    errors, then by misquoted quotations, critical edits, quotations not found, notable
    changes; then by name. (The CSVs keep the corpus order: they are for machines.)"""
    counts = (s.quotes_misquoted, s.critical_edits, s.quotes_unmatched, s.notable_changes)
    return (_RANK.get(s.status.value, 3), *(-(c or 0) for c in counts), s.article_id)


@dataclass(frozen=True)
class ReportData:
    """What every report format reads: one run's results, read from `results` a batch at a
    time (a list is accepted and read the same way)."""

    results: ResultSource | Sequence[ArticleResult]
    settings: Settings
    #: the rows of history.csv, oldest first
    history: HistorySource | Sequence[Mapping[str, Any]] = ()
    formats: tuple[str, ...] = ()  #: the formats written with this one (links between them)
    written_at: str = ""  #: ISO 8601 UTC time the reports were made
    #: the wording groups of quotes.csv, in report order (`auditor.stages.wordings`)
    wordings: WordingSource | Sequence[WordingGroup] = ()
    #: the decisions, and what the previous run found (`auditor.reports.review`)
    review: Review | None = None

    def __post_init__(self) -> None:
        if isinstance(self.results, Sequence):
            object.__setattr__(self, "results", ListResults(self.results))
        if isinstance(self.history, Sequence):
            object.__setattr__(self, "history", ListHistory(self.history))

    @property
    def source(self) -> ResultSource:
        assert not isinstance(self.results, Sequence)
        return self.results

    @property
    def past(self) -> HistorySource:
        assert not isinstance(self.history, Sequence)
        return self.history

    def __len__(self) -> int:
        return len(self.source.ids())

    @cached_property
    def decided(self) -> dict[str, Decided]:
        """Finding id → its decision, as the reports show it (a decision is stale when its
        article's bytes changed since)."""
        if self.review is None or not self.review.decisions:
            return {}
        content = self.source.content_hashes({d.article_id for d in self.review.decisions})
        return self.review.decided(content)

    def articles(self, order: str = "corpus") -> Iterator[Article]:
        """Every article — `order` "corpus" (as the CSVs list them) or "review" (`review_key`)
        — read a batch at a time."""
        from auditor.reports.findings import findings_of
        from auditor.reports.review import decided_summary
        from auditor.reports.summary import ArticleSummary

        ids = self.source.ids() if order == "corpus" else self.index.review_order
        for result in self.source.read(ids):
            found = findings_of(result)
            summary = decided_summary(ArticleSummary.of(result), found, self.decided)
            yield Article(result, summary, found)

    def summaries(self, order: str = "corpus") -> Iterator[ArticleSummary]:
        return (article.summary for article in self.articles(order))

    @cached_property
    def index(self) -> Index:
        """The review order, the totals and the corpus's aggregates: one pass."""
        keys: list[tuple[Any, ...]] = []
        totals = Totals()
        totals.statuses = dict.fromkeys(_RANK, 0)
        totals.counted = dict.fromkeys(COUNTED, 0)
        present: set[str] = set()
        decided = self.decided
        outlet_of = self.review.outlet if self.review is not None else _file_outlet
        for article in self.articles("corpus"):
            s = article.summary
            keys.append(review_key(s))
            totals.statuses[s.status.value] = totals.statuses.get(s.status.value, 0) + 1
            for name in COUNTED:
                totals.counted[name] += getattr(s, name) or 0
            totals.segments += len(article.result.segments)
            totals.fragments += sum(1 for r in article.result.segments if r.segment.is_fragment)
            totals.findings += len(article.findings)
            outlet = outlet_of(s.article_id)
            if s.chrf is not None:
                chrf, critical = totals.outlets.setdefault(outlet, (array("d"), [0]))
                chrf.append(s.chrf)
                critical[0] += s.critical_edits or 0
            _recur(totals.recurring, article.findings, decided, outlet)
            present.update(f.finding_id for f in article.findings if f.finding_id in decided)
        keys.sort()
        return Index([key[-1] for key in keys], totals, frozenset(present))


def _file_outlet(article_id: str) -> str:
    return article_id.rsplit(".", 1)[0]


def _recur(
    carried: dict[str, tuple[int, set[str], str, str]],
    findings: Sequence[Finding],
    decided: Mapping[str, Decided],
    outlet: str,
) -> None:
    """Count one article's changes (critical edits and substitutions, not dismissed) into
    `carried`: text → (articles, outlets, level, first article)."""
    from auditor.reports.findings import DISMISSED

    seen: set[str] = set()
    for f in findings:
        if f.type in ("spliced", "unmatched") or f.text in seen:
            continue
        d = decided.get(f.finding_id)
        if d is not None and d.decision == DISMISSED:
            continue
        seen.add(f.text)
        articles, outlets, level, first = carried.get(f.text, (0, set(), f.level, f.article_id))
        outlets.add(outlet)
        carried[f.text] = (articles + 1, outlets, level, first)
