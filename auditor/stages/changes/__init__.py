"""What changed (pure): word-level substitutions, critical edits and notable changes between an
official wording and the article's wording aligned to it.

Each change type is one module with a `find(official, article, counterparts, settings)`
function that compares what both sides *say* — how many negations, which numbers (by value, so
"four" = "4"), which names, which modal forces — and uses the word-level edit script
(`tokens.Counterparts`) only to name the word on the other side (`must → should`), and a
`LEVELS` mapping of the types it reports to their level: a critical edit (a change of what was
said: a charge) or a notable change (what a reviewer should see, but no charge). Adding a type
is one module and one line in `MODULES`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from types import ModuleType

from auditor.records import ABSENT, Change, Level
from auditor.settings import ChangeSettings
from auditor.stages.changes import (
    antonym,
    entity,
    modality,
    negation,
    number,
    person,
    qualifier,
    wording,
)
from auditor.stages.changes.tokens import Counterparts, Edit, substitutions, tokenize

__all__ = [
    "ABSENT",
    "CHANGE_LEVELS",
    "Edit",
    "critical_edits",
    "find_changes",
    "substitutions",
    "tokenize",
]

#: every change type's module, in the order its changes are listed
MODULES: tuple[ModuleType, ...] = (
    negation,
    number,
    entity,
    modality,
    antonym,
    person,
    qualifier,
    wording,
)
#: change type → its level
CHANGE_LEVELS: dict[str, Level] = {t: lv for m in MODULES for t, lv in m.LEVELS.items()}


def find_changes(
    official: str, article: str, settings: ChangeSettings | None = None
) -> list[Change]:
    """Every critical edit and notable change between an official text and the article's
    aligned wording, each with its level. A notable change on the same words as a critical
    edit is left out (an antonym is not also a swapped qualifier)."""
    settings = settings or ChangeSettings()
    off, art = tokenize(official), tokenize(article)
    link = Counterparts(off, art, settings)
    found: list[Change] = []
    for module in MODULES:
        found.extend(
            replace(c, level=CHANGE_LEVELS[c.type]) for c in module.find(off, art, link, settings)
        )
    charged = {_words(c) for c in found if c.level is Level.CRITICAL}
    return _unique(c for c in found if c.level is Level.CRITICAL or _words(c) not in charged)


def _words(change: Change) -> tuple[str, str]:
    return change.official.lower(), change.article.lower()


def critical_edits(
    official: str, article: str, settings: ChangeSettings | None = None
) -> list[Change]:
    """The critical edits only: the changes of what was said."""
    return [c for c in find_changes(official, article, settings) if c.level is Level.CRITICAL]


def _unique(changes: Iterable[Change]) -> list[Change]:
    return list(dict.fromkeys(changes))
