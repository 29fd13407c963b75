"""Qualifier changes: an evaluative, degree or scope word dropped, added or swapped (pure).

A notable change, not a charge: "dangerous dependency" → "dependency" is worth a reviewer's
look, but a summary may leave a qualifier out. A qualifier is not dropped when a synonym of it
stands on the other side ("only" → "solely", WordNet); a swap of evaluative words, synonyms
or not ("critical" → "important"), is shown; a word that carries a modal force ("possible") is
modality's.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from auditor.lexicon import (
    DEGREE_IDIOM_OPENERS,
    DEGREE_WORDS,
    FOCUS_ADVERBS,
    HYPHENATED_NEGATIVE_PREFIXES,
    MODAL_EXPRESSIONS,
    QUALIFIERS,
)
from auditor.records import ABSENT
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import Counterparts, Edit, Token, is_content

if TYPE_CHECKING:
    from auditor.stages.speech import Speech


def _qualifier_key(word: str, length: int) -> str:
    return word.replace("-", "")[:length]


def _present(word: str, text_words: set[str], joined: str, key_length: int) -> bool:
    """The word, a form of it (the same first `key_length` letters), or its hyphenated spelling
    written apart, on the other side."""
    key = _qualifier_key(word, key_length)
    for w in text_words:
        if _qualifier_key(w, key_length) == key:
            return True
        # "full fledged" / "full-fledged"; but "lethal" is not in "non-lethal"
        if word in w.split("-") and not w.startswith(HYPHENATED_NEGATIVE_PREFIXES):
            return True
    return "-" in word and word.replace("-", "") in joined


def _is_degree(tokens: Sequence[Token], i: int, other_words: set[str]) -> bool:
    """ "most urgent" → "urgent": a degree word dropped before a word both sides keep (but not
    "most recently" → "last time", where the whole phrase changed)."""
    if tokens[i].norm not in DEGREE_WORDS or i + 1 >= len(tokens):
        return False
    if i and tokens[i - 1].norm in DEGREE_IDIOM_OPENERS:
        return False  # "not least", "at least"
    from auditor.wordnet import parts_of_speech

    following = tokens[i + 1]
    if not (following.is_word and following.norm in other_words and following.norm != "of"):
        return False
    graded = parts_of_speech(following.norm)
    return not graded or bool(graded & {"a", "r"})  # "most urgent", not "most members"


def _is_qualifier(tokens: Sequence[Token], i: int) -> bool:
    t = tokens[i]
    if t.norm in MODAL_EXPRESSIONS:
        return False
    if t.norm not in QUALIFIERS or (t.text[:1].isupper() and not t.initial):
        return False  # "United" in "United Nations" is part of a name
    return not (t.norm == "only" and i and tokens[i - 1].norm == "not")  # "not only … but"


def _has_focus(tokens: Sequence[Token]) -> bool:
    """ "not least", "particularly", "in particular", "especially": one focusing meaning."""
    words = [t.norm for t in tokens]
    pairs = {f"{a} {b}" for a, b in pairwise(words)}
    return bool(FOCUS_ADVERBS & (set(words) | pairs))


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    from auditor.wordnet import are_synonyms

    def rendered(word: str, other: Sequence[Token]) -> bool:
        """A synonym of the word stands on the other side ("solely" for "only")."""
        return any(t.is_word and are_synonyms(word, t.norm) for t in other)

    return [
        e
        for e in _find(off, art, link, settings.key_length)
        if not (e.article == ABSENT and rendered(e.official, art))
        and not (e.official == ABSENT and rendered(e.article, off))
    ]


def _find(
    off: Sequence[Token], art: Sequence[Token], link: Counterparts, key_length: int
) -> list[Edit]:
    off_words = {t.norm for t in off if t.is_word}
    art_words = {t.norm for t in art if t.is_word}
    if _has_focus(off) and _has_focus(art):
        off_words |= FOCUS_ADVERBS
        art_words |= FOCUS_ADVERBS
    off_joined = "".join(t.norm for t in off if t.is_word).replace("-", "")
    art_joined = "".join(t.norm for t in art if t.is_word).replace("-", "")
    edits = []
    replaced: set[int] = set()
    for i, t in enumerate(off):
        if _is_degree(off, i, art_words) and t.norm not in art_words:
            edits.append(Edit("qualifier", t.norm, ABSENT))
        elif _is_qualifier(off, i) and not _present(t.norm, art_words, art_joined, key_length):
            other = link.off_to_art.get(i)
            if (
                other is not None
                and is_content(art[other])
                and not _present(art[other].norm, off_words, off_joined, key_length)
            ):
                replaced.add(other)
                edits.append(Edit("qualifier", t.norm, art[other].norm))
            else:
                edits.append(Edit("qualifier", t.norm, ABSENT))
    for j, t in enumerate(art):
        if _is_degree(art, j, off_words) and t.norm not in off_words:
            edits.append(Edit("qualifier", ABSENT, t.norm))
            continue
        if j in replaced or not _is_qualifier(art, j):
            continue
        if not _present(t.norm, off_words, off_joined, key_length):
            other = link.art_to_off.get(j)
            if (
                other is not None
                and is_content(off[other])
                and not _present(off[other].norm, art_words, art_joined, key_length)
            ):
                edits.append(Edit("qualifier", off[other].norm, t.norm))
            else:
                edits.append(Edit("qualifier", ABSENT, t.norm))
    return edits
