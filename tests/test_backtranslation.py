"""Back-translation evidence: the back-translated seeds read as machine translation, the
official transcript and natural English do not, and every signal names what it saw."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.records import Kind
from auditor.stages.backtranslation import (
    Evidence,
    segment_evidence,
    translation_verdict,
    translationese_evidence,
)
from auditor.stages.segment import segment_document
from tests.conftest import CYPRUS, OFFICIAL, RUSSIAN, SPANISH, TURKISH_OUTLET
from tests.data.natural_english import NATURAL_ENGLISH

#: how far every back-translated seed must score above the official and natural texts
MARGIN = 0.25


def _sentences(text: str) -> list[str]:
    return [s.text for s in segment_document(text) if s.kind is Kind.SENTENCE]


def _evidence(path: Path) -> Evidence:
    return translationese_evidence(_sentences(path.read_text(encoding="utf-8")))


def _fired(text: str, label: str) -> bool:
    return any(s.startswith(label) for s in translationese_evidence(_sentences(text)).signals)


@pytest.mark.parametrize("seed", [TURKISH_OUTLET, CYPRUS, RUSSIAN, SPANISH], ids=lambda p: p.stem)
def test_back_translated_seed_scores_above_official_and_natural_english(seed: Path) -> None:
    score = _evidence(seed).score
    official = _evidence(OFFICIAL).score
    natural = [translationese_evidence(_sentences(text)).score for text in NATURAL_ENGLISH]
    assert score >= official + MARGIN
    assert score >= max(natural) + MARGIN, natural


def test_official_transcript_and_natural_english_score_low() -> None:
    assert _evidence(OFFICIAL).score <= 0.1
    all_natural = "\n\n".join(NATURAL_ENGLISH)
    assert translationese_evidence(_sentences(all_natural)).score <= 0.25


def test_natural_english_paragraphs_are_100_to_250_words_of_several_styles() -> None:
    assert len(NATURAL_ENGLISH) >= 5
    assert all(100 <= len(text.split()) <= 250 for text in NATURAL_ENGLISH)


def test_turkish_outlet_attributes_five_quotations_twice() -> None:
    evidence = _evidence(TURKISH_OUTLET)
    assert "quotation attributed twice (said, “…,” he said.) x5" in evidence.signals
    assert "participial report opener 'Stating that' x5" in evidence.signals


def test_cyprus_article_ends_quotations_with_bare_said_and_used_the_phrase() -> None:
    assert any(s.endswith(" x4") and "without subject" in s for s in _evidence(CYPRUS).signals)


def test_segment_evidence_reads_only_english_sentences() -> None:
    text = CYPRUS.read_text(encoding="utf-8")
    assert segment_evidence(segment_document(text)) == translation_verdict(_sentences(text))


def test_quotations_passed_beside_their_sentences_are_not_counted_twice() -> None:
    text = TURKISH_OUTLET.read_text(encoding="utf-8")
    kinds = (Kind.SENTENCE, Kind.QUOTE)
    both = translationese_evidence([s.text for s in segment_document(text) if s.kind in kinds])
    assert both.signals[0] == "quotation attributed twice (said, “…,” he said.) x5"


def test_label_is_the_signals_joined_for_one_csv_cell() -> None:
    assert Evidence(0.5, ("a x1", "b x2")).label() == "a x1; b x2"
    assert translationese_evidence([]) == Evidence(0.0, ())


_REPETITIVE = " ".join(["We will support Ukraine and we will support our allies."] * 6)
_VARIED = (
    "Researchers at a northern university found that wildflower strips planted beside wheat "
    "fields halve aphid numbers. Farmers were paid a small fee for land they gave up. Several "
    "said they would keep the strips, although one warned that flowers struggle on heavy "
    "clay. The team next plans to test oilseed rape, beans and barley across three counties."
)

#: literal, as machine translation from Russian renders a regional news item ("the X of the Y",
#: "it is", "the same") …
_LITERAL = (
    "The head of the administration of the region said that the situation with the spread of "
    "the coronavirus in the region is stable. According to him, the number of cases of the "
    "disease has not increased over the past week, and the load on the hospitals of the region "
    "is decreasing. It is planned that the restrictions will be lifted at the end of the month. "
    "At the same time, the governor noted that it is necessary to continue to observe the mask "
    "regime. The decision on the opening of the schools will be made by the regional "
    "headquarters, and it is not excluded that the schools will open in the same mode as before "
    "the pandemic."
)
#: … and as a translator would write it ("its", "their", "they", "any", "once")
_IDIOMATIC = (
    "Its governor says the outbreak is under control. New infections have levelled off over "
    "recent days and hospitals are seeing fewer patients, so most restrictions could go by the "
    "end of the month. People should keep wearing masks, though, he warned. Schools will reopen "
    "once health officials give their approval, perhaps on their old timetable, and parents who "
    "had been worried about another closure were relieved. Any change would be announced well "
    "ahead, officials added, having learned from last year's confusion when they gave families "
    "just two days' notice. Their message for now is simple. Stay careful, but there is light "
    "ahead."
)

# (label the signal starts with, a minimal text that fires it, a near miss that does not)
SIGNALS = [
    (
        "quotation attributed twice",
        "Stoltenberg said, “We are ready. “We will act,” he said.",
        "Stoltenberg said, “We are ready.” Later, “We will act,” he added.",
    ),
    (
        "quotation attributed twice",
        'The minister said, "The doors are open," the minister said.',
        '"The doors are open," the minister said.',
    ),
    (  # a new sentence after the quotation reports something else (native news does this)
        "quotation attributed twice",
        'Trickett said: "It is a ridiculous demand," Corbyn said.',
        'Trickett said: "It is a ridiculous demand." Supporters of Mr Corbyn said they agreed.',
    ),
    (
        "attribution tail without subject",
        'He spoke of the war, "There will be no lasting peace." said.',
        '"There will be no lasting peace," said the minister.',
    ),
    (
        "attribution tail without subject",
        "He said Russia attacked the cities. he did.",
        '"Are you ready?" he asked.',
    ),
    (
        "attribution tail without subject",
        'He said, "The doors are open." used the phrase.',
        "He used the phrase on Monday.",
    ),
    (
        "participial report opener",
        "Stating that talks went well, Smith said a deal was close. "
        "Emphasizing that prices rose, Jones said more help was needed.",
        "Noting that Marsh had no convictions, the judge reduced the term. "
        "During that time, prices rose.",
    ),
    (
        "machine-translation calque",
        "Touching upon the topic of trade, the minister said more talks were needed.",
        "Touching the screen, the minister said more talks were needed.",
    ),
    (
        "machine-translation calque",
        "The two-day meeting held in the capital came to an end.",
        "A three-week trial came to an end on Friday.",
    ),
    (
        "machine-translation calque",
        "Making statements regarding the application, he said the door was open.",
        "Making the application, he said the door was open.",
    ),
    (
        "space before punctuation",
        "I think it will make a difference.” .",
        "I think it will make a difference – and soon.",
    ),
    (
        "stray quotation mark",
        "“We need better training, “he said. The talks went on.",
        "“We need better training,” he said. The talks went on.",
    ),
    (
        "stray quotation mark",
        "He called it a historic mistake” and left.",
        "He called it a “historic mistake” and left.",
    ),
    (
        "sentence starting in lowercase",
        "China supports Russia’s economy. sanctions policy was applied for a year.",
        "Smith et al. found a link. Talks ended at 5 p.m. on Friday. iPhone sales rose.",
    ),
    (  # a quotation may continue a sentence, and an attribution follows a closing mark
        "sentence starting in lowercase",
        "The board met. it agreed to cut all ties with the star.",
        'The board met. "cut all ties" was the demand. "How will we cope?" he continued. '
        "A poll of Kerrang! magazine readers named the album.",
    ),
    ("low lexical variety", _REPETITIVE, _VARIED),
    (
        "participle opens",
        "Speaking in Brussels, she left. Standing there, he waved. Walking home, they sang.",
        "Speaking in Brussels, she left. Standing there, he waved. They walked home singing.",
    ),
    (
        "repeated opener",
        "And we went. And they came. It rained. We stayed. They left.",
        "And we went. They came. It rained. We stayed. They left.",
    ),
    (
        "spaced hyphen as a dash",
        "The talks went on - and on. Nobody left.",
        "The talks went on – and on. A well-known rule applied.",
    ),
    ("function-word profile", _LITERAL, _IDIOMATIC),
]


@pytest.mark.parametrize(("label", "fires", "near_miss"), SIGNALS)
def test_signal_fires_on_minimal_example_and_not_on_near_miss(
    label: str, fires: str, near_miss: str
) -> None:
    assert _fired(fires, label)
    assert not _fired(near_miss, label)


def test_statistics_alone_never_make_a_score_of_one_half() -> None:
    """Every statistic at full strength (Σ weight × strength = 1.65) adds `weak_cap` = 0.5."""
    openers = ["Speaking in Brussels, she left.", "Standing there, he waved."] * 2
    connectives = ["And we went - quickly.", "And they came - slowly.", "And it rained."]
    evidence = translationese_evidence([_LITERAL, *openers, *connectives])
    assert len(evidence.signals) == 5
    assert all(s.endswith(" (weak)") for s in evidence.signals)
    assert evidence.score == 0.393  # 1 − e^−0.5


def test_an_artefact_comes_before_the_weak_statistics_and_adds_to_them() -> None:
    evidence = translationese_evidence([_LITERAL, "Stoltenberg said, “We are ready,” he said."])
    assert evidence.signals[0] == "quotation attributed twice (said, “…,” he said.) x1"
    assert all(s.endswith(" (weak)") for s in evidence.signals[1:])
    assert evidence.score >= 0.5


def test_the_literal_translation_reads_more_like_machine_translation_than_the_idiomatic_one() -> (
    None
):
    literal = translationese_evidence(_sentences(_LITERAL))
    assert literal.signals[0].startswith(
        "function-word profile +6.5 (human translation 0, MT ≈ +1): more 'the', 'same', 'is'"
    )
    assert translationese_evidence(_sentences(_IDIOMATIC)).score < literal.score


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text()))
def test_score_is_between_0_and_1_for_any_text(sentences: list[str]) -> None:
    evidence = translationese_evidence(sentences)
    assert 0.0 <= evidence.score <= 1.0
    assert all(isinstance(s, str) and s for s in evidence.signals)
    assert translationese_evidence(sentences) == evidence  # deterministic
