"""What changed (pure): word-level substitutions, critical edits and notable changes between an
official wording and the article's wording aligned to it.

Each change type is one module with a `find(official, article, counterparts, settings)`
function that compares what both sides *say* — how many negations, which numbers (by value, so
"four" = "4"), which names, which modal forces, which qualifiers — and uses the word-level edit
script (`tokens.Counterparts`) only to name the word on the other side (`must → should`). Its
line in `CHANGE_TYPES` says whether it is a critical edit (a change of what was said) or a
notable change (what a reviewer should see, but no charge). Adding a type is one module and
one line there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from auditor.records import ABSENT, Change, Level
from auditor.settings import ChangeSettings
from auditor.stages.changes import entity, modality, negation, number, qualifier
from auditor.stages.changes.tokens import Counterparts, Edit, Finder, substitutions, tokenize

__all__ = [
    "ABSENT",
    "CHANGE_TYPES",
    "Edit",
    "critical_edits",
    "find_changes",
    "substitutions",
    "tokenize",
]

#: every change type, in the order its changes are listed, with its level
CHANGE_TYPES: dict[str, tuple[Finder, Level]] = {
    "negation": (negation.find, Level.CRITICAL),
    "number": (number.find, Level.CRITICAL),
    "entity": (entity.find, Level.CRITICAL),
    "modality": (modality.find, Level.CRITICAL),
    "qualifier": (qualifier.find, Level.NOTABLE),
}


def find_changes(
    official: str, article: str, settings: ChangeSettings | None = None
) -> list[Change]:
    """Every critical edit and notable change between an official text and the article's
    aligned wording, each with its level."""
    settings = settings or ChangeSettings()
    off, art = tokenize(official), tokenize(article)
    link = Counterparts(off, art, settings)
    found: list[Change] = []
    for find, level in CHANGE_TYPES.values():
        found.extend(replace(c, level=level) for c in find(off, art, link, settings))
    return _unique(found)


def critical_edits(
    official: str, article: str, settings: ChangeSettings | None = None
) -> list[Change]:
    """The critical edits only: the changes of what was said."""
    return [c for c in find_changes(official, article, settings) if c.level is Level.CRITICAL]


def _unique(changes: Iterable[Change]) -> list[Change]:
    return list(dict.fromkeys(changes))
