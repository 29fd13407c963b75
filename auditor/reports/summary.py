"""The article summary, declared once: a row of summary.csv, the digest kept in the state, the
row of the end-of-run table and, projected, a row of history.csv all derive from `ArticleSummary`.

Each field carries its column's documentation (type, unit, meaning, example), from which
`reports/README.md` is rendered; `ArticleSummary.of` is the only place a summary value is
computed from an article's results.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields
from functools import cache
from typing import Any

from auditor import __version__
from auditor.records import (
    AlignmentStrength,
    ArticleResult,
    Category,
    Kind,
    NotFound,
    Status,
    TranslationStatus,
)
from auditor.reports.columns import Column

ALIGNED = (Category.VERBATIM, Category.PARAPHRASE, Category.DRIFT)


def _column(
    type_: str,
    unit: str,
    meaning: str,
    example: str,
    *,
    default: Any = None,
    digits: int | None = None,
) -> Any:
    return field(
        default=default,
        metadata={"column": Column("", type_, unit, meaning, example, digits=digits)},
    )


def _count(meaning: str, example: str, unit: str = "segments") -> Any:
    """An integer column; empty for an article that could not be read."""
    return _column("integer", unit, meaning, example)


def _compared(meaning: str, example: str, unit: str = "segments") -> Any:
    """A count of what the comparison with the official wording found: empty, not 0, for an
    article that reports another event (nothing of it was compared) or could not be read."""
    return _count(f"{meaning}; empty when the article was not compared", example, unit)


@dataclass(frozen=True, kw_only=True)
class ArticleSummary:
    """One row of `summary.csv`: an article at a glance."""

    article_id: str = _column(
        "text",
        "",
        "file name of the article in `corpus/articles/`",
        "daily-news-2024-03-01-summit-report.txt",
        default=MISSING,
    )
    title: str = _column(
        "text", "", "the article's headline, when it has one", "Chinese message from …", default=""
    )
    status: Status = _column(
        "text",
        "",
        "`ok`, `no_official_match` (reports another event: nothing is "
        "scored) or `error` (the file could not be read)",
        "ok",
        default=MISSING,
    )
    error: str = _column(
        "text", "", "why the file could not be audited, in plain words", "file is empty", default=""
    )
    language_mix: str = _column(
        "text",
        "% of characters",
        "languages of the article's text, largest first (`und`: too short or only names)",
        "en 93%; tr 7%",
        default="",
    )
    official_id: str = _column(
        "text",
        "",
        "official document the article was compared with",
        "speech-….txt",
        default="",
    )
    official_coverage: float | None = _column(
        "number",
        "share 0–1",
        "share of the official document's sentences that some article segment aligns to",
        "0.42",
        digits=3,
    )
    aligned_segments: int | None = _compared("article segments aligned to official wording", "21")
    bleu: float | None = _column(
        "number", "BLEU 0–100", "corpus BLEU of the aligned segments (sacrebleu)", "31.2", digits=2
    )
    chrf: float | None = _column(
        "number", "chrF++ 0–100", "corpus chrF++ of the aligned segments", "58.0", digits=2
    )
    ter: float | None = _column(
        "number",
        "TER, edits per 100 words",
        "corpus TER of the aligned segments (lower is closer)",
        "54.1",
        digits=2,
    )
    drifted_segments: int | None = _compared("aligned segments in category `drift`", "7")
    critical_edits: int | None = _compared(
        "critical edits found: changes of what was said (see segments.csv `critical_edits`)",
        "5",
        "edits",
    )
    quotes: int | None = _count("quotations in the article", "12", "quotations")
    quotes_unmatched: int | None = _compared(
        "quotations of at least the minimum length not found in the official text (not said "
        "there, or worded too far from anything said); a quotation over several sentences "
        "counts once, as its one finding does (findings.csv)",
        "3",
        "quotations",
    )
    backtranslation_score: float | None = _column(
        "number",
        "probability 0–1",
        "probability that the English is a machine (back-)translation: a trained classifier "
        "over style features that name no topic, shipped as data (its identity is under "
        "`Scoring`), calibrated for even odds on texts it was not fitted on (bench/RESULTS.md: "
        "its held-out figures); empty when the article has too little text. A probability "
        "above 0.5 is not yet a charge: `backtranslation_verdict` says `possible` only from "
        "0.64 (the setting `backtranslation.verdict_possible`), the lowest probability that at "
        "most 2 % of held-out native English news reaches",
        "0.71",
        digits=3,
    )
    backtranslation_evidence: str = _column(
        "text",
        "",
        "the features that moved the probability most, each with its value beside human "
        "writing's average and its direction (`towards MT` / `towards human writing`); with "
        "too little text, the artefacts seen (not scored); the round trip through the suspected "
        "pivot, a second signal that is not calibrated; `; `-separated",
        "'of the' 14.2 per 1,000 tokens (human writing 9.8) (towards MT); commas per sentence "
        "0.80 (human writing 1.20) (towards MT)",
        default="",
    )
    suspected_pivot: str = _column(
        "text", "ISO 639-1", "most likely language the text went through", "tr", default=""
    )
    fragments: int | None = _count("segments not in English", "6")
    fragments_untranslated: int | None = _count(
        "fragments without an English translation (no model installed, or the translation failed)",
        "6",
    )
    drift_mt_explained: int | None = _compared(
        "drifted segments whose wording a "
        "machine-translation round trip of the official sentence explains",
        "2",
    )
    content_sha256: str = _column(
        "text", "hex", "SHA-256 of the article file's bytes", "5f00d5…", default=""
    )
    audited_at: str = _column(
        "text", "ISO 8601 UTC", "when this article was audited", "2026-11-24T05:07:39Z", default=""
    )
    auditor_version: str = _column(
        "text", "", "version of auditor that produced the row", "0.1.0", default=__version__
    )
    notable_changes: int | None = _compared(
        "changes a reviewer should see that are no charge (see segments.csv `notable_changes`)",
        "4",
        "changes",
    )
    quotes_misquoted: int | None = _compared(
        "quotations compared with the official wording (alignment `exact` or `strong`) that "
        "carry a critical edit",
        "2",
        "quotations",
    )
    chrf_ci_low: float | None = _column(
        "number",
        "chrF++ 0–100",
        "low end of the 95 % confidence interval of `chrf`: bootstrap resampling of the "
        "article's aligned segments (sacrebleu's paired-bootstrap resampling, 1,000 samples, "
        "seeded: the same article gives the same interval). Between two runs of an edited "
        "article, a change of `chrf` inside both intervals is within noise",
        "52.1",
        digits=2,
    )
    chrf_ci_high: float | None = _column(
        "number",
        "chrF++ 0–100",
        "high end of the 95 % confidence interval of `chrf` (see `chrf_ci_low`)",
        "63.4",
        digits=2,
    )
    bleu_ci_low: float | None = _column(
        "number",
        "BLEU 0–100",
        "low end of the 95 % confidence interval of `bleu`, resampled like `chrf_ci_low`",
        "24.0",
        digits=2,
    )
    bleu_ci_high: float | None = _column(
        "number",
        "BLEU 0–100",
        "high end of the 95 % confidence interval of `bleu` (see `bleu_ci_low`)",
        "38.5",
        digits=2,
    )
    quotes_spliced: int | None = _compared(
        "quotations joined from parts said in official sentences that are not neighbours "
        "(see segments.csv `notable_changes`, `spliced: official lines …`)",
        "1",
        "quotations",
    )
    backtranslation_verdict: str = _column(
        "text",
        "",
        "the back-translation verdict: `likely machine translation` (`backtranslation_score` "
        "≥ 0.8), `possible machine translation` (≥ 0.64), `unlikely machine translation` "
        "(below 0.64, scores from 0.5 included), or `too little text` (fewer than 10 English "
        "sentences: no score is given); empty for an article that failed. The thresholds are "
        "the settings `backtranslation.verdict_likely`, `backtranslation.verdict_possible` and "
        "`backtranslation.classifier_min_sentences` (a run's own: the workbook's Settings sheet)",
        "likely machine translation",
        default="",
    )
    findings_confirmed: int | None = _count(
        "findings of the article a reviewer confirmed (`auditor review`; findings.csv)",
        "1",
        "findings",
    )
    findings_dismissed: int | None = _count(
        "findings of the article a reviewer dismissed: shown greyed, and out of "
        "`critical_edits`, `notable_changes`, `quotes_misquoted`, `quotes_unmatched` and "
        "`quotes_spliced`",
        "2",
        "findings",
    )
    encoding: str = _column(
        "text",
        "codec name",
        "the encoding the article's bytes were read in: `utf-8`, `utf-8-sig`, `utf-16-le`, or a "
        "legacy code page chosen because its text reads as letters of a known language "
        "(`cp1254`: Turkish Windows); empty when the file could not be read",
        "cp1254",
        default="",
    )

    @classmethod
    def of(cls, article: ArticleResult) -> ArticleSummary:
        """The summary of one article's results."""
        rows = article.segments
        failed = article.status is Status.ERROR
        fragments = [r for r in rows if r.segment.is_fragment]

        def count(values: Iterable[object]) -> int | None:
            return None if failed else sum(1 for _ in values)

        def compared(values: Iterable[object]) -> int | None:
            """Another event's article was compared with nothing: no count, not 0."""
            return sum(1 for _ in values) if article.status is Status.OK else None

        return cls(
            article_id=article.article_id,
            title=article.title,
            status=article.status,
            error=article.error,
            language_mix=article.language_mix,
            official_id=article.official_id,
            official_coverage=article.official_coverage,
            aligned_segments=compared(r for r in rows if r.category in ALIGNED),
            bleu=article.bleu,
            chrf=article.chrf,
            ter=article.ter,
            drifted_segments=compared(r for r in rows if r.category is Category.DRIFT),
            critical_edits=compared(e for r in rows for e in r.critical_edits),
            quotes=count(r for r in rows if r.segment.kind is Kind.QUOTE),
            quotes_unmatched=compared(
                {  # one quotation over several sentences is one quotation not found
                    r.segment.index if r.segment.quotation is None else r.segment.quotation
                    for r in rows
                    if r.segment.kind is Kind.QUOTE and r.not_found is NotFound.QUOTATION
                }
            ),
            backtranslation_score=article.backtranslation_score,
            backtranslation_evidence=article.backtranslation_evidence,
            suspected_pivot=article.suspected_pivot,
            fragments=count(fragments),
            fragments_untranslated=count(
                r
                for r in fragments
                if r.translation is None or r.translation.status is not TranslationStatus.TRANSLATED
            ),
            drift_mt_explained=compared(
                r for r in rows if r.category is Category.DRIFT and r.mt_explained
            ),
            content_sha256=article.content_sha256,
            audited_at=article.audited_at,
            notable_changes=compared(c for r in rows for c in r.notable_changes),
            quotes_misquoted=compared(
                r
                for r in rows
                if r.segment.kind is Kind.QUOTE and r.critical_edits and r.category in ALIGNED
            ),
            quotes_spliced=compared(r for r in rows if r.segment.kind is Kind.QUOTE and r.places),
            chrf_ci_low=article.chrf_ci_low,
            chrf_ci_high=article.chrf_ci_high,
            bleu_ci_low=article.bleu_ci_low,
            bleu_ci_high=article.bleu_ci_high,
            backtranslation_verdict=article.backtranslation_verdict,
            encoding=article.encoding,
        )

    def row(self) -> dict[str, Any]:
        """Field name → value, enums as their text (a summary.csv row before formatting)."""
        return {name: _plain(getattr(self, name)) for name in _field_names()}

    def to_json(self) -> str:
        return json.dumps(self.row(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ArticleSummary:
        """The summary `to_json` wrote; ValueError when `text` is not one (a damaged state)."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a stored summary is not a JSON object")
        known = _field_names()
        values = {k: v for k, v in data.items() if k in known}
        for name, value in values.items():
            if not value_fits(_column_types()[name], value):
                raise ValueError(f"a stored summary's {name} is not of its column's type")
        return cls(**{**values, "status": Status(values["status"])})


@cache
def _field_names() -> dict[str, None]:
    """The fields of `ArticleSummary`, in order (looked up once: an unchanged re-audit reads
    one summary per article)."""
    return dict.fromkeys(f.name for f in fields(ArticleSummary))


@cache
def _column_types() -> dict[str, str]:
    return {column.name: column.type for column in summary_columns()}


def value_fits(column_type: str, value: Any) -> bool:
    """Whether a value read back from JSON (a stored summary or history row) is one of a
    column of `column_type`."""
    if value is None:
        return column_type != "text"
    if column_type == "text":
        return isinstance(value, str)
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (column_type == "number" and isinstance(value, float))


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Status | AlignmentStrength) else value


def summary_columns() -> list[Column]:
    """The columns of summary.csv, in order, from the fields of `ArticleSummary`."""
    return [f.metadata["column"]._replace(name=f.name) for f in fields(ArticleSummary)]


SUMMARY = summary_columns()
#: summary fields kept in history.csv, in its (historical) column order, after run_id and run_at
HISTORY_FIELDS = (
    "article_id",
    "status",
    "bleu",
    "chrf",
    "ter",
    "official_coverage",
    "backtranslation_score",
    "chrf_ci_low",
    "chrf_ci_high",
    "bleu_ci_low",
    "bleu_ci_high",
)


_RUN_COLUMNS = [
    Column("run_id", "text", "", "identifier of the audit run", "20261124T050739Z-1a2b"),
    Column("run_at", "text", "ISO 8601 UTC", "when the run started", "2026-11-24T05:07:39Z"),
]
#: the columns of history.csv: the run, then the summary fields it keeps, unrounded
HISTORY = _RUN_COLUMNS + [
    column._replace(meaning=f"{column.meaning}, in that run", digits=None)
    for name in HISTORY_FIELDS
    for column in SUMMARY
    if column.name == name
]


def history_row(run_id: str, run_at: str, summary: ArticleSummary) -> dict[str, Any]:
    """One row of history.csv: the run and the summary fields history keeps."""
    kept = {name: _plain(getattr(summary, name)) for name in HISTORY_FIELDS}
    return {"run_id": run_id, "run_at": run_at, **kept}
