"""Pins of the verdict: whether an article reports an official document (coverage, share of
its quotations found, share of its sentences found), when an unfound quotation is a quoted
phrase, and where a paraphrase becomes drift (`VerdictSettings`).

Every case is a finding a reviewer can check by hand at the default settings; moving a
threshold by about a fifth (an integer by one) flips one of them (see bench/mutants.py). The
official documents are a few real sentences among filler sentences of made-up words that no
article shares, so that what is found is exactly the sentences an article copies.
"""

from __future__ import annotations

import pytest

from auditor.records import Category, Kind, NotFound, SegmentResult, Status
from auditor.settings import Settings
from auditor.stages.align import OfficialIndex
from auditor.stages.drift import ArticleDrift, audit_drift
from auditor.stages.segment import segment_document
from tests.pin_words import filler_sentences

SETTINGS = Settings()

#: official sentences an article may copy (word for word: found, `verbatim`)
REAL = [
    "The allies agreed to send more air defence systems to Ukraine before the winter.",
    "Finland and Sweden will soon become full members of the alliance.",
    "Energy infrastructure has been attacked with missiles and drones.",
    "Defence spending rose in every member country last year.",
    "China's coercive policies challenge our interests and values.",
    "Hybrid attacks on undersea cables are a growing concern for ministers.",
]
#: article sentences with no word in common with any official sentence (never found)
UNRELATED = [
    "Farmers in the north expect a poor harvest after months of drought.",
    "The city's football club sold its stadium to a property developer.",
    "Tourists queued for hours outside the museum on Sunday.",
    "Bakers say flour prices doubled since spring.",
    "A new bridge across the river opens to traffic next month.",
    "Local schools will teach chess to pupils aged six and older.",
    "Heavy rain flooded several streets near the harbour.",
]
#: made-up quotations that share no word with the official text (never found)
INVENTED_QUOTES = [
    "Nobody here wants cheaper bread tomorrow",
    "Our orchestra plays jazz every Friday night",
    "Pupils learn chess faster than adults",
    "Rain ruined this year's strawberry crop",
]


def _audit(article: str, official: list[str]) -> ArticleDrift:
    segments = segment_document(article)
    index = OfficialIndex([("official", official)], SETTINGS.align)
    english = {s.index: s.text for s in segments}
    return audit_drift(segments, english, index, SETTINGS)


def _official(real: int, total: int) -> list[str]:
    """The first `real` real sentences among filler, `total` sentences in all."""
    return REAL[:real] + filler_sentences(total - real, seed=total)


def _rows(drift: ArticleDrift, kind: Kind) -> list[SegmentResult]:
    return [r for r in drift.rows if r.segment.kind is kind]


# --- min_coverage: the share of the official document's sentences the article covers --------


@pytest.mark.parametrize(
    ("total", "status"),
    [
        (10, Status.OK),  # 2 of 10 sentences covered: 0.20, the least that reports it
        (11, Status.NO_OFFICIAL_MATCH),  # 2 of 11: 0.18
    ],
)
def test_an_article_covering_a_fifth_of_the_official_sentences_reports_it(
    total: int, status: Status
) -> None:
    # two copied sentences and an unrelated one: too few found segments for the share rule
    article = " ".join([REAL[0], REAL[1], UNRELATED[0]])
    assert _audit(article, _official(2, total)).status is status


# --- min_quote_share: the share of the article's (long) quotations found ---------------------


def _quoting(found: int, invented: int) -> str:
    quotes = [REAL[i].rstrip(".") for i in range(found)] + INVENTED_QUOTES[:invented]
    return " ".join(f"The minister said: “{q}.”" for q in quotes)


@pytest.mark.parametrize(
    ("found", "invented", "status"),
    [
        (1, 1, Status.OK),  # half its quotations are official words
        (2, 2, Status.OK),
        (2, 3, Status.NO_OFFICIAL_MATCH),  # 2 of 5: 0.4
        (1, 2, Status.NO_OFFICIAL_MATCH),  # 1 of 3
    ],
)
def test_an_article_whose_quotations_are_half_found_reports_the_document(
    found: int, invented: int, status: Status
) -> None:
    # a long transcript (30 sentences): 2 quotations cover too little of it on their own
    drift = _audit(_quoting(found, invented), _official(found, 30))
    assert drift.status is status


# --- min_article_share and min_found_segments: found sentences of a paraphrasing report --------


@pytest.mark.parametrize(
    ("found", "unrelated", "status"),
    [
        (3, 5, Status.OK),  # 3 of 8 sentences found: 0.375
        (3, 7, Status.NO_OFFICIAL_MATCH),  # 3 of 10: 0.30
        (4, 7, Status.OK),  # 4 of 11: 0.36
        (2, 3, Status.NO_OFFICIAL_MATCH),  # 2 of 5 (0.40), but fewer than 3 found
        (2, 2, Status.NO_OFFICIAL_MATCH),  # 2 of 4
    ],
)
def test_a_report_with_at_least_three_sentences_and_a_third_of_them_found_reports_it(
    found: int, unrelated: int, status: Status
) -> None:
    # a long transcript (40 sentences): 4 sentences cover 0.1 of it
    article = " ".join(REAL[:found] + UNRELATED[:unrelated])
    assert _audit(article, _official(found, 40)).status is status


# --- min_quote_words: a short unfound quotation is a quoted phrase ----------------------------


@pytest.mark.parametrize(
    ("quote", "not_found"),
    [
        ("Pupils learn chess faster", NotFound.PHRASE),  # 4 words
        ("Pupils learn chess faster than adults", NotFound.QUOTATION),  # 6 words
        ("Our orchestra plays jazz nightly", NotFound.QUOTATION),  # 5 words
    ],
)
def test_an_unfound_quotation_of_five_words_or_more_is_a_quotation_not_a_phrase(
    quote: str, not_found: NotFound
) -> None:
    article = f"{REAL[0]} {REAL[1]} He called it “{quote}” on Tuesday."
    drift = _audit(article, _official(2, 6))
    assert drift.status is Status.OK
    (row,) = _rows(drift, Kind.QUOTE)
    assert (row.category, row.not_found) == (Category.UNMATCHED, not_found)


# --- paraphrase_min_chrf: below chrF++ 60 a rewording is drift --------------------------------


@pytest.mark.parametrize(
    ("article", "chrf", "category"),
    [
        (
            "Allies agreed on sending more air defence systems to Ukraine ahead of winter.",
            63.9,
            Category.PARAPHRASE,
        ),
        (
            "The allies have agreed to provide Ukraine with more air defence systems ahead of "
            "winter.",
            61.8,
            Category.PARAPHRASE,
        ),
        ("Allies will send Ukraine more air defence before the winter.", 54.8, Category.DRIFT),
    ],
)
def test_an_aligned_sentence_below_chrf_60_is_drift_even_without_a_critical_edit(
    article: str, chrf: float, category: Category
) -> None:
    drift = _audit(article, _official(1, 4))
    (row,) = _rows(drift, Kind.SENTENCE)
    assert row.chrf == pytest.approx(chrf, abs=0.05)
    assert not row.critical_edits
    assert row.category is category
