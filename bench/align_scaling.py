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

from auditor.settings import AlignSettings  # noqa: E402
from auditor.stages.align import OfficialIndex  # noqa: E402
from auditor.stages.score import sentence_chrf  # noqa: E402
from auditor.stages.segment import segment_document  # noqa: E402
from auditor.stages.speech import compared, quotations_of  # noqa: E402
from bench.make_corpus import SENTENCES_PER_DOCUMENT, _edit, official_sentences  # noqa: E402

ARTICLE = ROOT / "corpus/articles/turkish-outlet-2022-11-30-bucharest-press-conference.txt"


def article_segments() -> list[str]:
    segments = segment_document(ARTICLE.read_text(encoding="utf-8"))
    quotations = quotations_of(segments)
    texts = []
    for s in segments:
        text = compared(s, segments, quotations).text
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
            for last in range(first, min(first + AlignSettings().max_run, count)):
                score = sentence_chrf(text, index.run_text(doc_id, first, last))
                if score > best:
                    best, best_run = score, (doc_id, first, last)
    return best_run


def edited_queries(n_official: int, count: int) -> list[tuple[str, tuple[str, int]]]:
    """Official sentences with the edits of a back-translation (make_corpus.py), each with the
    official sentence it came from: segments whose counterpart is known."""
    rng = random.Random(1)
    sentences = official_sentences(n_official, random.Random(0))
    picked = rng.sample(range(len(sentences)), count)
    return [
        (
            _edit(sentences[i], rng),
            (f"doc{i // SENTENCES_PER_DOCUMENT}", i % SENTENCES_PER_DOCUMENT),
        )
        for i in picked
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--queries",
        type=int,
        default=40,
        help="edited official sentences aligned by brute force too (slow)",
    )
    args = parser.parse_args()
    texts = article_segments()
    print(
        f"alignment per segment, medians of {args.repeats} runs: seed 000's {len(texts)} "
        f"alignable segments, and {args.queries} official sentences edited as a "
        f"back-translation would (their counterpart known); top-1 agreement of the index's "
        f"chrF++ choice with the brute-force one (all runs of 1-3 sentences)\n"
    )
    print(
        f"{'official sentences':>18} {'index ms/seg':>13} {'brute ms/seg':>13} {'ratio':>7} "
        f"{'agree':>9} {'index right':>12} {'brute right':>12}"
    )
    for n in (100, 5000):
        index = build(n)
        index_times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            for t in texts:
                index.align(t)
            index_times.append((time.perf_counter() - start) / len(texts) * 1000)
        queries = edited_queries(n, args.queries)
        start = time.perf_counter()
        brute = [brute_force(index, q) for q, _ in queries]
        brute_ms = (time.perf_counter() - start) / len(queries) * 1000
        agree = index_right = brute_right = 0
        for (query, (doc, position)), b in zip(queries, brute, strict=True):
            c = index.candidate(query)  # the index's choice before the run is shrunk or merged
            choice = tuple(c[1:]) if c is not None else None
            agree += choice == b
            index_right += (
                choice is not None and choice[0] == doc and choice[1] <= position <= choice[2]
            )
            brute_right += b[0] == doc and b[1] <= position <= b[2]
        index_ms = statistics.median(index_times)
        print(
            f"{n:>18} {index_ms:>13.2f} {brute_ms:>13.1f} {brute_ms / index_ms:>6.0f}x "
            f"{agree:>4}/{len(queries):<4} {index_right:>7}/{len(queries):<4} "
            f"{brute_right:>7}/{len(queries):<4}"
        )


if __name__ == "__main__":
    main()
