"""Person edits: a personal pronoun replaced by one of another person ("we" → "they", "he" →
"she"): the quotation says someone else acts (pure). Pronouns left out or added are the
translation's rephrasing; "it" is never charged (personal_pronouns.tsv)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.lexicon import PERSONAL_PRONOUNS
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import Counterparts, Edit, Token

if TYPE_CHECKING:
    from auditor.stages.speech import Speech


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    edits = []
    for i, j in sorted(link.off_to_art.items()):
        mine, theirs = PERSONAL_PRONOUNS.get(off[i].norm), PERSONAL_PRONOUNS.get(art[j].norm)
        if mine and theirs and mine != theirs and link.art_to_off.get(j) == i:
            edits.append(Edit("person", off[i].norm, art[j].norm))
    return edits
