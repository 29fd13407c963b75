"""Are quotations judged on their own words? Measured on data nobody here wrote.

    python bench/eval_quotes.py PATH [--systems all|Online-W,…] [--official refB|ref]

PATH: a snapshot of github.com/google/wmt-mqm-human-evaluation (checkout, bare git directory
or ted/zhen/mqm_ted_zhen.tsv). A TED talk's English plays the official transcript — `refB`, a
fresh human translation of the talk's Chinese subtitles (default), or `ref`, the English
original; the WMT21 systems' machine translations of the same Chinese are the outlets'
back-translated quotations. MQM annotators marked the outputs whose meaning a Major accuracy
error changed (`changed`: real distortions, written by no rule of ours) and those with no
accuracy error (`kept`).

Each quotation (an MT output of a segment; with `--parts`, also a random 5–12-word part of a
longer one) is judged by the drift stage's own `judge_quotation`:
- a real quotation, against the whole transcript: it should be aligned — found on its wording,
  distorted (found on its content) or spliced — in the run holding its segment; `unmatched`
  there is the wrong accusation ("possibly not said") for a changed one;
- an invented quotation: the same words with its segment and both neighbours removed from the
  transcript (the talk's vocabulary is all there, the words were never said): it should be
  `unmatched`; aligned anywhere it would be charged against words it never quoted;
- a synthetic splice: two `kept` outputs of segments at least three apart, joined by ", and ":
  it should be `spliced`, naming both places (the joining is ours, the parts are not).

Reported per half of the talks (calibration / held-out, split by talk as bench/mqm.py). Not a
test: CI has no snapshot.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.settings import AlignSettings, Settings
from auditor.stages.align import OfficialIndex
from auditor.stages.changes import critical_edits
from auditor.stages.drift import Counterpart, judge_quotation
from auditor.stages.quote_align import match_quotation
from auditor.stages.splice import Splice
from bench.mqm import load_documents, load_pairs


def verdict(text: str, index: OfficialIndex, settings: Settings) -> tuple[str, set[int]]:
    """(found | distorted | spliced | assembled | unmatched, official positions); `charged`
    is added to an aligned verdict that carries a critical edit."""
    rule = settings.align
    judged = judge_quotation(text, match_quotation(text, index), index, None, rule)
    if isinstance(judged, Counterpart):
        kind = "spliced" if judged.places else "distorted" if judged.note else "found"
        pairs = [(p.official_text, p.article_text) for p in judged.places] or [
            (judged.official_text, text)
        ]
        if any(critical_edits(o, a, settings.changes) for o, a in pairs):
            kind += " charged"
        return kind, set(judged.positions)
    if isinstance(judged, Splice):
        return "assembled", set()
    return "unmatched", set()


#: the quotation rules before distorted and spliced quotations (issue 22): found on the
#: wording, or not found
BEFORE = AlignSettings(distorted_word_share=2.0, distorted_content_cover=2.0, splice_max_parts=1)


def evaluate(
    path: str, official: str, systems: set[str] | None, parts: bool, settings: Settings
) -> dict:
    """(split, label) → Counter of verdicts; label: kept/changed (in own run or elsewhere),
    invented, splice."""
    rng = random.Random(0)
    talks = {d["talk"]: d for d in load_documents(path)}
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    indexes: dict[tuple[str, int | None], OfficialIndex] = {}

    def index_of(talk: str, without: int | None) -> OfficialIndex:
        key = (talk, without)
        if key not in indexes:
            transcript = talks[talk]["segments"][official]
            kept = [s for n, s in enumerate(transcript) if without is None or abs(n - without) > 1]
            indexes[key] = OfficialIndex([("talk", kept)], settings.align)
        return indexes[key]

    kept_by_talk: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for pair in load_pairs(path):
        if pair["pair_type"] != "human-mt":
            continue
        if systems and not set(pair["systems"]) & systems:
            continue
        talk = talks[pair["talk"]]
        k = talk["seg_ids"].index(pair["seg_id"])
        words = pair["candidate"].split()
        if len(words) < settings.verdict.min_quote_words:
            continue
        texts = [pair["candidate"]]
        if parts and len(words) >= 10:
            n = rng.randint(5, min(12, len(words) - 2))
            start = rng.randint(0, len(words) - n)
            texts.append(" ".join(words[start : start + n]))
        for text in texts:
            kind, places = verdict(text, index_of(pair["talk"], None), settings)
            own = kind if kind == "unmatched" or k in places else f"{kind} elsewhere"
            tally[(pair["split"], pair["kind"])][own] += 1
            fake, _ = verdict(text, index_of(pair["talk"], k), settings)
            tally[(pair["split"], "invented")][fake] += 1
        if pair["kind"] == "kept":
            kept_by_talk[pair["talk"]].append((k, pair["candidate"].rstrip(".!?")))
    for talk, items in sorted(kept_by_talk.items()):
        split = talks[talk]["split"]
        rng.shuffle(items)
        for (i, a), (j, b) in zip(items[::2], items[1::2], strict=False):
            if abs(i - j) < 3:
                continue
            kind, places = verdict(
                f"{a}, and {b[:1].lower()}{b[1:]}", index_of(talk, None), settings
            )
            named = kind.startswith("spliced") and {i, j} <= places
            other = kind.startswith("spliced") and not named
            tally[(split, "splice")][kind + (" (other)" if other else "")] += 1
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="snapshot of google/wmt-mqm-human-evaluation")
    parser.add_argument("--systems", default="all", help="MT systems, comma-separated, or all")
    parser.add_argument("--official", default="refB", choices=["refB", "ref"])
    parser.add_argument("--parts", action="store_true", help="also random parts of quotations")
    parser.add_argument("--before", action="store_true", help="the rules before issue 22")
    args = parser.parse_args()
    systems = None if args.systems == "all" else set(args.systems.split(","))
    settings = Settings(align=BEFORE) if args.before else Settings()
    tally = evaluate(args.path, args.official, systems, args.parts, settings)
    verdicts = ["found", "distorted", "spliced", "assembled", "unmatched"]
    head = " | ".join(verdicts)
    print(f"| talks | quotations | n | {head} | aligned elsewhere | with a critical edit |")
    print("|---|---|---|" + "---|" * (len(verdicts) + 2))
    for (split, label), counts in sorted(tally.items()):
        total = sum(counts.values())
        cells = [
            f"{sum(n for v, n in counts.items() if v.split()[0] == w) / total:.1%}"
            for w in verdicts
        ]
        elsewhere = sum(n for v, n in counts.items() if "elsewhere" in v or "other" in v)
        charged = sum(n for v, n in counts.items() if "charged" in v)
        print(
            f"| {split} | {label} | {total} | "
            + " | ".join(cells)
            + f" | {elsewhere / total:.1%} | {charged / total:.1%} |"
        )


if __name__ == "__main__":
    main()
