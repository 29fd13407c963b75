"""Sentiment edits: a word replaced by one of opposite sentiment where WordNet opposes nothing —
both sides of each rule, and the shipped table's shape."""

from __future__ import annotations

import pytest

from auditor.lexicon import entries
from auditor.records import Level
from auditor.stages.changes import find_changes
from auditor.stages.changes.antonym import opposite_sentiment, sentiment


def _changes(official: str, article: str) -> list[str]:
    return [f"{c} ({c.level})" for c in find_changes(official, article)]


@pytest.mark.parametrize(
    ("official", "article", "changes"),
    [
        # one lexicon lists both words, with opposite signs: charged
        ("The decision angered the residents.", "The decision delighted the residents.",
         ["sentiment: angered → delighted (critical)"]),
        ("The new law will secure the bridge.", "The new law will endanger the bridge.",
         ["sentiment: secure → endanger (critical)"]),
        ("An infected worker was sent home.", "A healthy worker was sent home.",
         ["sentiment: infected → healthy (critical)"]),
        # an opposite WordNet knows stays an antonym
        ("The talks were a success.", "The talks were a failure.",
         ["antonym: success → failure (critical)"]),
        # one sentiment on both sides: a wording change
        ("Critics praised the plan.", "Critics lauded the plan.",
         ["wording: praised → lauded (notable)"]),
        # each word in another lexicon only: no judgement compares them
        ("Staff stayed alert all night.", "Staff stayed wary all night.",
         ["wording: alert → wary (notable)"]),
        # a rewritten place: its words are no pair
        ("The mayor called the plan a great success for the city.",
         "The mayor said the city had a terrible time with it.",
         ["qualifier: great → ∅ (notable)", "qualifier: ∅ → terrible (notable)"]),
        # a changed place of four words a side ("welcomed the sharp fall" / "noted a worrying
        # drop"): rewritten, its words are no pair — "sharp" / "worrying" stay a wording change
        ("Officials welcomed the sharp fall in prices.",
         "Officials noted a worrying drop in prices.",
         ["wording: sharp → worrying (notable)", "wording: fall → drop (notable)"]),
        # a negation on one side undoes the flip
        ("The minister did not praise the plan.", "The minister criticised the plan.", []),
    ],
)  # fmt: skip
def test_a_word_of_opposite_sentiment_in_its_place_is_charged(
    official: str, article: str, changes: list[str]
) -> None:
    assert _changes(official, article) == changes


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("welcomed", ("+", "V")),  # its own entry
        ("sabotaged", ("-", "LV")),  # through its lemma "sabotage"
        ("condemned", ("-", "LV")),
        ("wary", ("-", "L")),
        ("heart", ("+", "V")),
        ("table", None),
    ],
)
def test_a_word_has_its_own_or_its_lemmas_sentiment(
    word: str, expected: tuple[str, str] | None
) -> None:
    assert sentiment(word) == expected


def test_opposite_signs_in_one_lexicon_and_no_synonyms() -> None:
    assert opposite_sentiment("angered", "delighted")
    # opposite signs in one lexicon, but one synset in WordNet ("a bargain" = "a steal")
    assert sentiment("bargain") == ("+", "LV") and sentiment("steal") == ("-", "LV")
    assert not opposite_sentiment("bargain", "steal")
    assert not opposite_sentiment("hard", "difficult")  # one sign
    assert not opposite_sentiment("alert", "wary")  # V says one, L the other


def test_the_sentiment_table_is_two_signs_from_two_named_lexicons() -> None:
    rows = [line.split("\t") for line in entries("sentiment_words.tsv")]
    assert len(rows) > 10_000
    assert all(len(r) == 3 and r[1] in "+-" and r[2] in ("L", "V", "LV") for r in rows)
    assert [r[0] for r in rows] == sorted({r[0] for r in rows})


def test_sentiment_is_a_critical_type_named_apart_from_antonyms() -> None:
    from auditor.stages.changes import edit_type

    record = edit_type("sentiment")
    assert record.level is Level.CRITICAL
    assert record.finder is edit_type("antonym").finder
