"""Scores (pure): sacrebleu's own BLEU, chrF++ and TER — never re-implemented here.

Sentence BLEU uses effective order (sacrebleu's recommendation for single sentences); the
article-level scores are sacrebleu corpus scores over the article's aligned segments. Every
number can be reproduced from the signatures returned by `signatures()`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from sacrebleu.metrics import BLEU, CHRF, TER

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


@dataclass(frozen=True)
class Scores:
    bleu: float
    chrf: float
    ter: float


def sentence_chrf(hypothesis: str, reference: str) -> float:
    """chrF++ (character 6-grams, word 2-grams) of one article segment against official text."""
    return float(_metrics()[2].sentence_score(clean(hypothesis), [clean(reference)]).score)


def sentence_scores(hypothesis: str, reference: str) -> Scores:
    sentence_bleu, _, chrf, ter = _metrics()
    hyp, ref = clean(hypothesis), [clean(reference)]
    return Scores(
        bleu=float(sentence_bleu.sentence_score(hyp, ref).score),
        chrf=float(chrf.sentence_score(hyp, ref).score),
        ter=float(ter.sentence_score(hyp, ref).score),
    )


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
