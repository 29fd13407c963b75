"""The benchmark table: each stage's cost as a ratio to its limit, measured in the same run.

    python bench/run.py [--repeats 5] [--sizes 100,1000,10000] [--workers 2]

Prints, as medians over the repeats (the cold audits at each size run once: minutes):
- alignment with the index vs brute-force chrF++ over every run of 1-3 official sentences, on
  official sentences edited as a back-translation would, with top-1 agreement;
- scoring through the auditor vs sacrebleu's sentence_bleu/chrf/ter called directly;
- an unchanged re-audit vs `sha256sum` of the corpus;
- translating fragments through the auditor's translate stage vs raw
  `ctranslate2.Translator.translate_batch` on the same tiny model;
- cold audits of generated corpora of each size against 5,000 official sentences: seconds per
  article (should stay flat) and peak memory (RSS) of the largest process.
No timing is asserted anywhere; this is measurement only.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.align_scaling import brute_force, build, edited_queries  # noqa: E402
from bench.make_corpus import make_corpus, official_sentences  # noqa: E402

OFFICIAL_SENTENCES = 5000


def audit_command(corpus: Path, reports: Path, *extra: str) -> list[str]:
    """`auditor audit` as cron runs it: a new process, numbers as JSON."""
    return [
        sys.executable,
        "-m",
        "auditor",
        "audit",
        str(corpus),
        "--reports",
        str(reports),
        *extra,
        "--json",
    ]


def median(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def row(name: str, ours: float, limit: float, limit_name: str, note: str = "") -> None:
    print(
        f"| {name} | {ours * 1000:.2f} ms | {limit_name} {limit * 1000:.2f} ms | "
        f"{ours / limit:.3f}× | {note} |"
    )


def alignment(repeats: int, queries: int) -> None:
    index = build(OFFICIAL_SENTENCES)
    pairs = edited_queries(OFFICIAL_SENTENCES, queries)
    texts = [q for q, _ in pairs]
    ours = median(lambda: [index.align(t) for t in texts], repeats) / len(texts)
    start = time.perf_counter()
    brute = [brute_force(index, t) for t in texts]
    limit = (time.perf_counter() - start) / len(texts)
    agree = 0
    for text, best in zip(texts, brute, strict=True):
        found = index.candidate(text)
        agree += found is not None and tuple(found[1:]) == best
    row(
        f"alignment per segment, {OFFICIAL_SENTENCES} official sentences",
        ours,
        limit,
        "brute-force chrF++",
        f"top-1 agreement {agree}/{len(texts)}; {limit / ours:.0f}× faster",
    )


def scoring(repeats: int) -> None:
    import sacrebleu

    from auditor.stages.score import sentence_scores

    rng = random.Random(2)
    sentences = official_sentences(400, rng)
    pairs = [(sentences[i], sentences[i + 1]) for i in range(0, 400, 2)]

    def direct() -> None:
        for hyp, ref in pairs:
            sacrebleu.sentence_bleu(hyp, [ref])
            sacrebleu.sentence_chrf(hyp, [ref], word_order=2)
            sacrebleu.sentence_ter(hyp, [ref])

    ours = median(lambda: [sentence_scores(h, r) for h, r in pairs], repeats) / len(pairs)
    limit = median(direct, repeats) / len(pairs)
    row(
        "BLEU + chrF++ + TER per aligned segment",
        ours,
        limit,
        "sacrebleu direct",
        "our overhead (negative: sacrebleu's module functions build a metric per call)",
    )


def reaudit(repeats: int, articles: int) -> None:
    from auditor.run.pipeline import audit_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(articles, 500, Path(tmp) / "corpus")
        reports = Path(tmp) / "reports"
        audit_corpus(corpus, reports, workers=2)
        files = sorted(str(p) for p in corpus.rglob("*.txt"))
        limit = median(
            lambda: subprocess.run(["sha256sum", *files], check=True, capture_output=True),
            repeats,
        )
        ours = median(lambda: audit_corpus(corpus, reports), repeats)
        cli = median(
            lambda: subprocess.run(audit_command(corpus, reports), check=True, capture_output=True),
            repeats,
        )
    row(
        f"unchanged re-audit, {articles} articles (in a warm process)",
        ours,
        limit,
        "sha256sum",
        f"as a new process (cron): {cli:.2f} s = {cli / limit:.1f}×",
    )


def translation(repeats: int, fragments: int) -> None:
    import ctranslate2

    from auditor.store.state import State
    from auditor.translation.argos import configure_argos_environment, decoding_options
    from auditor.translation.packages import install_from_file
    from auditor.translation.stage import TranslateStage
    from tests.fixtures.tiny_argos import build_package

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        configure_argos_environment(folder / "packages", state_dir=folder / "argos")
        model = install_from_file(build_package(folder / "tr_en.argosmodel"), folder / "packages")
        texts = [f"Bakanlar {i} numaralı toplantıda Ukrayna'yı görüştü." for i in range(fragments)]

        state = State(folder / "state.sqlite")
        stage = TranslateStage(folder / "packages", state)

        def through_auditor() -> None:
            state.db.execute("DELETE FROM translations")  # nothing cached: every text translated
            stage.fragments([("tr", t) for t in texts])

        through_auditor()  # load the model once, as a run does
        ours = median(through_auditor, repeats) / fragments
        state.close()
        import sentencepiece

        processor = sentencepiece.SentencePieceProcessor(
            model_file=str(model.path / "sentencepiece.model")
        )
        translator = ctranslate2.Translator(str(model.path / "model"), intra_threads=1)
        tokens = [processor.encode(t, out_type=str) for t in texts]
        limit = (
            median(lambda: translator.translate_batch(tokens, **decoding_options()), repeats)
            / fragments
        )
        assert stage._translator is not None
        loaded = stage._translator._load(model)
        splitting = (
            median(lambda: [loaded.sentencizer.split_sentences(t) for t in texts], repeats)
            / fragments
        )
    row(
        f"translation per fragment, {fragments} fragments, tiny model",
        ours,
        limit,
        "raw translate_batch",
        f"batching and caching (SQLite) included; of the {(ours - limit) * 1000:.2f} ms "
        f"overhead, {splitting * 1000:.2f} ms is the package's own sentence splitter "
        f"(argostranslate splits before translating)",
    )


def scale(sizes: list[int], workers: int) -> None:
    print("\n| articles | official sentences | cold audit | per article | peak RSS |")
    print("|---|---|---|---|---|")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = make_corpus(size, OFFICIAL_SENTENCES, Path(tmp) / "corpus")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            done = subprocess.run(
                audit_command(corpus, Path(tmp) / "reports", "--workers", str(workers)),
                check=True,
                capture_output=True,
                text=True,
            )
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            audited = json.loads(done.stdout)["audited"]
        rss = f"{peak / 1024:.0f} MiB" if peak > before else f"≤ {before / 1024:.0f} MiB"
        print(
            f"| {size} | {OFFICIAL_SENTENCES} | {seconds:.1f} s ({audited} audited) | "
            f"{seconds / size * 1000:.1f} ms | {rss} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reaudit-articles", type=int, default=1000)
    parser.add_argument("--fragments", type=int, default=500)
    args = parser.parse_args()
    print(f"medians of {args.repeats} runs; ratio = ours / limit\n")
    print("| stage | ours | limit | ratio | note |")
    print("|---|---|---|---|---|")
    alignment(args.repeats, args.queries)
    scoring(args.repeats)
    translation(args.repeats, args.fragments)
    reaudit(args.repeats, args.reaudit_articles)
    scale([int(s) for s in args.sizes.split(",")], args.workers)


if __name__ == "__main__":
    main()
