"""Pins of the alignment heuristics (`AlignSettings`): when a candidate counts as a counterpart
on its own words or by its neighbours, how runs of official sentences grow and shrink, how the
index looks candidates up, when a quotation is found on its own words, when a sentence is only
the frame of its quotations, and when a part of a quotation is placed between its neighbours.

Every case is a finding a reviewer can check by hand at the default settings; moving a setting
by about a fifth (an integer by one) flips one of them (see bench/mutants.py). The look-up
limits (`hits`, `reranked`, `hit_pool`, `common_min`, `common_share`) only show on an index big
enough to fill them: those cases build one from filler sentences of made-up words
(tests/pin_words.py) and distractors that share the segment's words in another order.
"""

from __future__ import annotations

import pytest

from auditor.records import AlignmentStrength, Category, Kind
from auditor.settings import AlignSettings, Settings
from auditor.stages.align import Alignment, OfficialIndex, decide, is_sure
from auditor.stages.drift import audit_drift
from auditor.stages.quote_align import match_quotation
from auditor.stages.segment import segment_document
from auditor.stages.speech import compared, quotations_of
from tests.pin_words import MadeUpWords

RULE = AlignSettings()
STRONG, WEAK = AlignmentStrength.STRONG, AlignmentStrength.WEAK


def _evidence(chrf: float, shared: int, recall: float, first: int = 5) -> Alignment:
    return Alignment("doc", first, first, "official", chrf, shared, recall, 0.5)


# --- is_sure: a counterpart on its own words ---------------------------------------------------


@pytest.mark.parametrize(
    ("chrf", "shared", "recall", "sure"),
    [
        # chrF++ 55 is evidence enough on its own
        (60.0, 0, 0.0, True),
        (55.0, 0, 0.0, True),
        (50.0, 0, 0.0, False),
        # from chrF++ 40: 3 shared content words and half the official words
        (44.0, 3, 0.5, True),
        (36.0, 3, 0.5, False),
        (45.0, 2, 0.5, False),
        (45.0, 4, 0.55, True),
        (45.0, 3, 0.45, False),
        # from chrF++ 30 (reported speech): 6 shared content words and 45% of the official ones
        (33.0, 6, 0.45, True),
        (27.0, 6, 0.45, False),
        (35.0, 5, 0.45, False),
        (35.0, 7, 0.5, True),
        (35.0, 6, 0.40, False),
    ],
)
def test_a_candidate_is_sure_on_chrf_with_enough_shared_words(
    chrf: float, shared: int, recall: float, sure: bool
) -> None:
    assert is_sure(_evidence(chrf, shared, recall), RULE) is sure


# --- decide: weaker candidates by their sure neighbours --------------------------------------


@pytest.mark.parametrize(
    ("position", "chrf", "strength"),
    [
        (6, 25.0, WEAK),  # next to its neighbour's official sentence
        (7, 25.0, WEAK),  # two sentences after it
        (8, 25.0, None),  # three: too far
        (7, 22.0, WEAK),  # chrF++ 20 is the least a neighbour can vouch for
        (7, 18.0, None),
    ],
)
def test_a_weak_candidate_at_most_two_sentences_after_a_sure_neighbour_is_weak(
    position: int, chrf: float, strength: AlignmentStrength | None
) -> None:
    sure = _evidence(80.0, 5, 0.8, first=5)
    weak = _evidence(chrf, 1, 0.2, first=position)
    assert decide([sure, weak], RULE) == [STRONG, strength]


# --- stem_length: content words compared on their first five letters ------------------------


def test_content_words_are_compared_on_their_first_five_letters() -> None:
    # "defend" / "defence" share five letters (the same word to the index); "minimum" /
    # "ministers" only four (two words): the shared words are alliance, defend, members
    index = OfficialIndex([("doc", ["The alliance will defend its members at a minimum cost."])])
    found = index.align("The alliance's defence of its members, ministers say.")
    assert found is not None and found.shared == 3


# --- runs: growing to neighbouring sentences, shrinking, at most three ------------------------

_AIR = "The allies agreed to send more air defence systems to Ukraine this winter"
_FILLER = ["Filler about harbours and ships today.", "Another filler about railways and bridges."]


def _run(official_second: str, text: str, first: str = _AIR + ".") -> tuple[int, int]:
    docs = [_FILLER[0], first, official_second, _FILLER[1]]
    found = OfficialIndex([("doc", docs)]).align(text)
    assert found is not None
    return found.first, found.last


@pytest.mark.parametrize(
    ("text", "run"),
    [
        # the next sentence explains 2 more of the segment's 12 content words (+0.17): merged
        (_AIR + " with generators and fuel for hospitals and schools.", (1, 2)),
        # … of 13 (+0.15): merged
        (_AIR + " with generators and fuel for hospitals, schools and homes.", (1, 2)),
        # … of 14 (+0.14): not
        (_AIR + " with generators and fuel for hospitals, schools, homes and shelters.", (1, 1)),
    ],
)
def test_a_run_grows_by_a_sentence_explaining_15_percent_more_of_the_segment(
    text: str, run: tuple[int, int]
) -> None:
    assert _run("Generators and fuel follow.", text) == run


def test_a_run_grows_only_by_a_sentence_adding_two_shared_words() -> None:
    # "generators" is a sixth of the segment's content words, but one word only
    first = "Allies will send air defence to Ukraine."
    text = "Allies will send air defence to Ukraine and generators."
    assert _run("Generators.", text, first) == (1, 1)


@pytest.mark.parametrize(
    ("following", "run"),
    [
        ("Generators and fuel follow soon.", (1, 2)),  # chrF++ 91.4 → 81.7: merged
        ("Generators and fuel follow shortly.", (1, 1)),  # 91.4 → 79.9: costs too much
    ],
)
def test_a_run_grows_only_while_chrf_falls_by_less_than_10(
    following: str, run: tuple[int, int]
) -> None:
    assert _run(following, _AIR + ", and generators and fuel.") == run


def test_a_run_keeps_a_sentence_that_buys_more_than_5_chrf() -> None:
    # the two-sentence run scores chrF++ 56.2, the first sentence alone 50.8: kept whole
    first = "Allies will send air defence to Ukraine."
    assert _run("And generators.", "Allies send air defence and generators.", first) == (1, 2)


_THREE = [
    "The allies agreed to send more air defence to Ukraine.",
    "They will also deliver fuel and generators before winter.",
    "Training for pilots starts in March.",
    "Finland and Sweden will join soon.",
]


@pytest.mark.parametrize(
    ("text", "run"),
    [
        (
            "The allies agreed to send more air defence to Ukraine, they will deliver fuel and "
            "generators before winter, and training for pilots starts in March.",
            (1, 3),
        ),
        # a fourth sentence is one too many: the run stops at three
        (
            "The allies agreed to send more air defence to Ukraine, they will deliver fuel and "
            "generators before winter, training for pilots starts in March, and Finland and "
            "Sweden will join soon.",
            (1, 3),
        ),
    ],
)
def test_a_segment_aligns_to_a_run_of_at_most_three_official_sentences(
    text: str, run: tuple[int, int]
) -> None:
    found = OfficialIndex([("doc", [_FILLER[0], *_THREE, _FILLER[1]])]).align(text)
    assert found is not None and (found.first, found.last) == run


# --- look-up limits: hits, reranked, hit_pool, common words -----------------------------------

#: a segment that merges two official sentences
_MERGED = "Allies will deliver generators to Kyiv and engineers repair substations before winter."
_HALVES = ["Allies will deliver generators to Kyiv.", "Engineers repair substations before winter."]
#: short sentences holding five of the segment's eight content words each: each ranks above
#: either half (four of eight) in the look-up
_FIVE_OF_EIGHT = [
    "Allies deliver generators, engineers repair.",
    "Kyiv generators: engineers repair substations.",
    "Allies repair substations before winter in Kyiv.",
    "Deliver generators to Kyiv before winter, engineers.",
    "Engineers deliver generators to Kyiv allies.",
    "Allies repair generators before winter, engineers.",
]


@pytest.mark.parametrize(
    ("distractors", "found"),
    [
        (5, True),  # the halves rank 6th and 7th: the 6th is looked up, its run found
        (6, False),  # 7th and 8th: neither is among the 6 sentences looked up
    ],
)
def test_six_official_sentences_are_looked_up_per_segment(distractors: int, found: bool) -> None:
    words = MadeUpWords()
    docs: list[str] = []
    for distractor in _FIVE_OF_EIGHT[:distractors]:
        docs += [distractor, words.sentence(), words.sentence()]
    docs += [*_HALVES, words.sentence()]
    alignment = OfficialIndex([("doc", docs)]).align(_MERGED)
    assert alignment is not None
    assert (alignment.official_text == " ".join(_HALVES)) is found


_PACKAGE = "Ministers approved the winter package for Ukraine."
#: the counterpart: the segment's words and one more
_PACKAGE_OFFICIAL = "Ministers approved the winter package for Ukraine on Tuesday."
#: every content word of the segment (cut to five letters) and no other, out of order: they
#: rank above the counterpart on words, below it on chrF++
_SAME_WORDS = [
    "Ukraine's winter packages approve ministerial.",
    "Package: Ukrainian ministerial approvals, winters.",
    "Winter ministerial approval of Ukrainian packaging.",
    "Approving ministerial Ukrainian winterised packages.",
]


@pytest.mark.parametrize(
    ("distractors", "found"),
    [
        (3, True),  # the counterpart's run is the 4th by words: scored with chrF++, chosen
        (4, False),  # the 5th: never scored
    ],
)
def test_four_candidate_runs_are_scored_with_chrf(distractors: int, found: bool) -> None:
    words = MadeUpWords()
    docs: list[str] = []
    for distractor in _SAME_WORDS[:distractors]:
        docs += [distractor, words.sentence()]
    docs.append(_PACKAGE_OFFICIAL)
    alignment = OfficialIndex([("doc", docs)]).align(_PACKAGE)
    assert alignment is not None
    assert (alignment.official_text == _PACKAGE_OFFICIAL) is found


@pytest.mark.parametrize(
    ("longer", "found"),
    [
        (199, True),  # 199 long sentences share more words: the short one is the 200th
        (200, False),  # the 201st is never ranked
    ],
)
def test_the_200_sentences_sharing_most_words_are_ranked(longer: int, found: bool) -> None:
    # every word of the segment is in every sentence (too common to pick by): the sentences
    # holding all of them, with 30 more words, share more word weight than the counterpart
    words = MadeUpWords()
    counterpart = "Ministers approved the winter package."
    docs = [f"{_PACKAGE.rstrip('.')} and {words(30)}." for _ in range(longer)] + [counterpart]
    alignment = OfficialIndex([("doc", docs)]).align(_PACKAGE)
    assert alignment is not None
    assert (alignment.official_text == counterpart) is found
    assert is_sure(alignment, RULE) is found


_COMMON_COUNTERPART = "Ministers approved the winter package."
_COMMON_SEGMENT = "Ministers approved the winter package yesterday."


def _common_index(occurrences: int, total: int) -> OfficialIndex:
    """The counterpart's four words each in `occurrences` sentences; "yesterday" (which the
    counterpart lacks) in 8 others; `total` sentences in all."""
    words = MadeUpWords()
    docs = [_COMMON_COUNTERPART]
    for word in ("Ministers", "approved", "winter", "package"):
        docs += [f"{word} {words(3)}." for _ in range(occurrences - 1)]
    docs += [f"Yesterday {words(3)}." for _ in range(8)]
    docs += [words.sentence() for _ in range(total - len(docs))]
    return OfficialIndex([("doc", docs)])


@pytest.mark.parametrize(
    ("occurrences", "total", "found"),
    [
        # up to 1000 sentences, a word in more than 50 of them is too common to look up by
        # while a rarer word ("yesterday") finds enough candidates
        (50, 220, True),
        (51, 220, False),
        # from 1000 sentences on, a word in more than 5% of them
        (60, 1200, True),
        (61, 1200, False),
    ],
)
def test_a_word_in_more_than_50_sentences_or_5_percent_is_too_common_to_look_up_by(
    occurrences: int, total: int, found: bool
) -> None:
    alignment = _common_index(occurrences, total).align(_COMMON_SEGMENT)
    assert alignment is not None
    assert (alignment.official_text == _COMMON_COUNTERPART) is found


# --- quotations: found on their own words -----------------------------------------------------

_SEND = (
    "The allies agreed today to send more air defence systems to Ukraine before the winter comes."
)
_SUPPORT = (
    "We will continue to provide military support to Ukraine for as long as it takes, because "
    "we cannot let President Putin win."
)
_STAND = "We will stand with Ukraine for as long as it takes."


@pytest.mark.parametrize(
    ("official", "quote", "found"),
    [
        # 40% of its words in order, 2 content words among them, a run of 3
        (_SEND, "The allies agreed today to ship modern missile batteries to Kyiv", True),  # 45%
        (  # 38%
            _SEND,
            "The allies agreed on Tuesday to transfer new missile launchers and radars to Ukraine "
            "very soon",
            False,
        ),
        (_SEND, "The partners decided to ship more air defence batteries to Kyiv", True),  # 2, 3
        (  # 1 content word ("long")
            _SUPPORT,
            "We shall keep giving armed help to Kyiv for as long as needed",
            False,
        ),
        (_SEND, "The partners agreed now to ship more air power to Kyiv", False),  # run of 2
        # most of its words (60%) in order: one content word and a run of 4 will do
        (_STAND, "We will remain with Kyiv for as long as required", True),  # 70%, run of 4
        (_SUPPORT, "We will keep helping Kyiv for as long as needed", True),  # 60%, run of 4
        (_SUPPORT, "We will keep giving armed help to Kyiv for as long as needed", False),  # 54%
        (_STAND, "We will remain with Kyiv as long as required", False),  # run of 3
        # skipping at most 35% of the span's words
        (_SEND, "The allies agreed to send defence to Ukraine before winter", True),  # 5 of 15
        (_SEND, "The allies agreed to send to Ukraine before winter", False),  # 5 of 13
        # rendering at least 60% of its words one for one
        (_SEND, "The allies agreed today to ship modern missile batteries to Kyiv", True),  # 64%
        (_SEND, "The allies agreed today to ship additional weapons to Kyiv", False),  # 50%
    ],
)
def test_a_quotation_is_found_on_enough_of_its_own_words_in_order(
    official: str, quote: str, found: bool
) -> None:
    match = match_quotation(quote, OfficialIndex([("doc", [official])]))
    assert match is not None
    assert (match.strength(RULE) is STRONG) is found, match.evidence()


_ANNEXATION = "We will never recognise the illegal annexation of Ukrainian land."
_ANNEXATION_OFFICIAL = "We will never recognise the illegal annexation of Ukrainian territory."
#: every content word of the quotation but out of order: more of its word weight than the
#: counterpart (which lacks "land"), little of it in order
_SCRAMBLED = [
    "Ukrainian land: annexation illegal, never recognise.",
    "Recognise land annexation? Never; illegal, Ukrainian.",
    "Illegal Ukrainian annexation, land never recognised.",
    "Never land, recognise Ukrainian annexation illegal.",
]


@pytest.mark.parametrize(
    ("distractors", "found"),
    [
        (3, True),  # the counterpart holds the 4th most of the quotation's words
        (4, False),  # the 5th: not looked up, the quotation is not found
    ],
)
def test_four_official_sentences_are_looked_up_per_quotation(distractors: int, found: bool) -> None:
    words = MadeUpWords()
    docs: list[str] = []
    for distractor in _SCRAMBLED[:distractors]:
        docs += [distractor, words.sentence()]
    docs.append(_ANNEXATION_OFFICIAL)
    match = match_quotation(_ANNEXATION, OfficialIndex([("doc", docs)]))
    assert match is not None
    assert (match.strength(RULE) is STRONG) is found


# --- frames: a sentence that is only its quotation and who said it ----------------------------


@pytest.mark.parametrize(
    ("frame", "scored_alone"),
    [
        ("Stoltenberg told journalists on Tuesday.", False),  # journalists
        ("Stoltenberg told reporters at the summit on Tuesday.", False),  # reporters, summit
        ("Stoltenberg told reporters at the summit after the meeting.", True),  # … meeting
    ],
)
def test_a_sentence_with_at_most_two_content_words_around_its_quotation_is_its_frame(
    frame: str, scored_alone: bool
) -> None:
    segments = segment_document(f"“We are ready to defend every inch of allied territory,” {frame}")
    sentence = next(s for s in segments if s.kind is Kind.SENTENCE)
    what = compared(sentence, segments, quotations_of(segments), RULE.frame_max_content_words)
    assert (what.text is not None) is scored_alone


def test_the_frame_limit_default_is_the_settings_one() -> None:
    segments = segment_document(
        "“We are ready to defend every inch of allied territory,” Stoltenberg told reporters at "
        "the summit on Tuesday."
    )
    sentence = next(s for s in segments if s.kind is Kind.SENTENCE)
    assert compared(sentence, segments, quotations_of(segments)).text is None


# --- parts of a quotation between found neighbours --------------------------------------------

_PARTS_OFFICIAL = [
    "We will support Ukraine for as long as it takes.",
    "Our engineers repair damaged power grids and water pumps across the country every single day.",
    "We will stand with our partners in the alliance.",
]


@pytest.mark.parametrize(
    ("middle", "strength"),
    [
        ("Engineers fix power lines.", WEAK),  # shares "engineers" and "power"
        ("Workers fix grids daily.", None),  # shares "grids" only
    ],
)
def test_a_part_of_a_quotation_between_its_found_parts_is_weak_on_two_shared_content_words(
    middle: str, strength: AlignmentStrength | None
) -> None:
    text = (
        "Stoltenberg said: “We will support Ukraine for as long as it takes. "
        f"{middle} We will stand with our partners in the alliance.”"
    )
    segments = segment_document(text)
    index = OfficialIndex([("official", _PARTS_OFFICIAL)])
    drift = audit_drift(segments, {s.index: s.text for s in segments}, index, Settings())
    parts = [r for r in drift.rows if r.segment.kind is Kind.QUOTE]
    assert [r.alignment for r in parts] == [
        AlignmentStrength.EXACT,
        strength,
        AlignmentStrength.EXACT,
    ]
    if strength is None:
        assert parts[1].category is Category.UNMATCHED
