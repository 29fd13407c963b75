"""Scores (pure): sacrebleu's own BLEU, chrF++ and TER — never re-implemented here (the
bootstrap's 1,000 resamples are scored at once by `resample.py`, checked bit for bit against
sacrebleu's own call).

Sentence BLEU uses effective order (sacrebleu's recommendation for single sentences); the
article-level scores are sacrebleu corpus scores over the article's aligned segments, with a 95 %
confidence interval from bootstrap resampling of those segments — sacrebleu's own resampling
(`sacrebleu.significance._bootstrap_resample`) and its own corpus score from statistics. Every
number can be reproduced from the signatures returned by `signatures()`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np
from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric

from auditor.stages.resample import order_statistics

_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line, single spaces (NBSP and line breaks inside a sentence are not wording)."""
    return _SPACE.sub(" ", text).strip()


@cache
def _metrics() -> tuple[BLEU, BLEU, CHRF, TER]:
    sentence_bleu, bleu, chrf, ter = BLEU(effective_order=True), BLEU(), CHRF(word_order=2), TER()
    # a signature needs the number of references, which sacrebleu learns from a first score
    for metric in (sentence_bleu, chrf, ter):
        metric.sentence_score("signature", ["signature"])
    bleu.corpus_score(["signature"], [["signature"]])
    return sentence_bleu, bleu, chrf, ter


#: a 95 % confidence interval (low, high) of a corpus score
Interval = tuple[float, float]


@dataclass(frozen=True)
class Scores:
    bleu: float
    chrf: float
    ter: float
    #: sacrebleu's sufficient statistics of a sentence (BLEU, chrF++, TER), so that an article's
    #: corpus scores are aggregated from them instead of recomputed (TER's shift search is the
    #: most expensive step of an audit)
    stats: tuple[Any, Any, Any] | None = None
    #: bootstrap 95 % intervals of the corpus scores (`aggregate` with a number of samples)
    bleu_ci: Interval | None = None
    chrf_ci: Interval | None = None


#: texts whose chrF++ n-grams are kept: an alignment scores a segment against several official
#: runs in a row (~50 KB each). Measured on 100 articles x 5,000 official sentences: 256 is as
#: fast as 2,048 and keeps peak memory 125 MB lower (bench/RESULTS.md)
CHRF_CACHE = 256


@lru_cache(maxsize=CHRF_CACHE)
def _chrf_ngrams(text: str) -> tuple[Counter[str], ...]:
    """sacrebleu's own chrF++ n-grams of a text (the same for a hypothesis and a reference)."""
    return tuple(_metrics()[2]._extract_reference_info([clean(text)])["ref_ngrams"][0])


@lru_cache(maxsize=CHRF_CACHE)
def sentence_chrf(hypothesis: str, reference: str) -> float:
    """chrF++ (character 6-grams, word 2-grams) of one article segment against official text:
    sacrebleu's own match statistics and F-score over n-grams extracted once per text, equal to
    `CHRF.sentence_score` (tests/test_score.py). Kept for the last pairs: an alignment asks
    for the same pair again when it shrinks or widens a run (a third of the calls)."""
    chrf = _metrics()[2]
    stats = [
        count
        for mine, theirs in zip(_chrf_ngrams(hypothesis), _chrf_ngrams(reference), strict=True)
        for count in chrf._get_match_statistics(mine, theirs)
    ]
    return float(chrf._compute_f_score(stats))


@lru_cache(maxsize=CHRF_CACHE * 16)
def _chrf_lengths(text: str) -> tuple[int, int]:
    """A text's characters (whitespace aside) and words, as chrF++ counts them."""
    cleaned = clean(text)
    return len("".join(cleaned.split())), len(_metrics()[2]._remove_punctuation(cleaned))


def chrf_ceiling(hypothesis: str, reference: str) -> float:
    """The highest chrF++ two texts of these lengths can have: sacrebleu's F-score of the
    statistics in which every n-gram of the shorter side is matched. Never below
    `sentence_chrf` (precision and recall only grow with the matches), and it needs no
    n-gram: a run far longer or shorter than a segment is ruled out without extracting any."""
    chrf = _metrics()[2]
    (hyp_chars, hyp_words), (ref_chars, ref_words) = (
        _chrf_lengths(hypothesis),
        _chrf_lengths(reference),
    )
    stats: list[int] = []
    for hyp_units, ref_units, orders in (
        (hyp_chars, ref_chars, chrf.char_order),
        (hyp_words, ref_words, chrf.word_order),
    ):
        for n in range(1, orders + 1):
            hyp, ref = max(0, hyp_units - n + 1), max(0, ref_units - n + 1)
            stats += [hyp if ref else 0, ref, min(hyp, ref)]
    return float(chrf._compute_f_score(stats))


def sentence_scores(hypothesis: str, reference: str) -> Scores:
    """Sentence BLEU, chrF++ and TER, computed the way `Metric.sentence_score` does (extract the
    statistics, aggregate), keeping the statistics for `aggregate`."""
    sentence_bleu, _, chrf, ter = _metrics()
    hyp, refs = [clean(hypothesis)], [[clean(reference)]]
    stats = tuple(m._extract_corpus_statistics(hyp, refs)[0] for m in (sentence_bleu, chrf, ter))
    return Scores(
        bleu=float(sentence_bleu._aggregate_and_compute([stats[0]]).score),
        chrf=float(chrf._aggregate_and_compute([stats[1]]).score),
        ter=float(ter._aggregate_and_compute([stats[2]]).score),
        stats=(stats[0], stats[1], stats[2]),
    )


def aggregate(sentences: Sequence[Scores], samples: int = 0, seed: int = 12345) -> Scores | None:
    """Corpus BLEU/chrF++/TER of sentences scored by `sentence_scores`: sacrebleu's own
    aggregation of their statistics, equal to `corpus_score` over the same pairs; with
    `samples` > 0, the bootstrap intervals of BLEU and chrF++ (`bootstrap_interval`)."""
    stats = [s.stats for s in sentences if s.stats is not None]
    if not stats:
        return None
    _, bleu, chrf, ter = _metrics()
    bleu_stats, chrf_stats = [s[0] for s in stats], [s[1] for s in stats]
    return Scores(
        bleu=float(bleu._aggregate_and_compute(bleu_stats).score),
        chrf=float(chrf._aggregate_and_compute(chrf_stats).score),
        ter=float(ter._aggregate_and_compute([s[2] for s in stats]).score),
        bleu_ci=bootstrap_interval(bleu_stats, bleu, samples, seed) if samples else None,
        chrf_ci=bootstrap_interval(chrf_stats, chrf, samples, seed) if samples else None,
    )


#: memory for the statistics of one block of resamples in `bootstrap_interval`
_BOOTSTRAP_BLOCK_BYTES = 32_000_000


def bootstrap_interval(
    stats: Sequence[Sequence[float]], metric: Metric, samples: int, seed: int
) -> Interval:
    """95 % interval of `metric`'s corpus score over segments with sentence statistics `stats`,
    by bootstrap resampling: the resampling of `sacrebleu.significance._bootstrap_resample`
    (numpy's `default_rng(seed)` draws `samples` × len(stats) indices at once, statistics as
    float32, each resample scored by the metric's own `_compute_score_from_stats`), with the
    seed passed in rather than read from SACREBLEU_SEED; the bounds are the resampled scores
    `sacrebleu.significance.estimate_ci` reads (the 2.5th and 97.5th percentiles, n // 40 from
    each end)."""
    rng = np.random.default_rng(seed)
    table = np.array(stats, dtype="float32")
    # drawn and summed a block of resamples at a time: the same draws as all at once (the
    # generator fills rows in order), without a samples × segments × statistics array
    # (0.4 GB for 4,000 segments of chrF++)
    rows = max(1, _BOOTSTRAP_BLOCK_BYTES // max(1, table.nbytes))
    sums = np.concatenate(
        [
            table[rng.choice(len(stats), size=(min(rows, samples - start), len(stats)))].sum(1)
            for start in range(0, samples, rows)
        ]
    )  # whole counts: exact in float32, in any order
    lower = samples // 40
    ranks = (lower, samples - lower - 1)
    bounds = order_statistics(metric, sums, ranks)
    if bounds is None:
        scores = np.sort([float(metric._compute_score_from_stats(row).score) for row in sums])
        bounds = [float(scores[rank]) for rank in ranks]
    return float(bounds[0]), float(bounds[1])


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> Scores | None:
    """Corpus BLEU/chrF++/TER of an article's aligned segments; None when there are none."""
    if not hypotheses:
        return None
    _, bleu, chrf, ter = _metrics()
    hyps, refs = [clean(h) for h in hypotheses], [[clean(r) for r in references]]
    return Scores(
        bleu=float(bleu.corpus_score(hyps, refs).score),
        chrf=float(chrf.corpus_score(hyps, refs).score),
        ter=float(ter.corpus_score(hyps, refs).score),
    )


def signatures() -> dict[str, str]:
    """sacrebleu's signature of each metric, as printed in the reports' README."""
    sentence_bleu, bleu, chrf, ter = _metrics()
    return {
        "sentence BLEU": str(sentence_bleu.get_signature()),
        "corpus BLEU": str(bleu.get_signature()),
        "chrF++": str(chrf.get_signature()),
        "TER": str(ter.get_signature()),
    }
