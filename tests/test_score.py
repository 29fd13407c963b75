"""Scores are sacrebleu's own: golden comparisons against sacrebleu called directly."""

from __future__ import annotations

import pytest
import sacrebleu
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.stages.score import (
    aggregate,
    chrf_ceiling,
    clean,
    corpus_scores,
    sentence_chrf,
    sentence_scores,
    signatures,
)

PAIRS = [
    ("But we should not underestimate Russia.", "But we must not underestimate Russia."),
    ("We do not see China as an enemy.", "We do not see China as an adversary."),
    (
        "These attacks cause a lot of people to suffer with the onset of the winter season.",
        "This is causing enormous human suffering, as winter sets in.",
    ),
    ("Diğer haberler", "Other news"),
]


@pytest.mark.parametrize(("hyp", "ref"), PAIRS)
def test_sentence_scores_equal_sacrebleu(hyp: str, ref: str) -> None:
    ours = sentence_scores(hyp, ref)
    assert ours.bleu == sacrebleu.sentence_bleu(hyp, [ref]).score
    assert ours.chrf == sacrebleu.sentence_chrf(hyp, [ref], word_order=2).score
    assert ours.ter == sacrebleu.sentence_ter(hyp, [ref]).score


def test_corpus_scores_equal_sacrebleu() -> None:
    hyps, refs = [h for h, _ in PAIRS], [r for _, r in PAIRS]
    ours = corpus_scores(hyps, refs)
    assert ours is not None
    assert ours.bleu == sacrebleu.corpus_bleu(hyps, [refs]).score
    assert ours.chrf == sacrebleu.corpus_chrf(hyps, [refs], word_order=2).score
    assert ours.ter == sacrebleu.corpus_ter(hyps, [refs]).score


def test_an_article_s_scores_aggregate_its_sentences_exactly_as_corpus_score() -> None:
    hyps, refs = [h for h, _ in PAIRS], [r for _, r in PAIRS]
    ours = aggregate([sentence_scores(h, r) for h, r in PAIRS])
    assert ours is not None
    assert ours.bleu == sacrebleu.corpus_bleu(hyps, [refs]).score
    assert ours.chrf == sacrebleu.corpus_chrf(hyps, [refs], word_order=2).score
    assert ours.ter == sacrebleu.corpus_ter(hyps, [refs]).score


def test_no_aligned_segments_means_no_scores() -> None:
    assert aggregate([]) is None
    assert corpus_scores([], []) is None


def test_signatures_name_each_metric_and_the_version() -> None:
    sigs = signatures()
    assert set(sigs) == {"sentence BLEU", "corpus BLEU", "chrF++", "TER"}
    assert "nw:2" in sigs["chrF++"]  # chrF++ is chrF with word bigrams
    assert all(f"version:{sacrebleu.__version__}" in s for s in sigs.values())


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
)
def test_the_cached_chrf_equals_sacrebleu_s_own(hyp: str, ref: str) -> None:
    """Alignment scores candidates with n-grams extracted once per text: the same number as
    sacrebleu's sentence chrF++ on the cleaned texts, for any text."""
    expected = sacrebleu.sentence_chrf(clean(hyp), [clean(ref)], word_order=2).score
    assert sentence_chrf(hyp, ref) == expected


@pytest.mark.parametrize(("hyp", "ref"), PAIRS)
def test_the_cached_chrf_equals_sacrebleu_on_the_seed_pairs(hyp: str, ref: str) -> None:
    assert sentence_chrf(hyp, ref) == sacrebleu.sentence_chrf(hyp, [ref], word_order=2).score


#: a few words, so that random texts share n-grams (random Unicode rarely does)
SHARED = st.lists(
    st.sampled_from("we do not see China as an adversary enemy , . must should (NATO)".split()),
    max_size=30,
).map(" ".join)
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=500, deadline=None)
@given(st.one_of(SHARED, ANY_TEXT), st.one_of(SHARED, ANY_TEXT))
def test_the_chrf_ceiling_is_never_below_chrf(hyp: str, ref: str) -> None:
    """Alignment skips a run whose ceiling is below the best chrF++ so far: that is only sound
    while no text scores above its ceiling."""
    assert chrf_ceiling(hyp, ref) >= sentence_chrf(hyp, ref)


@pytest.mark.parametrize(
    ("hyp", "ref", "ceiling"),
    [
        ("We do not see China as an adversary.", "We do not see China as an adversary.", 100.0),
        # the same lengths, other words: the ceiling knows only lengths
        ("We do not see China as an adversary.", "Ew od ton ees Anihc sa na yradversa.", 100.0),
        ("", "We do not see China as an adversary.", 0.0),
    ],
)
def test_the_chrf_ceiling_is_reached_by_equal_lengths(hyp: str, ref: str, ceiling: float) -> None:
    assert chrf_ceiling(hyp, ref) == ceiling


def test_a_run_three_times_longer_has_a_low_ceiling() -> None:
    """Recall counts twice in chrF++: a run three times the segment's length cannot reach
    40, whatever its words — and the segment repeated three times reaches that ceiling."""
    segment = "We do not see China as an adversary."
    tripled = " ".join([segment] * 3)
    assert chrf_ceiling(segment, tripled) < 40
    assert sentence_chrf(segment, tripled) == pytest.approx(chrf_ceiling(segment, tripled))
