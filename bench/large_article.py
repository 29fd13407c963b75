"""How each stage's cost grows with an article's length (a stage should be near-linear).

    python bench/large_article.py [--sizes 0.25,0.5,1] [--shape paragraphs|quotations]

Builds one article per size (in MB) from the seed texts — the Turkish outlet's paragraphs with
their numbers changed (`paragraphs`), or one long paragraph of official sentences, every other
one quoted (`quotations`) — and times ingest, segmentation, language identification,
back-translation markers and the drift stage (alignment, scores, changes) on it, then a whole
`auditor audit` of it. Prints CPU seconds per stage (CPU, not wall time: this machine is
shared) and, per doubling of the size, the growth factor: about 2 is linear, about 4
quadratic; and the whole audit's peak resident memory. Measurement only; no test asserts a
time.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.records import Document, Kind, Role  # noqa: E402
from auditor.run.article import build_index  # noqa: E402
from auditor.settings import Settings  # noqa: E402
from auditor.stages.align import OfficialIndex  # noqa: E402
from auditor.stages.backtranslation import segment_evidence  # noqa: E402
from auditor.stages.drift import audit_drift  # noqa: E402
from auditor.stages.ingest import decode_document  # noqa: E402
from auditor.stages.language import LazyIdentifier, identify_segments  # noqa: E402
from auditor.stages.segment import segment_document  # noqa: E402

OFFICIAL = next((ROOT / "corpus" / "official").glob("*.txt"))
OUTLET = next((ROOT / "corpus" / "articles").glob("turkish-outlet*.txt"))


def paragraphs_article(size: int, seed: int = 0) -> str:
    """Seed paragraphs in random order, their numbers changed, up to `size` characters."""
    paragraphs = [p for p in OUTLET.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rnd = random.Random(seed)
    out: list[str] = []
    length = 0
    while length < size:
        paragraph = rnd.choice(paragraphs).replace("two", str(rnd.randint(2, 99)))
        out.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(out)


def quotations_article(size: int) -> str:
    """One paragraph of official sentences, every other one a quotation."""
    official = OFFICIAL.read_text(encoding="utf-8")
    sentences = [s.text for s in segment_document(official) if s.kind is Kind.SENTENCE]
    out: list[str] = []
    length = 0
    while length < size:
        sentence = sentences[len(out) % len(sentences)]
        out.append(f"He said, “{sentence}”" if len(out) % 2 else sentence)
        length += len(out[-1]) + 1
    return " ".join(out)


def stage_seconds(text: str, identifier: LazyIdentifier, index: OfficialIndex) -> dict[str, float]:
    """CPU seconds of each stage of one article's audit (no translation models)."""
    settings = Settings()
    seconds: dict[str, float] = {}
    clock = time.process_time()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.process_time()
        seconds[stage] = now - clock
        clock = now

    decode_document(
        "a",
        Role.ARTICLE,
        text.encode("utf-8"),
        plausibility=identifier.plausibility,
        max_control=settings.ingest.max_control_char_share,
    )
    lap("ingest")
    segments = segment_document(text, settings.segment)
    lap("segment")
    segments = identify_segments(segments, identifier, settings.language)
    lap("language")
    segment_evidence(segments, settings.backtranslation)
    lap("markers")
    english = {s.index: s.text for s in segments if not s.is_fragment}
    audit_drift(segments, english, index, settings)
    lap("drift")
    seconds["segments"] = len(segments)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="0.25,0.5,1")
    parser.add_argument("--shape", choices=("paragraphs", "quotations"), default="paragraphs")
    parser.add_argument("--no-audit", action="store_true", help="skip the whole audit")
    args = parser.parse_args()
    settings = Settings()
    identifier = LazyIdentifier(settings.language.languages)
    identifier.plausibility("loaded before the clock starts")
    official = OFFICIAL.read_text(encoding="utf-8")
    index = build_index([Document("official", Role.OFFICIAL, official, "utf_8", "")], settings)
    make = paragraphs_article if args.shape == "paragraphs" else quotations_article
    previous: dict[str, float] = {}
    for size in (float(s) for s in args.sizes.split(",")):
        text = make(int(size * 1_000_000))
        row = stage_seconds(text, identifier, index)
        segments = int(row.pop("segments"))
        peak = ""
        if not args.no_audit:
            row["audit"], rss = _audit_seconds(text)
            peak = f"; audit peak RSS {rss / 1e9:.2f} GB, {rss / 1e9 / size:.2f} GB per MB"
        cells = []
        for stage, seconds in row.items():
            growth = f" (×{seconds / previous[stage]:.1f})" if previous.get(stage) else ""
            cells.append(f"{stage} {seconds:.2f} s{growth}")
        print(f"{size:g} MB, {segments} segments: " + ", ".join(cells) + peak, flush=True)
        previous = row


def _audit_seconds(text: str) -> tuple[float, int]:
    """`auditor audit` of a corpus of the official transcript and this one article: its CPU
    seconds and its peak resident memory in bytes (the largest of its processes)."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        (corpus / "official").mkdir(parents=True)
        (corpus / "articles").mkdir()
        (corpus / "official" / OFFICIAL.name).write_bytes(OFFICIAL.read_bytes())
        (corpus / "articles" / "large.txt").write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "auditor", "audit", str(corpus), "--json"]
        command += ["--reports", str(Path(folder) / "reports"), "--max-article-mb", "100"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's auditor
        child = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(child.pid, 0)  # this child's usage, its own processes in
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise subprocess.CalledProcessError(child.returncode, command)
        return usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024  # maxrss: KiB on Linux


if __name__ == "__main__":
    main()
