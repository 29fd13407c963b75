"""Scores are sacrebleu's own: golden comparisons against sacrebleu called directly."""

from __future__ import annotations

import pytest
import sacrebleu
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.stages.score import (
    aggregate,
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
