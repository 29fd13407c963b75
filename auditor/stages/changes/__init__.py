"""What changed (pure): word-level substitutions, critical edits and notable changes between an
official wording and the article's wording aligned to it.

Every edit type describes itself in one record of `EDIT_TYPES`: its name, its level (a critical
edit — a change of what was said, a charge — or a notable change: what a reviewer should see,
no charge), what it means in one line, whether it is charged on the reporter's own words, and
the module whose `find(official, article, counterparts, settings, speech)` names it. Each
finder compares what both sides *say* — how many negations, which numbers (by value, so "four"
= "4"), which names, which modal forces — and uses the word-level edit script
(`tokens.Counterparts`) only to name the word on the other side (`must → should`). The report
columns, the data dictionary and docs/reference.md are written from these records. Adding a
type is one module and one line in `EDIT_TYPES`.

This module imports no finder until changes are looked for: the report columns read the
records without paying for the word lists.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from auditor.records import ABSENT, Change, Level

if TYPE_CHECKING:
    from auditor.settings import ChangeSettings
    from auditor.stages.changes.tokens import Counterparts, Token
    from auditor.stages.speech import Speech

__all__ = [
    "ABSENT",
    "CHANGE_LEVELS",
    "EDIT_TYPES",
    "Edit",
    "EditType",
    "ReportedSpeech",
    "critical_edits",
    "edit_type",
    "find_changes",
    "substitutions",
    "tokenize",
]

#: a named change, as every edit type reports it
Edit = Change

#: one finder: (official tokens, article tokens, their counterparts, settings, speech) → edits
Finder = Callable[
    [Sequence["Token"], Sequence["Token"], "Counterparts", "ChangeSettings", "Speech | None"],
    list[Change],
]


class ReportedSpeech(StrEnum):
    """Whether an edit type is charged (or shown) on the reporter's own words, which may sum up
    what was said but not change it."""

    #: as in a quotation: a lost or added negation flips what was said
    CHARGED = "charged"
    #: only a word replaced by another: a summary may leave a word out, not change it
    REPLACED = "charged when replaced, not when left out or added"
    #: replaced within one grammatical person (he → she, son → daughter); the shift of
    #: reported speech (we → they, I → he) is no change
    SAME_PERSON = "charged when replaced within one grammatical person, not for we → they"
    #: no finding: a reporter names whom they like (attribution, context)
    NEVER = "no finding"
    #: a notable change, shown as in a quotation
    SHOWN = "shown"

    def keeps(self, change: Change) -> bool:
        if self in (ReportedSpeech.CHARGED, ReportedSpeech.SHOWN):
            return True
        if self is ReportedSpeech.NEVER or ABSENT in (change.official, change.article):
            return False
        if self is ReportedSpeech.SAME_PERSON:
            from auditor.lexicon import PERSONAL_PRONOUNS

            persons = [
                PERSONAL_PRONOUNS.get(w.lower(), "third") for w in (change.official, change.article)
            ]
            return persons[0].split()[0] == persons[1].split()[0]
        return True


@dataclass(frozen=True)
class EditType:
    """One edit type, described once: the report columns, the data dictionary, docs/reference.md and
    the drift stage's filter of the reporter's own words read these records."""

    name: str
    level: Level
    reported_speech: ReportedSpeech  #: whether it counts on the reporter's own words
    meaning: str  #: one line, as the reports say it
    example: str  #: `official → article`
    #: the module of this package whose `find` names it (default: `name`); None for a finding
    #: of the alignment, not of a comparison of two wordings
    module: str | None = ""

    @property
    def finder(self) -> Finder | None:
        if self.module is None:
            return None
        found: Finder = importlib.import_module(f"{__name__}.{self.module or self.name}").find
        return found


C, N = Level.CRITICAL, Level.NOTABLE
R = ReportedSpeech
#: every edit type, in the order its changes are listed (one line each)
EDIT_TYPES: tuple[EditType, ...] = (
    EditType("negation", C, R.CHARGED, "polarity: a negation gained or lost", "not → ∅"),
    EditType("number", C, R.REPLACED, "another value: number, date or time", "14 → 40"),
    EditType("entity", C, R.REPLACED, "another name, or a quoted name dropped", "Sweden → Norway"),
    EditType("modality", C, R.REPLACED, "another modal force", "must → should"),
    EditType("scope", C, R.REPLACED, "another extent of a quantity or frequency", "all → some"),
    EditType("antonym", C, R.REPLACED, "a word replaced by its opposite", "success → failure"),
    EditType("person", C, R.SAME_PERSON, "someone else acts or is meant", "he → she"),
    EditType("sentiment", C, R.REPLACED,
             "a word replaced by one of opposite sentiment by a lexicon: weaker than an antonym",
             "angered → delighted", "antonym"),
    EditType("qualifier", N, R.SHOWN, "an evaluative, degree or scope word", "dangerous → ∅"),
    EditType("wording", N, R.SHOWN, "a content word replaced one for one", "adversary → enemy"),
    EditType("spelling", N, R.SHOWN, "a name re-spelled", "Aleksandr → Alexandr", "entity"),
    EditType("name", N, R.NEVER, "a name added, or dropped unquoted", "Smith → ∅", "entity"),
    EditType("omission", N, R.NEVER, "official content words left out, nothing in their place",
             "supply ammunition → ∅"),
    EditType("spliced", N, R.SHOWN, "a quotation joined from distant official sentences",
             "official lines 13, 35 → one quotation", None),
)  # fmt: skip
del C, N, R
_BY_NAME = {t.name: t for t in EDIT_TYPES}
#: change type → its level
CHANGE_LEVELS: dict[str, Level] = {t.name: t.level for t in EDIT_TYPES}


def edit_type(name: str) -> EditType:
    """The record of edit type `name` (KeyError for a type no record describes)."""
    return _BY_NAME[name]


def _finders() -> list[Finder]:
    """Each finder once, in the order of its first type."""
    return list(dict.fromkeys(t.finder for t in EDIT_TYPES if t.finder is not None))


def find_changes(
    official: str,
    article: str,
    settings: ChangeSettings | None = None,
    speech: Speech | None = None,
) -> list[Change]:
    """Every critical edit and notable change between an official text and the article's
    aligned wording, each with its level. `speech` says whose words the article's are: a
    quotation (`Speech.DIRECT`: a name left out is a change of the quoted words), the
    reporter's own (`Speech.REPORTED`) or not known (None). A notable change on the same words
    as a critical edit is left out (an antonym is not also a swapped qualifier)."""
    from auditor.settings import ChangeSettings
    from auditor.stages.changes.tokens import Counterparts, tokenize

    settings = settings or ChangeSettings()
    off, art = tokenize(official), tokenize(article)
    link = Counterparts(off, art, settings)
    found: list[Change] = []
    for finder in _finders():
        found.extend(
            replace(c, level=CHANGE_LEVELS[c.type])
            for c in finder(off, art, link, settings, speech)
        )
    charged = [c for c in found if c.level is Level.CRITICAL]
    return _unique(c for c in found if c.level is Level.CRITICAL or not _on(c, charged))


def _on(change: Change, charged: Sequence[Change]) -> bool:
    """A critical edit names the same words, or more of them: the notable change on them is
    not shown too ("an antonym is not also a swapped qualifier"; "usually → hardly" is not a
    wording change beside "scope: usually → hardly ever"; "more → ∅" and "∅ → less" are
    halves of "antonym: more → less")."""

    def within(word: str, words: str) -> bool:
        return word.lower() == words.lower() or word.lower() in words.lower().split()

    def half(word: str, words: str) -> bool:
        return word == ABSENT or within(word, words)

    return any(
        half(change.official, other.official)
        and half(change.article, other.article)
        and (change.official, change.article) != (ABSENT, ABSENT)
        for other in charged
    )


def critical_edits(
    official: str,
    article: str,
    settings: ChangeSettings | None = None,
    speech: Speech | None = None,
) -> list[Change]:
    """The critical edits only: the changes of what was said."""
    return [
        c for c in find_changes(official, article, settings, speech) if c.level is Level.CRITICAL
    ]


def substitutions(official: str, article: str, settings: ChangeSettings | None = None) -> list[str]:
    """`official → article` word changes, in reading order; punctuation is ignored."""
    from auditor.stages.changes import tokens

    return tokens.substitutions(official, article, settings)


def tokenize(text: str) -> list[Token]:
    from auditor.stages.changes import tokens

    return tokens.tokenize(text)


def _unique(changes: Iterable[Change]) -> list[Change]:
    return list(dict.fromkeys(changes))
