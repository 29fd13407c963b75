"""The news set's official wording in bench/mqm.py: when the human reference was never rated,
a segment is read against an MT output its raters found clean — the most rated one, then the
first by text — and a segment with none has no official (its pairs are left out)."""

from __future__ import annotations

from bench.mqm import _rated_officials, label


def _error(category: str, severity: str) -> dict[str, str]:
    return {"category": category, "severity": severity}


def _members(*outputs: tuple[list[dict[str, str]], int]) -> list[dict[str, object]]:
    """One rated output per (errors, raters)."""
    return [
        {"errors": errors, "raters": [f"r{i}" for i in range(raters)]} for errors, raters in outputs
    ]


def test_a_rated_clean_output_is_the_official_the_most_rated_first() -> None:
    minor = _error("Accuracy/Mistranslation", "Minor")
    style = _error("Style/Awkward", "Minor")
    groups = {
        (1, "B: rated by three, clean"): _members(([], 3)),
        (1, "A: rated by one, clean"): _members(([], 1)),
        (1, "C: a minor accuracy error"): _members(([minor], 3), ([], 3)),
        (2, "D: a minor style error only"): _members(([style], 2)),
        (2, "E: clean"): _members(([], 2)),
        (3, "F: a major accuracy error"): _members(([_error("Accuracy/Omission", "Major")], 3)),
    }
    # a minor style error leaves the meaning kept: D and E tie on raters, D comes first by text
    assert _rated_officials(groups) == {
        1: "B: rated by three, clean",
        2: "D: a minor style error only",
    }


def test_the_rule_for_an_official_is_the_rule_for_a_kept_pair() -> None:
    assert label([]) == "kept"
    assert label([_error("Fluency/Grammar", "Minor")]) == "kept"
    assert label([_error("Fluency/Grammar", "Major")]) == "other"  # strict: no Major error
    assert label([_error("Accuracy/Mistranslation", "Minor")]) == "other"
    assert label([_error("Accuracy/Mistranslation", "Major")]) == "changed"
    assert label([_error("Source error", "Major")]) == "kept"
