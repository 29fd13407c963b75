"""Critical edits a press officer can defend: each precision rule of the change types, as a
linguist would state it — the same meaning said another way is no charge, a flip of meaning
is one, and a notable change is shown but never charged."""

from __future__ import annotations

import pytest

from auditor.records import Level
from auditor.stages.changes import find_changes


def _critical(official: str, article: str) -> list[str]:
    return [str(c) for c in find_changes(official, article) if c.level is Level.CRITICAL]


def _notable(official: str, article: str) -> list[str]:
    return [str(c) for c in find_changes(official, article) if c.level is Level.NOTABLE]


@pytest.mark.parametrize(
    ("official", "article"),
    [
        # one referent written another way
        ("The United States agreed.", "The U.S. agreed."),
        ("It rose to 155 degrees Fahrenheit.", "It rose to 155 degrees F."),
        ("The European Union and NATO agreed.", "The EU and NATO agreed."),
        ("President Biden agreed.", "Biden agreed."),
        ("Britain agreed.", "The UK agreed."),
        ("Russia's war continues.", "The Russian war continues."),
        # a capitalised first word is no name
        ("Anyone can see it.", "Everyone can see it."),
        ("Undoubtedly, two black holes merged.", "Without doubt, two black holes merged."),
        # number formats and words that are no numbers
        ("It costs 5,000 euros.", "It costs five thousand euros."),
        ("It costs 5,000 euros.", "It costs 5 000 euros."),
        ("They met at 10:30.", "They met at 10.30 a.m."),
        ("It was the third meeting.", "It was the 3rd meeting."),
        ("On 30.11.2022 we met.", "On 30 November 2022 we met."),
        ("It goes a step further.", "It goes one step further."),
        ("It smells like one.", "It smells like it."),
        ("half a million parts", "500,000 parts"),
        ("two and a half years", "2.5 years"),
        ("the top and bottom 20%", "the top 20% and the bottom 20%"),
        # polarity kept by other words
        ("Not long after, ministers met.", "Shortly after, ministers met."),
        ("It has no starch.", "Instead of having starch, it burns fat."),
        ("The process is now nearly complete.", "The process is not yet complete."),
        ("It is not only the poor who suffer.", "Not just the poor suffer."),
        (
            "It was decades later that they understood.",
            "It was not until decades later that they understood.",
        ),
        ("The war is illegal.", "The war is not legal."),
        # modal force kept
        ("They might start to cheat.", "They may begin to cheat."),
        ("It might rain.", "It is possible that it will rain."),
        ("We have to be aware.", "We need to be aware."),
        ("it will fly over", "it flies over"),
        ("It needs to go there.", "It is needed there."),
        # synonyms and moves are no antonyms
        ("It is solely about defence.", "It is only about defence."),
        ("turn right or left", "turn left or right"),
        ("They have less good health.", "Their health is worse."),
    ],
)
def test_the_same_meaning_said_another_way_is_no_charge(official: str, article: str) -> None:
    assert _critical(official, article) == []


@pytest.mark.parametrize(
    ("official", "article", "edit"),
    [
        (
            "Ministers agreed to step up support.",
            "Ministers refused to step up support.",
            "antonym: agreed → refused",
        ),
        ("Prices rose sharply.", "Prices fell sharply.", "antonym: rose → fell"),
        ("Russia's illegal war", "Russia's legal war", "antonym: illegal → legal"),
        (
            "the long-term challenges",
            "the short-term challenges",
            "antonym: long-term → short-term",
        ),
        ("He said it was over.", "She said it was over.", "person: he → she"),
        ("We will continue to engage.", "They will continue to engage.", "person: we → they"),
        (
            "We were joined by Finland and Sweden.",
            "We were joined by Finland and Norway.",
            "entity: Sweden → Norway",
        ),
        ("Sweden will join.", "Norway will join.", "entity: Sweden → Norway"),
        (
            "But we must not underestimate Russia.",
            "But we should not underestimate Russia.",
            "modality: must → should",
        ),
        ("NATO will support Ukraine.", "NATO may support Ukraine.", "modality: will → may"),
        (
            "We shall continue to support Kyiv.",
            "We can continue to support Kyiv.",
            "modality: shall → can",
        ),
        (
            "We do not see China as an adversary.",
            "We do see China as an adversary.",
            "negation: not → ∅",
        ),
        (
            "On 30.11.2022 we met.",
            "On 1 December 2022 we met.",
            "number: 30.11.2022 → 1 December 2022",
        ),
        ("They met at 10:30.", "They met at 11:30.", "number: 10:30 → 11:30"),
        ("Three valued partners joined.", "Four valued partners joined.", "number: three → four"),
    ],
)
def test_a_change_of_meaning_is_charged(official: str, article: str, edit: str) -> None:
    assert edit in _critical(official, article)


@pytest.mark.parametrize(
    ("official", "article", "change"),
    [
        (
            "We do not see China as an adversary.",
            "We do not see China as an enemy.",
            "wording: adversary → enemy",
        ),
        (
            "But we have to be aware of our dependencies.",
            "But we must be aware of our addictions.",
            "wording: dependencies → addictions",
        ),
        (
            "our dangerous dependency on Russian gas",
            "our dependency on Russian gas",
            "qualifier: dangerous → ∅",
        ),
        (
            "with Foreign Minister Dmytro Kuleba",
            "with Foreign Minister Dmitro Kuleba",
            "spelling: Dmytro → Dmitro",
        ),
        ("Stoltenberg said it was over.", "He said it was over.", "name: Stoltenberg → ∅"),
        ("We discussed the war.", "We discussed the war with Kuleba.", "name: ∅ → Kuleba"),
    ],
)
def test_what_a_reviewer_should_see_is_notable_not_charged(
    official: str, article: str, change: str
) -> None:
    assert change in _notable(official, article)
    assert _critical(official, article) == []
