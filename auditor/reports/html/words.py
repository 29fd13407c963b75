"""What each score, label and strength means, in one line (pure): the pages' tooltips and their
legend read these, so that a reviewer meets no unexplained jargon."""

from __future__ import annotations

from auditor.reports.findings import LEVEL_WORDS
from auditor.stages.changes import EDIT_TYPES

#: a term → (its plain name, one line saying what it means)
TERMS: dict[str, tuple[str, str]] = {
    "coverage": (
        "coverage",
        "share of the official document's sentences that the article reports",
    ),
    "chrf": (
        "closeness (chrF++)",
        "how close the article's wording is to the official one, 0–100, from shared character "
        "sequences and words: 100 is the same wording",
    ),
    "bleu": (
        "BLEU",
        "share of the official word sequences the article keeps, 0–100: harsher than "
        "closeness on any rewording",
    ),
    "ter": (
        "TER",
        "word edits per 100 official words that turn the article's wording into the "
        "official one: 0 is identical; above 100 when the article says much more",
    ),
    "interval": (
        "95 % range",
        "the scores of the article's compared sentences resampled 1,000 times: a change of "
        "score between two runs inside this range may be noise",
    ),
    "exact": ("exact match", "the same words as the official text, case and punctuation aside"),
    "strong": (
        "strong match",
        "its own words tie it to this official wording: what it changed can be charged",
    ),
    "weak": (
        "weak match",
        "placed only by its neighbours: shown for reading, never scored or charged",
    ),
    "verbatim": ("verbatim", "the official wording, case, punctuation and spacing aside"),
    "paraphrase": ("paraphrase", "reworded, with the same meaning as far as the audit can tell"),
    "drift": ("drift", "far from the official wording, or carrying a critical edit"),
    "unmatched": ("no counterpart", "nothing in the official text corresponds to it"),
    "not_scored": (
        "not scored",
        "page furniture, an untranslated passage, or a sentence scored through its quotations",
    ),
    "critical": (
        LEVEL_WORDS["critical"],
        "a change of what was said (a negation, a number, a name, a modal force, an "
        "opposite, a person, a scope): a charge a press officer can defend",
    ),
    "notable": (
        LEVEL_WORDS["notable"],
        "what a reviewer should see, but no charge: a dropped qualifier, another word",
    ),
    "not-found": (
        LEVEL_WORDS["unmatched"],
        "a quotation no official sentence explains: possibly never said at this event",
    ),
    "misquoted": (
        "misquoted",
        "a quotation the official text explains, with a critical edit: a distortion",
    ),
    "spliced": (
        "spliced",
        "a quotation joined from official sentences that are not neighbours",
    ),
    "backtranslation": (
        "back-translation score",
        "0–1: how strongly the English reads as machine-translated back from another "
        "language (0.5 or more: artefacts a reviewer can check)",
    ),
    "dismissed": (
        "dismissed",
        "a reviewer found the finding unfounded: shown greyed, out of every count",
    ),
    "confirmed": ("confirmed", "a reviewer checked the finding: the charge stands"),
    "new": ("new", "not found by the run before this one"),
}
#: the order of the legend
LEGEND = (
    "coverage",
    "chrf",
    "bleu",
    "ter",
    "interval",
    "verbatim",
    "paraphrase",
    "drift",
    "unmatched",
    "exact",
    "strong",
    "weak",
    "critical",
    "notable",
    "not-found",
    "misquoted",
    "spliced",
    "backtranslation",
    "confirmed",
    "dismissed",
    "new",
)
#: an edit type → what it means, in one line
EDIT_MEANINGS = {t.name: t.meaning for t in EDIT_TYPES} | {
    "unmatched": TERMS["not-found"][1],
}


def explain(term: str) -> str:
    """The one line of a term ("" for an unknown one)."""
    return TERMS.get(term, ("", ""))[1]


def name(term: str) -> str:
    return TERMS.get(term, (term, ""))[0]
