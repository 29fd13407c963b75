"""Alignment cost per segment as the official corpus grows, against brute-force chrF++.

    python bench/align_scaling.py [--repeats 5]

For 100 and 5,000 official sentences (the seed transcript plus generated ones, see
make_corpus.py), aligns seed 000's sentences and quotations with the index and with an
all-pairs chrF++ scan over every run of 1-3 sentences, and prints medians over the repeats:
milliseconds per segment and top-1 agreement between the two. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.align import MAX_RUN, OfficialIndex  # noqa: E402
from auditor.drift import alignable_text  # noqa: E402
from auditor.records import Kind  # noqa: E402
from auditor.score import sentence_chrf  # noqa: E402
from auditor.segment import segment_document  # noqa: E402
from auditor.settings import Settings  # noqa: E402
from bench.make_corpus import SENTENCES_PER_DOCUMENT, official_sentences  # noqa: E402

ARTICLE = ROOT / "corpus/articles/turkish-outlet-2022-11-30-bucharest-press-conference.txt"


def article_segments() -> list[str]:
    segments = segment_document(ARTICLE.read_text(encoding="utf-8"))
    texts = []
    for s in segments:
        if s.kind in (Kind.SENTENCE, Kind.QUOTE):
            text, _ = alignable_text(s, segments)
            if text:
                texts.append(text)
    return texts


def build(n: int) -> OfficialIndex:
    sentences = official_sentences(n, random.Random(0))
    documents = [
        (f"doc{i // SENTENCES_PER_DOCUMENT}", sentences[i : i + SENTENCES_PER_DOCUMENT])
        for i in range(0, n, SENTENCES_PER_DOCUMENT)
    ]
    return OfficialIndex(documents)


def brute_force(index: OfficialIndex, text: str) -> tuple[str, int, int]:
    best, best_run = -1.0, ("", 0, 0)
    for doc_id in index.doc_ids():
        count = index.sentence_count(doc_id)
        for first in range(count):
            for last in range(first, min(first + MAX_RUN, count)):
                score = sentence_chrf(text, index.run_text(doc_id, first, last))
                if score > best:
                    best, best_run = score, (doc_id, first, last)
    return best_run


#: a brute-force best below this chrF++ is no counterpart: which noise wins does not matter
COUNTERPART_CHRF = 30.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--brute-sample",
        type=int,
        default=8,
        help="segments scanned by brute force at 5,000 sentences (slow)",
    )
    args = parser.parse_args()
    rule = Settings().match
    texts = article_segments()
    print(
        f"{len(texts)} alignable segments of seed 000; medians of {args.repeats} runs; "
        f"top-1 agreement of the index's chrF++ choice with the brute-force one, over all "
        f"segments and over those with a counterpart (brute-force chrF++ >= "
        f"{COUNTERPART_CHRF:g})\n"
    )
    print(
        f"{'official sentences':>18} {'index ms/seg':>13} {'brute ms/seg':>13} "
        f"{'ratio':>7} {'agree (all)':>12} {'agree (counterpart)':>20}"
    )
    with_counterpart: list[str] = []
    for n in (100, 5000):
        index = build(n)
        index_times, brute_times = [], []
        sample = texts if n <= 100 else with_counterpart[: args.brute_sample]
        for _ in range(args.repeats):
            start = time.perf_counter()
            for t in texts:
                index.align(t, rule)
            index_times.append((time.perf_counter() - start) / len(texts) * 1000)
        brute: list[tuple[str, int, int]] = []
        for _ in range(1 if n > 100 else args.repeats):
            start = time.perf_counter()
            brute = [brute_force(index, t) for t in sample]
            brute_times.append((time.perf_counter() - start) / len(sample) * 1000)
        agree = agree_counterpart = counterparts = 0
        for t, b in zip(sample, brute, strict=True):
            c = index.candidate(t)  # the index's choice before the run is shrunk or merged
            same = c is not None and tuple(c[1:]) == b
            agree += same
            if sentence_chrf(t, index.run_text(*b)) >= COUNTERPART_CHRF:
                counterparts += 1
                agree_counterpart += same
                if n <= 100:
                    with_counterpart.append(t)
        index_ms, brute_ms = statistics.median(index_times), statistics.median(brute_times)
        print(
            f"{n:>18} {index_ms:>13.2f} {brute_ms:>13.1f} {brute_ms / index_ms:>6.0f}x "
            f"{agree:>5}/{len(sample):<6} {agree_counterpart:>12}/{counterparts:<7}"
        )


if __name__ == "__main__":
    main()
