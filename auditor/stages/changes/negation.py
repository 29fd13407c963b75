"""Negation edits: the polarity of the sentence changed (pure).

Polarity only: as many negations on both sides is no change, whichever words say it ("do not" =
"don't", "not" = "never", "no starch" = "instead of having starch", "nearly complete" = "not
yet complete": lexical_negatives.txt). A negation whose word has its antonym on the other side
is kept by other words too: "not long after" = "shortly after" (litotes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.lexicon import DETERMINERS, LEXICAL_NEGATIVES, MODAL_FORCE, NEGATORS, QUALIFIERS
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import (
    ABSENT,
    Counterparts,
    Edit,
    Token,
    difference,
    number_value,
)

if TYPE_CHECKING:
    from auditor.stages.speech import Speech

#: after "not", these make a focusing or temporal idiom, not a negation
_FOCUS_AFTER_NOT = frozenset(["least", "only", "just", "merely", "simply", "until", "till"])
_LONGEST_NEGATIVE = max(len(n.split()) for n in LEXICAL_NEGATIVES)
#: negators that stand alone: when one goes, nothing took its place ("did not agree" → "agreed")
SEPARATE_NEGATORS = frozenset(["not", "never"])
#: determiners whose swap is no other edit type's business
_PLAIN_DETERMINERS = frozenset(["a", "an", "the", "some", "any", "every"])


def negators(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    neither_open = False
    skip = 0
    for i, t in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        for n in range(_LONGEST_NEGATIVE, 0, -1):
            phrase = " ".join(x.norm for x in tokens[i : i + n])
            if len(tokens) - i >= n and phrase in LEXICAL_NEGATIVES:
                out.append((i, "neg", phrase))
                skip = n - 1
                break
        if skip or (out and out[-1][0] == i):
            continue
        word = t.norm
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if word == "not" and nxt in _FOCUS_AFTER_NOT:
            continue  # "not only … but", "not until": focusing idioms, not negations
        if word in ("no", "without") and nxt in ("doubt", "question"):
            continue  # "no doubt" = "undoubtedly"
        if word == "nor" and neither_open:
            neither_open = False
            continue  # neither … nor is one negation
        if word in NEGATORS or word.endswith("n't"):
            neither_open = neither_open or word == "neither"
            out.append((i, "neg", t.text.lower()))
    return out


def _other_kind(token: Token) -> bool:
    """A word whose change another edit type already names (a modal, a number, …)."""
    word = token.norm
    return (
        word in MODAL_FORCE
        or word in QUALIFIERS
        or word in DETERMINERS - _PLAIN_DETERMINERS
        or number_value(word) is not None
    )


def _counterpart(negator: str, tokens: Sequence[Token], position: int | None) -> str:
    """The word in a negator's place on the other side: its base ("can" for "cannot"), a
    modal where the negator was a negated modal, or a plain word ("and" for "nor")."""
    if position is None or negator in SEPARATE_NEGATORS:
        return ABSENT  # "did not agree" → "agreed": the negation went, nothing replaced it
    word = tokens[position].norm
    fused_modal = negator in MODAL_FORCE
    is_base = negator.startswith(word) or negator.replace("n't", "") == word
    if is_base or (fused_modal and word in MODAL_FORCE) or not _other_kind(tokens[position]):
        return tokens[position].text.lower()
    return ABSENT


def _litotes(tokens: Sequence[Token], position: int, other: Sequence[Token]) -> bool:
    """The negated word (within the next three) has its antonym on the other side: "not long"
    for "shortly", "not legal" for "illegal"."""
    from auditor.wordnet import are_antonyms

    mine = {t.norm for t in tokens}
    fresh = [t.norm for t in other if t.is_word and t.norm not in mine]
    for t in tokens[position + 1 : position + 4]:
        if t.is_word and any(are_antonyms(t.norm, word) for word in fresh):
            return True
    return False


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    removed, added = difference(negators(off), negators(art), link)
    n = min(len(removed), len(added))
    removed, added = removed[n:], added[n:]
    removed = [(p, s) for p, s in removed if not _litotes(off, p, art)]
    added = [(p, s) for p, s in added if not _litotes(art, p, off)]
    edits = [Edit("negation", s, _counterpart(s, art, link.off_to_art.get(p))) for p, s in removed]
    edits += [Edit("negation", _counterpart(s, off, link.art_to_off.get(p)), s) for p, s in added]
    return edits
