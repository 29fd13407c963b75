"""Scope edits: the extent of a claim changed — a quantity or frequency word replaced by one of
another extent ("all allies" → "some allies", "always" → "sometimes", "most" → "few") (pure).

Each quantity or frequency word has an extent (scope_words.tsv: all, most, many, some, few);
words of one extent say the same ("every" = "all", "often" = "frequently"). A word replaced in
the same changed place by one of another extent is charged. One left out or added is not: "all
allies agreed" and "allies agreed" make one claim, and a translation adds and drops these words
freely. Not quantities: idioms (scope_idioms.txt: "after all", "at most", "each other"), "most"
before an adjective or adverb (a degree: "most urgent", the qualifier type's), "some" before a
number (an approximation: "some 300 troops"). Negators ("none", "never") are negation's; the
frequency words that deny as a negator does ("rarely", "seldom") are negation's when added or
left out, and this type's when they replace a word of another extent ("often" → "rarely").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from auditor.lexicon import SCOPE_IDIOMS, SCOPE_WORDS
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import Counterparts, Edit, Token, number_value

if TYPE_CHECKING:
    from auditor.stages.speech import Speech

_LONGEST = max(len(p.split()) for p in (*SCOPE_WORDS, *SCOPE_IDIOMS))


def _degree(tokens: Sequence[Token], i: int) -> bool:
    """ "most urgent", "most recently": "most" grading the adjective or adverb after it."""
    from auditor.wordnet import parts_of_speech

    if tokens[i].norm != "most" or i + 1 >= len(tokens):
        return False
    following = parts_of_speech(tokens[i + 1].norm)
    return bool(following & {"a", "r"}) and "n" not in following


def scope_words(tokens: Sequence[Token]) -> tuple[tuple[int, str, str], ...]:
    """(position, extent, surface) of every quantity or frequency word or phrase. Kept for the
    last few sentences: the scope and antonym finders both ask of each one."""
    return _scope_words(tuple(tokens))


@lru_cache(maxsize=8)
def _scope_words(tokens: tuple[Token, ...]) -> tuple[tuple[int, str, str], ...]:
    out = []
    i = 0
    while i < len(tokens):
        for n in range(min(_LONGEST, len(tokens) - i), 0, -1):
            phrase = " ".join(t.norm for t in tokens[i : i + n])
            if phrase in SCOPE_IDIOMS:
                i += n
                break
            if phrase not in SCOPE_WORDS:
                continue
            nxt = tokens[i + n].norm if i + n < len(tokens) else ""
            if not (_degree(tokens, i) or (phrase == "some" and number_value(nxt))):
                out.append((i, SCOPE_WORDS[phrase], phrase))
            i += n
            break
        else:
            i += 1
    return tuple(out)


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    mine, theirs = scope_words(off), scope_words(art)
    edits = []
    used: set[int] = set()
    for i, extent, surface in mine:
        region = link.off_region.get(i)
        if region is None:
            continue  # an unchanged word: said on both sides
        # the quantity words of this changed place, on each side: a word of the same extent
        # there says the same (moved, or re-worded: "all" → "every"); a word elsewhere in the
        # sentence says something else ("often make all kinds" / "sometimes make all kinds")
        there = [(j, e, w) for j, e, w in theirs if link.art_region.get(j) == region]
        here = {e for k, e, _ in mine if link.off_region.get(k) == region}
        if any(e == extent for _, e, _ in there):
            continue
        for j, other, word in there:
            if j not in used and other not in here:
                used.add(j)
                edits.append(Edit("scope", surface, word))
                break
    return edits
