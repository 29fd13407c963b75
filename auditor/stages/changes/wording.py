"""Wording changes: a content word replaced one for one by another word ("adversary" →
"enemy", "dependencies" → "addictions") (pure).

A notable change, never a charge: the reviewer sees which word the outlet chose instead of the
official one, loaded or neutral. Another form of the same word ("dependency" → "dependence")
is no change, and a word another change type names (a number, a modal, a name, a qualifier,
an antonym, a quantity or frequency word replaced by another: the scope type's, which holds
"often" → "frequently" the same claim) is left to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.lexicon import MODAL_EXPRESSIONS, PERSONAL_PRONOUNS, QUALIFIERS, SCOPE_WORDS
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import Counterparts, Edit, Token, is_content

if TYPE_CHECKING:
    from auditor.stages.speech import Speech


def plain_content(token: Token) -> bool:
    """A content word that is no name, qualifier, modal or personal pronoun: one the types of
    those words do not name (this type's words, and the omission type's)."""
    return (
        is_content(token)
        and not (token.text[:1].isupper() and not token.initial)  # a name: entity's
        and token.norm not in QUALIFIERS
        and token.norm not in MODAL_EXPRESSIONS
        and token.norm not in PERSONAL_PRONOUNS
    )


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    from auditor.stages.changes.antonym import opposite
    from auditor.wordnet import same_lemma

    edits = []
    for i, j in sorted(link.off_to_art.items()):
        region = link.off_region.get(i)
        # any word the edit script pairs (a changed place of up to `max_replacement_words`):
        # on the MQM calibration halves, places of up to 2 words found 25 % of the TED talks'
        # Major accuracy errors, of up to 4 words 35 %, with no critical edit added
        if region is None or link.region_words[region] > settings.max_replacement_words:
            continue
        a, b = off[i], art[j]
        if not (plain_content(a) and plain_content(b)) or link.art_to_off.get(j) != i:
            continue
        if same_lemma(a.norm, b.norm) or opposite(a.norm, b.norm, settings.prefix_min_stem):
            continue
        if a.norm in SCOPE_WORDS and b.norm in SCOPE_WORDS:
            continue  # two quantity words: the scope type judged their extents
        if a.norm[: settings.key_length] == b.norm[: settings.key_length]:
            continue  # another form of one word ("economically" → "economic")
        edits.append(Edit("wording", a.norm, b.norm))
    return edits
