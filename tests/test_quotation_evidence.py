"""What a quotation's words say about where it comes from: distorted (an official span explains
its content, it changes what was said) against never said (no span explains it), spliced (its
parts were said in distant places) against assembled (official phrases joined into a claim of
its own), and reported speech aligned to every official sentence it reports.

Against the bundled transcript (tests/conftest.py OFFICIAL); each table has cases on both sides
of its boundary."""

from __future__ import annotations

from functools import cache

import pytest

from auditor.records import Role
from auditor.run.article import build_index
from auditor.settings import AlignSettings, Settings
from auditor.stages.align import OfficialIndex
from auditor.stages.drift import Counterpart, judge_quotation
from auditor.stages.ingest import decode_document
from auditor.stages.quote_align import match_quotation
from auditor.stages.speech import wording
from auditor.stages.splice import Splice, match_splice
from tests.conftest import OFFICIAL

SETTINGS = Settings()
RULE = SETTINGS.align


@cache
def _index(rule: AlignSettings = RULE) -> OfficialIndex:
    official = decode_document(
        OFFICIAL.name, Role.OFFICIAL, OFFICIAL.read_bytes(), plausibility=None, max_control=0.01
    )
    return build_index([official], Settings(align=rule))


def _verdict(quotation: str, rule: AlignSettings = RULE) -> tuple[str, str]:
    """(verdict, the official wording it is aligned to or assembled from)."""
    index = _index(rule)
    judged = judge_quotation(quotation, match_quotation(quotation, index), index, None, rule)
    if isinstance(judged, Counterpart) and judged.places:
        return "spliced", judged.official_text
    if isinstance(judged, Counterpart):
        kind = "distorted" if judged.note else str(judged.strength)
        return kind, judged.official_text
    if isinstance(judged, Splice):
        return "assembled", " + ".join(p.match.span.text for p in judged.parts)
    return "unmatched", ""


# ------------------------------------------------------------- distorted against never said

DISTORTED = [
    # a scope word and a modal changed, every other word kept: too few words in a row to be
    # found on the wording, all of its content in one official sentence
    ("But we can underestimate Russia.", "But we must not underestimate Russia."),
    # two words swapped one for one for their opposites
    ("Ukraine has suffered significant losses.", "Ukraine has made significant gains."),
]
FOUND = [
    # a dropped negation, the rest word for word: found on its wording, charged
    ("We see China as an adversary.", "We do not see China as an adversary."),
    (
        "Allies agreed to cut our tailored support.",
        "Allies agreed to step up our tailored support,",
    ),
]
NEVER_SAID = [
    # the transcript's vocabulary from several sentences, scattered
    "Our dependencies on China and Russia's war will decide this winter",
    # phrases of two sentences around a claim of its own
    "Our Alliance has never been stronger in the Indo-Pacific region than it is today",
    # one sentence's words, most of the sentence skipped and said otherwise
    "We will never again depend on China for our supply chains",
    "Terrorism will be defeated only when every ally doubles its efforts.",
    "NATO will never accept a Russian victory in Ukraine, whatever the cost to us this winter.",
]


@pytest.mark.parametrize(("quotation", "official"), DISTORTED)
def test_a_distorted_quotation_is_aligned_to_what_it_distorts(
    quotation: str, official: str
) -> None:
    assert _verdict(quotation) == ("distorted", official)


@pytest.mark.parametrize(("quotation", "official"), FOUND)
def test_a_quotation_that_keeps_the_wording_is_found_on_it(quotation: str, official: str) -> None:
    assert _verdict(quotation) == ("strong", official)


@pytest.mark.parametrize("quotation", NEVER_SAID)
def test_a_quotation_no_official_span_explains_stays_never_said(quotation: str) -> None:
    assert _verdict(quotation)[0] == "unmatched"


def test_the_evidence_of_a_distorted_quotation_names_the_shared_words() -> None:
    match = match_quotation("But we can underestimate Russia.", _index())
    assert match is not None and match.strength(RULE) is None and match.distorted(RULE)
    assert match.shared_words == ("underestimate", "Russia")
    assert match.content_evidence() == (
        "aligned on its content, not its wording: 2 of its 2 content words stand in the "
        "official wording (underestimate, Russia; 100% of its content by rarity)"
    )


@pytest.mark.parametrize(
    ("settings", "quotation", "verdict"),
    [
        # the paired evidence alone carries "losses for gains"; without it, never said
        ({"distorted_word_share": 0.61}, "Ukraine has suffered significant losses.", "unmatched"),
        ({"distorted_shared": 3}, "Ukraine has suffered significant losses.", "unmatched"),
        ({"distorted_paired_share": 1.01}, "Ukraine has suffered significant losses.", "unmatched"),
        # "can" for "must not" is carried by both kinds: each alone is enough
        ({"distorted_paired_share": 1.01}, "But we can underestimate Russia.", "distorted"),
        ({"distorted_content_cover": 1.01}, "But we can underestimate Russia.", "distorted"),
        (
            {"distorted_content_cover": 1.01, "distorted_max_gap_share": 0.1},
            "But we can underestimate Russia.",
            "unmatched",
        ),
        (
            {"distorted_word_share": 0.81, "distorted_span_cover": 0.73},
            "But we can underestimate Russia.",
            "unmatched",
        ),
    ],
)
def test_each_threshold_of_the_distorted_rule_decides(
    settings: dict[str, float], quotation: str, verdict: str
) -> None:
    rule = AlignSettings(**settings)  # type: ignore[arg-type]
    assert _verdict(quotation, rule)[0] == verdict


# ---------------------------------------------------------------------- spliced or assembled

SPLICED = [
    # two places, joined by "and"
    (
        "Ukraine has made significant gains, and we will continue to engage with China when it "
        "is in our interests",
        "Ukraine has made significant gains […] We will continue to engage with China when it "
        "is in our interests",
    ),
    # two places in the reverse order of the transcript
    (
        "We do not see China as an adversary, but we must not underestimate Russia",
        "We do not see China as an adversary […] But we must not underestimate Russia",
    ),
    # three places
    (
        "The war in Ukraine has demonstrated our dangerous dependency on Russian gas, we must "
        "address them together in NATO and manage the risks.",
        "The war in Ukraine has demonstrated our dangerous dependency on Russian gas […] we must "
        "address them together in NATO […] And manage the risks",
    ),
]
NOT_SPLICED = [
    # two neighbouring sentences: one run, not a splice
    ("Ukraine has made significant gains. But we must not underestimate Russia.", "exact"),
    ("We do not see China as an adversary.", "exact"),
    # the parts joined by a verb of the quotation's own: a claim neither place makes
    (
        "Romania's strong commitment to our Alliance makes the Euro-Atlantic area more secure",
        "assembled",
    ),
]


@pytest.mark.parametrize(("quotation", "official"), SPLICED)
def test_a_spliced_quotation_is_aligned_to_each_of_its_places(
    quotation: str, official: str
) -> None:
    assert _verdict(quotation) == ("spliced", official)


@pytest.mark.parametrize(("quotation", "verdict"), NOT_SPLICED)
def test_neighbours_and_assembled_phrases_are_no_splice(quotation: str, verdict: str) -> None:
    assert _verdict(quotation)[0] == verdict


def test_an_assembled_quotation_names_its_own_linking_words() -> None:
    quotation = (
        "Romania's strong commitment to our Alliance makes the Euro-Atlantic area more secure"
    )
    splice = match_splice(quotation, _index(), None, RULE, None)
    assert splice is not None
    assert [p.text for p in splice.parts] == [
        "Romania's strong commitment to our Alliance",
        "the Euro-Atlantic area more secure",
    ]
    assert splice.link_words == ("makes",)


def test_a_splice_must_place_more_words_than_the_best_single_span() -> None:
    quotation = "We do not see China as an adversary, but we must not underestimate Russia"
    index = _index()
    single = match_quotation(quotation, index)
    assert match_splice(quotation, index, None, RULE, single) is not None
    strict = AlignSettings(splice_min_gain=30)
    assert match_splice(quotation, _index(strict), None, strict, single) is None


# ------------------------------------------------------------------ reported speech coverage


@pytest.mark.parametrize(
    ("sentence", "lines"),
    [
        # one official sentence
        ("He said ministers considered China's military developments.", (39, 39)),
        # two: the sentence before names who "their" membership is
        (
            "He said that the ratification process for Finland and Sweden was now nearly complete.",
            (62, 63),
        ),
        # three, in one long "X warned that …"
        (
            "Stoltenberg warned that although Ukraine had made significant gains, allies must "
            "not underestimate Russia, whose missiles and drones continue to strike Ukrainian "
            "cities, civilians and critical infrastructure.",
            (13, 16),
        ),
        (
            "He said ministers agreed that allies must continue their efforts to counter "
            "terrorism, which he called the most direct asymmetric threat to their security, "
            "after the horrific attack in Istanbul.",
            (53, 55),
        ),
    ],
)
def test_reported_speech_is_aligned_to_every_official_sentence_it_reports(
    sentence: str, lines: tuple[int, int]
) -> None:
    index = _index()
    found = index.align(wording(sentence))
    assert found is not None
    first = index.sentences[index.sentence_id(found.doc_id, found.first)].line
    last = index.sentences[index.sentence_id(found.doc_id, found.last)].line
    assert (first, last) == lines


def test_a_run_merged_beyond_its_core_keeps_the_core_as_its_evidence() -> None:
    """Merging a long neighbour lowers chrF++; the run is sure when its core was."""
    index = _index()
    found = index.align(
        wording(
            "He said that the ratification process for Finland and Sweden was not yet complete."
        )
    )
    assert found is not None and found.core is not None
    assert (found.core.first, found.core.last) == (found.last, found.last)
    assert found.chrf < RULE.close_chrf  # on its own, the merged run would not be sure


TRANSCRIPT = [
    "We discussed the situation in the region with our partners today.",
    "The ministers agreed to increase humanitarian aid to the refugees.",
    "They did not agree on sending new weapons to the government.",
    "The next meeting will take place in the spring.",
]


@pytest.mark.parametrize("max_run", [1, 2, 3])
def test_reported_speech_is_not_charged_with_words_of_a_sentence_it_also_reports(
    max_run: int,
) -> None:
    """A summary of three official sentences, the third holding the "not": with runs too short
    to hold all three, the sentence it is aligned to lacks the "not", which must not become an
    added negation: it stands in a neighbour the summary also reports."""
    from auditor.records import Kind
    from auditor.stages.drift import audit_drift
    from auditor.stages.segment import segment_document

    settings = Settings(align=AlignSettings(max_run=max_run))
    index = OfficialIndex([("talks", TRANSCRIPT)], settings.align)
    article = (
        "The minister said they had discussed the situation in the region with partners, agreed "
        "to increase humanitarian aid to the refugees, but did not agree on sending new weapons "
        "to the government.\n"
    )
    segments = segment_document(article, settings.segment)
    english = {s.index: s.text for s in segments if s.kind is Kind.SENTENCE}
    rows = audit_drift(segments, english, index, settings).rows
    (row,) = [r for r in rows if r.segment.kind is Kind.SENTENCE]
    assert row.official_text and not row.critical_edits, row.critical_edits


# ------------------------------------------------------------------- datelines and counters


@pytest.mark.parametrize(
    ("text", "length"),
    [
        (
            "BUCHAREST, Nov 30 (Reuters) - NATO Secretary General",
            len("BUCHAREST, Nov 30 (Reuters) - "),
        ),
        ("Bucharest, 30.11.2022 — At the close", len("Bucharest, 30.11.2022 — ")),
        ("BUCHAREST, Romania, Nov. 30 — NATO's chief", len("BUCHAREST, Romania, Nov. 30 — ")),
        ("Bucharest, 30 November 2022", len("Bucharest, 30 November 2022")),
        ("BUCHAREST (AP) — NATO foreign ministers", len("BUCHAREST (AP) — ")),
        ("Bucharest — NATO Secretary General", len("Bucharest — ")),  # a place and a dash
        # not datelines: a name before a colon, a counter, a sentence
        ("Stoltenberg: NATO sees China as an adversary", 0),
        ("Comments (0)", 0),
        ("NATO is an Alliance of Europe and North America.", 0),
        ("Three valued NATO partners, which face Russian pressure.", 0),
    ],
)
def test_a_dateline_is_where_and_when_the_article_was_filed(text: str, length: int) -> None:
    from auditor.stages.dateline import dateline_end

    assert dateline_end(text) == length


def test_a_place_and_a_dash_is_a_dateline_only_where_a_paragraph_begins() -> None:
    from auditor.stages.dateline import dateline_end

    assert dateline_end("Russia — which started the war — must lose", paragraph_start=False) == 0
    assert dateline_end("BUCHAREST, Nov 30 (Reuters) - NATO", paragraph_start=False) > 0


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Comments (0)", True),
        ("Shares (12)", True),
        ("Share this article", True),
        ("The ministers made 12 commitments (3 new).", False),
    ],
)
def test_counters_are_page_furniture(line: str, furniture: bool) -> None:
    from auditor.stages.furniture import is_marker

    assert is_marker(line) is furniture
