"""The review in the reports (pure): each finding beside its decision, the article counts under
the decisions, and the files of the review — `findings.csv` (one row per finding, with the
decision columns a reviewer may fill in and `auditor review import` reads back),
`decisions.csv` (every decision; written by every run, like history.csv) and `runs.csv` (one
row per run, with its findings' counts).

A dismissed finding stays in every report, greyed, and leaves every count: the article's
critical edits, misquoted quotations and quotations not found, the run's exit code and
`--fail-on`. A confirmed one counts as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from auditor.reports.cells import Column, table_csv
from auditor.reports.findings import (
    CONFIRMED,
    CRITICAL,
    DISMISSED,
    LEVEL_WORDS,
    NOTABLE,
    UNMATCHED,
    Decided,
    Decision,
    Finding,
)
from auditor.reports.formats import DECISIONS_FILE

if TYPE_CHECKING:
    from auditor.reports.data import ReportData
    from auditor.reports.summary import ArticleSummary

FINDINGS_FILE = "findings.csv"


@dataclass(frozen=True)
class Review:
    """What the reports show of the review, beside the run's results."""

    decisions: Sequence[Decision] = ()  #: every decision, also on findings gone since
    #: finding id → the start of the run that first found it (a finding not in it is new)
    first_seen: Mapping[str, str] = field(default_factory=dict)
    run_at: str = ""  #: the start of the run the reports are of
    runs: Sequence[Mapping[str, Any]] = ()  #: the rows of runs.csv, oldest first
    #: article id → its outlet (corpus/articles.csv, else the file's name)
    outlets: Mapping[str, str] = field(default_factory=dict)

    def outlet(self, article_id: str) -> str:
        return self.outlets.get(article_id) or article_id.rsplit(".", 1)[0]

    def seen(self, finding_id: str) -> str:
        """When the finding was first seen (this run, when never before)."""
        return self.first_seen.get(finding_id, self.run_at)

    def is_new(self, finding_id: str) -> bool:
        """First found by the run the reports are of: the run before did not have it."""
        return self.seen(finding_id) == self.run_at

    def decided(self, content: Mapping[str, str]) -> dict[str, Decided]:
        """Finding id → its decision as shown, against each article's current hash."""
        return {d.finding_id: d.shown(content.get(d.article_id)) for d in self.decisions}


def decided_summary(
    summary: ArticleSummary, findings: Sequence[Finding], decided: Mapping[str, Decided]
) -> ArticleSummary:
    """An article's summary with its dismissed findings out of its counts, and how many of its
    findings were confirmed and dismissed."""
    if summary.status.value == "error":  # could not be read: nothing counted
        return summary
    mine = [(f, decided.get(f.finding_id)) for f in findings]
    dismissed = [f for f, d in mine if d is not None and d.decision == DISMISSED]
    confirmed = sum(1 for _, d in mine if d is not None and d.decision == CONFIRMED)
    if not dismissed:
        return replace(summary, findings_confirmed=confirmed, findings_dismissed=0)
    gone = {f.finding_id for f in dismissed}
    misquoted = {
        f.segments[0] for f in findings if f.misquote and f.finding_id not in gone
    }  # a quotation stays misquoted while one of its critical edits stands

    def less(value: int | None, level: str, only: str | None = None) -> int | None:
        """`value` less the dismissed findings of `level` (of type `only`), one each."""
        if value is None:
            return None
        taken = sum(1 for f in dismissed if f.level == level and only in (None, f.type))
        return max(0, value - taken)

    return replace(
        summary,
        critical_edits=less(summary.critical_edits, CRITICAL),
        notable_changes=less(summary.notable_changes, NOTABLE),
        quotes_unmatched=less(summary.quotes_unmatched, UNMATCHED),  # a finding a quotation
        quotes_spliced=less(summary.quotes_spliced, NOTABLE, "spliced"),
        quotes_misquoted=None if summary.quotes_misquoted is None else len(misquoted),
        findings_confirmed=confirmed,
        findings_dismissed=len(dismissed),
    )


# ---------------------------------------------------------------- findings.csv

FINDINGS = [
    Column("finding_id", "text", "", "stable id of the finding (article, official wording, "
           "change — not the run): what `auditor review` and a decision refer to", "3f9a2c81d0"),
    Column("article_id", "text", "", "article of the finding", "daily-news-….txt"),
    Column("level", "text", "", "`critical` (a critical edit: a change of what was said), "
           "`unmatched` (a quotation not found in the official text) or `notable` (a notable "
           "change, shown, no charge)", "critical"),
    Column("type", "text", "", "the edit type (see segments.csv `critical_edits`) or "
           "`unmatched`", "negation"),
    Column("finding", "text", "", "what changed: `type: official words → article words`",
           "negation: not → ∅"),
    Column("article_line", "integer", "", "line (paragraph) of the article where it stands, "
           "from 1", "5"),
    Column("article_sentence", "integer", "", "sentence of that line, from 1 (a quotation: "
           "the sentence that holds it)", "2"),
    Column("kind", "text", "", "`quote`, `sentence` or `title`", "quote"),
    Column("article_text", "text", "", "the article's words: the quotation or the sentence",
           "But we can underestimate Russia."),
    Column("official_id", "text", "", "official document of the official wording",
           "speech-….txt"),
    Column("official_line", "integer", "", "line of the official document where its wording "
           "starts", "14"),
    Column("official_text", "text", "", "the official wording it is compared with",
           "But we must not underestimate Russia."),
    Column("first_seen", "text", "ISO 8601 UTC", "start of the run that first found it",
           "2026-11-24T05:07:39Z"),
    Column("new", "text", "", "`yes` when the previous run did not have it", "yes"),
    Column("decision", "text", "", "the reviewer's decision: `confirmed`, `dismissed` (out of "
           "every count, the exit code and --fail-on) or empty (undecided). Type one here "
           "and run `auditor review import` to record it", "dismissed"),
    Column("note", "text", "", "the reviewer's note on the decision",
           "the official transcript was corrected"),
    Column("reviewer", "text", "", "who decided", "A. Smith"),
    Column("decided_at", "text", "ISO 8601 UTC", "when the decision was taken",
           "2026-11-25T09:12:00Z"),
    Column("decision_stale", "text", "", "`yes` when the article changed since the decision "
           "(the finding did not: the decision still applies; check it again)", "no"),
]  # fmt: skip


def finding_row(
    finding: Finding, decided: Decided | None, first_seen: str, new: bool
) -> dict[str, Any]:
    return {
        "finding_id": finding.finding_id,
        "article_id": finding.article_id,
        "level": finding.level,
        "type": finding.type,
        "finding": finding.text,
        "article_line": finding.line,
        "article_sentence": finding.sentence,
        "kind": finding.kind,
        "article_text": finding.quoted,
        "official_id": finding.official_id,
        "official_line": finding.official_line,
        "official_text": finding.official_text,
        "first_seen": first_seen,
        "new": "yes" if new and decided is None else "no",
        "decision": decided.decision if decided else "",
        "note": decided.note if decided else "",
        "reviewer": decided.reviewer if decided else "",
        "decided_at": decided.decided_at if decided else "",
        "decision_stale": ("yes" if decided.stale else "no") if decided else "",
    }


def level_words(level: str) -> str:
    return LEVEL_WORDS.get(level, level)


# ---------------------------------------------------------------- decisions.csv and runs.csv

DECISIONS = [
    Column("finding_id", "text", "", "the finding decided on (findings.csv)", "3f9a2c81d0"),
    Column("article_id", "text", "", "its article", "daily-news-….txt"),
    Column("decision", "text", "", "`confirmed` or `dismissed`", "dismissed"),
    Column("note", "text", "", "the reviewer's note", "said at the press conference"),
    Column("reviewer", "text", "", "who decided", "A. Smith"),
    Column("decided_at", "text", "ISO 8601 UTC", "when", "2026-11-25T09:12:00Z"),
    Column("finding", "text", "", "what was decided about, in words, as it stood then",
           "negation: not → ∅ · line 5, sentence 2 · “…”"),
    Column("present", "text", "", "`yes` while the reports hold the finding; `no` once it is "
           "gone (the decision is kept: it applies again if the finding comes back)", "yes"),
    Column("stale", "text", "", "`yes` when the article changed since the decision", "no"),
    Column("article_sha256", "text", "hex", "SHA-256 of the article's bytes when the decision "
           "was taken", "5f00d5…"),
]  # fmt: skip


def decisions_csv(
    decisions: Iterable[Decision], present: Iterable[str], content: Mapping[str, str]
) -> bytes:
    """decisions.csv: every decision, whether the reports hold its finding (`present`: the
    finding ids of the reports) and whether its article changed since (`content`: article id
    → its current hash)."""
    here = set(present)
    rows = []
    for d in decisions:
        now = content.get(d.article_id)
        rows.append(
            {
                "finding_id": d.finding_id,
                "article_id": d.article_id,
                "decision": d.decision,
                "note": d.note,
                "reviewer": d.reviewer,
                "decided_at": d.decided_at,
                "finding": d.finding,
                "present": "yes" if d.finding_id in here else "no",
                "stale": "yes" if now is not None and now != d.content_sha256 else "no",
                "article_sha256": d.content_sha256,
            }
        )
    return table_csv(rows, DECISIONS)


def review_files(data: ReportData) -> dict[str, bytes]:
    """decisions.csv of the reports of `data` (runs.csv is appended in place:
    `auditor.reports.history.RUNS_TABLE`)."""
    review = data.review or Review()
    content = data.source.content_hashes({d.article_id for d in review.decisions})
    present = data.index.present if review.decisions else frozenset()
    return {DECISIONS_FILE: decisions_csv(review.decisions, present, content)}


# ---------------------------------------------------------------- decisions typed by a reviewer

#: a decision cell as a reviewer may type it → the decision ("" clears it)
TYPED = {
    "confirmed": CONFIRMED,
    "confirm": CONFIRMED,
    "dismissed": DISMISSED,
    "dismiss": DISMISSED,
    "undecided": "",
    "clear": "",
}


@dataclass(frozen=True)
class Typed:
    """One decision typed into a table: `decision` "" clears the finding's decision."""

    finding_id: str
    decision: str
    note: str
    reviewer: str
    where: str  #: `Findings row 7`, for messages


def typed_decisions(
    rows: Iterable[Sequence[Any]], source: str, labels: Mapping[str, str]
) -> tuple[list[Typed], list[str]]:
    """The decisions typed into a table whose first row is its header (findings.csv's column
    names, or the workbook's labels: `labels` maps a label to its column name); a row with an
    empty decision cell is left alone. Returns them and a warning per row that cannot be read."""
    iterator = iter(rows)
    try:
        header = [str(cell or "").strip() for cell in next(iterator)]
    except StopIteration:
        return [], [f"{source}: empty"]
    known = {n.casefold(): n for n in ("finding_id", "decision", "note", "reviewer")}
    known.update({label.casefold(): name for label, name in labels.items()})
    position = {known[h.casefold()]: i for i, h in enumerate(header) if h.casefold() in known}
    if "finding_id" not in position or "decision" not in position:
        return [], [f"{source}: no finding id and decision columns in its first row"]
    typed, warnings = [], []
    for number, row in enumerate(iterator, start=2):

        def cell(name: str, row: Sequence[Any] = row) -> str:
            at = position.get(name)
            value = row[at] if at is not None and at < len(row) else None
            return "" if value is None else str(value).strip()

        raw = cell("decision")
        if not raw or not cell("finding_id"):
            continue
        decision = TYPED.get(raw.casefold())
        if decision is None:
            warnings.append(
                f"{source} row {number}: decision {raw!r} is not one of "
                f"{', '.join(sorted(TYPED))}; row ignored"
            )
            continue
        typed.append(
            Typed(
                cell("finding_id"),
                decision,
                cell("note"),
                cell("reviewer"),
                f"{source} row {number}",
            )
        )
    return typed, warnings
