"""Antonym edits: a word replaced by its opposite ("refused" → "agreed", "rose" → "fell",
"illegal" → "legal") (pure).

Opposites come from WordNet (`auditor.wordnet`): a removed and an added word of one changed
region whose lemmas WordNet lists as antonyms, or an adjective and its negative-prefix form when
both are WordNet adjectives. A flip that a negation undoes is no change: "not legal" for
"illegal" is the negation stage's litotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.settings import ChangeSettings
from auditor.stages.changes.negation import negators
from auditor.stages.changes.tokens import Counterparts, Edit, Token, is_content

if TYPE_CHECKING:
    from auditor.stages.speech import Speech

NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non-", "non")


def opposite(a: str, b: str) -> bool:
    """`a` and `b` are antonyms in one part of speech: in WordNet, or an adjective and its
    negative-prefix form ("equally" is an adverb: not the opposite of "unequal")."""
    from auditor.wordnet import are_antonyms, lemmas, parts_of_speech

    heads = (a.split("-", 1), b.split("-", 1))
    if all(len(h) == 2 for h in heads) and heads[0][1] == heads[1][1]:
        a, b = heads[0][0], heads[1][0]  # "long-term" / "short-term": their heads
    if not parts_of_speech(a) & parts_of_speech(b):
        return False
    if are_antonyms(a, b):
        return True
    short, long = sorted((a.lower(), b.lower()), key=len)
    for prefix in NEGATIVE_PREFIXES:
        if long == prefix + short and len(short) >= 4:
            adjectives = {pos for _, pos in lemmas(short)} & {pos for _, pos in lemmas(long)}
            return "a" in adjectives
    return False


#: words that turn an adjective toward its opposite: "less good" = "worse"
_DIMINISHERS = frozenset(["less", "least", "fewer"])


def _negated(tokens: Sequence[Token], position: int) -> bool:
    """A negation or a diminisher within the three words before."""
    before = range(max(position - 3, 0), position)
    return any(p in before for p, _, _ in negators(tokens)) or any(
        tokens[p].norm in _DIMINISHERS for p in before
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
    for i in sorted(link.off_changed):
        if not is_content(off[i]):
            continue
        region = link.off_region.get(i)
        candidates = [
            j
            for j in sorted(link.art_changed)
            if j not in used and link.art_region.get(j) == region and is_content(art[j])
        ]
        mine = {t.norm for t in off}
        theirs = {t.norm for t in art}
        for j in candidates:
            if off[i].norm in theirs and art[j].norm in mine:
                continue  # both words on both sides: moved ("right or left" / "left or right")
            if opposite(off[i].norm, art[j].norm) and _negated(off, i) == _negated(art, j):
                edits.append(Edit("antonym", off[i].norm, art[j].norm))
                used.add(j)
                break
    return edits
