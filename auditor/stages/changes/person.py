"""Person edits: someone else acts or is meant — a personal pronoun replaced by one of another
person or gender ("we" → "they", "he" → "she", "his" → "her"), or a noun naming a person by its
opposite in gender or kin ("son" → "daughter", "husband" → "wife": WordNet's antonyms among the
nouns of people) (pure).

Pronouns are compared as each side says them, whichever words stand around them: a pronoun of
a person the other side does not say, replaced in the same changed place by one the other side
does not say either. Pronouns left out or added are the translation's rephrasing; "it" is never
charged (personal_pronouns.tsv), nor a generic person for another ("we know" / "you know":
generic_persons.txt), nor a singular "they" for "he" or "she" ("his card" / "their card").
On the reporter's own words the shift of reported speech ("we" → "they") is no change (the
record's `SAME_PERSON`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.lexicon import GENERIC_PERSONS, PERSONAL_PRONOUNS
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import Counterparts, Edit, Token, is_content

if TYPE_CHECKING:
    from auditor.stages.speech import Speech


def _pronouns(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    """(position, person) of every personal pronoun ("US", in capitals, is a country)."""
    return [
        (i, PERSONAL_PRONOUNS[t.norm])
        for i, t in enumerate(tokens)
        if t.norm in PERSONAL_PRONOUNS and not (t.text.isupper() and len(t.text) > 1)
    ]


def _blurred(a: str, b: str) -> bool:
    """Two persons that can mean the same people: generic persons ("we know" / "you know") and
    a singular "they" for "he" or "she" ("his card" / "their card")."""
    if {a, b} <= GENERIC_PERSONS:
        return True
    return "third plural" in (a, b) and a.startswith("third") and b.startswith("third")


def _pronoun_edits(off: Sequence[Token], art: Sequence[Token], link: Counterparts) -> list[Edit]:
    mine, theirs = _pronouns(off), _pronouns(art)
    said, says = Counter(p for _, p in mine), Counter(p for _, p in theirs)
    extra_mine, extra_theirs = said - says, says - said
    edits = []
    used: set[int] = set()
    for i, person in mine:
        if not extra_mine[person]:
            continue
        region = link.off_region.get(i)
        j = next(
            (
                j
                for j, other in theirs
                if j not in used and extra_theirs[other] and link.art_region.get(j) == region
            ),
            None,
        )
        if region is None or j is None:
            continue
        if _blurred(person, PERSONAL_PRONOUNS[art[j].norm]):
            continue
        used.add(j)
        extra_mine[person] -= 1
        extra_theirs[PERSONAL_PRONOUNS[art[j].norm]] -= 1
        edits.append(Edit("person", off[i].norm, art[j].norm))
    return edits


def _noun_edits(off: Sequence[Token], art: Sequence[Token], link: Counterparts) -> list[Edit]:
    from auditor.wordnet import opposite_people

    mine, theirs = {t.norm for t in off}, {t.norm for t in art}
    edits = []
    used: set[int] = set()
    for i in sorted(link.off_changed):
        if not is_content(off[i]) or off[i].norm in theirs:
            continue
        region = link.off_region.get(i)
        for j in sorted(link.art_changed):
            if j in used or link.art_region.get(j) != region or art[j].norm in mine:
                continue
            if opposite_people(off[i].norm, art[j].norm):
                used.add(j)
                edits.append(Edit("person", off[i].norm, art[j].norm))
                break
    return edits


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    return _pronoun_edits(off, art, link) + _noun_edits(off, art, link)
