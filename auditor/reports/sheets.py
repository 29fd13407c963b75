"""The sheets of audit.xlsx (pure declarations): which columns each holds — the CSVs' own
declarations, never listed again — with a reviewer's columns first, the plain words their
headers show (the machine names are in the Read me sheet), their widths, the columns a printed
page holds, and the colours that mark a row's category or status, a critical edit, a notable
change and a dismissed finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from auditor.reports.columns import FRAGMENTS, QUOTES, SEGMENTS, Column
from auditor.reports.history import RUNS
from auditor.reports.review import FINDINGS
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
#: a dismissed finding: shown, out of every count
DISMISSED = {"font_color": "#808080", "font_strikeout": True}


@dataclass(frozen=True)
class Sheet:
    """One sheet: the declared columns, with a reviewer's columns first."""

    name: str
    columns: Sequence[Column]
    first: tuple[str, ...] = ()  #: the reviewer's order: these names first, then the rest
    #: the columns a printed page holds (the first ones; 0: all), fitted to the page's width
    printed: int = 0

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
    printed=14,
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
        "note",
        "article_line",
        "official_line",
        "article_id",
        "decisions",
        "kind",
        "alignment",
    ),
    printed=9,
)
FRAGMENTS_SHEET = Sheet(
    "Fragments",
    FRAGMENTS,
    ("text", "text_en", "status", "language", "article_id", "segment_index"),
    printed=6,
)
QUOTES_SHEET = Sheet(
    "Quotes",
    QUOTES,
    (
        "official_text",
        "wording",
        "category",
        "critical_edits",
        "notable_changes",
        "articles",
        "outlets",
        "shared_across_outlets",
        "first_seen",
        "first_outlet",
        "first_article",
        "last_seen",
        "outlet_names",
    ),
    printed=8,
)
HISTORY_SHEET = Sheet("History", HISTORY)
FINDINGS_SHEET = Sheet(
    "Findings",
    FINDINGS,
    (
        "decision",
        "note",
        "reviewer",
        "level",
        "finding",
        "article_id",
        "article_line",
        "article_sentence",
        "article_text",
        "official_text",
        "official_line",
        "new",
        "finding_id",
    ),
    printed=11,
)
RUNS_SHEET = Sheet("Runs", RUNS)

#: the words a sheet's header shows for a column (plain language: the CSV's machine name is in
#: the Read me sheet); a column not listed shows its name in words
LABELS = {
    # Summary
    "article_id": "Article",
    "title": "Headline",
    "status": "Status",
    "error": "Why it could not be read",
    "language_mix": "Languages",
    "official_id": "Official document",
    "official_coverage": "Official text covered",
    "aligned_segments": "Sentences compared",
    "bleu": "Same word sequences (BLEU)",
    "chrf": "Closeness (chrF++)",
    "ter": "Edits per 100 words (TER)",
    "drifted_segments": "Sentences drifted",
    "critical_edits": "Critical edits",
    "quotes": "Quotations",
    "quotes_unmatched": "Quotations not found",
    "quotes_misquoted": "Misquoted quotations",
    "quotes_spliced": "Spliced quotations",
    "notable_changes": "Notable changes",
    "backtranslation_score": "Reads as machine back-translation (0–1)",
    "backtranslation_evidence": "Signs of back-translation",
    "backtranslation_verdict": "Back-translation verdict",
    "suspected_pivot": "Language it likely went through",
    "fragments": "Passages not in English",
    "fragments_untranslated": "Of them untranslated",
    "drift_mt_explained": "Drift explained by machine translation",
    "content_sha256": "File fingerprint (SHA-256)",
    "audited_at": "Audited (UTC)",
    "auditor_version": "Auditor version",
    "chrf_ci_low": "Closeness: 95 % range from",
    "chrf_ci_high": "Closeness: 95 % range to",
    "bleu_ci_low": "BLEU: 95 % range from",
    "bleu_ci_high": "BLEU: 95 % range to",
    "findings_confirmed": "Findings confirmed",
    "findings_dismissed": "Findings dismissed",
    "encoding": "Read in the encoding",
    # Segments, Fragments
    "segment_index": "Segment",
    "kind": "Kind",
    "language": "Language",
    "text": "The article's words",
    "text_en": "In English",
    "translation_model": "Translation model",
    "official_text": "The official words",
    "category": "Verdict",
    "substitutions": "Words changed",
    "official_roundtrip": "Official words after a machine round trip",
    "roundtrip_chrf": "Closeness to the round trip",
    "mt_explained": "Explained by machine translation",
    "in_sentence": "In sentence (segment)",
    "note": "Note",
    "alignment": "Match strength",
    "quotations": "Quotations inside (segments)",
    "article_line": "Line in the article",
    "official_line": "Line in the official text",
    "official_lines": "Official lines of its parts",
    "finding_ids": "Finding ids",
    "decisions": "Review decisions",
    # Quotes
    "wording": "The article wording",
    "articles": "Articles",
    "outlets": "Outlets",
    "shared_across_outlets": "Shared by outlets",
    "first_seen": "First seen (UTC)",
    "first_seen_from": "First seen according to",
    "first_article": "First article",
    "first_outlet": "First outlet",
    "last_seen": "Last seen (UTC)",
    "wordings_of_official": "Wordings of this official text",
    "variants": "Spellings",
    "outlet_names": "Outlet names",
    "article_ids": "Article names",
    "group_id": "Group id",
    # History, Runs
    "run_id": "Run",
    "run_at": "Run started (UTC)",
    "audited": "Audited",
    "unchanged": "Unchanged",
    "errors": "Unreadable",
    "removed": "Removed",
    "critical": "Critical edits",
    "misquoted": "Misquoted quotations",
    "unmatched": "Quotations not found",
    "new": "New",
    "new_critical": "New critical edits",
    "confirmed": "Confirmed",
    "dismissed": "Dismissed",
}
#: labels of one sheet that differ from `LABELS`
SHEET_LABELS = {
    "Findings": {
        "finding_id": "Finding id",
        "level": "Level",
        "type": "Type",
        "finding": "What changed",
        "article_line": "Line",
        "article_sentence": "Sentence",
        "article_text": "The article's words",
        "decision": "Decision (confirmed / dismissed)",
        "note": "Reviewer's note",
        "reviewer": "Reviewer",
        "decided_at": "Decided (UTC)",
        "decision_stale": "Article changed since the decision",
        "new": "New since the last run",
    },
}


def label(sheet: Sheet, name: str) -> str:
    """The header a sheet shows for column `name`."""
    base = sheet.name.split(" (")[0]
    own = SHEET_LABELS.get(base, {})
    if name in own:
        return own[name]
    return LABELS.get(name) or name.replace("_", " ").capitalize()


def labels(sheet: Sheet) -> dict[str, str]:
    """Column name → its header, for every column of `sheet`."""
    return {c.name: label(sheet, c.name) for c in sheet.columns}


#: widths (characters) of the columns of text a reviewer reads: they wrap, each row as high
#: as its text (`auditor.reports.layout`)
WIDTHS = {
    "text": 50,
    "official_text": 50,
    "wording": 50,
    "article_text": 45,
    "outlet_names": 30,
    "article_ids": 40,
    "text_en": 50,
    "official_roundtrip": 50,
    "note": 36,
    "critical_edits": 26,
    "notable_changes": 26,
    "substitutions": 35,
    "title": 36,
    "error": 36,
    "backtranslation_evidence": 40,
    "finding": 32,
    "decisions": 40,
    "language_mix": 16,
}
WRAPPED = frozenset(WIDTHS)
#: columns as wide as their longest value (ids, names, statuses), up to `FITTED_MAX`
#: characters; a longer value wraps, never cut
FITTED = frozenset(
    {
        "article_id",
        "official_id",
        "first_article",
        "first_outlet",
        "status",
        "category",
        "kind",
        "alignment",
        "level",
        "type",
        "run_id",
        "finding_id",
        "group_id",
        "translation_model",
        "content_sha256",
        "first_seen_from",
        "suspected_pivot",
        "decision",
        "reviewer",
        "auditor_version",
    }
)
FITTED_MAX = 48
#: the width of any other column: numbers, dates
NUMBER_WIDTH = 8


SHEETS = (
    SUMMARY_SHEET,
    FINDINGS_SHEET,
    SEGMENTS_SHEET,
    FRAGMENTS_SHEET,
    QUOTES_SHEET,
    HISTORY_SHEET,
    RUNS_SHEET,
)


def column_names(sheet_name: str, headers: Sequence[object]) -> list[str]:
    """The column names of a sheet's header row, as read back from a workbook (a sheet
    continued as "Segments (2)" is "Segments")."""
    base = sheet_name.split(" (")[0]
    sheet = next(s for s in SHEETS if s.name == base)
    by_label = {header: name for name, header in labels(sheet).items()}
    return [by_label.get(str(h), str(h)) for h in headers]
