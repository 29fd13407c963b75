"""Modality edits: a claim's modal force changed — by its class on a scale, not by its word
(pure).

Each modal verb or expression has a force ("must", "may", …) and each force a class
(modal_classes.tsv): necessity (must, have to), need (need to), advice (should), possibility
(may, might, could, "it is possible that", perhaps), ability (can, be able to) and prediction
(will, would, shall, going to). A modal replaced by another of the same class says the same
("might" → "may"); one of another class changes the claim ("must" → "should", "will" → "may")
— except the pairs of classes a translation swaps (modal_blurred.tsv): "need to" beside "must"
and beside "should", ability beside possibility or prediction ("so that it will follow" / "so
that it can follow"). A modal left out or added changes
the claim when it is a necessity ("we must support" → "we support"); a prediction, an ability,
an advice or a hedge ("should be", "most likely", "may") is as often tense, voice and register
in translation ("it will fly over" → "it flies over", "the largest should be the Big Bang" →
"the largest is the Big Bang") and is not charged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.lexicon import (
    DETERMINERS,
    MODAL_BLURRED,
    MODAL_CHARGED_ALONE,
    MODAL_CLASSES,
    MODAL_EXPRESSIONS,
    MODAL_FORCE,
    MODAL_PHRASES,
    WILL_NOUN_MODIFIERS,
)
from auditor.records import ABSENT
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import Counterparts, Edit, Token, difference, pair

if TYPE_CHECKING:
    from auditor.stages.speech import Speech

#: words after which "will" is a noun ("their will", "political will")
_NOUN_WILL_AFTER = DETERMINERS | WILL_NOUN_MODIFIERS
_PHRASES = {**MODAL_PHRASES, **MODAL_EXPRESSIONS}
_LONGEST = max(len(p.split()) for p in _PHRASES)


def _class(force: str) -> str:
    return MODAL_CLASSES.get(force, force)


def modals(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    """(position, class, surface) of every modal verb or expression."""
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        prev = tokens[i - 1].norm if i else ""
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        for n in range(_LONGEST, 1, -1):
            phrase = " ".join(x.norm for x in tokens[i : i + n])
            if phrase in _PHRASES:
                out.append((i, _class(_PHRASES[phrase]), phrase))
                i += n
                break
        else:
            if t.norm.endswith("'ll"):
                out.append((i, _class("will"), t.text.lower()))
            elif t.norm in MODAL_FORCE:
                month = t.norm == "may" and t.text[0].isupper() and not t.initial
                noun = t.norm == "will" and (prev in _NOUN_WILL_AFTER or nxt == "of")
                if not (month or noun):
                    out.append((i, _class(MODAL_FORCE[t.norm]), t.text.lower()))
            elif t.norm in _PHRASES:
                out.append((i, _class(_PHRASES[t.norm]), t.text.lower()))
            i += 1
    return out


def _said_otherwise(modal: str, tokens: Sequence[Token]) -> bool:
    """The other side says the same modal word in another construction: "where it needs to go"
    / "where it is needed"."""
    from auditor.wordnet import same_lemma

    head = modal.split()[0]
    return any(t.is_word and (t.norm == head or same_lemma(t.norm, head)) for t in tokens)


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    mine, theirs = modals(off), modals(art)
    kind = {s: k for _, k, s in (*mine, *theirs)}
    removed, added = difference(mine, theirs, link)
    edits = []
    for a, b in pair(removed, added, link.off_to_art):
        if ABSENT in (a, b):
            alone = b if a == ABSENT else a
            other_side = off if a == ABSENT else art
            charged = kind[alone] in MODAL_CHARGED_ALONE and not _said_otherwise(alone, other_side)
        else:
            charged = kind[a] != kind[b] and frozenset([kind[a], kind[b]]) not in MODAL_BLURRED
        if charged:
            edits.append(Edit("modality", a, b))
    return edits
