"""Modality edits: a modal's force changed ("must" → "should"; "must" = "have to") (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from auditor.lexicon import DETERMINERS, MODAL_FORCE, MODAL_PHRASES, WILL_NOUN_MODIFIERS
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import Counterparts, Edit, Token, difference, pair

#: words after which "will" is a noun ("their will", "political will")
_NOUN_WILL_AFTER = DETERMINERS | WILL_NOUN_MODIFIERS


def modals(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        pair_ = f"{t.norm} {tokens[i + 1].norm}" if i + 1 < len(tokens) else ""
        triple = f"{pair_} {tokens[i + 2].norm}" if i + 2 < len(tokens) else ""
        prev = tokens[i - 1].norm if i else ""
        if triple in MODAL_PHRASES:
            out.append((i, MODAL_PHRASES[triple], triple))
            i += 3
            continue
        if pair_ in MODAL_PHRASES:
            out.append((i, MODAL_PHRASES[pair_], pair_))
            i += 2
            continue
        if t.norm.endswith("'ll"):
            out.append((i, "will", t.text.lower()))
        elif t.norm in MODAL_FORCE:
            month = t.norm == "may" and t.text[0].isupper() and not t.initial
            noun = t.norm == "will" and (prev in _NOUN_WILL_AFTER or pair_.endswith(" of"))
            if not (month or noun):
                out.append((i, MODAL_FORCE[t.norm], t.text.lower()))
        i += 1
    return out


def find(
    off: Sequence[Token], art: Sequence[Token], link: Counterparts, settings: ChangeSettings
) -> list[Edit]:
    removed, added = difference(modals(off), modals(art), link)
    return [Edit("modality", a, b) for a, b in pair(removed, added, link.off_to_art)]
