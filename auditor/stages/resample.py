"""Bootstrap resamples scored at once (pure).

An article's 95 % interval scores 1,000 resamples of its segments' statistics. sacrebleu scores
each with one Python call of the metric's `_compute_score_from_stats` on a float32 numpy row
(`sacrebleu.significance`): ~20 ms per article, more than half the rest of its audit. Here the
same arithmetic runs on all resamples together — for chrF++ every step on float32 arrays, in
sacrebleu's order (numpy's array and scalar float32 operations round alike); for BLEU the
precisions on float32 arrays and the brevity penalty, logarithms and mean in Python floats with
`math`, exactly as sacrebleu does. tests/test_bootstrap.py checks every score bit for bit
against sacrebleu's own call on random statistics — of the sacrebleu this was checked against
(`CHECKED_SACREBLEU`, pinned in constraints.txt). Any other installed sacrebleu, and a
configuration not covered here (chrF's eps smoothing, BLEU's floor or add-k smoothing), returns
None, and the caller asks sacrebleu for each resample.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import sacrebleu
from sacrebleu.metrics import BLEU, CHRF
from sacrebleu.metrics.base import Metric

#: the sacrebleu whose arithmetic this module reproduces, checked by tests/test_bootstrap.py
CHECKED_SACREBLEU = "2.6.0"
#: sacrebleu's logarithm of a zero precision (`sacrebleu.utils.my_log`)
_LOG_ZERO = -9999999999
#: how far a BLEU score of numpy's arithmetic may be from `math`'s before `order_statistics`
#: could pick the wrong resample: scores lie in 0–100, and the two differ by ~1e-13 at most
_BLEU_SLACK = 1e-9


def scores_of_sums(metric: Metric, sums: np.ndarray) -> list[float] | None:
    """`metric._compute_score_from_stats(row).score` for each float32 row of summed sentence
    statistics, or None when the installed sacrebleu is not `CHECKED_SACREBLEU` or the
    metric's configuration is not covered."""
    if sacrebleu.__version__ != CHECKED_SACREBLEU:
        return None
    if isinstance(metric, CHRF):
        return _chrf(metric, sums)
    if isinstance(metric, BLEU):
        return _bleu(metric, sums)
    return None


def order_statistics(metric: Metric, sums: np.ndarray, ranks: Sequence[int]) -> list[float] | None:
    """The score of rank r (0: the lowest) among the resamples' scores, for each r of `ranks`:
    `sorted(scores_of_sums(metric, sums))[r]`, bit for bit, without scoring every resample
    exactly; None where `scores_of_sums` is None."""
    if sacrebleu.__version__ != CHECKED_SACREBLEU:
        return None
    if isinstance(metric, BLEU) and metric.smooth_method in ("exp", "none"):
        return _bleu_ranks(metric, sums, ranks)
    scores = scores_of_sums(metric, sums)
    if scores is None:
        return None
    ordered = sorted(scores)
    return [ordered[r] for r in ranks]


def _bleu_ranks(metric: BLEU, sums: np.ndarray, ranks: Sequence[int]) -> list[float]:
    """`order_statistics` for BLEU. With |approximate − exact| ≤ ε for every resample, the
    exact score of rank r lies within ε of the approximate one, so every resample more than 2ε
    below (above) it is below (above) the exact one too: the exact value is among the
    resamples in the band, at rank r less those below it."""
    approximate = _bleu_approximate(metric, sums)
    ordered = np.sort(approximate)
    out = []
    for rank in ranks:
        at = ordered[rank]
        band = np.flatnonzero(np.abs(approximate - at) <= 2 * _BLEU_SLACK)
        below = int(np.count_nonzero(approximate < at - 2 * _BLEU_SLACK))
        exact = sorted(_bleu(metric, sums[band]) or ())
        out.append(exact[rank - below])
    return out


def _bleu_approximate(metric: BLEU, sums: np.ndarray) -> np.ndarray:
    """`_bleu`'s scores in float64 numpy: the same steps, numpy's `log` and `exp`."""
    order = metric.max_ngram_order
    sys_len, ref_len = sums[:, 0].astype(np.float64), sums[:, 1].astype(np.float64)
    correct, total = sums[:, 2 : 2 + order], sums[:, 2 + order : 2 + 2 * order]
    halvings = np.cumsum(correct == 0, axis=1)
    smooth = np.float32(2) ** halvings.astype(np.float32)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        matched = (100.0 * correct / total).astype(np.float64)
        smoothed = (100.0 / (smooth * total)).astype(np.float64)
        # the orders sacrebleu's loop reaches before an order without n-grams stops it
        reached = np.cumprod(total != 0, axis=1).astype(bool)
        if metric.smooth_method == "exp":
            precisions = np.where(correct == 0, smoothed, matched)
        else:
            precisions = np.where(correct == 0, 0.0, matched)
        precisions = np.where(reached, precisions, 0.0)
        steps = reached.sum(axis=1)
        if metric.effective_order:
            effective = np.where(steps > 0, steps, order)
        else:
            effective = np.full(len(sums), order)
        logs = np.where(precisions == 0.0, float(_LOG_ZERO), np.log(precisions))
        logs = np.where(np.arange(order) < effective[:, None], logs, 0.0)
        mean = np.sum(logs, axis=1) / effective
        short = sys_len < ref_len
        penalty = np.where(short, np.where(sys_len > 0, np.exp(1 - ref_len / sys_len), 0.0), 1.0)
        scores = penalty * np.exp(mean)
    return np.where((correct != 0).any(axis=1), scores, 0.0)


def _chrf(metric: CHRF, sums: np.ndarray) -> list[float] | None:
    """`CHRF._compute_f_score` without eps smoothing: the average precision and recall over
    the orders with both counts, then their F-beta."""
    if metric.eps_smoothing:
        return None
    factor = metric.beta**2
    rows = len(sums)
    avg_prec = np.zeros(rows, dtype=np.float32)
    avg_rec = np.zeros(rows, dtype=np.float32)
    effective = np.zeros(rows, dtype=np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(metric.order):
            n_hyp, n_ref, n_match = sums[:, 3 * i], sums[:, 3 * i + 1], sums[:, 3 * i + 2]
            both = (n_hyp > 0) & (n_ref > 0)
            avg_prec = np.where(both, avg_prec + n_match / n_hyp, avg_prec)
            avg_rec = np.where(both, avg_rec + n_match / n_ref, avg_rec)
            effective += both
        orders = effective.astype(np.float32)
        avg_prec = np.where(effective > 0, avg_prec / orders, np.float32(0))
        avg_rec = np.where(effective > 0, avg_rec / orders, np.float32(0))
        score = (1 + factor) * avg_prec * avg_rec
        score = score / (factor * avg_prec + avg_rec)
        score = np.where(avg_prec + avg_rec != 0, 100 * score, np.float32(0))
    return [float(s) for s in score]


def _bleu(metric: BLEU, sums: np.ndarray) -> list[float] | None:
    """`BLEU.compute_bleu` with 'exp' or no smoothing."""
    if metric.smooth_method not in ("exp", "none"):
        return None
    order = metric.max_ngram_order
    correct, total = sums[:, 2 : 2 + order], sums[:, 2 + order : 2 + 2 * order]
    # smoothing 'exp': the k-th order without a match counts 100 / (2^k · total)
    halvings = np.cumsum(correct == 0, axis=1)
    smooth = np.float32(2) ** halvings.astype(np.float32)
    with np.errstate(divide="ignore", invalid="ignore"):
        matched = 100.0 * correct / total
        smoothed = 100.0 / (smooth * total)
    exp = metric.smooth_method == "exp"
    out = []
    for row, row_correct, row_total, row_matched, row_smoothed in zip(
        sums.tolist(),
        correct.tolist(),
        total.tolist(),
        matched.tolist(),
        smoothed.tolist(),
        strict=True,
    ):
        sys_len, ref_len = int(row[0]), int(row[1])
        bp = 1.0
        if sys_len < ref_len:
            bp = math.exp(1 - ref_len / sys_len) if sys_len > 0 else 0.0
        if not any(row_correct):
            out.append(0.0)
            continue
        precisions = [0.0] * order
        eff_order = order
        for n in range(order):
            if row_total[n] == 0:
                break
            if metric.effective_order:
                eff_order = n + 1
            if row_correct[n] == 0:
                if exp:
                    precisions[n] = row_smoothed[n]
            else:
                precisions[n] = row_matched[n]
        logs = [_LOG_ZERO if p == 0.0 else math.log(p) for p in precisions[:eff_order]]
        out.append(bp * math.exp(sum(logs) / eff_order))
    return out
