"""Generate a deterministic audit corpus from the seed texts, for benchmarks.

    python bench/make_corpus.py N_ARTICLES N_OFFICIAL_SENTENCES OUT [--seed 0]

Official documents are the seed transcript plus new transcripts whose sentences recombine the
seeds' sentence shapes with other content words (~50 sentences per document). Each article
reports one official document with the edits back-translation makes — synonym swaps, dropped
qualifiers, negation flips, changed numbers, merged sentences, quotations with "he said",
unrelated paragraphs — and some end in the Turkish footer of the Cyprus seed; about one in
five reports another event altogether (built from the other-event seeds).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.records import Kind  # noqa: E402
from auditor.stages.segment import segment_document  # noqa: E402

SEEDS = ROOT / "corpus"
SENTENCES_PER_DOCUMENT = 50
SYNONYMS = {
    "adversary": "enemy",
    "must": "should",
    "critical": "important",
    "dependencies": "addictions",
    "dependency": "dependence",
    "concluded": "ended",
    "gains": "progress",
    "assess": "consider",
    "counter": "combat",
    "horrific": "terrible",
    "address": "tackle",
    "allies": "partners",
    "support": "assistance",
    "security": "safety",
    "war": "conflict",
    "continue": "keep",
}
QUALIFIERS = (
    "dangerous",
    "critical",
    "additional",
    "illegal",
    "significant",
    "important",
    "enormous",
    "ambitious",
    "growing",
    "strong",
    "valued",
    "full-fledged",
)
NUMBERS = {"two": "three", "three": "four", "14": "40", "2%": "3%", "4": "8", "30": "32"}


def _sentences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [" ".join(s.text.split()) for s in segment_document(text) if s.kind is Kind.SENTENCE]


def seed_pools() -> tuple[list[str], list[str], list[str]]:
    """Official sentences, other-event sentences, and the Turkish footer lines."""
    official = _sentences(next((SEEDS / "official").glob("*.txt")))
    other: list[str] = []
    footer: list[str] = []
    for path in sorted((SEEDS / "articles").glob("*.txt")):
        if path.name.startswith("turkish-outlet"):
            continue
        other += [s for s in _sentences(path) if len(s.split()) > 6]
        if path.name.startswith("cyprus"):
            lines = path.read_text(encoding="utf-8").splitlines()
            footer = [ln for ln in lines if re.search("[ğışİŞ]|'dan$", ln)]
    return official, other, footer


def official_sentences(n: int, rng: random.Random) -> list[str]:
    """`n` official sentences: the transcript first, then recombinations of its shapes."""
    official, other, _ = seed_pools()
    vocabulary = sorted({w for s in official + other for w in re.findall(r"\b[a-z]{5,}\b", s)})
    out = list(official[:n])
    seen = set(out)
    # a new sentence: a long seed sentence's shape with most of its content words replaced, so
    # that generated transcripts are distinct documents, not near-copies of the seeds
    shapes = [s for s in official + other if len(s.split()) >= 10]
    while len(out) < n:
        shape = rng.choice(shapes).split()
        for k, word in enumerate(shape):
            if re.fullmatch(r"[a-z]{4,}[,.]?", word) and rng.random() < 0.7:
                tail = word[-1] if word[-1] in ",." else ""
                shape[k] = rng.choice(vocabulary) + tail
        sentence = " ".join(shape)
        if sentence not in seen:
            seen.add(sentence)
            out.append(sentence)
    return out


def _edit(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    kind = rng.random()
    if kind < 0.3:
        words = [SYNONYMS.get(w.lower(), w) if rng.random() < 0.5 else w for w in words]
    elif kind < 0.5:
        words = [w for w in words if w.lower().strip(",.") not in QUALIFIERS]
    elif kind < 0.6:
        if "not" in words:
            words.remove("not")
        elif len(words) > 3:
            words.insert(min(3, len(words) - 1), "not")
    elif kind < 0.7:
        words = [NUMBERS.get(w.lower(), w) for w in words]
    return " ".join(words)


def article_text(
    document: list[str], rng: random.Random, other: list[str], footer: list[str]
) -> str:
    """One article reporting `document` (or, one time in five, another event)."""
    if rng.random() < 0.2:
        paragraphs = [" ".join(rng.sample(other, 3)) for _ in range(rng.randint(3, 6))]
    else:
        start = rng.randrange(max(1, len(document) - 12))
        picked = [_edit(s, rng) for s in document[start : start + rng.randint(6, 12)]]
        paragraphs = []
        i = 0
        while i < len(picked):
            if rng.random() < 0.15 and i + 1 < len(picked):  # two official lines merged
                merged = picked[i].rstrip(".") + ", and " + picked[i + 1][:1].lower()
                paragraphs.append(merged + picked[i + 1][1:])
                i += 2
                continue
            if rng.random() < 0.4:
                paragraphs.append(
                    f"The Secretary General said, “{picked[i].rstrip('.')},” he said."
                )
            else:
                paragraphs.append(picked[i])
            i += 1
        if rng.random() < 0.3:
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), " ".join(rng.sample(other, 2)))
    title = "NATO ministers meet" if rng.random() < 0.5 else "Statement on the alliance"
    body = "\n\n".join([title, *paragraphs])
    if rng.random() < 0.3:
        body += "\n\n" + "\n".join(footer)
    return body + "\n"


def make_corpus(
    n_articles: int, n_official: int, out: Path, seed: int = 0, reported: int | None = None
) -> Path:
    """`reported`: the articles report only the documents of the first `reported` official
    sentences and are drawn from a generator of their own, so that the same articles are read
    against archives of any size above it (the rest of the archive is other events)."""
    if reported is not None and reported > n_official:
        raise ValueError(f"{reported} reported sentences of an archive of {n_official}")
    rng = random.Random(seed)
    _, other, footer = seed_pools()
    sentences = official_sentences(n_official, rng)
    documents = [
        sentences[i : i + SENTENCES_PER_DOCUMENT]
        for i in range(0, len(sentences), SENTENCES_PER_DOCUMENT)
    ]
    (out / "official").mkdir(parents=True, exist_ok=True)
    for d, document in enumerate(documents):
        (out / "official" / f"transcript-{d:04d}.txt").write_text(
            "Press conference\n\n" + "\n".join(document) + "\n", encoding="utf-8"
        )
    if reported is not None:
        rng = random.Random(f"{seed}-articles")
        documents = documents[: -(-reported // SENTENCES_PER_DOCUMENT)]
    (out / "articles").mkdir(parents=True, exist_ok=True)
    for a in range(n_articles):
        document = documents[rng.randrange(len(documents))]
        (out / "articles" / f"article-{a:05d}.txt").write_text(
            article_text(document, rng, other, footer), encoding="utf-8"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n_articles", type=int)
    parser.add_argument("n_official_sentences", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--reported",
        type=int,
        help="the articles report only the first REPORTED official sentences' documents",
    )
    args = parser.parse_args()
    make_corpus(args.n_articles, args.n_official_sentences, args.out, args.seed, args.reported)
    print(
        f"wrote {args.n_articles} articles and {args.n_official_sentences} official "
        f"sentences to {args.out}"
    )


if __name__ == "__main__":
    main()
