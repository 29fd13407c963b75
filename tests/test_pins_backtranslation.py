"""Pins of the back-translation markers: every weight, floor, span, window and cap of
`BacktranslationSettings` that the markers read, and the word lists they read (the classifier's
settings and the round trip: tests/test_backtranslation_verdict.py).

Every case is a finding a reviewer can check by hand at the default settings; moving a setting
by about a fifth (an integer by one) or dropping a word-list entry flips one of them (see
bench/mutants.py). Scores are 1 − e^(−total), rounded to three places, where total is
Σ weight × strength of the artefacts plus that sum of the statistics, capped at 0.5; a pattern
seen n times has strength ln(1 + n), a rate r over its floor f has strength (r − f) / span.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from auditor.records import ArticleResult, Category, Kind, Segment, SegmentResult, Status
from auditor.settings import Settings
from auditor.stages.backtranslation import Evidence, translationese_evidence
from auditor.stages.backtranslation.profile import profile_of, words_of
from auditor.stages.backtranslation.round_trip import needs_explaining
from tests.data.natural_english import NATURAL_ENGLISH

BACKTRANSLATION = Settings().backtranslation


def _score(total: float) -> float:
    """The score of evidence whose weighted strengths add up to `total`."""
    return round(1.0 - math.exp(-total), 3)


def _signals(sentences: list[str]) -> tuple[str, ...]:
    return translationese_evidence(sentences).signals


def _fired(sentences: list[str], label: str) -> bool:
    return any(s.startswith(label) for s in _signals(sentences))


# --- weights: a text that shows one signal scores that signal's weight -----------------------

_SPEAKING = ["Speaking in Brussels, she left.", "Standing there, he waved."]
_WALKING = ["Walking home, they sang.", "Looking back, we smiled."]
_TWICE = "Stoltenberg said, “We are ready,” he said."
_TAIL = 'He spoke of the war, "There will be no lasting peace." said.'
_STATING = [
    "Stating that talks went well, Smith said a deal was close.",
    "Emphasizing that prices rose, Jones said more help was needed.",
]
_CALQUE = "Touching upon the topic of trade, the minister said more talks were needed."
_SPACE = "The talks went well , the minister said."
_STRAY = "He called it a historic mistake” and left."
_LOWERCASE = "China supports Russia’s economy. sanctions policy was applied for a year."
_AND = ["And we went.", "And they came.", "It rained.", "We stayed.", "They left."]
_DASHES = ["Talks went on - and on.", "Prices rose - again.", "Rents fell - slightly."]
ONCE = math.log(2)

SINGLE_SIGNALS = [
    # weight 1: artefacts edited English never shows; once gives 1 − e^(−ln 2) = 0.5
    ([_TWICE], "quotation attributed twice", 1.0 * ONCE),
    ([_TAIL], "attribution tail", 1.0 * ONCE),
    # weight 0.5: markers human text shows now and then; once gives 0.293
    (_STATING, "participial report opener", 0.5 * ONCE),  # the first is ordinary English
    ([_CALQUE], "machine-translation calque", 0.5 * ONCE),
    ([_SPACE], "space before punctuation", 0.5 * ONCE),
    ([_STRAY], "stray quotation mark", 0.5 * ONCE),
    ([_LOWERCASE], "sentence starting in lowercase", 0.5 * ONCE),
    # rates: 4 participle openers in 20 sentences are 0.1 over the floor of 0.1: full strength
    ([*_SPEAKING, *_WALKING], "participle opens", 0.5 * 1.0),
    # 3 in 20 are half-way (a short text counts as 20 sentences)
    ([*_SPEAKING, _WALKING[0], *["It rained."] * 7], "participle opens", 0.5 * 0.5),
    # 2 of 5 sentences open with "And": over 0.25 by more than 0.1, full strength
    (_AND, "repeated opener", 0.3 * 1.0),
    # 3 of 10: over 0.25 by 0.05, half-way to full strength
    (
        ["And we went.", "And they came.", "And it ended.", *["It rained."] * 7],
        "repeated",
        0.3 * 0.5,
    ),
    # 4 spaced hyphens in 20 sentences (a short text counts as 20): one sentence in five, full
    # strength; 2 in 20: half-way; 3 in 20: three quarters
    ([*_DASHES, "Costs rose - sharply."], "spaced hyphen as a dash x4", 0.25 * 1.0),
    (_DASHES[:2], "spaced hyphen as a dash x2", 0.25 * 0.5),
    (_DASHES, "spaced hyphen as a dash x3", 0.25 * 0.75),
]


@pytest.mark.parametrize(("sentences", "label", "total"), SINGLE_SIGNALS)
def test_a_text_showing_one_signal_scores_its_weight_times_its_strength(
    sentences: list[str], label: str, total: float
) -> None:
    evidence = translationese_evidence(sentences)
    assert len(evidence.signals) == 1 and evidence.signals[0].startswith(label)
    assert evidence.score == _score(total)


def test_two_signals_add_up() -> None:
    assert translationese_evidence([_TWICE, _SPACE]).score == _score(1.5 * ONCE)  # 0.646


# --- lexical variety: MATTR-50 -----------------------------------------------------------------

_VOCABULARY = (
    "allies ministers agreed today to send more support for Ukraine over the winter months "
    "ahead because Russia keeps hitting power plants cities roads bridges water supplies "
    "hospitals schools homes factories ports railways airports farms grain ships trucks tanks "
    "drones missiles shells rifles fuel food medicine blankets generators heaters clothes money"
).split()


def _fifty_words(distinct: int) -> list[str]:
    """Five ten-word sentences of 50 words, `distinct` of them different (the rest repeat the
    first words of the text): a type/token ratio of distinct / 50."""
    words = _VOCABULARY[:distinct] + _VOCABULARY[: 50 - distinct]
    assert len(words) == 50 and len({w.lower() for w in words}) == distinct
    return [" ".join(words[i : i + 10]).capitalize() + "." for i in range(0, 50, 10)]


_POOR = "low lexical variety (MATTR-50 {}) (weak)"


@pytest.mark.parametrize(
    ("distinct", "signals", "score"),
    [
        (41, (_POOR.format("0.82"),), _score(0.1 * 0.2)),  # 0.02 below 0.84: a fifth of 0.10
        (39, (_POOR.format("0.78"),), _score(0.1 * 0.6)),  # 0.06 below
        (36, (_POOR.format("0.72"),), _score(0.1 * 1.0)),  # 0.12 below: full strength
        (42, (), 0.0),  # 0.84: not below the floor
        (43, (), 0.0),  # 0.86
    ],
)
def test_fifty_words_fire_low_lexical_variety_below_a_ratio_of_084(
    distinct: int, signals: tuple[str, ...], score: float
) -> None:
    assert translationese_evidence(_fifty_words(distinct)) == Evidence(score, signals)


def test_lexical_variety_needs_fifty_words() -> None:
    shorter = " ".join(" ".join(_fifty_words(37)).split()[:49])
    assert _signals([shorter]) == ()


# --- function-word profile -------------------------------------------------------------------

#: a press release of 174 words (natural English, yet with the function words of an MT output:
#: "each", "further", "of"; no "its", "an", "their"), where no other signal fires
_RELEASE = NATURAL_ENGLISH[1]
_RELEASE_PROFILE = 1.535187


def test_the_press_release_has_the_function_word_profile_1_535() -> None:
    """Pins every entry of mt_function_word_profile.tsv: dropping one moves the profile by at
    least 0.00002 (each weight times the word's rate, here or in human translations)."""
    profile = profile_of(words_of(_RELEASE))
    assert profile.value == pytest.approx(_RELEASE_PROFILE, abs=1e-6)
    assert (profile.more, profile.fewer) == (("each", "further", "of"), ("its", "an", "their"))


def test_the_profile_adds_its_weight_from_minus_1_rising_over_4() -> None:
    evidence = translationese_evidence([_RELEASE])
    assert evidence.signals == (
        "function-word profile +1.5 (human translation 0, MT ≈ +1): more 'each', 'further', "
        "'of'; fewer 'its', 'an', 'their' (weak)",
    )
    assert evidence.score == _score(0.5 * (_RELEASE_PROFILE + 1.0) / 4.0)  # 0.272


@pytest.mark.parametrize(("words", "fires"), [(100, True), (99, False)])
def test_the_profile_is_read_on_100_words_or_more(words: int, fires: bool) -> None:
    text = " ".join(words_of(_RELEASE)[:words])
    assert len(words_of(text)) == words
    assert _fired([text], "function-word profile") is fires


# --- the cap on the statistics ----------------------------------------------------------------


_CAPPED = [*_SPEAKING, *_WALKING, "And we went.", "And they came.", "And it rained."]
_THREE_LOWERCASE = [
    "China supports Russia’s economy. sanctions were applied.",
    "The charts changed. strategic aims were listed.",
    "The talks ended. ministers left early.",
]


def test_statistics_never_lift_a_score_across_one_half() -> None:
    # a calque (0.5 × ln 2 = 0.35) and statistics at their cap (0.5) would make 0.571
    evidence = translationese_evidence([_CALQUE, *_CAPPED])
    assert evidence.signals[0].startswith("machine-translation calque")
    assert evidence.score == 0.499


def test_artefacts_that_make_one_half_alone_take_the_statistics_on_top() -> None:
    # three lowercase starts: 0.5 × ln 4 = ln 2, a score of 0.5 alone
    assert translationese_evidence(_THREE_LOWERCASE).score == 0.5
    assert translationese_evidence([*_THREE_LOWERCASE, *_CAPPED]).score == _score(ONCE + 0.5)


def test_statistics_add_at_most_half_to_the_total() -> None:
    # participle openers (4 of 20: full, 0.5) and "And" (3 of 7: full, 0.3) make 0.8: capped
    sentences = [*_SPEAKING, *_WALKING, "And we went.", "And they came.", "And it rained."]
    evidence = translationese_evidence(sentences)
    assert [s.split()[0] for s in evidence.signals] == ["participle", "repeated"]
    assert evidence.score == _score(0.5)  # 0.393, not 0.551


# --- rates: participle openers, repeated connectives, long comma chains ----------------------

_PLAIN = [
    f"The {n} delegation arrived {day}."
    for n in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
    for day in ("today", "yesterday", "on Monday", "on Friday", "late")
]


def _text(special: list[str], plain: int) -> list[str]:
    return [*special, *_PLAIN[:plain]]


@pytest.mark.parametrize(
    ("openers", "plain", "fires"),
    [
        (2, 8, False),  # 2 of 20: 0.1 is not over the floor
        (2, 17, False),  # 2 of 19 is still 2 of 20
        (3, 23, True),  # 3 of 26: 0.115
        (3, 27, False),  # 3 of 30
    ],
)
def test_participle_openers_fire_above_one_sentence_in_ten(
    openers: int, plain: int, fires: bool
) -> None:
    sentences = _text([*_SPEAKING, *_WALKING][:openers], plain)
    assert _fired(sentences, "participle opens") is fires


@pytest.mark.parametrize(
    ("ands", "plain", "fires"),
    [
        (2, 6, False),  # 2 of 8: 0.25 is not over the floor
        (7, 18, True),  # 7 of 25: 0.28
        (3, 7, True),  # 3 of 10
        (1, 4, False),
        (2, 2, False),  # 2 of 4: a habit is read on 5 sentences or more
    ],
)
def test_a_connective_is_a_habit_above_one_sentence_in_four(
    ands: int, plain: int, fires: bool
) -> None:
    sentences = _text([f"And the {n} talks ended." for n in range(ands)], plain)
    assert _fired(sentences, "repeated opener 'And'") is fires


# --- round trip -------------------------------------------------------------------------------


# the round trip is a second signal named beside the probability, never added to it:
# tests/test_backtranslation_verdict.py pins `round_trip_floor` and its labels


def _result(score: float, pivot: str = "tr") -> ArticleResult:
    segment = Segment(0, Kind.SENTENCE, "Allies agreed to send more aid.", 0, 31)
    row = SegmentResult(
        segment, official_text="Allies agreed to give more aid.", category=Category.DRIFT
    )
    return ArticleResult(
        "a.txt", Status.OK, "", segments=(row,), backtranslation_score=score, suspected_pivot=pivot
    )


@pytest.mark.parametrize(
    ("score", "explained"),
    [(0.3, False), (0.45, False), (0.5, True), (0.55, True), (0.9, True)],
)
def test_drift_is_checked_against_machine_translation_from_the_minimum_score(
    score: float, explained: bool
) -> None:
    half = replace(BACKTRANSLATION, mt_explain_min_score=0.5)
    wanted = needs_explaining(_result(score), half)
    assert wanted == (["Allies agreed to give more aid."] if explained else [])
    assert needs_explaining(_result(score, pivot=""), half) == []
    # by default every article with a suspected pivot: the round trip is a second signal
    assert needs_explaining(_result(score), BACKTRANSLATION) == ["Allies agreed to give more aid."]


# --- word lists -------------------------------------------------------------------------------

#: connectives.txt: each, opening 2 of 5 sentences, is a translationese habit
CONNECTIVES = [
    "and", "but", "so", "also", "however", "moreover", "furthermore", "therefore", "thus",
    "meanwhile", "besides", "additionally", "because", "then",
]  # fmt: skip


@pytest.mark.parametrize("word", CONNECTIVES)
def test_a_connective_opening_two_of_five_sentences_is_a_repeated_opener(word: str) -> None:
    opener = word.capitalize()
    sentences = [f"{opener} we went.", f"{opener} they came.", *_AND[2:]]
    assert _signals(sentences) == (f"repeated opener '{opener}' in 2 of 5 sentences (weak)",)


def test_a_word_that_is_no_connective_opening_two_of_five_sentences_is_no_habit() -> None:
    sentences = ["Later we went.", "Later they came.", "It rained.", "We stayed.", "They left."]
    assert _signals(sentences) == ()


#: not_participles.txt: words in -ing that open sentences without being participles ("king"
#: and "thing" are too short for the opener pattern to read them, so they are not listed)
NOT_PARTICIPLES = {
    "during": "During the talks, the ministers agreed.",
    "according": "According to officials, the deal is close.",
    "nothing": "Nothing was agreed on Monday.",
    "something": "Something has to change.",
    "anything": "Anything is possible now.",
    "everything": "Everything was discussed at length.",
    "morning": "Morning talks ended early.",
    "evening": "Evening prayers were held.",
    "spring": "Spring came early this year.",
    "string": "String quartets played at the dinner.",
    "ceiling": "Ceiling prices were set for oil.",
    "beijing": "Beijing denied the claims.",
}


@pytest.mark.parametrize("word", sorted(NOT_PARTICIPLES))
def test_an_ing_word_that_is_no_participle_opens_sentences_freely(word: str) -> None:
    # three sentences in twenty opening with a participle would fire (see above)
    assert not _fired([NOT_PARTICIPLES[word]] * 3, "participle opens")


def test_three_participle_openers_in_twenty_sentences_fire() -> None:
    assert _fired(["Speaking in Brussels, she left."] * 3, "participle opens 3 of 3 sentences")


#: abbreviations.txt: a lowercase word after these and a full stop starts no new sentence
ABBREVIATIONS = {
    "etc": "Tanks, jets etc. and drones were sent.",
    "approx": "The deal is worth approx. two billion euros.",
    "incl": "The aid incl. tanks was sent on Monday.",
    "vs": "Russia vs. the West was the theme.",
    "viz": "The aim, viz. peace, is clear.",
    "al": "Smith et al. found a link.",
    "cf": "See the report (cf. the annex) for details.",
}


@pytest.mark.parametrize("abbreviation", sorted(ABBREVIATIONS))
def test_a_lowercase_word_after_an_abbreviation_is_no_lowercase_sentence(abbreviation: str) -> None:
    assert _signals([ABBREVIATIONS[abbreviation]]) == ()


def test_a_lowercase_word_after_a_full_stop_is_a_lowercase_sentence() -> None:
    assert _signals(["The talks ended. sanctions were applied."]) == (
        "sentence starting in lowercase x1",
    )


#: reporting_verbs.txt: closing a quotation without a subject (`“…” said.`) …
ORPHAN_VERBS = [
    "say", "says", "said", "stated", "noted", "added", "adds", "stressed", "stresses",
    "emphasized", "emphasizes", "emphasised", "emphasises", "explained", "explains", "told",
    "tells", "assured", "assures", "warned", "warns", "reminded", "reminds", "underlined",
    "underlines", "declared", "declares", "mentioned", "spoke", "reported",
]  # fmt: skip
#: … and opening a quotation that a second verb attributes again (`adding: “…,” he said.`)
INTRO_VERBS = [
    "saying", "stating", "noting", "adding", "stressing", "emphasizing", "emphasising",
    "explaining", "said", "stated", "warned", "declared",
]  # fmt: skip


@pytest.mark.parametrize("verb", ORPHAN_VERBS)
def test_a_reporting_verb_alone_after_a_quotation_is_an_attribution_tail_without_subject(
    verb: str,
) -> None:
    assert _fired([_TAIL.replace("said.", f"{verb}.")], "attribution tail without subject")


def test_another_verb_alone_after_a_quotation_is_no_attribution_tail() -> None:
    assert not _fired([_TAIL.replace("said.", "smiled.")], "attribution")


@pytest.mark.parametrize("verb", INTRO_VERBS)
def test_a_quotation_opened_by_a_reporting_verb_and_closed_by_he_said_is_attributed_twice(
    verb: str,
) -> None:
    sentence = f"The minister went on, {verb}: “We are ready,” he said."
    assert _fired([sentence], "quotation attributed twice")


def test_a_quotation_opened_without_a_reporting_verb_is_attributed_once() -> None:
    assert not _fired(["The minister went on, smiling: “We are ready,” he said."], "quotation")


# --- mt_calques.txt, mt_reporting_phrases.txt, quotation_nouns.txt, attribution_pronouns.txt,
# --- orphan_tail_verbs.txt, misplaced_mark_verbs.txt --------------------------------------------

#: one sentence for each pattern of mt_calques.txt, matched by that pattern only
CALQUES = [
    "The minister was making statements regarding the war.",
    "He was touching upon the topic of energy in his speech.",
    "The first session held today discussed energy.",
    "The two-day summit came to an end on Friday.",
    "The minister underlined that the alliance is ready.",
    "It was stated that the alliance is ready.",
    "He spoke at length, drawing attention to the risks.",
]


@pytest.mark.parametrize("sentence", CALQUES)
def test_a_calque_of_machine_translated_news_is_one(sentence: str) -> None:
    (signal,) = _signals([sentence])
    assert signal.startswith("machine-translation calque '") and signal.endswith("' x1")


def test_plain_reporting_is_no_calque() -> None:
    assert _signals(["The minister said the alliance is ready."]) == ()


@pytest.mark.parametrize("phrase", ["continued", "used the phrase"])
def test_a_quotation_opened_by_a_back_translated_reporting_phrase_is_attributed_twice(
    phrase: str,
) -> None:
    sentence = f"The minister {phrase}: “We are ready,” he said."
    assert _fired([sentence], "quotation attributed twice")


@pytest.mark.parametrize("noun", ["phrase", "expression", "word", "words"])
def test_used_the_phrase_without_its_quotation_is_an_attribution_tail(noun: str) -> None:
    sentences = ["The talks ended.", f"The minister used the {noun}."]
    assert _fired(sentences, "attribution tail without subject")
    assert not _fired(["The talks ended.", "The minister used the map."], "attribution")


@pytest.mark.parametrize(
    ("pronoun", "verb"),
    [("he", "did"), ("he", "said"), ("he", "stated"), ("he", "added"), ("she", "did"),
     ("they", "did")],
)  # fmt: skip
def test_a_pronoun_and_a_verb_alone_are_an_attribution_tail(pronoun: str, verb: str) -> None:
    assert _fired([f"The talks ended. {pronoun} {verb}."], "attribution tail without subject")
    assert not _fired([f"The talks ended. {pronoun} left."], "attribution tail")


@pytest.mark.parametrize(
    ("pronoun", "verb"),
    [("he", "said"), ("he", "added"), ("he", "stated"), ("he", "noted"), ("she", "said"),
     ("they", "said")],
)  # fmt: skip
def test_an_opening_mark_before_he_said_is_a_stray_mark(pronoun: str, verb: str) -> None:
    sentence = f"The minister spoke, “{pronoun} {verb} the alliance is ready."
    assert _fired([sentence], "stray quotation mark")
    assert not _fired([f"The minister spoke, “{pronoun} left the room."], "stray")
