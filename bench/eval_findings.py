"""Findings measured on data nobody here wrote: critical edits and back-translation evidence.

    python bench/eval_findings.py MQM [--news-mqm WMT23] [--aces ACES] [--news NEWS.jsonl]
        [--wmt MIRRORS] [--split heldout|calibration|all] [--only critical|backtranslation]

MQM: a snapshot of github.com/google/wmt-mqm-human-evaluation (checkout, bare git directory or
ted/zhen/mqm_ted_zhen.tsv): WMT21 TED talks, Chinese → English, two human translations and
twelve MT systems, every error marked by professional raters with category, severity and span
(bench/mqm.py reads it). WMT23: a bare git snapshot of wmt-conference/wmt23-news-systems; with
it, the news MQM set of the MQM snapshot (WMT23 general test set, Chinese → English, news
domain) is read against its human reference refA, and again against an MT output its raters
found no accuracy error in (`bench.mqm.load_news_pairs`: no rater judged refA, whose
mistranslations — a wrong name, a number ten times off — would count as the candidate's
changes; TED's reference must be rated clean). ACES: a
snapshot of EdinburghNLP/ACES (the English-target examples of its annotation rounds). NEWS:
native English news prose (bench/native_news.py builds it from WMT test sets' English-original
sources and the BBC News data set). Talks and news documents are split in halves (calibration
/ held-out, by a hash of their names); thresholds are set on the calibration half and reported
on the held-out half. WMT: a folder of bare git snapshots of the WMT21–23 news systems
(bench/wmt_docs.py reads them): news documents translated into English from is, ja, ru, uk,
de, cs, zh and ha, each with its human reference(s) and every submitted system's output, split
in halves by document id; their English references also give the `built` minimal pairs. Not a
test: CI has no snapshot.

Critical edits, pairs (reference = the human translation: refB for TED, refA for news):
- meaning kept: the other human translation, or an MT output its raters found no accuracy
  error in (and no major error of any kind);
- meaning changed: an MT output with a Major Accuracy/* error, its span marked.
Reported: the false-alarm rate (meaning-kept pairs with any critical edit), the share of
meaning-kept pairs with a notable change (shown, no charge), recall of Major accuracy errors (a
critical edit, or a critical edit or notable change, on the marked span), overall and by MQM
category, precision of critical edits (those on a marked accuracy span of a meaning-changed
pair), and each type's count on meaning-kept pairs (where every critical edit is a false
alarm).

Minimal pairs per edit type (bench/minimal_pairs.py: `outside` pairs others wrote, `built` by a
perturbation rule of ours, `own` written here from the issue's examples — labelled so): the
share that gets a critical edit of the wanted type, and any critical edit; for meaning-kept
pairs, the share with none. A pair said as a quotation is compared as one (`speech`), and the
reporter's own words through the drift stage's filter.

Back-translation score, document level: each talk's MT outputs against its human translation
and its English original, and each WMT news document's MT outputs against its human
translations (AUC: how often an MT document scores above a human one, over every pair of
documents of the half, and within documents: against the same document's human translation
only), per language pair; and the share of native English news documents scoring 0.5 or more.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.minimal_pairs import aces_pairs, built_pairs, demetr_pairs, own_pairs
from bench.mqm import load_documents, load_news_pairs, load_pairs
from bench.wmt_docs import load_wmt_documents

#: (type, official words, article words, critical?) of every change between two texts, the
#: article's words said as a quotation ("direct"), in the reporter's own words ("reported") or
#: neither (None: a translation compared with a translation)
Finder = Callable[[str, str, str | None], list[tuple[str, str, str, bool]]]


#: the official wording news pairs are read against (`bench.mqm.load_news_pairs`)
NEWS_OFFICIALS = {
    "refA": "the human reference refA (unrated: its own mistranslations count as changes)",
    "rated": "an MT output the raters found no accuracy error in (TED's rule for its reference)",
}


def _finder() -> Finder:
    """This checkout's change finder, with the drift stage's filter of the reporter's own
    words (older checkouts: no `speech` parameter; every edit critical before levels)."""
    import inspect

    try:
        from auditor.records import Level
        from auditor.stages.changes import find_changes
        from auditor.stages.drift import reported_speech_changes
        from auditor.stages.speech import Speech
    except ImportError:
        from auditor.changes import critical_edits  # type: ignore[import-not-found,no-redef]

        return lambda off, art, speech=None: [
            (e.type, e.official, e.article, True) for e in critical_edits(off, art)
        ]
    takes_speech = "speech" in inspect.signature(find_changes).parameters

    def find(off: str, art: str, speech: str | None = None) -> list[tuple[str, str, str, bool]]:
        said = Speech(speech) if speech else None
        found = find_changes(off, art, speech=said) if takes_speech else find_changes(off, art)
        if said is Speech.REPORTED:
            found = reported_speech_changes(found)
        return [(c.type, c.official, c.article, c.level is Level.CRITICAL) for c in found]

    return find


def _score(text: str) -> float | None:
    """This checkout's back-translation score of a document's text."""
    try:
        from auditor.stages.backtranslation import segment_evidence
        from auditor.stages.segment import segment_document
    except ImportError:
        from auditor.backtranslation import segment_evidence  # type: ignore[import-not-found,no-redef]
        from auditor.segment import segment_document  # type: ignore[import-not-found,no-redef]
    return segment_evidence(segment_document(text)).score


def _scores(texts: list[str], workers: int) -> list[float | None]:
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(_score, texts, chunksize=32))


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
    alarms = noted = 0
    kept_types: Counter[str] = Counter()
    alarm_examples: list[str] = []
    for p in kept:
        changes = find(p["reference"], p["candidate"])
        critical = [c for c in changes if c[3]]
        alarms += bool(critical)
        noted += any(not c[3] for c in changes)
        kept_types.update(c[0] for c in critical)
        alarm_examples.extend(f"{c[0]}: {c[1]} → {c[2]}" for c in critical)
    recall_critical = recall_any = errors = 0
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    all_edits = sum(kept_types.values())
    true_edits = 0
    for p in changed:
        found = find(p["reference"], p["candidate"])
        accuracy = [e for e in p["errors"]] + [
            e for e in p["other_errors"] if e["category"].startswith("Accuracy/")
        ]
        for e in p["errors"]:
            errors += 1
            critical = any(c[3] and _on_an_error(c, p, [e]) for c in found)
            any_change = any(_on_an_error(c, p, [e]) for c in found)
            recall_critical += critical
            recall_any += any_change
            tally = by_category[e["category"].split(" (")[0]]
            tally[0] += 1
            tally[1] += critical
            tally[2] += any_change
        for c in found:
            if c[3]:
                all_edits += 1
                true_edits += _on_an_error(c, p, accuracy)
    return {
        "meaning-kept pairs": len(kept),
        "false alarms (kept pairs with a critical edit)": f"{alarms / max(len(kept), 1):.1%}",
        "kept pairs with a notable change (shown, no charge)": f"{noted / max(len(kept), 1):.1%}",
        "Major accuracy errors": errors,
        "recall: a critical edit on the span": f"{recall_critical / max(errors, 1):.1%}",
        "recall: a critical edit or notable change": f"{recall_any / max(errors, 1):.1%}",
        "precision of critical edits": f"{true_edits / max(all_edits, 1):.1%} of {all_edits}",
        "critical edits on kept pairs, by type": dict(kept_types.most_common()),
        "Major accuracy errors by category: n, critical, critical or notable": {
            name: f"{n}, {crit / n:.0%}, {anything / n:.0%}"
            for name, (n, crit, anything) in sorted(by_category.items(), key=lambda x: -x[1][0])
        },
        "critical edits on kept pairs (all)": "; ".join(sorted(alarm_examples)),
    }


def speech_table(pairs: list[dict], find: Finder) -> dict[str, str]:
    """The same pairs compared as the audit compares an article's words: every compared
    sentence is a quotation ("direct") or the reporter's own words ("reported"); None is the
    table above (a translation against a translation, every change as in a quotation)."""
    out = {}
    kept = [p for p in pairs if p["kind"] == "kept"]
    changed = [p for p in pairs if p["kind"] == "changed"]
    for speech in (None, "reported", "direct"):
        alarms = sum(any(c[3] for c in find(p["reference"], p["candidate"], speech)) for p in kept)
        errors = found = noted = 0
        for p in changed:
            changes = find(p["reference"], p["candidate"], speech)
            for e in p["errors"]:
                errors += 1
                found += any(c[3] and _on_an_error(c, p, [e]) for c in changes)
                noted += any(_on_an_error(c, p, [e]) for c in changes)
        out[f"compared as {speech or 'neither (above)'}"] = (
            f"false alarms {alarms / max(len(kept), 1):.1%}; Major accuracy errors found "
            f"by a critical edit {found / max(errors, 1):.1%}, by a critical edit or notable "
            f"change {noted / max(errors, 1):.1%}"
        )
    return out


def minimal_pairs_table(pairs: list[dict], find: Finder, split: str) -> dict[str, object]:
    """Per source and wanted type: how many pairs get a critical edit of that type, and any
    critical edit; for meaning-kept pairs, how many get none (precision)."""
    rows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    missed: dict[tuple[str, str], list[str]] = defaultdict(list)
    for pair in pairs:
        if split != "all" and pair["split"] not in (split, "any"):
            continue
        found = [c for c in find(pair["official"], pair["article"], pair["speech"]) if c[3]]
        wanted = pair["type"]
        row = rows[(pair["source"], wanted)]
        row[0] += 1
        if wanted == "kept":
            row[1] += not found
            row[2] += not found
            if found:
                missed[(pair["source"], wanted)].append(
                    f"{pair['note']} [{'; '.join(f'{c[0]}: {c[1]} → {c[2]}' for c in found)}]"
                )
            continue
        typed = wanted.split(" ")[0] if wanted != "name dropped (quotation)" else "entity"
        row[1] += any(c[0] == typed for c in found) or (wanted == "critical" and bool(found))
        row[2] += bool(found)
        if not found:
            missed[(pair["source"], wanted)].append(pair["note"])
    table: dict[str, object] = {}
    for (source, wanted), (n, typed, anything) in sorted(rows.items()):
        if wanted == "kept":
            table[f"{source} · meaning kept: no critical edit"] = f"{typed / n:.0%} of {n}"
        else:
            table[f"{source} · {wanted}: its type / any critical edit"] = (
                f"{typed / n:.0%} / {anything / n:.0%} of {n}"
            )
    table["missed or falsely charged (first 8 each)"] = {
        f"{s} · {w}": " | ".join(v[:8]) for (s, w), v in sorted(missed.items())
    }
    return table


def project_pairs_table(find: Finder) -> dict[str, object]:
    """Recall per type on the project's own minimal pairs (tests/data)."""
    from tests.data.critical_pairs import PAIRS
    from tests.data.critical_pairs_heldout import HELDOUT

    wanted: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for pair in [*PAIRS, *HELDOUT]:
        got = find(pair.official, pair.article, None)
        for kind, official, article in pair.expected:
            wanted[kind] += 1
            # a multi-word name may be named by its differing words only
            found[kind] += any(c[0] == kind and c[1] in official and c[2] in article for c in got)
    return {
        f"{t} recall on the project's minimal pairs": f"{found[t] / wanted[t]:.0%} of {wanted[t]}"
        for t in sorted(wanted)
    }


def _half(name: str) -> str:
    return "calibration" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 else "heldout"


# a score of None: "too little text" (the verdict gives no number below its minimum of
# sentences); such texts are left out of every figure and counted apart


def _known(scores: list[float | None]) -> list[float]:
    return [s for s in scores if s is not None]


def _auc(positives: list[float | None], negatives: list[float | None]) -> float:
    pairs = [(p > n) + 0.5 * (p == n) for p in _known(positives) for n in _known(negatives)]
    return sum(pairs) / len(pairs) if pairs else float("nan")


def _share(scores: list[float | None], at: float = 0.5) -> float:
    known = _known(scores)
    return sum(s >= at for s in known) / max(len(known), 1)


def _paired_auc(docs: list[tuple[list[float | None], list[float | None]]]) -> float:
    """AUC over (MT, human) pairs of the same document only."""
    pairs = [(m > h) + 0.5 * (m == h) for ms, hs in docs for m in _known(ms) for h in _known(hs)]
    return sum(pairs) / len(pairs) if pairs else float("nan")


def backtranslation_table(
    docs: list[dict], news: list[dict], wmt: list[dict], split: str, workers: int = 2
) -> dict[str, object]:
    chosen = [talk for talk in docs if split in ("all", talk["split"])]
    native = [d for d in news if split == "all" or _half(d["doc_id"]) == split]
    wmt = [d for d in wmt if split in ("all", d["split"])]
    # a talk's segments, one per line, as an article holds sentences
    talks = [
        (["\n".join(t["segments"][s]) for s in t["systems"]],
         ["\n".join(t["segments"][h]) for h in ("refB", "ref")])
        for t in chosen
    ]  # fmt: skip
    news_docs = [(list(d["systems"].values()), list(d["humans"].values())) for d in wmt]
    texts = [x for m, h in talks + news_docs for x in m + h] + [d["text"] for d in native]
    scored = iter(_scores(texts, workers))
    talk_scores = [([next(scored) for _ in m], [next(scored) for _ in h]) for m, h in talks]
    news_scores = [([next(scored) for _ in m], [next(scored) for _ in h]) for m, h in news_docs]
    native_scores = list(scored)
    table: dict[str, object] = {}

    def rows(name: str, scores: list[tuple[list[float], list[float]]]) -> None:
        machine = [x for m, _ in scores for x in m]
        human = [x for _, h in scores for x in h]
        table[f"{name}: documents, MT / human texts"] = (
            f"{len(scores)}, {len(machine)} / {len(human)}"
        )
        table[f"{name}: AUC MT above human (all pairs / within documents)"] = (
            f"{_auc(machine, human):.2f} / {_paired_auc(scores):.2f}"
        )
        table[f"{name}: scoring ≥ 0.5, MT / human"] = f"{_share(machine):.1%} / {_share(human):.1%}"
        table[f"{name}: too little text, MT / human"] = (
            f"{len(machine) - len(_known(machine))} / {len(human) - len(_known(human))}"
        )

    rows("TED talks", talk_scores)
    if wmt:
        rows("WMT news", news_scores)
        by_pair: dict[str, list[tuple[list[float], list[float]]]] = defaultdict(list)
        for d, pair_scores in zip(wmt, news_scores, strict=True):
            by_pair[f"{d['testset']} {d['pair']}"].append(pair_scores)
        table["WMT news AUC by test set (all pairs / within documents)"] = {
            name: f"{_auc([x for m, _ in v for x in m], [x for _, h in v for x in h]):.2f}"
            f" / {_paired_auc(v):.2f}"
            for name, v in sorted(by_pair.items())
        }
    table["native English news documents"] = len(native_scores)
    table["native news scoring ≥ 0.5"] = f"{_share(native_scores):.1%}"
    table["native news with too little text"] = len(native_scores) - len(_known(native_scores))
    by_source: dict[str, list[float]] = defaultdict(list)
    for d, native_score in zip(native, native_scores, strict=True):
        by_source["BBC News 2004–05" if d["source"].startswith("bbc") else "WMT"].append(
            native_score
        )
    if len(by_source) > 1:
        table["native news scoring ≥ 0.5, by source"] = {
            name: f"{_share(v):.1%} of {len(v)}" for name, v in sorted(by_source.items())
        }
    return table


def _print(table: dict[str, object]) -> None:
    for key, value in table.items():
        if isinstance(value, dict):
            print(f"- {key}:")
            for name, figure in value.items():
                print(f"  - {name}: {figure}")
        else:
            print(f"- {key}: {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mqm", help="snapshot of google/wmt-mqm-human-evaluation")
    parser.add_argument("--news", type=Path, help="native English news (bench/native_news.py)")
    parser.add_argument("--wmt", type=Path, help="folder of WMT snapshots (bench/wmt_docs.py)")
    parser.add_argument(
        "--news-mqm", help="snapshot of wmt-conference/wmt23-news-systems: the news MQM set's refA"
    )
    parser.add_argument("--aces", help="snapshot of EdinburghNLP/ACES (outside minimal pairs)")
    parser.add_argument("--demetr", help="snapshot of marzenakrp/demetr (outside minimal pairs)")
    parser.add_argument("--split", default="heldout", choices=("heldout", "calibration", "all"))
    parser.add_argument("--only", choices=("critical", "backtranslation"))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    find = _finder()
    if args.only != "backtranslation":
        pairs = [p for p in load_pairs(args.mqm) if args.split in ("all", p["split"])]
        print(f"## Critical edits, MQM TED talks, {args.split} talks\n")
        _print(critical_edits_table(pairs, find))
        _print(speech_table(pairs, find))
        for official, against in NEWS_OFFICIALS.items() if args.news_mqm else ():
            news_pairs = [
                p
                for p in load_news_pairs(args.mqm, args.news_mqm, official=official)
                if args.split in ("all", p["split"])
            ]
            print(f"\n## Critical edits, MQM news (WMT23 zh-en), {args.split} documents,")
            print(f"against {against}\n")
            _print(critical_edits_table(news_pairs, find))
            _print(speech_table(news_pairs, find))
        print(f"\n## Minimal pairs, {args.split} half\n")
        minimal = own_pairs()
        if args.aces:
            minimal += aces_pairs(args.aces)
        if args.demetr:
            minimal += demetr_pairs(args.demetr)
        if args.wmt:
            minimal += built_pairs(args.wmt)
        _print(minimal_pairs_table(minimal, find, args.split))
        _print(project_pairs_table(find))
    if args.only == "critical":
        return
    news = []
    if args.news:
        news = [json.loads(line) for line in args.news.read_text(encoding="utf-8").splitlines()]
    wmt = load_wmt_documents(args.wmt) if args.wmt else []
    table = backtranslation_table(load_documents(args.mqm), news, wmt, args.split, args.workers)
    print(f"\n## Back-translation score, {args.split} half\n")
    _print(table)


if __name__ == "__main__":
    main()
