"""Per-article confidence intervals: sacrebleu's own paired-bootstrap resampling, golden-tested
against `sacrebleu.significance` with the same seed."""

from __future__ import annotations

import numpy as np
import pytest
import sacrebleu
from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import BLEU, CHRF
from sacrebleu.significance import _bootstrap_resample, estimate_ci

from auditor.stages import resample
from auditor.stages.resample import scores_of_sums
from auditor.stages.score import aggregate, sentence_scores

#: an article's aligned segments: its wording against the official wording
ALIGNED = [
    ("We do not see China as an enemy.", "We do not see China as an adversary."),
    ("But we should not underestimate Russia.", "But we must not underestimate Russia."),
    (
        "NATO will continue to support Ukraine for as long as it takes.",
        "NATO will continue to stand with Ukraine for as long as it takes.",
    ),
    ("Allies agreed to step up their help.", "Allies agreed to step up support."),
    (
        "These attacks cause a lot of people to suffer with the onset of winter.",
        "This is causing enormous human suffering, as winter sets in.",
    ),
    ("Thank you very much.", "Thank you so much."),
    ("The winter will be hard for Ukraine.", "This winter will be hard for Ukraine."),
]


def _sacrebleu_interval(
    monkeypatch: pytest.MonkeyPatch, stats: list[list[float]], metric: BLEU | CHRF, seed: int
) -> tuple[float, float, float]:
    """What sacrebleu's own machinery computes: its resamples, and estimate_ci's bounds."""
    monkeypatch.setenv("SACREBLEU_SEED", str(seed))
    _, scores = _bootstrap_resample(stats, metric, 1000)
    values = np.array([s.score for s in scores])
    ordered = np.sort(values)
    _, half_width = estimate_ci(values)
    return float(ordered[1000 // 40]), float(ordered[1000 - 1000 // 40 - 1]), float(half_width)


@pytest.mark.parametrize("seed", [12345, 7])
def test_intervals_equal_sacrebleus_paired_bootstrap(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    sentences = [sentence_scores(h, r) for h, r in ALIGNED]
    scores = aggregate(sentences, samples=1000, seed=seed)
    assert scores is not None and scores.chrf_ci and scores.bleu_ci
    for metric, index, ours in (
        (BLEU(), 0, scores.bleu_ci),
        (CHRF(word_order=2), 1, scores.chrf_ci),
    ):
        stats = [list(s.stats[index]) for s in sentences if s.stats]
        low, high, half_width = _sacrebleu_interval(monkeypatch, stats, metric, seed)
        assert ours == (low, high)
        assert (ours[1] - ours[0]) / 2 == pytest.approx(half_width)


def test_the_interval_holds_the_score_and_is_reproducible() -> None:
    sentences = [sentence_scores(h, r) for h, r in ALIGNED]
    first = aggregate(sentences, samples=1000)
    again = aggregate(sentences, samples=1000)
    assert first is not None and first.chrf_ci and first.bleu_ci
    assert first == again
    assert first.chrf_ci[0] < first.chrf < first.chrf_ci[1]
    assert first.bleu_ci[0] < first.bleu < first.bleu_ci[1]
    assert first.chrf_ci[0] < first.chrf_ci[1]  # seven different segments: not a point


def test_one_segment_has_a_point_interval_and_no_samples_none() -> None:
    one = [sentence_scores(*ALIGNED[0])]
    scores = aggregate(one, samples=1000)
    assert scores is not None and scores.chrf_ci is not None
    # statistics are resampled as float32, as sacrebleu does
    assert scores.chrf_ci == pytest.approx((scores.chrf, scores.chrf), abs=1e-4)
    assert aggregate(one).chrf_ci is None  # type: ignore[union-attr]


def test_a_changed_segment_moves_the_interval() -> None:
    """The interval follows the article's wording: drift on more segments lowers it."""
    clean = [sentence_scores(r, r) for _, r in ALIGNED]
    drifted = [sentence_scores(h, r) for h, r in ALIGNED]
    a, b = aggregate(clean, samples=1000), aggregate(drifted, samples=1000)
    assert a is not None and b is not None and a.chrf_ci and b.chrf_ci
    assert b.chrf_ci[1] < a.chrf_ci[0]


# ---------------------------------------------------------------- resamples scored at once


def _stats_rows(draw_counts: list[list[int]], width: int) -> np.ndarray:
    return np.array([(row + [0] * width)[:width] for row in draw_counts], dtype=np.float32)


#: small counts with many zeros: every branch of sacrebleu's arithmetic (no match at an order,
#: no hypothesis or reference n-gram, an empty system, a short one)
COUNTS = st.lists(st.lists(st.sampled_from([0, 0, 1, 2, 3, 7, 40, 999]), max_size=18), min_size=1)


@settings(max_examples=300, deadline=None)
@given(rows=COUNTS)
def test_chrf_of_every_resample_is_sacrebleus_bit_for_bit(rows: list[list[int]]) -> None:
    metric = CHRF(word_order=2)
    sums = _stats_rows(rows, 3 * metric.order)
    ours = scores_of_sums(metric, sums)
    assert ours == [float(metric._compute_score_from_stats(row).score) for row in sums]


@settings(max_examples=300, deadline=None)
@given(rows=COUNTS, effective=st.booleans(), smooth=st.sampled_from(["exp", "none"]))
def test_bleu_of_every_resample_is_sacrebleus_bit_for_bit(
    rows: list[list[int]], effective: bool, smooth: str
) -> None:
    metric = BLEU(effective_order=effective, smooth_method=smooth)
    sums = _stats_rows(rows, 2 + 2 * metric.max_ngram_order)
    ours = scores_of_sums(metric, sums)
    assert ours == [float(metric._compute_score_from_stats(row).score) for row in sums]


def test_configurations_not_covered_are_left_to_sacrebleu() -> None:
    sums = np.ones((3, 18), dtype=np.float32)
    assert scores_of_sums(CHRF(eps_smoothing=True), sums) is None
    assert scores_of_sums(BLEU(smooth_method="floor"), sums) is None


def test_sacrebleu_is_pinned_to_the_release_the_arithmetic_was_checked_against() -> None:
    from tests.conftest import ROOT

    pins = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    assert f"sacrebleu=={resample.CHECKED_SACREBLEU}" in pins
    assert sacrebleu.__version__ == resample.CHECKED_SACREBLEU  # what make installs


@pytest.mark.parametrize("seed", [12345, 7])
def test_another_sacrebleu_scores_every_resample_itself(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    sentences = [sentence_scores(h, r) for h, r in ALIGNED]
    calls: list[int] = []
    own = CHRF._compute_score_from_stats

    def counted(self: CHRF, stats: list[float]) -> object:
        calls.append(1)
        return own(self, stats)

    monkeypatch.setattr(CHRF, "_compute_score_from_stats", counted)
    checked = aggregate(sentences, samples=1000, seed=seed)
    assert len(calls) == 1  # the article's chrF++; its resamples were scored here
    monkeypatch.setattr(sacrebleu, "__version__", "2.7.0")
    assert scores_of_sums(CHRF(word_order=2), np.ones((3, 18), dtype=np.float32)) is None
    other = aggregate(sentences, samples=1000, seed=seed)
    assert len(calls) == 1 + 1 + 1000  # and now each of its 1,000 resamples by sacrebleu
    assert other == checked  # the very same intervals


# ---------------------------------------------------------------- the interval's two resamples

RANKS = st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=3)


def _exact_ranks(metric: BLEU | CHRF, sums: np.ndarray, ranks: list[int]) -> list[float]:
    ordered = sorted(float(metric._compute_score_from_stats(row).score) for row in sums)
    return [ordered[r] for r in ranks]


@settings(max_examples=300, deadline=None)
@given(
    rows=COUNTS,
    ranks=RANKS,
    effective=st.booleans(),
    smooth=st.sampled_from(["exp", "none"]),
    repeat=st.integers(min_value=1, max_value=4),
)
def test_bleu_order_statistics_are_sacrebleus_bit_for_bit(
    rows: list[list[int]], ranks: list[int], effective: bool, smooth: str, repeat: int
) -> None:
    metric = BLEU(effective_order=effective, smooth_method=smooth)
    sums = _stats_rows(rows * repeat, 2 + 2 * metric.max_ngram_order)  # ties on purpose
    wanted = [r % len(sums) for r in ranks]
    assert resample.order_statistics(metric, sums, wanted) == _exact_ranks(metric, sums, wanted)


@settings(max_examples=100, deadline=None)
@given(rows=COUNTS, ranks=RANKS)
def test_chrf_order_statistics_are_sacrebleus_bit_for_bit(
    rows: list[list[int]], ranks: list[int]
) -> None:
    metric = CHRF(word_order=2)
    sums = _stats_rows(rows, 3 * metric.order)
    wanted = [r % len(sums) for r in ranks]
    assert resample.order_statistics(metric, sums, wanted) == _exact_ranks(metric, sums, wanted)


@settings(max_examples=300, deadline=None)
@given(rows=COUNTS, effective=st.booleans(), smooth=st.sampled_from(["exp", "none"]))
def test_numpys_bleu_stays_far_inside_the_slack(
    rows: list[list[int]], effective: bool, smooth: str
) -> None:
    """The band `order_statistics` rescores exactly is wide enough: numpy's scores differ from
    sacrebleu's by far less than `_BLEU_SLACK`."""
    metric = BLEU(effective_order=effective, smooth_method=smooth)
    sums = _stats_rows(rows, 2 + 2 * metric.max_ngram_order)
    exact = np.array([metric._compute_score_from_stats(row).score for row in sums])
    approximate = resample._bleu_approximate(metric, sums)
    assert np.abs(approximate - exact).max() <= resample._BLEU_SLACK / 1000


def _article_sums(seed: int = 12345) -> np.ndarray:
    stats = [list(sentence_scores(h, r).stats[0]) for h, r in ALIGNED]  # type: ignore[index]
    table = np.array(stats, dtype=np.float32)
    draws = np.random.default_rng(seed).choice(len(stats), size=(1000, len(stats)))
    return table[draws].sum(1)


def test_only_resamples_near_the_two_ranks_are_scored_exactly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sums, metric = _article_sums(), BLEU()
    scored: list[int] = []
    exact = resample._bleu

    def counted(metric: BLEU, rows: np.ndarray) -> list[float] | None:
        scored.append(len(rows))
        return exact(metric, rows)

    monkeypatch.setattr(resample, "_bleu", counted)
    bounds = resample.order_statistics(metric, sums, (25, 974))
    assert bounds == _exact_ranks(metric, sums, [25, 974])
    assert len(scored) == 2 and sum(scored) < 100  # of 1,000 resamples (ties included)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_approximation_off_by_less_than_the_slack_still_gives_sacrebleus_values(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """The band argument itself: with a slack wide enough to hold many distinct scores, every
    approximate score moved at random by up to 0.9 × the slack (so that the approximate order
    is not the exact one) changes no order statistic."""
    sums, metric = _article_sums(7), BLEU()
    monkeypatch.setattr(resample, "_BLEU_SLACK", 0.05)
    close = resample._bleu_approximate
    shuffled = 0

    def off(metric: BLEU, rows: np.ndarray) -> np.ndarray:
        nonlocal shuffled
        noise = np.random.default_rng(seed).uniform(-0.9, 0.9, len(rows)) * 0.05
        moved = close(metric, rows) + noise
        shuffled += int((np.argsort(moved) != np.argsort(close(metric, rows))).sum())
        return moved

    monkeypatch.setattr(resample, "_bleu_approximate", off)
    ranks = [0, 25, 500, 974, 999]
    assert resample.order_statistics(metric, sums, ranks) == _exact_ranks(metric, sums, ranks)
    assert shuffled > 100  # the approximate order really was another
