"""Are quotations found on their own words? Measured on data nobody here wrote.

    python bench/eval_quotes.py PATH [--systems Online-W,Facebook-AI,metricsystem1]

PATH: a snapshot of github.com/google/wmt-mqm-human-evaluation (checkout, bare git directory
or ted/zhen/mqm_ted_zhen.tsv). The TED talks' English original (`ref`) plays the official
transcript; the talks were subtitled in Chinese and machine-translated back into English by
the WMT21 systems — a back-translation of the official wording, as the audited outlets make.

- real quotation: an MT system's segment (whole, or a random 5–12-word part of it) against the
  talk's transcript: it should be found, in the run holding its source segment;
- invented quotation: the same, with its source segment and both neighbours removed from the
  transcript: the transcript's vocabulary is all there, the words were never said; it should
  not be found.

Reported per half of the talks (calibration half / held-out half, split by talk as in
bench/mqm.py): the share of real quotations found in their own run, and the share of
invented ones found anywhere (a false "found": the quotation would be compared with, and
charged against, words it never quoted). Not a test: CI has no snapshot.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.settings import Settings
from auditor.stages.align import OfficialIndex
from auditor.stages.quote_align import match_quotation
from bench.mqm import load_documents


def quotations(words: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """(kind, text): the whole segment, and a part of 5–12 words of a longer one."""
    out = [("whole", " ".join(words))]
    if len(words) >= 10:
        n = rng.randint(5, min(12, len(words) - 2))
        start = rng.randint(0, len(words) - n)
        out.append(("part", " ".join(words[start : start + n])))
    return out


def evaluate(path: str, systems: list[str], settings: Settings) -> dict[tuple[str, str], list]:
    """(split, kind) → [real found, real total, invented found, invented total]."""
    rng = random.Random(0)
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for talk in load_documents(path):
        transcript = talk["segments"]["ref"]
        full = OfficialIndex([("talk", transcript)], settings.align)
        for system in systems:
            for k, segment in enumerate(talk["segments"][system]):
                words = segment.split()
                if len(words) < settings.verdict.min_quote_words:
                    continue
                without = [s for n, s in enumerate(transcript) if abs(n - k) > 1]
                removed = OfficialIndex([("talk", without)], settings.align)
                for kind, text in quotations(words, rng):
                    counts = tally[(talk["split"], kind)]
                    match = match_quotation(text, full)
                    counts[1] += 1
                    counts[0] += bool(
                        match
                        and match.strength(settings.align) is not None
                        and match.first <= k <= match.last
                    )
                    fake = match_quotation(text, removed)
                    counts[3] += 1
                    counts[2] += bool(fake and fake.strength(settings.align) is not None)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="snapshot of google/wmt-mqm-human-evaluation")
    parser.add_argument("--systems", default="Online-W,Facebook-AI,metricsystem1")
    args = parser.parse_args()
    tally = evaluate(args.path, args.systems.split(","), Settings())
    print("| talks | quotation | real ones found | invented ones found |")
    print("|---|---|---|---|")
    for (split, kind), (found, total, fake, fakes) in sorted(tally.items()):
        print(
            f"| {split} | {kind} | {found / total:.1%} ({found}/{total}) "
            f"| {fake / fakes:.1%} ({fake}/{fakes}) |"
        )


if __name__ == "__main__":
    main()
