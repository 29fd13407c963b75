"""Wording groups (pure): one official wording × one distinct article wording of it, followed
across articles and outlets (`quotes.csv`).

An article contributes each of its compared segments whose pairing with the official wording is
sure — alignment `exact` or `strong`, category `verbatim`, `paraphrase` or `drift`, in an
article that reports the official document, and in the outlet's own English (a fragment's
wording is the auditor's translation, not the outlet's). Two contributions fall in the same
group when they have the same

- official document and official wording (the sentence, run of sentences or quoted span),
- kind (a quotation, or the reporter's own sentence),
- normalised wording (`normalise`: Unicode compatibility forms folded, case folded, every run of
  punctuation, symbols and spaces one space — so "We do not see China as an enemy." and
  "we do NOT see China as an enemy" are one wording, "see" and "regard" are not),
- critical edits and notable changes, and category.

So near-identical wordings group only when the audit found exactly the same about them: a
difference of case that changes what the audit says (a name read as another referent) keeps
them apart. The group's `wording` is the exact text of its earliest article.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from auditor.records import AlignmentStrength, ArticleResult, Category, Status

#: what a contribution needs: a pairing sure enough to carry a charge, and a scored verdict
SURE = frozenset({AlignmentStrength.EXACT, AlignmentStrength.STRONG})
COMPARED = frozenset({Category.VERBATIM, Category.PARAPHRASE, Category.DRIFT})
#: where an article's time comes from
PUBLISHED = "published"
FIRST_SEEN = "first seen by auditor"

_NOT_WORDING = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line, single spaces: how a wording is shown (as `auditor.stages.score.clean`)."""
    return _SPACE.sub(" ", text).strip()


def normalise(text: str) -> str:
    """The wording with compatibility forms, case, punctuation, symbols and spacing aside."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_WORDING.sub(" ", folded).strip()


@dataclass(frozen=True)
class Contribution:
    """One article's wording of one official wording: what it adds to its group."""

    key: str  #: the group's key (`group_key`)
    official_id: str
    official_line: int | None
    official_text: str
    kind: str
    category: str
    normalised: str
    critical_edits: tuple[str, ...]
    notable_changes: tuple[str, ...]
    wording: str  #: the article's exact words (first segment carrying them)
    segments: int = 1  #: segments of the article with this wording


def group_key(
    official_id: str,
    official_text: str,
    kind: str,
    category: str,
    normalised: str,
    critical_edits: Sequence[str],
    notable_changes: Sequence[str],
) -> str:
    """A short stable key of what makes a group (see the module's docstring)."""
    parts = [
        official_id,
        clean(official_text),
        kind,
        category,
        normalised,
        sorted(critical_edits),
        sorted(notable_changes),
    ]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:24]


def contributions(result: ArticleResult) -> tuple[Contribution, ...]:
    """The wordings one article contributes, one per group, in reading order."""
    if result.status is not Status.OK:
        return ()
    found: dict[str, Contribution] = {}
    for row in result.segments:
        if (
            row.alignment not in SURE
            or row.category not in COMPARED
            or row.segment.is_fragment
            or row.translation is not None
            or not row.official_text
        ):
            continue
        wording = clean(row.compared_text or row.segment.text)
        normalised = normalise(wording)
        if not normalised:
            continue
        kind, category = row.segment.kind.value, row.category.value
        critical, notable = row.critical_edits, row.notable_changes
        key = group_key(
            row.official_id, row.official_text, kind, category, normalised, critical, notable
        )
        if key in found:
            found[key] = replace(found[key], segments=found[key].segments + 1)
            continue
        found[key] = Contribution(
            key=key,
            official_id=row.official_id,
            official_line=row.official_line,
            official_text=clean(row.official_text),
            kind=kind,
            category=category,
            normalised=normalised,
            critical_edits=tuple(critical),
            notable_changes=tuple(notable),
            wording=wording,
        )
    return tuple(found.values())


@dataclass(frozen=True)
class ArticleWordings:
    """An article's contributions with where and when it appeared."""

    article_id: str
    outlet: str
    seen: str  #: ISO 8601: a date, or a UTC time
    seen_from: str  #: `PUBLISHED` or `FIRST_SEEN`
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True)
class WordingGroup:
    """One row of quotes.csv."""

    key: str
    official_id: str
    official_line: int | None
    official_text: str
    kind: str
    category: str
    wording: str  #: the exact words of the earliest article carrying it
    critical_edits: tuple[str, ...]
    notable_changes: tuple[str, ...]
    articles: int
    outlets: int
    spellings: int  #: distinct exact wordings grouped (case, punctuation, spacing)
    first_seen: str
    first_seen_from: str
    first_article: str
    first_outlet: str
    last_seen: str
    outlet_names: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()
    #: wording groups of the same official wording (this one included)
    wordings_of_official: int = 1

    @property
    def shared(self) -> bool:
        """Carried by articles of more than one outlet."""
        return self.outlets > 1


def seen_order(item: ArticleWordings) -> tuple[str, str]:
    """Earliest first; the same time: by article name (so the order never depends on runs)."""
    return (item.seen, item.article_id)


def build_groups(articles: Iterable[ArticleWordings]) -> list[WordingGroup]:
    """Every wording group of `articles`, from scratch (the state keeps them incrementally,
    `auditor.store.wordings`; this is the rebuild that it must equal)."""
    members: dict[str, list[tuple[ArticleWordings, Contribution]]] = {}
    for item in sorted(articles, key=seen_order):
        for c in item.contributions:
            members.setdefault(c.key, []).append((item, c))
    per_official = count_by_official(
        (carried[0][1].official_id, carried[0][1].official_text) for carried in members.values()
    )
    groups = []
    for key, carried in members.items():
        first, c = carried[0]
        last = carried[-1][0]
        outlets = sorted({a.outlet for a, _ in carried})
        groups.append(
            WordingGroup(
                key=key,
                official_id=c.official_id,
                official_line=c.official_line,
                official_text=c.official_text,
                kind=c.kind,
                category=c.category,
                wording=c.wording,
                critical_edits=c.critical_edits,
                notable_changes=c.notable_changes,
                articles=len(carried),
                outlets=len(outlets),
                spellings=len({x.wording for _, x in carried}),
                first_seen=first.seen,
                first_seen_from=first.seen_from,
                first_article=first.article_id,
                first_outlet=first.outlet,
                last_seen=last.seen,
                outlet_names=tuple(outlets),
                article_ids=tuple(a.article_id for a, _ in carried),
                wordings_of_official=per_official[(c.official_id, c.official_text)],
            )
        )
    return in_report_order(groups)


def in_report_order(groups: Iterable[WordingGroup]) -> list[WordingGroup]:
    """By official document and line, each official wording's most carried wording first."""
    return sorted(
        groups,
        key=lambda g: (
            g.official_id,
            g.official_line or 0,
            g.official_text,
            -g.articles,
            g.first_seen,
            g.key,
        ),
    )


def count_by_official(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """(official document, official wording) of each group → its number of groups."""
    count: dict[tuple[str, str], int] = {}
    for pair in pairs:
        count[pair] = count.get(pair, 0) + 1
    return count
