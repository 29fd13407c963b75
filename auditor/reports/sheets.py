"""The sheets of audit.xlsx (pure declarations): which columns each holds — the CSVs' own
declarations, never listed again — with a reviewer's columns first, their widths, and the
colours that mark a row's category or status, a critical edit and a notable change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from auditor.reports.columns import FRAGMENTS, SEGMENTS, Column
from auditor.reports.summary import HISTORY, SUMMARY

#: fills of a segment row by category, and of a summary row by status
CATEGORY_FILLS = {
    "drift": "#FCE4D6",
    "unmatched": "#FFF2CC",
    "paraphrase": "#DDEBF7",
    "verbatim": "#E2EFDA",
}
STATUS_FILLS = {"no_official_match": "#EDEDED", "error": "#FFC7CE"}
CRITICAL = {"bg_color": "#FFC7CE", "font_color": "#9C0006", "bold": True}
NOTABLE = {"font_color": "#7F6000", "italic": True}
GREY = {"font_color": "#808080"}


@dataclass(frozen=True)
class Sheet:
    """One sheet: the declared columns, with a reviewer's columns first."""

    name: str
    columns: Sequence[Column]
    first: tuple[str, ...] = ()  #: the reviewer's order: these names first, then the rest

    def ordered(self) -> list[Column]:
        by_name = {c.name: c for c in self.columns}
        unknown = [name for name in self.first if name not in by_name]
        if unknown:
            raise ValueError(f"sheet {self.name}: no column {', '.join(unknown)}")
        head = [by_name[name] for name in self.first]
        return head + [c for c in self.columns if c.name not in self.first]


SUMMARY_SHEET = Sheet(
    "Summary",
    SUMMARY,
    (
        "article_id",
        "status",
        "quotes_misquoted",
        "critical_edits",
        "notable_changes",
        "quotes_unmatched",
        "official_id",
        "official_coverage",
        "chrf",
        "bleu",
        "ter",
        "fragments",
        "fragments_untranslated",
        "title",
    ),
)
SEGMENTS_SHEET = Sheet(
    "Segments",
    SEGMENTS,
    (
        "category",
        "critical_edits",
        "notable_changes",
        "text",
        "official_text",
        "article_line",
        "official_line",
        "article_id",
        "kind",
        "alignment",
        "note",
    ),
)
FRAGMENTS_SHEET = Sheet(
    "Fragments",
    FRAGMENTS,
    ("text", "text_en", "status", "language", "article_id", "segment_index"),
)
HISTORY_SHEET = Sheet("History", HISTORY)

#: widths (characters) of the columns a reviewer reads; long text among them wraps
WIDTHS = {
    "text": 60,
    "official_text": 60,
    "text_en": 50,
    "official_roundtrip": 50,
    "note": 45,
    "critical_edits": 30,
    "notable_changes": 30,
    "substitutions": 35,
    "title": 40,
    "error": 40,
    "backtranslation_evidence": 40,
    "article_id": 32,
    "official_id": 32,
    "content_sha256": 16,
}
WRAPPED = {name for name, width in WIDTHS.items() if width >= 30} - {"article_id", "official_id"}
