"""The report columns: the contract with spreadsheet users (additive changes only).

Each column has a type, a unit and an example; `reports/README.md` is rendered from these
declarations and from `auditor.reports.summary` (the summary and history columns).
"""

from __future__ import annotations

from auditor.records import Level
from auditor.reports.cells import LIST_SEPARATOR, Column, names, neutralise
from auditor.stages.changes import EDIT_TYPES

__all__ = ["LIST_SEPARATOR", "Column", "names", "neutralise"]


def _types(level: Level) -> str:
    """The edit types of one level, as the column texts name them."""
    return ", ".join(f"`{t.name}` ({t.meaning})" for t in EDIT_TYPES if t.level is level)


SEGMENTS = [
    Column("article_id", "text", "", "article the segment belongs to", "daily-news-….txt"),
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
    Column("official_id", "text", "", "official document of the aligned wording", "speech-….txt"),
    Column(
        "official_text",
        "text",
        "",
        "the official wording the segment aligns to (1–3 consecutive official sentences; for a "
        "quotation, the span of them it claims; for a spliced quotation, the wording of each of "
        "its places, joined by ` […] `)",
        "We do not see China as an adversary.",
    ),
    Column(
        "bleu", "number", "BLEU 0–100", "sentence BLEU against `official_text`", "59.5", digits=2
    ),
    Column(
        "chrf",
        "number",
        "chrF++ 0–100",
        "sentence chrF++ against `official_text`",
        "71.3",
        digits=2,
    ),
    Column(
        "ter",
        "number",
        "TER",
        "sentence TER against `official_text` (lower is closer)",
        "14.3",
        digits=2,
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
        f"changes of what was said — {_types(Level.CRITICAL)} — as `type: official → article`, "
        "`; `-separated: the charges a press officer can defend (the data dictionary's table "
        "of edit types). Marked `(via translation)` when the segment was "
        "compared through the auditor's own machine translation of a non-English fragment "
        "(then they may be the translation model's, not the outlet's)",
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
        digits=2,
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
        "for a quote: `segment_index` of the sentence it stands in (a quotation over several "
        "sentences is one quote row per sentence)",
        "6",
    ),
    Column(
        "note",
        "text",
        "",
        "what the auditor concluded, in words",
        "quotation not found in the official text",
    ),
    Column(
        "notable_changes",
        "text",
        "",
        f"changes a reviewer should see that are no charge — {_types(Level.NOTABLE)} — as "
        "`type: official → article`, `; `-separated",
        "qualifier: dangerous → ∅",
    ),
    Column(
        "alignment",
        "text",
        "",
        "what supports the pairing with `official_text`: `exact` (the same words, case and "
        "punctuation aside), `strong` (its own words), `weak` (only its place between aligned "
        "neighbours: shown for context, never charged, not counted as drift); empty when not "
        "aligned. A quotation is compared with the span of official wording it claims, and is "
        "never aligned by its place alone",
        "strong",
    ),
    Column(
        "quotations",
        "text",
        "",
        "for a sentence: `segment_index` of the quotations in it, `; `-separated; each "
        "quotation's edits are on its own row (filter `kind` = `quote`), the sentence's row holds "
        "only the reporter's own words",
        "3; 5",
    ),
    Column(
        "article_line",
        "integer",
        "line",
        "line of the article file where the segment starts, from 1",
        "12",
    ),
    Column(
        "official_line",
        "integer",
        "line",
        "line of the official document where `official_text` starts, from 1",
        "40",
    ),
    Column(
        "official_lines",
        "text",
        "lines",
        "for a spliced quotation: the official line of each of its parts, in the quotation's "
        "order, `; `-separated (the parts come from sentences that are not neighbours); empty "
        "otherwise",
        "13; 35",
    ),
    Column(
        "finding_ids",
        "text",
        "",
        "the findings on this segment (findings.csv `finding_id`), `; `-separated",
        "3f9a2c81d0; 77e01b9a42",
    ),
    Column(
        "decisions",
        "text",
        "",
        "a reviewer's decisions on those findings, `; `-separated: `finding id decision by "
        "reviewer on date: note` (a dismissed finding is out of every count)",
        "3f9a2c81d0 dismissed by A. Smith on 2026-11-25: said at the press conference",
    ),
]

FRAGMENTS = [
    Column("article_id", "text", "", "article the fragment belongs to", "daily-news-….txt"),
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

#: how wordings are grouped, said once for quotes.csv's dictionary and the HTML page
GROUPING = (
    "One row per official wording × distinct article wording of it. Two articles' wordings "
    "are one row when they are aligned (`exact` or `strong`) to the same official wording of "
    "the same official document, as the same kind (quotation or the reporter's sentence), and "
    "are equal once Unicode compatibility forms, case, punctuation, symbols and spacing are "
    'set aside ("We do not see China as an enemy." = "we do NOT see China as an enemy"), '
    "with the same critical edits, notable changes and category: the audit found the same "
    "about them. A different word is another row. Only the outlet's own English counts: a "
    "weak alignment, a segment translated by the auditor and an article that reports another "
    "event add nothing"
)

QUOTES = [
    Column("official_id", "text", "", "official document of the official wording", "speech-….txt"),
    Column(
        "official_line",
        "integer",
        "line",
        "line of the official document where `official_text` starts, from 1",
        "40",
    ),
    Column(
        "official_text",
        "text",
        "",
        "the official wording (a sentence, a run of 2–3 sentences, or the span a quotation claims)",
        "We do not see China as an adversary.",
    ),
    Column(
        "wording",
        "text",
        "",
        "the articles' wording of it, exactly as the earliest of them has it (the others differ "
        "at most in case, punctuation or spacing: see `variants`)",
        "We do not see China as an enemy.",
    ),
    Column(
        "kind",
        "text",
        "",
        "`quote` (words put in the speaker's mouth) or `sentence` (the reporter's own words)",
        "quote",
    ),
    Column(
        "category",
        "text",
        "",
        "`verbatim`, `paraphrase` or `drift`, as in segments.csv",
        "drift",
    ),
    Column(
        "critical_edits",
        "text",
        "",
        "the critical edits of this wording, `; `-separated (as in segments.csv)",
        "negation: not → ∅",
    ),
    Column(
        "notable_changes",
        "text",
        "",
        "the notable changes of this wording, `; `-separated (as in segments.csv)",
        "wording: adversary → enemy",
    ),
    Column("articles", "integer", "articles", "articles that carry this wording", "4"),
    Column(
        "outlets", "integer", "outlets", "distinct outlets among those articles (articles.csv)", "3"
    ),
    Column(
        "shared_across_outlets",
        "text",
        "yes/no",
        "`yes` when articles of more than one outlet carry this wording — copied, or made by "
        "the same translation route",
        "yes",
    ),
    Column(
        "first_seen",
        "text",
        "ISO 8601 UTC",
        "earliest time of the articles carrying it: an article's `published` in articles.csv, "
        "otherwise when the auditor first saw its file",
        "2022-11-30",
    ),
    Column(
        "first_seen_from",
        "text",
        "",
        "where `first_seen` comes from: `published` (articles.csv) or `first seen by auditor`",
        "published",
    ),
    Column("first_article", "text", "", "the article it was first seen in", "turkish-….txt"),
    Column("first_outlet", "text", "", "the outlet of that article", "Anadolu"),
    Column(
        "last_seen", "text", "ISO 8601 UTC", "latest time of the articles carrying it", "2022-12-01"
    ),
    Column(
        "wordings_of_official",
        "integer",
        "wordings",
        "rows of this file with the same official wording: how many different wordings of it "
        "the articles carry",
        "2",
    ),
    Column(
        "variants",
        "integer",
        "wordings",
        "distinct exact wordings grouped in this row (differing in case, punctuation or spacing)",
        "1",
    ),
    Column("outlet_names", "text", "", "the outlets, `; `-separated", "Anadolu; TRT"),
    Column(
        "article_ids",
        "text",
        "",
        "the articles, earliest first, `; `-separated",
        "a.txt; b.txt",
    ),
    Column(
        "group_id",
        "text",
        "hex",
        "stable identifier of the row's group (the same wording keeps it across runs)",
        "3f2a…",
    ),
]
