"""Wording groups in the state (edge): kept incrementally, so a run costs in proportion to the
segments of the articles it audited, not to the corpus.

Each article's contribution is one member row per group it carries (`wording_members`, keyed by
group and article), so it can be removed or replaced alone. A group's counts — articles,
outlets, distinct exact wordings — change by deltas: `wording_tallies` counts the articles of
each outlet and of each exact wording in a group, and a group's `outlets` or `spellings` moves
only when a tally appears or reaches zero. `wording_articles` holds what each article's
contribution was computed from (its result's key, outlet and time), so an unchanged article is
not touched. The report reads everything once (`groups`), in one ordered pass.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditor.stages.wordings import (
    ArticleWordings,
    Contribution,
    WordingGroup,
    count_by_official,
    in_report_order,
)
from auditor.store.state import DamagedState, State, _transaction

_OUTLET, _SPELLING = "outlet", "spelling"
#: the types of the columns of `wording_members` as `groups` reads them, and of `wording_groups`
_MEMBER_TYPES: tuple[type | tuple[type, ...], ...] = (str,) * 6
_GROUP_TYPES: tuple[type | tuple[type, ...], ...] = (
    str,
    str,
    (int, type(None)),
    str,
    str,
    str,
    str,
    str,
    int,
    int,
    int,
)
_COUNTER = {_OUTLET: "outlets", _SPELLING: "spellings"}


#: SQLite's limit on bound parameters is 999 in older builds
_MARKS = 500


@dataclass
class _Deltas:
    """What a batch of articles leaving and joining groups changes: each group's article count,
    and each (group, outlet or wording) tally."""

    articles: dict[str, int] = field(default_factory=dict)
    tallies: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def add(self, key: str, outlet: str, wording: str, n: int) -> None:
        self.articles[key] = self.articles.get(key, 0) + n
        for what, value in ((_OUTLET, outlet), (_SPELLING, wording)):
            self.tallies[(key, what, value)] = self.tallies.get((key, what, value), 0) + n


def _group_row(c: Contribution) -> tuple[Any, ...]:
    """A group's row as its first member makes it (counts at zero: the deltas move them)."""
    return (
        c.key,
        c.official_id,
        c.official_line,
        c.official_text,
        c.kind,
        c.category,
        json.dumps(c.critical_edits, ensure_ascii=False),
        json.dumps(c.notable_changes, ensure_ascii=False),
    )


@dataclass
class Update:
    """What one update changed: the groups touched and the rows written."""

    articles: int = 0
    groups: set[str] = field(default_factory=set)
    members: int = 0


class WordingStore:
    """The wording groups of one state."""

    def __init__(self, state: State) -> None:
        self.db: sqlite3.Connection = state.db

    def signatures(self) -> dict[str, str]:
        """Article id → what its stored contribution was computed from."""
        return dict(self.db.execute("SELECT article_id, signature FROM wording_articles"))

    def replace(self, items: Sequence[tuple[ArticleWordings, str]]) -> Update:
        """Replace each article's contribution by `items`' (with its signature), in one
        transaction (an article given twice: its last contribution stands)."""
        update = Update(articles=len(items))
        last = {item.article_id: (item, signature) for item, signature in items}
        with _transaction(self.db):
            deltas = self._removed(list(last), update)
            groups, members = [], []
            for item, _ in items:
                update.groups.update(c.key for c in item.contributions)
                update.members += len(item.contributions)
            for item, _ in last.values():
                for c in item.contributions:
                    groups.append(_group_row(c))
                    members.append(
                        (c.key, item.article_id, item.outlet, item.seen, item.seen_from,
                         c.wording, c.segments)
                    )  # fmt: skip
                    deltas.add(c.key, item.outlet, c.wording, +1)
            self.db.executemany(
                "INSERT OR IGNORE INTO wording_groups VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)",
                groups,
            )
            self.db.executemany("INSERT INTO wording_members VALUES (?, ?, ?, ?, ?, ?, ?)", members)
            self._apply(deltas)
            self.db.executemany(
                "INSERT OR REPLACE INTO wording_articles VALUES (?, ?)",
                [(article_id, signature) for article_id, (_, signature) in last.items()],
            )
        return update

    def remove(self, article_ids: Iterable[str]) -> Update:
        """Articles gone from the corpus leave their groups (a group no article carries goes)."""
        ids = list(dict.fromkeys(article_ids))
        update = Update(articles=len(ids))
        with _transaction(self.db):
            self._apply(self._removed(ids, update))
            self.db.executemany(
                "DELETE FROM wording_articles WHERE article_id = ?", [(i,) for i in ids]
            )
        return update

    def _removed(self, article_ids: Sequence[str], update: Update) -> _Deltas:
        """The members of these articles deleted; what their leaving changes, to apply."""
        deltas = _Deltas()
        for start in range(0, len(article_ids), _MARKS):
            chunk = article_ids[start : start + _MARKS]
            marks = ",".join("?" * len(chunk))
            for key, outlet, wording in self.db.execute(
                f"SELECT group_key, outlet, wording FROM wording_members "
                f"WHERE article_id IN ({marks})",
                chunk,
            ):
                update.groups.add(key)
                deltas.add(key, outlet, wording, -1)
        self.db.executemany(
            "DELETE FROM wording_members WHERE article_id = ?", [(i,) for i in article_ids]
        )
        return deltas

    def _apply(self, deltas: _Deltas) -> None:
        """Every group's article count and tallies moved by `deltas` at once; a group's count
        of distinct outlets or wordings moves where a tally appears or reaches zero, and a
        group no article carries goes."""
        moved = [(key, what, value, n) for (key, what, value), n in deltas.tallies.items() if n]
        before: dict[tuple[str, str, str], int] = {}
        keys = sorted({key for key, _, _, _ in moved})
        for start in range(0, len(keys), _MARKS):
            chunk = keys[start : start + _MARKS]
            marks = ",".join("?" * len(chunk))
            for key, what, value, articles in self.db.execute(
                f"SELECT group_key, what, value, articles FROM wording_tallies "
                f"WHERE group_key IN ({marks})",
                chunk,
            ):
                before[(key, what, value)] = articles
        gone, changed, new = [], [], []
        steps: dict[tuple[str, str], int] = {}
        for key, what, value, n in moved:
            was = before.get((key, what, value), 0)
            after = was + n
            if after <= 0:
                gone.append((key, what, value))
            elif was:
                changed.append((after, key, what, value))
            else:
                new.append((key, what, value, after))
            if (was > 0) != (after > 0):
                counter = (_COUNTER[what], key)
                steps[counter] = steps.get(counter, 0) + (1 if after > 0 else -1)
        self.db.executemany(
            "DELETE FROM wording_tallies WHERE group_key = ? AND what = ? AND value = ?", gone
        )
        self.db.executemany(
            "UPDATE wording_tallies SET articles = ? WHERE group_key = ? AND what = ? "
            "AND value = ?",
            changed,
        )
        self.db.executemany("INSERT INTO wording_tallies VALUES (?, ?, ?, ?)", new)
        for column in _COUNTER.values():
            self.db.executemany(
                f"UPDATE wording_groups SET {column} = {column} + ? WHERE group_key = ?",
                [(step, key) for (name, key), step in steps.items() if name == column and step],
            )
        counts = [(n, key) for key, n in deltas.articles.items() if n]
        self.db.executemany(
            "UPDATE wording_groups SET articles = articles + ? WHERE group_key = ?", counts
        )
        self.db.executemany(
            "DELETE FROM wording_groups WHERE group_key = ? AND articles <= 0",
            [(key,) for key, n in deltas.articles.items() if n < 0],
        )

    def signatures_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """`signatures` of these articles only."""
        found: dict[str, str] = {}
        for start in range(0, len(article_ids), _MARKS):
            chunk = article_ids[start : start + _MARKS]
            marks = ",".join("?" * len(chunk))
            found.update(
                self.db.execute(
                    f"SELECT article_id, signature FROM wording_articles "
                    f"WHERE article_id IN ({marks})",
                    chunk,
                )
            )
        return found

    def groups(self) -> list[WordingGroup]:
        """Every group, with its articles in the order they were seen, in report order (in
        memory: `StoredWordings` reads them a batch at a time)."""
        members: dict[str, list[tuple[str, str, str, str, str]]] = {}
        for key, article_id, outlet, seen, seen_from, wording in self.db.execute(
            "SELECT group_key, article_id, outlet, seen, seen_from, wording FROM wording_members"
        ):
            _check((key, article_id, outlet, seen, seen_from, wording), _MEMBER_TYPES)
            members.setdefault(key, []).append((seen, article_id, outlet, seen_from, wording))
        rows = self.db.execute("SELECT * FROM wording_groups").fetchall()
        for row in rows:
            _check(row, _GROUP_TYPES)
        per_official = count_by_official((r[1], r[3]) for r in rows if r[0] in members)
        found = []
        for row in rows:
            (key, official_id, line, official_text, kind, category, critical, notable) = row[:8]
            articles, outlets, spellings = row[8:]
            carried = sorted(members.get(key, ()))
            if not carried:
                continue
            first, last = carried[0], carried[-1]
            found.append(
                WordingGroup(
                    key=key,
                    official_id=official_id,
                    official_line=line,
                    official_text=official_text,
                    kind=kind,
                    category=category,
                    wording=first[4],
                    critical_edits=_names(critical),
                    notable_changes=_names(notable),
                    articles=articles,
                    outlets=outlets,
                    spellings=spellings,
                    first_seen=first[0],
                    first_seen_from=first[3],
                    first_article=first[1],
                    first_outlet=first[2],
                    last_seen=last[0],
                    outlet_names=tuple(sorted({m[2] for m in carried})),
                    article_ids=tuple(m[1] for m in carried),
                    wordings_of_official=per_official[(official_id, official_text)],
                )
            )
        return in_report_order(found)


class StoredWordings:
    """The groups of `WordingStore.groups`, in the same order, read a batch at a time: the
    order is decided on a few fields per group (a group's official wording shared with the
    other groups of that wording), then each batch's members are read by the groups' key."""

    def __init__(self, state: State, batch: int = 500) -> None:
        self.db: sqlite3.Connection = state.db
        self.batch = batch
        self._heads: list[tuple[Any, ...]] | None = None

    def heads(self) -> list[tuple[Any, ...]]:
        """(the report order's key, the group's row) of each group that has an article."""
        if self._heads is None:
            texts: dict[str, str] = {}  # one string per official wording, not per group
            heads = []
            for row in self.db.execute(
                "SELECT g.*, (SELECT MIN(seen) FROM wording_members m "
                "WHERE m.group_key = g.group_key) FROM wording_groups g"
            ):
                if row[-1] is None:
                    continue
                _check(row[:-1], _GROUP_TYPES)
                official_id = texts.setdefault(row[1], row[1])
                official_text = texts.setdefault(row[3], row[3])
                order = (official_id, row[2] or 0, official_text, -row[8], row[-1], row[0])
                heads.append(order)
            heads.sort()
            self._heads = heads
        return self._heads

    def __len__(self) -> int:
        return len(self.heads())

    def __iter__(self) -> Iterator[WordingGroup]:
        heads = self.heads()
        per_official = count_by_official((h[0], h[2]) for h in heads)
        for start in range(0, len(heads), self.batch):
            keys = [h[5] for h in heads[start : start + self.batch]]
            marks = ",".join("?" * len(keys))
            rows = {
                row[0]: row
                for row in self.db.execute(
                    f"SELECT * FROM wording_groups WHERE group_key IN ({marks})", keys
                )
            }
            members: dict[str, list[tuple[str, str, str, str, str]]] = {}
            for key, article_id, outlet, seen, seen_from, wording in self.db.execute(
                "SELECT group_key, article_id, outlet, seen, seen_from, wording FROM "
                f"wording_members WHERE group_key IN ({marks})",
                keys,
            ):
                _check((key, article_id, outlet, seen, seen_from, wording), _MEMBER_TYPES)
                members.setdefault(key, []).append((seen, article_id, outlet, seen_from, wording))
            for key in keys:
                row = rows[key]
                yield _group(row, sorted(members[key]), per_official[(row[1], row[3])])


def _group(
    row: Sequence[Any], carried: list[tuple[str, str, str, str, str]], of_official: int
) -> WordingGroup:
    """A group from its row and its members (in the order they were seen)."""
    (key, official_id, line, official_text, kind, category, critical, notable) = row[:8]
    articles, outlets, spellings = row[8:11]
    first, last = carried[0], carried[-1]
    return WordingGroup(
        key=key,
        official_id=official_id,
        official_line=line,
        official_text=official_text,
        kind=kind,
        category=category,
        wording=first[4],
        critical_edits=_names(critical),
        notable_changes=_names(notable),
        articles=articles,
        outlets=outlets,
        spellings=spellings,
        first_seen=first[0],
        first_seen_from=first[3],
        first_article=first[1],
        first_outlet=first[2],
        last_seen=last[0],
        outlet_names=tuple(sorted({m[2] for m in carried})),
        article_ids=tuple(m[1] for m in carried),
        wordings_of_official=of_official,
    )


def _check(row: Sequence[object], types: Sequence[type | tuple[type, ...]]) -> None:
    """A stored row as this auditor wrote it, else `DamagedState` (the state is rebuilt)."""
    if len(row) != len(types) or not all(
        isinstance(value, kind) and not isinstance(value, bool)
        for value, kind in zip(row, types, strict=False)
    ):
        raise DamagedState("the state's wording groups do not read back")


def _names(text: str) -> tuple[str, ...]:
    """A JSON list of edit names, as stored; `DamagedState` when it is not one."""
    try:
        names = json.loads(text)
    except ValueError as exc:
        raise DamagedState("the state's wording groups do not read back") from exc
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise DamagedState("the state's wording groups do not read back")
    return tuple(names)
