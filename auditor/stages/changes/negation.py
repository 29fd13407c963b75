"""Negation edits: the polarity of the sentence changed (pure).

Polarity only: as many negations on both sides is no change, whichever words say it ("do not" =
"don't", "not" = "never", "no starch" = "instead of having starch": lexical_negatives.txt), and a
negator against a negation said inside a word ("impossible" = "cannot", "unevaluated" = "not
assessed"), an approximator ("nearly complete" = "not yet complete") or a negative implicative
verb ("prevents them from buying" = "they will not be able to buy") is none either.
"Nearly" and "almost" never make a negation: "nearly finished" → "finished" is a qualifier;
nor does "No." before a number ("No. 3" = "number three"). A
negation whose word has its antonym on the other side is kept by other words too: "not long
after" = "shortly after" (litotes).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.lexicon import (
    AFFIRMING_NEGATIVES,
    APPROXIMATORS,
    DETERMINERS,
    FOCUS_AFTER_NOT,
    LEXICAL_NEGATIVES,
    MODAL_FORCE,
    NEGATIVE_IMPLICATIVES,
    NEGATIVE_PREFIXES,
    NEGATORS,
    PLAIN_DETERMINERS,
    QUALIFIERS,
    SEPARATE_NEGATORS,
)
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

_LONGEST_NEGATIVE = max(len(n.split()) for n in LEXICAL_NEGATIVES)
_LONGEST_AFFIRMING = max(len(n.split()) for n in AFFIRMING_NEGATIVES)


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
        if word == "not" and nxt in FOCUS_AFTER_NOT:
            continue  # "not only … but", "not until": focusing idioms, not negations
        following = (
            " ".join(x.norm for x in tokens[i : i + n]) for n in range(2, 1 + _LONGEST_AFFIRMING)
        )
        if any(phrase in AFFIRMING_NEGATIVES for phrase in following):
            continue  # "no doubt", "without a doubt" = "undoubtedly"
        if word == "nor" and neither_open:
            neither_open = False
            continue  # neither … nor is one negation
        if word == "no" and nxt == "." and _numeral(tokens, i + 2):
            continue  # "No. 3", "No.3": the abbreviation of "number"
        if word in NEGATORS or word.endswith("n't"):
            neither_open = neither_open or word == "neither"
            out.append((i, "neg", t.text.lower()))
    return out


def _numeral(tokens: Sequence[Token], i: int) -> bool:
    return i < len(tokens) and tokens[i].norm[:1].isdigit()


def _other_kind(token: Token) -> bool:
    """A word whose change another edit type already names (a modal, a number, …)."""
    word = token.norm
    return (
        word in MODAL_FORCE
        or word in QUALIFIERS
        or word in DETERMINERS - PLAIN_DETERMINERS
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


def _litotes(tokens: Sequence[Token], position: int, other: Sequence[Token], reach: int) -> bool:
    """The negated word (within the next `reach`) has its antonym on the other side: "not long"
    for "shortly", "not legal" for "illegal"; or the negative word itself has ("absence of"
    for "presence of": the antonym type's)."""
    from auditor.wordnet import are_antonyms

    mine = {t.norm for t in tokens}
    fresh = [t.norm for t in other if t.is_word and t.norm not in mine]
    start = position + (tokens[position].norm in NEGATORS or tokens[position].norm.endswith("n't"))
    for t in tokens[start : position + 1 + reach]:
        if t.is_word and any(are_antonyms(t.norm, word) for word in fresh):
            return True
    return False


def _extent(tokens: Sequence[Token], i: int, other: Sequence[Token], j: int | None) -> bool:
    """The negator at `i` is a frequency word ("rarely", "hardly ever") in the place of a
    frequency word of another extent on the other side ("usually", "sometimes"): the scope
    type's change, not a negation (scope_words.tsv)."""
    from auditor.stages.changes.scope import scope_words

    if j is None:
        return False
    mine = {k: extent for k, extent, _ in scope_words(tokens)}
    theirs = {k: extent for k, extent, _ in scope_words(other)}
    return i in mine and j in theirs and mine[i] != theirs[j]


def implicit_negatives(tokens: Sequence[Token], other: Sequence[Token], min_stem: int) -> int:
    """Words of one side, absent from the other, that deny without a negator: a negation inside
    a word ("impossible", "unevaluated": a negative prefix on a stem WordNet knows), an
    approximator ("nearly complete": not complete) or a negative implicative verb ("prevents
    them from buying": they do not buy)."""
    from auditor.stages.changes.antonym import negative_form
    from auditor.wordnet import same_lemma

    theirs = {t.norm for t in other}
    count = 0
    for t in tokens:
        if not t.is_word or t.norm in theirs:
            continue
        prefix = next((p for p in NEGATIVE_PREFIXES if t.norm.startswith(p)), "")
        if t.norm in NEGATIVE_IMPLICATIVES:
            # "did not prevent" → "prevented": the verb stands on both sides, the negator went
            count += not any(same_lemma(t.norm, word) for word in theirs)
        elif t.norm in APPROXIMATORS or (
            prefix and negative_form(t.norm, t.norm[len(prefix) :], min_stem)
        ):
            count += 1
    return count


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
    # a negator against a negation said inside a word, by an approximator or by a negative
    # implicative on the other side: "impossible" = "cannot", "unevaluated" = "not assessed",
    # "nearly complete" = "not yet", "prevents them from buying" = "they cannot buy"
    if removed:
        removed = removed[implicit_negatives(art, off, settings.prefix_min_stem) :]
    if added:
        added = added[implicit_negatives(off, art, settings.prefix_min_stem) :]
    removed = [(p, s) for p, s in removed if not _litotes(off, p, art, settings.litotes_reach)]
    added = [(p, s) for p, s in added if not _litotes(art, p, off, settings.litotes_reach)]
    removed = [(p, s) for p, s in removed if not _extent(off, p, art, link.off_to_art.get(p))]
    added = [(p, s) for p, s in added if not _extent(art, p, off, link.art_to_off.get(p))]
    edits = [Edit("negation", s, _counterpart(s, art, link.off_to_art.get(p))) for p, s in removed]
    edits += [Edit("negation", _counterpart(s, off, link.art_to_off.get(p)), s) for p, s in added]
    return edits
