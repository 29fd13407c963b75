"""Omissions: official content words an article leaves out with nothing in their place are a
notable change (at least `changes.omission_min_words` of them together); never a word another
type names, a word moved elsewhere, a word replaced, or the words of a rewritten place."""

from __future__ import annotations

import pytest

from auditor.records import ABSENT, Level
from auditor.settings import ChangeSettings
from auditor.stages.changes import find_changes
from auditor.stages.speech import Speech


def _omissions(official: str, article: str, speech: Speech | None = None) -> list[str]:
    return [
        c.official for c in find_changes(official, article, speech=speech) if c.type == "omission"
    ]


@pytest.mark.parametrize(
    ("official", "article", "left_out"),
    [
        (
            "NATO will not offer membership without deep reforms of the judiciary.",
            "NATO will not offer membership.",
            ["reforms of the judiciary"],
        ),
        (
            "The allies agreed to strengthen air defences and supply ammunition.",
            "The allies agreed to strengthen air defences.",
            ["supply ammunition"],
        ),
        (  # a name between words left out splits them (the name is the name type's)
            "They condemned the drills of Taiwan and the cyber attacks today.",
            "They condemned today.",
            ["drills", "cyber attacks"],
        ),
        (  # one word is enough: a quotation that leaves it out is not what was said
            "We give economic and political support.",
            "We give political support.",
            ["economic"],
        ),
        (  # two places: two omissions
            "Ministers discussed energy security and cyber defence, then signed the trade pact.",
            "Ministers discussed energy security, then signed the pact.",
            ["cyber defence", "trade"],
        ),
        (  # function words between the words left out belong to the omission
            "We will defend the freedom of navigation and the rule of law.",
            "We will defend the rule of law.",
            ["freedom of navigation"],
        ),
    ],
)
def test_content_words_left_out_together_are_an_omission(
    official: str, article: str, left_out: list[str]
) -> None:
    found = [
        c for c in find_changes(official, article, speech=Speech.DIRECT) if c.type == "omission"
    ]
    assert [c.official for c in found] == left_out
    assert all(c.article == ABSENT and c.level is Level.NOTABLE for c in found)


@pytest.mark.parametrize(
    ("official", "article"),
    [
        # the words moved, none left out
        ("Reforms of the judiciary were demanded.", "Judiciary reforms were demanded."),
        (
            "Support for Ukraine remains our priority, and training of troops continues.",
            "Training of troops continues, and support for Ukraine remains our priority.",
        ),
        # replaced, not left out: the wording type's
        ("We see China as an adversary.", "We see China as an enemy."),
        ("They discussed grain exports today.", "They discussed wheat shipments today."),
        # a content word put in the place of a function word: the place is rewritten
        (
            "The war has demonstrated our dependency on gas.",
            "The war showed our dependency on gas.",
        ),
        ("The minister has confirmed the talks.", "The minister said the talks."),
        # a place rewritten: its words replaced, not left out
        (
            "We saw that most recently with the horrific attack in Istanbul.",
            "We experienced this last time in the terrible attack in Istanbul.",
        ),
        # a name left out is the name type's, a number the number type's
        ("We met Foreign Minister Dmytro Kuleba in Kyiv.", "We met in Kyiv."),
        ("They sent 14 ships and 40 aircraft.", "They sent ships and aircraft."),
        # a qualifier and a modal left out are theirs
        ("A dangerous dependency must end.", "A dependency ends."),
        # a sentence connective left out says no content
        ("However, the allies agreed.", "The allies agreed."),
        # a degree word left out is no content word ("not least China" → "China")
        (
            "We must assess our dependencies, not least on China.",
            "We must assess our dependencies, on China.",
        ),
        # nothing left out
        (
            "The ministers discussed the war in Ukraine.",
            "The ministers discussed the war in Ukraine.",
        ),
    ],
)
def test_no_omission(official: str, article: str) -> None:
    assert _omissions(official, article, Speech.DIRECT) == []


def test_the_reporters_own_words_may_leave_words_out() -> None:
    official = "The allies agreed to strengthen air defences and supply ammunition."
    article = "The allies agreed to strengthen air defences."
    assert _omissions(official, article) == ["supply ammunition"]  # as a comparison shows it
    from auditor.stages.drift import reported_speech_changes

    found = find_changes(official, article, speech=Speech.REPORTED)
    assert [c.type for c in reported_speech_changes(found)] == []


@pytest.mark.parametrize(("words", "shown"), [(1, True), (2, True), (3, False)])
def test_the_least_words_shown_is_a_setting(words: int, shown: bool) -> None:
    official = "The allies agreed to strengthen air defences and supply ammunition."
    article = "The allies agreed to strengthen air defences."
    settings = ChangeSettings(omission_min_words=words)
    found = find_changes(official, article, settings, Speech.DIRECT)
    assert any(c.type == "omission" for c in found) is shown
