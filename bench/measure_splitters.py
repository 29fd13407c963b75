"""Measure sentence splitters on the seed corpus.

(a) transcript sentence count and exact matches against a hand-made list,
(b) boundary precision/recall inside the quotations of the Turkish-outlet article,
(c) characters lost or altered over all seeds, (d) speed over all seeds (median of 5 runs).
Columns: 001 n = sentences in the transcript, exact = of them equal to the hand list,
quote P/R = boundary precision/recall in the quotations of 000, altered = units whose emitted
text differs from the input ignoring whitespace, off.err = spans whose offsets do not give the
emitted text, lc-start = sentences starting lowercase (fragments such as 'said.'),
n all = sentences over all seeds, µs/sent = median split time per emitted sentence.
Run from the repository root: python bench/measure_splitters.py
"""

import re
import statistics
import time
from pathlib import Path

import blingfire
import pysbd
import sentencex
from syntok import segmenter, tokenizer

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TRANSCRIPT = CORPUS / "official/nato-transcript-2022-11-30-bucharest-press-conference.txt"
QUOTED = CORPUS / "articles/turkish-outlet-2022-11-30-bucharest-press-conference.txt"
RUNS = 5

# Hand count of the transcript: 50 non-blank lines; two spoken phrases wrap onto the next line
# ("... posed by China" + "to our interests, ..." and "... our Alliance stronger," + "And the
# Euro-Atlantic area more secure."), one line holds two sentences ("... our cooperation." +
# "And Allies agreed ..."): 50 - 2 + 1 = 49.
HAND_COUNT = 49
WRAPPED = ("posed by China", "our Alliance stronger,")
TWO_SENTENCES = "strengthen our cooperation."

# Hand-labelled sentence ends inside the quotation paragraphs of the Turkish-outlet article, in
# document order (paragraph ends are not boundaries). 1 + 5 + 5 + 8 + 1 = 20 boundaries.
QUOTE_ENDS = (
    "see China as an enemy.",
    "has made significant progress.",
    "not underestimate Russia.",
    "and important infrastructure.",
    "onset of the winter season.",
    "air defense support, is essential.",
    "democratic state in Europe.",
    "humanitarian support to Ukraine.",
    "doing exactly that right now.",
    "membership is not on the table.",
    "a candidate member in Ukraine.",
    "of Europe and North America.",
    "challenges we face are global.",
    "these challenges together in NATO.",
    "see China as an enemy.",
    "as it is in our interests,” he said.",
    "our dependence on Russian gas.",
    "or infrastructure, particularly China.",
    "trade and economic relations with China.",
    "terrible attack in Istanbul.",
)

TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")


def prepare(text):
    """Blocks on blank lines; inside a block join wrapped lines, keep headings separate."""
    units = []
    for block in re.split(r"\n\s*\n", text):
        current = None
        for line in filter(None, map(str.strip, block.splitlines())):
            wrapped = current is not None and (
                current.endswith(",") or (not TERMINAL.search(current) and line[0].islower())
            )
            if wrapped:
                current += " " + line
            else:
                if current is not None:
                    units.append(current)
                current = line
        if current is not None:
            units.append(current)
    return units


def syntok_spans(tokens_by_sentence):
    for sent in tokens_by_sentence:
        text = "".join(tok.spacing + tok.value for tok in sent)
        yield sent[0].offset, sent[-1].offset + len(sent[-1].value), text


def run_syntok_analyze(unit):
    return [s for para in segmenter.analyze(unit) for s in syntok_spans(para)]


def run_syntok_split(unit):
    return list(syntok_spans(segmenter.split(tokenizer.Tokenizer().tokenize(unit))))


PYSBD = pysbd.Segmenter(language="en", clean=False, char_span=True)


def run_pysbd(unit):
    return [(s.start, s.end, s.sent) for s in PYSBD.segment(unit)]


def run_sentencex(unit):
    bounds = sentencex.get_sentence_boundaries("en", unit)
    return [(b["start_index"], b["end_index"], b["text"]) for b in bounds]


def run_blingfire(unit):
    out, offsets = blingfire.text_to_sentences_and_offsets(unit)
    return [(a, b, text) for (a, b), text in zip(offsets, out.split("\n"), strict=True)]


SPLITTERS = {
    "syntok.analyze": run_syntok_analyze,
    "syntok.split": run_syntok_split,
    "pysbd": run_pysbd,
    "sentencex": run_sentencex,
    "blingfire": run_blingfire,
}


def nonws(text):
    return "".join(text.split())


def norm(text):
    return " ".join(text.split())


def expected_transcript(text):
    out = []
    for line in filter(None, map(str.strip, text.splitlines())):
        if out and out[-1].endswith(WRAPPED):
            out[-1] += " " + line
        elif TWO_SENTENCES in line:
            head, tail = line.split(TWO_SENTENCES)
            out += [head + TWO_SENTENCES, tail.strip()]
        else:
            out.append(line)
    assert len(out) == HAND_COUNT, len(out)
    return out


def exact_matches(expected, predicted):
    pool = [norm(s) for s in predicted]
    hits = 0
    for sent in expected:
        if sent in pool:
            pool.remove(sent)
            hits += 1
    return hits


def quote_units(units):
    """Expected boundaries {(unit index, non-whitespace offset)} in the quotation paragraphs."""
    expected, pending = set(), list(QUOTE_ENDS)
    scope = [i for i, unit in enumerate(units) if "“" in unit]
    for i in scope:
        cursor = 0
        while pending and (pos := units[i].find(pending[0], cursor)) >= 0:
            cursor = pos + len(pending.pop(0))
            expected.add((i, len(nonws(units[i][:cursor]))))
    assert not pending, pending
    return scope, expected


def boundary_pr(split, units, scope, expected):
    predicted = set()
    for i in scope:
        spans = split(units[i])
        predicted |= {(i, len(nonws(units[i][:end]))) for _, end, _ in spans[:-1]}
    hits = len(predicted & expected)
    return hits / len(predicted) if predicted else 0.0, hits / len(expected)


def fidelity(split, units):
    """Units whose emitted text differs from the input (ignoring whitespace), spans whose
    offsets do not give back the emitted text, and sentences starting in lowercase."""
    altered = offset_errors = lowercase = 0
    for unit in units:
        spans = split(unit)
        altered += nonws("".join(text for _, _, text in spans)) != nonws(unit)
        offset_errors += sum(nonws(unit[a:b]) != nonws(text) for a, b, text in spans)
        lowercase += sum(text.strip()[:1].islower() for _, _, text in spans)
    return altered, offset_errors, lowercase


def speed(split, units):
    split(units[0])  # warm-up (regex compilation, lazy tables)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        count = sum(len(split(unit)) for unit in units)
        times.append(time.perf_counter() - start)
    return count, statistics.median(times) / count * 1e6


def main():
    transcript = TRANSCRIPT.read_text(encoding="utf-8")
    expected = expected_transcript(transcript)
    t_units = prepare(transcript)
    q_units = prepare(QUOTED.read_text(encoding="utf-8"))
    scope, q_expected = quote_units(q_units)
    all_units = [u for p in sorted(CORPUS.rglob("*.txt")) for u in prepare(p.read_text("utf-8"))]

    print(
        f"001: hand count {HAND_COUNT}, {len(t_units)} prepared units | 000 quotations: "
        f"{len(q_expected)} boundaries in {len(scope)} paragraphs | all seeds: "
        f"{len(all_units)} units"
    )
    head = (
        f"{'splitter':<15}{'001 n':>6}{'exact':>7}{'quote P/R':>11}{'altered':>8}"
        f"{'off.err':>8}{'lc-start':>9}{'n all':>7}{'µs/sent':>9}"
    )
    print(head)
    print("-" * len(head))
    for name, split in SPLITTERS.items():
        sents = [text for unit in t_units for _, _, text in split(unit)]
        exact = exact_matches(expected, sents)
        precision, recall = boundary_pr(split, q_units, scope, q_expected)
        altered, off_err, lowercase = fidelity(split, all_units)
        n_all, us = speed(split, all_units)
        print(
            f"{name:<15}{len(sents):>6}{exact:>4}/{HAND_COUNT}{precision:>6.2f}/{recall:.2f}"
            f"{altered:>8}{off_err:>8}{lowercase:>9}{n_all:>7}{us:>9.1f}"
        )


if __name__ == "__main__":
    main()
