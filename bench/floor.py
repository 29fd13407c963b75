"""The floor of a cold audit, as a whole process: what any auditor of this corpus must do.

    python bench/floor.py CORPUS PAIRS.json

Reads and hashes every source file, runs syntok over every text once, and scores every pair
the audit ended up aligning (PAIRS.json: [[article segment, official text], ...], written by
`bench/run.py` from the audit's segments.csv) with sacrebleu's sentence BLEU, chrF++ and TER —
the metric objects built once, as the auditor does. Prints nothing; `bench/run.py` reads its
CPU time from the operating system, the same way as the audit's, in the same run.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from sacrebleu.metrics import BLEU, CHRF, TER
from syntok import segmenter


def floor(corpus: Path, pairs: list[tuple[str, str]]) -> int:
    """The floor's work; returns a count so that nothing is optimised away."""
    count = 0
    for folder in ("official", "articles"):
        for path in sorted((corpus / folder).iterdir()):
            data = path.read_bytes()
            hashlib.sha256(data).hexdigest()
            for paragraph in segmenter.analyze(data.decode("utf-8", errors="replace")):
                count += sum(1 for _ in paragraph)
    bleu, chrf, ter = BLEU(effective_order=True), CHRF(word_order=2), TER()
    for hypothesis, reference in pairs:
        for metric in (bleu, chrf, ter):
            metric.sentence_score(hypothesis, [reference])
        count += 1
    return count


def main() -> None:
    corpus, pairs = Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    floor(corpus, [(h, r) for h, r in pairs])


if __name__ == "__main__":
    main()
