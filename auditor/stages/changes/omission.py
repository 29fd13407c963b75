"""Omissions: official content words the article leaves out, with nothing in their place
("strengthen air defences and supply ammunition" → "strengthen air defences": `supply
ammunition → ∅`) (pure).

A notable change, never a charge: a reviewer sees what the outlet's wording no longer says. A word
counts when the edit script changed its place, no word of the article took it (its counterpart, if
any, is paired with another official word), the article has no form of it anywhere (a moved word,
or "end" against "ends", is not left out), and the place is not rewritten (every content word the
article has there replaced an official content word one for one: "have warned again and again" →
"keep cautioning" is a rewrite, not an omission). Only content words the other types do not name
count: a name left out is the `name` type's, a number the `number` type's, a qualifier, a modal, a
negation, a quantity, frequency or degree word theirs; a sentence connective ("however") says no
content. Words left out together — consecutive in the official wording, function words between them
allowed, not a name — are one omission, shown when it holds at least `changes.omission_min_words`
such words. On the reporter's own words it is no finding: a summary leaves words out
(`ReportedSpeech.NEVER`); in a quotation the quoted words are not what was said.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.lexicon import CONNECTIVES, DEGREE_WORDS, REPORTING_VERBS, SCOPE_WORDS
from auditor.records import ABSENT
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import Counterparts, Edit, Token, is_content
from auditor.stages.changes.wording import plain_content

if TYPE_CHECKING:
    from auditor.stages.speech import Speech


def _counted(token: Token) -> bool:
    """A content word no other type names when it is left out (the wording type's words but
    quantity, frequency and degree words and connectives)."""
    return (
        plain_content(token)
        and token.norm not in SCOPE_WORDS
        and token.norm not in DEGREE_WORDS
        and token.norm not in CONNECTIVES
    )


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    from auditor.wordnet import same_lemma

    keys = {t.norm[: settings.key_length] for t in art}
    # a place where the article has a content word that replaced no official content word
    # one for one is rewritten: its official words were replaced, not left out ("has
    # underlined" → "stressed" pairs "stressed" with "has")
    rewritten = {link.art_region[j] for j in link.art_changed if _unpaired(j, off, art, link)}
    left_out = [
        i
        for i in sorted(link.off_changed)
        if _counted(off[i])
        and link.off_region.get(i) not in rewritten
        and off[i].norm[: settings.key_length] not in keys
        and link.art_to_off.get(link.off_to_art.get(i, -1)) != i
        and not any(same_lemma(off[i].norm, t.norm) for t in art if t.is_word)
    ]
    edits = []
    run: list[int] = []
    for i in [*left_out, None]:
        if run and (i is None or not _together(run[-1], i, off, link)):
            if len(run) >= settings.omission_min_words:
                words = " ".join(t.text for t in off[run[0] : run[-1] + 1])
                edits.append(Edit("omission", words, ABSENT))
            run = []
        if i is not None:
            run.append(i)
    return edits


def _together(last: int, i: int, off: Sequence[Token], link: Counterparts) -> bool:
    """Official word `i` is left out with `last`: in the same changed place, nothing but
    function words between them (a name between two omitted words is the name type's)."""
    if link.off_region.get(last) != link.off_region.get(i):
        return False
    return all(off[k].is_word and not is_content(off[k]) for k in range(last + 1, i))


def _unpaired(j: int, off: Sequence[Token], art: Sequence[Token], link: Counterparts) -> bool:
    """Article word `j` is a content word (or a reporting verb: "confirmed" → "said") that
    replaced no official content word one for one."""
    if not (is_content(art[j]) or art[j].norm in REPORTING_VERBS):
        return False
    i = link.art_to_off.get(j)
    return i is None or link.off_to_art.get(i) != j or not is_content(off[i])
