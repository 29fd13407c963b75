"""What changed (pure): word-level substitutions and critical edits between an official
wording and the article's wording aligned to it.

Each edit type is one module with a `find(official, article, counterparts, settings)` function
that compares what both sides *say* — how many negations, which numbers (by value, so "four" =
"4"), which names, which modal forces, which qualifiers — and uses the word-level edit script
(`tokens.Counterparts`) only to name the word on the other side (`must → should`). Adding a type
is one module and one line in `EDIT_TYPES`.
"""

from __future__ import annotations

from collections.abc import Iterable

from auditor.settings import ChangeSettings
from auditor.stages.changes import entity, modality, negation, number, qualifier
from auditor.stages.changes.tokens import (
    ABSENT,
    Counterparts,
    Edit,
    Finder,
    substitutions,
    tokenize,
)

__all__ = ["ABSENT", "EDIT_TYPES", "Edit", "critical_edits", "substitutions", "tokenize"]

#: every edit type, in the order its edits are listed
EDIT_TYPES: dict[str, Finder] = {
    "negation": negation.find,
    "number": number.find,
    "entity": entity.find,
    "modality": modality.find,
    "qualifier": qualifier.find,
}


def critical_edits(
    official: str, article: str, settings: ChangeSettings | None = None
) -> list[Edit]:
    """Every critical edit between an official text and the article's aligned wording."""
    settings = settings or ChangeSettings()
    off, art = tokenize(official), tokenize(article)
    link = Counterparts(off, art, settings)
    edits: list[Edit] = []
    for find in EDIT_TYPES.values():
        edits.extend(find(off, art, link, settings))
    return _unique(edits)


def _unique(edits: Iterable[Edit]) -> list[Edit]:
    return list(dict.fromkeys(edits))
