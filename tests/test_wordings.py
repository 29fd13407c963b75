"""Wording groups: the normalisation that decides "near-identical", and the incremental store
that must always equal a rebuild from scratch."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from auditor.stages.wordings import (
    FIRST_SEEN,
    PUBLISHED,
    ArticleWordings,
    Contribution,
    build_groups,
    group_key,
    normalise,
)
from auditor.store.state import State
from auditor.store.wordings import WordingStore


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("We do not see China as an enemy.", "we do NOT see China as an enemy", True),
        ("We do not see China as an enemy.", "We  do not see China, as an enemy!", True),
        ("“We do not see China as an enemy”", '"We do not see China as an enemy"', True),
        ("ﬁnal decision", "final decision", True),  # a compatibility ligature
        ("We do not see China as an enemy.", "We do not regard China as an enemy.", False),
        ("We do not see China as an enemy.", "We do see China as an enemy.", False),
        ("5,000 troops", "5000 troops", False),  # a number's form is the auditor's to judge
    ],
)
def test_near_identical_is_case_punctuation_and_spacing_only(
    one: str, other: str, same: bool
) -> None:
    assert (normalise(one) == normalise(other)) is same


def test_the_same_words_with_other_edits_are_another_group() -> None:
    args = ("statement.txt", "We will never accept it.", "quote", "drift", "we will accept it")
    assert group_key(*args, ["negation: never → ∅"], []) != group_key(*args, [], [])
    assert group_key(*args, ["a", "b"], []) == group_key(*args, ["b", "a"], [])


OFFICIALS = [f"Official sentence number {i}." for i in range(6)]
WORDINGS = ["first wording", "First wording!", "second wording", "third wording"]


def _contribution(official: int, wording: str) -> Contribution:
    normalised = normalise(wording)
    text = OFFICIALS[official]
    return Contribution(
        key=group_key("o.txt", text, "quote", "drift", normalised, [], []),
        official_id="o.txt",
        official_line=official + 1,
        official_text=text,
        kind="quote",
        category="drift",
        normalised=normalised,
        critical_edits=(),
        notable_changes=(),
        wording=wording,
    )


def _article(rng: random.Random, number: int) -> ArticleWordings:
    found: dict[str, Contribution] = {}
    for _ in range(rng.randint(0, 4)):
        c = _contribution(rng.randrange(len(OFFICIALS)), rng.choice(WORDINGS))
        found.setdefault(c.key, c)
    dated = rng.random() < 0.5
    return ArticleWordings(
        f"a{number:03}.txt",
        rng.choice(["Alpha", "Beta", "Gamma", "Delta"]),
        f"2022-11-{rng.randint(10, 30)}" if dated else f"2026-01-0{rng.randint(1, 9)}T10:00:00Z",
        PUBLISHED if dated else FIRST_SEEN,
        tuple(found.values()),
    )


@pytest.mark.parametrize("seed", range(5))
def test_incremental_updates_equal_a_rebuild_from_scratch(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    state = State(tmp_path / "state.sqlite")
    store = WordingStore(state)
    corpus: dict[str, ArticleWordings] = {}
    for step in range(12):
        new = [_article(rng, rng.randrange(30)) for _ in range(rng.randint(1, 5))]
        gone = rng.sample(sorted(corpus), k=min(len(corpus), rng.randint(0, 2)))
        new = [a for a in new if a.article_id not in gone]
        store.replace([(a, f"step {step}") for a in new])
        store.remove(gone)
        corpus.update({a.article_id: a for a in new})
        for article_id in gone:
            del corpus[article_id]
        assert store.groups() == build_groups(corpus.values())
        _assert_counts_kept(state)
    state.close()


def _assert_counts_kept(state: State) -> None:
    """The stored counts are those of the member rows: no group without a member, each
    group's article, outlet and wording counts, each tally."""
    db = state.db
    members = db.execute("SELECT group_key, outlet, wording FROM wording_members").fetchall()
    articles: Counter[str] = Counter(key for key, _, _ in members)
    tallies = Counter((k, "outlet", o) for k, o, _ in members) + Counter(
        (k, "spelling", w) for k, _, w in members
    )
    stored = {k: (a, o, s) for k, a, o, s in db.execute(
        "SELECT group_key, articles, outlets, spellings FROM wording_groups")}  # fmt: skip
    assert stored == {
        key: (
            n,
            len({o for k, o, _ in members if k == key}),
            len({w for k, _, w in members if k == key}),
        )
        for key, n in articles.items()
    }
    kept = {(k, what, v): n for k, what, v, n in db.execute("SELECT * FROM wording_tallies")}
    assert kept == dict(tallies)


def test_an_article_touches_only_its_own_groups(tmp_path: Path) -> None:
    state = State(tmp_path / "state.sqlite")
    store = WordingStore(state)
    a = ArticleWordings("a.txt", "Alpha", "2022-11-30", PUBLISHED, (_contribution(0, "x y"),))
    b = ArticleWordings("b.txt", "Beta", "2022-12-01", PUBLISHED, (_contribution(1, "z"),))
    store.replace([(a, "1"), (b, "1")])
    c = ArticleWordings("c.txt", "Gamma", "2022-12-02", PUBLISHED, (_contribution(1, "Z!"),))
    update = store.replace([(c, "1")])
    assert update.groups == {c.contributions[0].key} and update.members == 1
    groups = {g.key: g for g in store.groups()}
    shared = groups[c.contributions[0].key]
    assert (shared.articles, shared.outlets, shared.spellings, shared.shared) == (2, 2, 2, True)
    assert shared.wording == "z"  # the earliest article's exact words
    assert store.remove(["a.txt"]).groups == {a.contributions[0].key}
    assert a.contributions[0].key not in {g.key for g in store.groups()}
    state.close()
