"""Findings measured on data nobody here wrote: critical edits and back-translation evidence.

    python bench/eval_findings.py MQM [--news NEWS.jsonl] [--split heldout|calibration|all]

MQM: a snapshot of github.com/google/wmt-mqm-human-evaluation (checkout, bare git directory or
ted/zhen/mqm_ted_zhen.tsv): WMT21 TED talks, Chinese → English, two human translations and
twelve MT systems, every error marked by professional raters with category, severity and span
(bench/mqm.py reads it). NEWS: native English news prose (bench/native_news.py builds it from
WMT test sets' English-original sources). Talks and news documents are split in halves
(calibration / held-out, by a hash of their names); thresholds are set on the calibration half
and reported on the held-out half. Not a test: CI has no snapshot.

Critical edits, pairs (reference = the human translation refB):
- meaning kept: the other human translation, or an MT output its raters found no accuracy
  error in (and no major error of any kind);
- meaning changed: an MT output with a Major Accuracy/* error, its span marked.
Reported: the false-alarm rate (meaning-kept pairs with any critical edit), recall of Major
accuracy errors (a critical edit, or a critical edit or notable change, on the marked span),
precision of critical edits (those on a marked accuracy span of a meaning-changed pair),
and each type's count on meaning-kept pairs (where every critical edit is a false alarm).

Back-translation score, document level: each talk's MT outputs against its human translation
and its English original (AUC: how often an MT document scores above a human one), and the
share of native English news documents scoring 0.5 or more.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.mqm import load_documents, load_pairs

#: (type, official words, article words, critical?) of every change between two texts
Finder = Callable[[str, str], list[tuple[str, str, str, bool]]]


def _finder() -> Finder:
    """This checkout's change finder (older checkouts: every edit was critical)."""
    try:
        from auditor.records import Level
        from auditor.stages.changes import find_changes

        return lambda off, art: [
            (c.type, c.official, c.article, c.level is Level.CRITICAL)
            for c in find_changes(off, art)
        ]
    except ImportError:
        from auditor.changes import critical_edits  # type: ignore[import-not-found,no-redef]

        return lambda off, art: [
            (e.type, e.official, e.article, True) for e in critical_edits(off, art)
        ]


def _scorer() -> Callable[[str], float]:
    """This checkout's back-translation score of a document's text."""
    try:
        from auditor.stages.backtranslation import segment_evidence
        from auditor.stages.segment import segment_document
    except ImportError:
        from auditor.backtranslation import segment_evidence  # type: ignore[import-not-found,no-redef]
        from auditor.segment import segment_document  # type: ignore[import-not-found,no-redef]
    return lambda text: segment_evidence(segment_document(text)).score


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _covers(words: str, text: str, start: int, end: int) -> bool:
    """Some word of `words` stands in text[start:end]."""
    for word in _WORD.findall(words):
        for m in re.finditer(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text):
            if m.start() < end and m.end() > start:
                return True
    return False


def _on_an_error(change: tuple[str, str, str, bool], pair: dict, errors: Iterable[dict]) -> bool:
    """The change stands on a marked error: its article words in the error's span; or, for
    an omission (marked in the source), it says something was left out."""
    article = change[2]
    for e in errors:
        if e["span_in"] == "source":
            if article == "∅":
                return True
        elif e["char_start"] is not None and _covers(
            article, pair["candidate"], e["char_start"], e["char_end"]
        ):
            return True
    return False


def critical_edits_table(pairs: list[dict], find: Finder) -> dict[str, object]:
    kept = [p for p in pairs if p["kind"] == "kept"]
    changed = [p for p in pairs if p["kind"] == "changed"]
    alarms = 0
    kept_types: Counter[str] = Counter()
    for p in kept:
        critical = [c for c in find(p["reference"], p["candidate"]) if c[3]]
        alarms += bool(critical)
        kept_types.update(c[0] for c in critical)
    recall_critical = recall_any = errors = 0
    true_edits = all_edits = sum(kept_types.values())
    true_edits = 0
    for p in changed:
        found = find(p["reference"], p["candidate"])
        accuracy = [e for e in p["errors"]] + [
            e for e in p["other_errors"] if e["category"].startswith("Accuracy/")
        ]
        for e in p["errors"]:
            errors += 1
            recall_critical += any(c[3] and _on_an_error(c, p, [e]) for c in found)
            recall_any += any(_on_an_error(c, p, [e]) for c in found)
        for c in found:
            if c[3]:
                all_edits += 1
                true_edits += _on_an_error(c, p, accuracy)
    return {
        "meaning-kept pairs": len(kept),
        "false alarms (kept pairs with a critical edit)": f"{alarms / max(len(kept), 1):.1%}",
        "Major accuracy errors": errors,
        "recall: a critical edit on the span": f"{recall_critical / max(errors, 1):.1%}",
        "recall: a critical edit or notable change": f"{recall_any / max(errors, 1):.1%}",
        "precision of critical edits": f"{true_edits / max(all_edits, 1):.1%} of {all_edits}",
        "critical edits on kept pairs, by type": dict(kept_types.most_common()),
    }


def antonym_pairs(sentences: list[str], limit: int = 400) -> list[tuple[str, str, str, str]]:
    """Minimal pairs built from the lexical resource: in each sentence, one word WordNet gives
    an antonym for (its own antonym pointers) replaced by that antonym, in the same form when
    the form is the lemma itself. (sentence, edited, word, antonym)."""
    from auditor.stages.changes.tokens import is_content, tokenize
    from auditor.wordnet import _tables, lemmas

    table = _tables().antonyms
    out = []
    for sentence in sentences:
        for token in tokenize(sentence):
            if not (is_content(token) and token.text.islower()):
                continue
            opposite = next(
                (
                    b
                    for lemma in sorted(lemmas(token.norm))
                    if lemma[0] == token.norm
                    for b, _ in sorted(table.get(lemma, ()))
                    if "_" not in b and " " not in b
                ),
                None,
            )
            if opposite is not None:
                edited = re.sub(rf"\b{re.escape(token.text)}\b", opposite, sentence, count=1)
                out.append((sentence, edited, token.text, opposite))
                break
        if len(out) >= limit:
            break
    return out


def minimal_pairs_table(references: list[str]) -> dict[str, object]:
    """Recall per type on the project's own minimal pairs, and antonym recall on pairs built
    from the lexical resource out of outside sentences."""
    from auditor.stages.changes import find_changes
    from tests.data.critical_pairs import PAIRS
    from tests.data.critical_pairs_heldout import HELDOUT

    wanted: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for pair in [*PAIRS, *HELDOUT]:
        got = find_changes(pair.official, pair.article)
        for kind, official, article in pair.expected:
            wanted[kind] += 1
            # a multi-word name may be named by its differing words only
            found[kind] += any(
                c.type == kind and c.official in official and c.article in article for c in got
            )
    table: dict[str, object] = {
        f"{t} recall on the minimal pairs": f"{found[t] / wanted[t]:.0%} of {wanted[t]}"
        for t in ("negation", "number", "entity", "modality", "antonym", "person")
        if wanted[t]
    }
    built = antonym_pairs(references)
    caught = sum(
        any(c.type == "antonym" for c in find_changes(sentence, edited))
        for sentence, edited, _, _ in built
    )
    table["antonym recall, pairs built from WordNet on outside sentences"] = (
        f"{caught / max(len(built), 1):.0%} of {len(built)}"
    )
    return table


def _half(name: str) -> str:
    return "calibration" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 else "heldout"


def _auc(positives: list[float], negatives: list[float]) -> float:
    pairs = [(p > n) + 0.5 * (p == n) for p in positives for n in negatives]
    return sum(pairs) / len(pairs) if pairs else float("nan")


def _share(scores: list[float], at: float = 0.5) -> float:
    return sum(s >= at for s in scores) / max(len(scores), 1)


def backtranslation_table(docs: list[dict], news: list[dict], split: str) -> dict[str, object]:
    score = _scorer()
    machine, human = [], []
    for talk in docs:
        if split != "all" and talk["split"] != split:
            continue
        # a talk's segments, one per line, as an article holds sentences
        machine += [score("\n".join(talk["segments"][s])) for s in talk["systems"]]
        human += [score("\n".join(talk["segments"][h])) for h in ("refB", "ref")]
    native = [score(d["text"]) for d in news if split == "all" or _half(d["doc_id"]) == split]
    return {
        "talks: MT documents / human documents": f"{len(machine)} / {len(human)}",
        "AUC, MT above human": f"{_auc(machine, human):.2f}",
        "MT documents scoring ≥ 0.5": f"{_share(machine):.0%}",
        "native English news documents": len(native),
        "native news scoring ≥ 0.5": f"{_share(native):.1%}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mqm", help="snapshot of google/wmt-mqm-human-evaluation")
    parser.add_argument("--news", type=Path, help="native English news (bench/native_news.py)")
    parser.add_argument("--split", default="heldout", choices=("heldout", "calibration", "all"))
    args = parser.parse_args()
    pairs = [p for p in load_pairs(args.mqm) if args.split in ("all", p["split"])]
    print(f"## Critical edits, {args.split} talks\n")
    for key, value in critical_edits_table(pairs, _finder()).items():
        print(f"- {key}: {value}")
    news = []
    if args.news:
        news = [json.loads(line) for line in args.news.read_text(encoding="utf-8").splitlines()]
    print("\n## Minimal pairs\n")
    references = [p["reference"] for p in pairs]
    for key, value in minimal_pairs_table(references).items():
        print(f"- {key}: {value}")
    print(f"\n## Back-translation score, {args.split} half\n")
    for key, value in backtranslation_table(load_documents(args.mqm), news, args.split).items():
        print(f"- {key}: {value}")


if __name__ == "__main__":
    main()
