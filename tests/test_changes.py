"""What changed: critical edits on minimal pairs, and word substitutions."""

from __future__ import annotations

from collections import Counter

import pytest

from auditor.stages.changes import critical_edits, find_changes, substitutions
from tests.data.critical_pairs import PAIRS, Pair
from tests.data.critical_pairs_heldout import HELDOUT

TYPES = ("negation", "number", "entity", "modality", "qualifier")
CHECKED = (*TYPES, "name", "spelling", "antonym", "person")


def _found(pair: Pair) -> set[tuple[str, str, str]]:
    return {
        (e.type, e.official, e.article)
        for e in find_changes(pair.official, pair.article)
        if e.type in CHECKED
    }


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.note[:60])
def test_minimal_pair(pair: Pair) -> None:
    assert _found(pair) == set(pair.expected)


def test_every_type_has_at_least_ten_minimal_pairs_and_paraphrases_exist() -> None:
    per_type = Counter(t for p in PAIRS for t in {e[0] for e in p.expected})
    assert all(per_type[t] >= 10 for t in TYPES), per_type
    assert sum(1 for p in PAIRS if not p.expected) >= 20


def _precision_recall(pairs: list) -> dict[str, tuple[float, float]]:  # type: ignore[type-arg]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for pair in pairs:
        got = Counter(e[0] for e in _found(pair))
        want = Counter(e[0] for e in pair.expected)
        for t in TYPES:
            tp[t] += min(got[t], want[t])
            fp[t] += max(0, got[t] - want[t])
            fn[t] += max(0, want[t] - got[t])
    return {t: (tp[t] / max(tp[t] + fp[t], 1), tp[t] / max(tp[t] + fn[t], 1)) for t in TYPES}


def test_held_out_pairs_written_without_seeing_the_detector() -> None:
    """A second set, written blind to the code: per type precision and recall stay high, and
    no meaning-preserving pair gets a critical edit (a false charge is worse than silence)."""
    scores = _precision_recall(HELDOUT)
    for t, (precision, recall) in scores.items():
        assert precision >= 0.9 and recall >= 0.9, (t, precision, recall)
    false_charges = [p.note for p in HELDOUT if not p.expected and _found(p)]
    assert false_charges == []


@pytest.mark.parametrize(
    ("official", "article", "expected"),
    [
        (
            "We do not see China as an adversary.",
            "We do not see China as an enemy.",
            ["adversary → enemy"],
        ),
        (
            "The war in Ukraine has demonstrated our dangerous dependency on Russian gas.",
            "The war in Ukraine showed our dependence on Russian gas.",
            ["has → showed", "demonstrated → ∅", "dangerous → ∅", "dependency → dependence"],
        ),
        ("Ministers agreed.", "Ministers agreed.", []),
        ("Ministers agreed.", "The ministers agreed!", ["∅ → The"]),
    ],
)
def test_substitutions(official: str, article: str, expected: list[str]) -> None:
    assert substitutions(official, article) == expected


def test_evidence_reads_type_official_article() -> None:
    (edit,) = critical_edits(
        "But we must not underestimate Russia.", "But we should not underestimate Russia."
    )
    assert str(edit) == "modality: must → should"
