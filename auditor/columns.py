"""The report columns: the contract with spreadsheet users (additive changes only).

Each column has a type, a unit and an example; `reports/README.md` is rendered from this.
"""

from __future__ import annotations

from typing import Any, NamedTuple

#: separator of the items of a list inside one cell
LIST_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Column(NamedTuple):
    name: str
    type: str
    unit: str
    meaning: str
    example: str


SUMMARY = [
    Column(
        "article_id",
        "text",
        "",
        "file name of the article in `corpus/articles/`",
        "cyprus-outlet-2022-11-29-aspen-gmf-forum-speech.txt",
    ),
    Column(
        "title", "text", "", "the article's headline, when it has one", "Chinese message from …"
    ),
    Column(
        "status",
        "text",
        "",
        "`ok`, `no_official_match` (reports another event: nothing is "
        "scored) or `error` (the file could not be read)",
        "ok",
    ),
    Column(
        "error", "text", "", "why the file could not be audited, in plain words", "file is empty"
    ),
    Column(
        "language_mix",
        "text",
        "% of characters",
        "languages of the article's text, largest first (`und`: too short or only names)",
        "en 93%; tr 7%",
    ),
    Column(
        "official_id",
        "text",
        "",
        "official document the article was compared with",
        "nato-transcript-….txt",
    ),
    Column(
        "official_coverage",
        "number",
        "share 0–1",
        "share of the official document's sentences that some article segment aligns to",
        "0.42",
    ),
    Column(
        "aligned_segments",
        "integer",
        "segments",
        "article segments aligned to official wording",
        "21",
    ),
    Column(
        "bleu", "number", "BLEU 0–100", "corpus BLEU of the aligned segments (sacrebleu)", "31.2"
    ),
    Column("chrf", "number", "chrF++ 0–100", "corpus chrF++ of the aligned segments", "58.0"),
    Column(
        "ter",
        "number",
        "TER, edits per 100 words",
        "corpus TER of the aligned segments (lower is closer)",
        "54.1",
    ),
    Column("drifted_segments", "integer", "segments", "aligned segments in category `drift`", "7"),
    Column(
        "critical_edits",
        "integer",
        "edits",
        "critical edits found (negation, number, entity, modality, qualifier)",
        "5",
    ),
    Column("quotes", "integer", "quotations", "quotations in the article", "12"),
    Column(
        "quotes_unmatched",
        "integer",
        "quotations",
        "quotations of at least the minimum length with no official counterpart",
        "3",
    ),
    Column(
        "backtranslation_score",
        "number",
        "0–1",
        "how strongly the English reads as a machine back-translation",
        "0.71",
    ),
    Column(
        "backtranslation_evidence",
        "text",
        "",
        "the signals behind the score, `; `-separated",
        "said-tail x4; quote ends in 'he said.'",
    ),
    Column(
        "suspected_pivot", "text", "ISO 639-1", "most likely language the text went through", "tr"
    ),
    Column("fragments", "integer", "segments", "segments not in English", "6"),
    Column(
        "fragments_untranslated",
        "integer",
        "segments",
        "fragments without an English translation (no model installed, or the translation failed)",
        "6",
    ),
    Column(
        "drift_mt_explained",
        "integer",
        "segments",
        "drifted segments whose wording a "
        "machine-translation round trip of the official sentence explains",
        "2",
    ),
    Column("content_sha256", "text", "hex", "SHA-256 of the article file's bytes", "5f00d5…"),
    Column(
        "audited_at",
        "text",
        "ISO 8601 UTC",
        "when this article was audited",
        "2026-11-24T05:07:39Z",
    ),
    Column("auditor_version", "text", "", "version of auditor that produced the row", "0.1.0"),
]

SEGMENTS = [
    Column("article_id", "text", "", "article the segment belongs to", "turkish-outlet-….txt"),
    Column("segment_index", "integer", "", "position of the segment in the article, from 0", "7"),
    Column(
        "kind",
        "text",
        "",
        "`title`, `sentence`, `quote` (quoted words, also inside their "
        "sentence) or `furniture` (page furniture, never scored)",
        "quote",
    ),
    Column(
        "language",
        "text",
        "ISO 639-1",
        "language of the segment; `und` when too short or only names",
        "tr",
    ),
    Column(
        "text",
        "text",
        "",
        "the article's wording, as in the file",
        "We do not see China as an enemy.",
    ),
    Column(
        "text_en",
        "text",
        "",
        "English translation of a fragment (empty for English)",
        "For the latest news …",
    ),
    Column(
        "translation_model",
        "text",
        "",
        "translation package and version that produced `text_en`",
        "translate-tr_en 1.9",
    ),
    Column("official_id", "text", "", "official document of the aligned wording", "nato-….txt"),
    Column(
        "official_text",
        "text",
        "",
        "the official wording the segment aligns to (1–3 consecutive official sentences)",
        "We do not see China as an adversary.",
    ),
    Column("bleu", "number", "BLEU 0–100", "sentence BLEU against `official_text`", "59.5"),
    Column("chrf", "number", "chrF++ 0–100", "sentence chrF++ against `official_text`", "71.3"),
    Column(
        "ter", "number", "TER", "sentence TER against `official_text` (lower is closer)", "14.3"
    ),
    Column(
        "category",
        "text",
        "",
        "`verbatim`, `paraphrase`, `drift`, `unmatched` (no "
        "official counterpart) or `not_scored` (furniture, untranslated fragment, or the "
        "article reports another event)",
        "drift",
    ),
    Column(
        "critical_edits",
        "text",
        "",
        "changes that can alter meaning, `type: official → article`, `; `-separated; marked "
        "`(via translation)` when the segment was compared through the auditor's own machine "
        "translation of a non-English fragment (then they may be the translation model's, "
        "not the outlet's)",
        "modality: must → should",
    ),
    Column(
        "substitutions",
        "text",
        "",
        "word changes, `official → article` (`∅`: absent)",
        "adversary → enemy; dangerous → ∅",
    ),
    Column(
        "official_roundtrip",
        "text",
        "",
        "the official wording after a machine-translation round trip through the suspected "
        "pivot language, for articles that read as back-translations; empty unless both "
        "packages of the pair are installed (for Turkish: translate-en_tr and translate-tr_en)",
        "",
    ),
    Column(
        "roundtrip_chrf",
        "number",
        "chrF++ 0–100",
        "chrF++ of the segment against `official_roundtrip`",
        "",
    ),
    Column(
        "mt_explained",
        "text",
        "yes/no",
        "`yes` when the segment is closer to the round trip than to the official wording: "
        "the drift is what machine translation does, not an editorial change",
        "",
    ),
    Column(
        "in_sentence",
        "integer",
        "",
        "for a quote: `segment_index` of the sentence it starts in",
        "6",
    ),
    Column(
        "note",
        "text",
        "",
        "what the auditor concluded, in words",
        "quotation not found in the official text",
    ),
]

FRAGMENTS = [
    Column("article_id", "text", "", "article the fragment belongs to", "cyprus-outlet-….txt"),
    Column("segment_index", "integer", "", "the fragment's row in `segments.csv`", "31"),
    Column("language", "text", "ISO 639-1", "language of the fragment", "tr"),
    Column("text", "text", "", "the fragment as in the file", "Levent ÖZADAM'dan"),
    Column("text_en", "text", "", "its English translation, when a model is installed", ""),
    Column(
        "status",
        "text",
        "",
        "`translated`, `no_model` (no translation package for the "
        "language: see the install command in this file) or `failed`",
        "no_model",
    ),
    Column("translation_model", "text", "", "package and version that translated it", ""),
]

HISTORY = [
    Column("run_id", "text", "", "identifier of the audit run", "20261124T050739Z-1a2b"),
    Column("run_at", "text", "ISO 8601 UTC", "when the run started", "2026-11-24T05:07:39Z"),
    Column("article_id", "text", "", "article", "turkish-outlet-….txt"),
    Column("status", "text", "", "status in that run", "ok"),
    Column("bleu", "number", "BLEU 0–100", "corpus BLEU in that run", "31.2"),
    Column("chrf", "number", "chrF++ 0–100", "corpus chrF++ in that run", "58.0"),
    Column("ter", "number", "TER", "corpus TER in that run", "54.1"),
    Column("official_coverage", "number", "share 0–1", "coverage in that run", "0.42"),
    Column("backtranslation_score", "number", "0–1", "back-translation score in that run", "0.71"),
]

REPORTS = {
    "summary.csv": SUMMARY,
    "segments.csv": SEGMENTS,
    "fragments.csv": FRAGMENTS,
}


def names(columns: list[Column]) -> list[str]:
    return [c.name for c in columns]


def neutralise(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would run as a formula; keep everything else."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
