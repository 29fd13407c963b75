"""Pins of the change-naming thresholds (`ChangeSettings`): how words are lined up, when a
rewrite is too long to pair words, when two names are one re-spelled, when two sentence-initial
words are one word, and how many letters a name and its demonym share.

Every case is a finding a reviewer can check by hand at the default settings; moving a
threshold by about a fifth (an integer by one) flips one of them (see bench/mutants.py).
"""

from __future__ import annotations

import pytest

from auditor.settings import ChangeSettings
from auditor.stages.changes import find_changes

CHANGES = ChangeSettings()


def _changes(official: str, article: str) -> list[str]:
    return [str(c) for c in find_changes(official, article, CHANGES)]


@pytest.mark.parametrize(
    ("official", "article", "changes"),
    # key_length: words are lined up on their first six letters
    [
        # "minist-er" / "minist-ry": six letters shared, one word in another form
        ("The minister spoke.", "The ministry spoke.", []),
        # "defen-sive" / "defen-ce": five, two words
        (
            "The allies took defensive measures.",
            "The allies took defence measures.",
            ["wording: defensive → defence"],
        ),
    ],
)
def test_words_are_lined_up_on_their_first_six_letters(
    official: str, article: str, changes: list[str]
) -> None:
    assert _changes(official, article) == changes


@pytest.mark.parametrize(
    ("article", "changes"),
    [
        # a name rewritten as four words: still one name for another
        ("We met the chief of Denmark in Brussels on Tuesday.", ["entity: Stoltenberg → Denmark"]),
        # as five: a rewrite, no word replaced another — one name left out, one added
        (
            "We met the new chief of Denmark in Brussels on Tuesday.",
            ["name: Stoltenberg → ∅", "name: ∅ → Denmark"],
        ),
    ],
)
def test_a_changed_region_of_more_than_four_words_pairs_no_words(
    article: str, changes: list[str]
) -> None:
    assert sorted(_changes("We met Stoltenberg in Brussels on Tuesday.", article)) == changes


@pytest.mark.parametrize(
    ("official", "article", "changes"),
    [
        # rapidfuzz ratio 66.7: one name transliterated
        (
            "We met Dmytro Kuleba in Kyiv.",
            "We met Dmitri Kuleba in Kyiv.",
            ["spelling: Dmytro → Dmitri"],
        ),
        # ratio 50: another person
        ("We met Jens in Kyiv.", "We met Hans in Kyiv.", ["entity: Jens → Hans"]),
    ],
)
def test_two_names_at_least_60_percent_alike_are_one_name_respelled(
    official: str, article: str, changes: list[str]
) -> None:
    assert _changes(official, article) == changes


@pytest.mark.parametrize(
    ("official", "article", "changes"),
    [
        # ratio 75: two opening words WordNet writes as names, one in the other's place: names
        # compared as names (a re-spelling shown), not one word's forms (as "Thank" / "Thanks")
        (
            "Iran will host the next meeting.",
            "Iraq will host the next meeting.",
            ["spelling: Iran → Iraq", "wording: iran → iraq"],
        ),
        # ratio 87.5: likewise
        (
            "Austria will host the next meeting.",
            "Australia will host the next meeting.",
            ["spelling: Austria → Australia", "wording: austria → australia"],
        ),
        ("Thank you all.", "Thanks you all.", []),
        # ratio 66.7: two names; alike enough to be shown as a re-spelling
        (
            "Malta will host the next meeting.",
            "Mali will host the next meeting.",
            ["spelling: Malta → Mali", "wording: malta → mali"],
        ),
        # ratio 0: another country
        (
            "Sweden will host the next meeting.",
            "Norway will host the next meeting.",
            ["entity: Sweden → Norway"],
        ),
    ],
)
def test_two_sentence_initial_names_are_compared_as_names(
    official: str, article: str, changes: list[str]
) -> None:
    assert _changes(official, article) == changes


@pytest.mark.parametrize(
    ("official", "article", "changes"),
    [
        # Iran / Iranians: four letters shared, then demonym endings: the same referent
        ("Talks with Iran resumed.", "Talks with Iranians resumed.", []),
        ("Aid reached Iran on Tuesday.", "Aid reached the Iranian people on Tuesday.", []),
        # Laos / Lao: three letters only — shown as a re-spelling
        ("Talks with Laos resumed.", "Talks with the Lao resumed.", ["spelling: Laos → Lao"]),
    ],
)
def test_a_name_and_its_demonym_share_at_least_four_first_letters(
    official: str, article: str, changes: list[str]
) -> None:
    assert _changes(official, article) == changes
