"""Antonym edits: a word replaced by its opposite ("refused" → "agreed", "rose" → "fell",
"illegal" → "legal") (pure), and sentiment edits: a word replaced by one of opposite sentiment
("angered" → "delighted", "infected" → "healthy").

Opposites come from WordNet's structure (`auditor.wordnet`): a removed and an added word of one
changed region whose lemmas WordNet opposes — its antonym pointers, the satellites of an
antonym's cluster, the forms derived from an antonym pair (success/failure from succeed/fail) —
or a word and its negative-prefix form on a stem WordNet knows (negative_prefixes.tsv:
member/nonmember, legal/illegal), or on a WordNet synonym of the other word
("domesticated" / "untamed": "tamed" = "domesticated"). A flip that a negation within reach
undoes, before or after the word, is no change: "not legal" for "illegal" is the negation
stage's litotes, "unlikely that any" is "probably no". Quantity and frequency words are the
scope type's ("all" / "none"), but not "most" grading an adjective nor "at most": "the most
important" / "the least important" is an antonym. Nouns of people are the person type's ("son"
/ "daughter").

Many opposites a reader sees at once are in no thesaurus WordNet's licence lets us ship
("angered" / "delighted", "secure" / "endanger"): where WordNet does not oppose two words, a
positive word replaced by a negative one, or the reverse, in sentiment lexicons (Hu & Liu's and
VADER's, sentiment_words.tsv; a word of no listed sentiment never counts) is a `sentiment` edit —
weaker evidence than an antonym, named apart so that a reviewer weighs it so.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from auditor.lexicon import (
    DIMINISHERS,
    MODAL_FORCE,
    NEGATIVE_PREFIXES,
    NEGATORS,
    OPEN_NEGATIVE_PREFIXES,
    PHRASAL_PARTICLES,
    entries,
)
from auditor.settings import ChangeSettings
from auditor.stages.changes.negation import negators
from auditor.stages.changes.tokens import Counterparts, Edit, Token, is_content, number_value

if TYPE_CHECKING:
    from auditor.stages.speech import Speech


def opposite(a: str, b: str, min_stem: int) -> bool:
    """`a` and `b` are antonyms in one part of speech: in WordNet (its antonym pointers and the
    forms and clusters they reach), or a word and its negative-prefix form on a stem WordNet
    knows, of at least `min_stem` letters ("member" / "nonmember", "evaluated" / "unevaluated",
    "legal" / "illegal")."""
    from auditor.wordnet import are_antonyms, parts_of_speech

    heads = (a.split("-", 1), b.split("-", 1))
    if all(len(h) == 2 for h in heads) and heads[0][1] == heads[1][1]:
        a, b = heads[0][0], heads[1][0]  # "long-term" / "short-term": their heads
    if are_antonyms(a, b) and parts_of_speech(a) & parts_of_speech(b):
        return True
    if negative_form(a, b, min_stem) or negative_form(b, a, min_stem):
        return True
    return negated_synonym(a, b, min_stem) or negated_synonym(b, a, min_stem)


def negated_synonym(word: str, other: str, min_stem: int) -> bool:
    """`word` is a negative-prefix form (`negative_form`) of a WordNet synonym of `other`:
    "undemanding" / "challenging" ("demanding" = "challenging"), "unfinished" / "completed",
    "untamed" / "domesticated"."""
    from auditor.wordnet import are_synonyms

    word, other = word.lower(), other.lower()
    for prefix in NEGATIVE_PREFIXES:
        stem = word.removeprefix(prefix)
        if (
            stem != word
            and stem != other
            and are_synonyms(stem, other)
            and negative_form(word, stem, min_stem)
        ):
            return True
    return False


@cache
def _sentiments() -> dict[str, tuple[str, str]]:
    """word → (its sign, the lexicons that list it: L, V)"""
    rows = (line.split("\t") for line in entries("sentiment_words.tsv"))
    return {word: (sign, sources) for word, sign, sources in rows}


def sentiment(word: str) -> tuple[str, str] | None:
    """The word's sentiment in sentiment_words.tsv, ("+" or "-", the lexicons that list it):
    its own entry, else its lemma's when its lemmas have one sentiment ("welcomed" →
    "welcome"); None when it has none."""
    from auditor.wordnet import lemmas

    table = _sentiments()
    if word in table:
        return table[word]
    found = {table[lemma] for lemma, _ in lemmas(word) if lemma in table}
    return found.pop() if len({sign for sign, _ in found}) == 1 and len(found) == 1 else None


def opposite_sentiment(a: str, b: str) -> bool:
    """One word positive and the other negative in one lexicon that lists both (two lexicons'
    judgements of one word each are not compared), and no synonyms in WordNet."""
    from auditor.wordnet import are_synonyms

    x, y = sentiment(a), sentiment(b)
    if x is None or y is None or x[0] == y[0] or not set(x[1]) & set(y[1]):
        return False
    return not are_synonyms(a, b)


def negative_form(word: str, stem: str, min_stem: int) -> bool:
    """`word` is `stem` (of at least `min_stem` letters) with a negative prefix, and says its
    opposite (negative_prefixes.tsv):
    "un-" and "non-" before any word WordNet knows ("nonmember", "unevaluated"), and not a
    synonym of it; "in-", "im-", "il-", "ir-", "dis-" only where WordNet opposes the two
    ("impossible", "illegal"; "discover" is no "cover")."""
    from auditor.wordnet import are_antonyms, are_synonyms, lemmas, parts_of_speech

    word, stem = word.lower(), stem.lower()
    prefix = next((p for p in NEGATIVE_PREFIXES if word == p + stem), None)
    if prefix is None or len(stem) < min_stem or not lemmas(stem):
        return False
    if prefix.rstrip("-") not in OPEN_NEGATIVE_PREFIXES:
        return are_antonyms(word, stem)
    if are_synonyms(word, stem):
        return False
    known = parts_of_speech(word)
    return not known or bool(known & parts_of_speech(stem))


def _negated(tokens: Sequence[Token], position: int, reach: int) -> bool:
    """A negation within `reach` words either side ("unlikely that any" / "probably no"), or a
    diminisher ("less good" = "worse") within `reach` words before."""
    before = range(max(position - reach, 0), position)
    near = range(max(position - reach, 0), position + reach + 1)
    return any(p in near and p != position for p, _, _ in negators(tokens)) or any(
        tokens[p].norm in DIMINISHERS for p in before
    )


def _quantities(tokens: Sequence[Token]) -> set[int]:
    """Positions of the words that give a claim its extent (the scope type's: "all", "most
    allies"); "most" grading an adjective ("the most important") and "at most" are no
    quantity: their opposites ("least") are antonyms."""
    from auditor.stages.changes.scope import scope_words

    return {p + k for p, _, surface in scope_words(tokens) for k in range(len(surface.split()))}


def _phrasal(tokens: Sequence[Token], position: int) -> bool:
    """The word opens a phrasal verb ("ended up"): its particle follows it."""
    return position + 1 < len(tokens) and tokens[position + 1].norm in PHRASAL_PARTICLES


def _same_anchor(off: Sequence[Token], i: int, art: Sequence[Token], j: int) -> bool:
    """A function word's opposite is said of the same thing: the same word follows both
    ("before the vote" / "after the vote", "more than" / "less than"); "Before that, …" /
    "This comes after …" turns the sentence around, not the claim."""
    return i + 1 < len(off) and j + 1 < len(art) and off[i + 1].norm == art[j + 1].norm


def _may_oppose(token: Token) -> bool:
    """A word that may have an opposite: a content word or a function word ("more" / "less",
    "before" / "after") — `is_content` without its function-word exclusion; not a modal, a
    negator or a number (their own types)."""
    return (
        token.is_word
        and token.norm not in MODAL_FORCE
        and token.norm not in NEGATORS
        and number_value(token.norm) is None
    )


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    edits = []
    used: set[int] = set()
    off_quantities, art_quantities = _quantities(off), _quantities(art)
    mine, theirs = {t.norm for t in off}, {t.norm for t in art}
    for i in sorted(link.off_changed):
        if not _may_oppose(off[i]) or i in off_quantities:
            continue
        region = link.off_region.get(i)
        candidates = [
            j
            for j in sorted(link.art_changed)
            if j not in used
            and link.art_region.get(j) == region
            and _may_oppose(art[j])
            and j not in art_quantities
        ]
        for j in candidates:
            if off[i].norm in theirs and art[j].norm in mine:
                continue  # both words on both sides: moved ("right or left" / "left or right")
            content = is_content(off[i]) and is_content(art[j])
            if opposite(off[i].norm, art[j].norm, settings.prefix_min_stem):
                kind = "antonym"
            elif (
                content
                and region is not None
                and link.off_to_art.get(i) == j
                and link.region_words[region] <= settings.sentiment_max_words
                and opposite_sentiment(off[i].norm, art[j].norm)
            ):
                kind = "sentiment"
            else:
                continue
            if _phrasal(off, i) or _phrasal(art, j):
                continue
            if not content and not _same_anchor(off, i, art, j):
                continue
            reach = settings.negation_reach
            if _negated(off, i, reach) == _negated(art, j, reach):
                edits.append(Edit(kind, off[i].norm, art[j].norm))
                used.add(j)
                break
    return edits
