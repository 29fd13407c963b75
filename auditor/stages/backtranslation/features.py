"""Features of a text's style that do not name its topic (pure): what the back-translation
classifier (`classifier.py`) reads.

Every word that is not an English function word is masked before anything is counted, so a
feature can say "'of the …' is frequent" but never "this text is about Ukraine":

- `ngram:<tokens>`: rates per 1,000 tokens of the sequences of one to three tokens of the
  masked text, each sentence opened by `^`; a token is a function word
  (`auditor/data/function_words.txt`), `w` (another lowercase word), `C` (a capitalised
  word), `0` (a number) or a punctuation mark (quotation marks and dashes folded to one
  form each); an abbreviated word keeps its full stop ("Mr.", "U.S.", "J." before a name:
  `auditor/data/abbreviated_words.txt`), so names and titles are not read as sentence ends;
- `stat:<name>`: sentence length and clause statistics, lexical variety (MATTR-50), word
  length;
- `marker:<signal>`: the strength of each model-free marker of `markers.py` (artefacts such as
  "“…” said." and the weak statistics), and `marker:profile_value`, the function-word profile
  of machine translation (`profile.py`).

Which n-grams are read is the shipped model's choice (bench/train_backtranslation.py keeps
those frequent enough in its training documents); the rest is fixed here. `FEATURES_VERSION`
names this extractor: a model file trained on another version is refused.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from auditor.lexicon import word_set
from auditor.settings import BacktranslationSettings
from auditor.stages.backtranslation.markers import SIGNALS, _text, mattr
from auditor.stages.backtranslation.profile import profile_of, words_of

#: the version of this extractor; bump it whenever a feature's value for a text could change
FEATURES_VERSION = 2
NGRAM = "ngram:"
STAT = "stat:"
MARKER = "marker:"
MAX_N = 3
START = "^"

#: a word abbreviated with a full stop is one token, not a word and a sentence's end: dotted
#: initials ("U.S.", "e.g."), a capital initial before a capitalised word ("J. F. Kennedy") and
#: the abbreviated titles and forms of abbreviated_words.txt ("Mr. Smith", "Apple Inc. said")
_ABBREVIATED = "|".join(
    sorted((w.capitalize() for w in word_set("abbreviated_words.txt")), key=len, reverse=True)
)
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|\b(?:"
    + _ABBREVIATED
    + r")\.(?=\s)|[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,:]\d+)*|[^\w\s]"
)
_FOLD = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "–": "—"}
#: the punctuation marks a token may be; any other mark is `p`
PUNCTUATION = frozenset(".,;:!?\"'()—-/%&$")


@cache
def _function_words() -> frozenset[str]:
    return word_set("function_words.txt")


def mask(token: str) -> str:
    """The token as the n-grams count it: a function word stays, other words are masked."""
    if token[0].isalpha():
        low = token.lower().replace("’", "'")
        if low in _function_words():
            return low
        return "C" if token[0].isupper() else "w"
    if token[0].isdigit():
        return "0"
    folded = _FOLD.get(token, token)
    return folded if folded in PUNCTUATION else "p"


def masked(sentence: str) -> list[str]:
    return [mask(t) for t in _TOKEN.findall(sentence)]


#: the words each token of an n-gram is shown as to a reader
_SHOWN = {"w": "…", "C": "Name", "0": "number", "p": "mark", START: "(sentence start)"}


def ngram_words(gram: str) -> str:
    """`^ C w` → `(sentence start) Name …`: an n-gram in words a reviewer reads."""
    return " ".join(_SHOWN.get(t, t) for t in gram.split(" "))


def is_ngram(gram: str) -> bool:
    """Could `gram` be an n-gram of `masked` sentences (1–3 tokens of the alphabet)?"""
    tokens = gram.split(" ")
    alphabet = _function_words() | PUNCTUATION | {"w", "C", "0", "p"}
    return (
        0 < len(tokens) <= MAX_N
        and all(t in alphabet or (t == START and i == 0) for i, t in enumerate(tokens))
        and tokens != [START]
    )


#: the statistics, by name, with what each measures (the evidence's words)
STATS = {
    "sentence_words": "mean sentence length in words",
    "sentence_words_sd": "spread of sentence lengths (standard deviation, words)",
    "long_sentences": "share of sentences over 30 words",
    "short_sentences": "share of sentences under 10 words",
    "commas": "commas per sentence",
    "comma_heavy": "share of sentences with 3 or more commas",
    "word_length": "mean word length in letters",
    "mattr": "lexical variety (MATTR-50)",
    "capitalised": "share of words capitalised",
    "function_share": "share of words that are function words",
}


@dataclass(frozen=True)
class Features:
    """A text's feature values by name, and its sentence count."""

    values: dict[str, float]
    sentences: int


def ngram_counts(sentences: Iterable[str]) -> tuple[Counter[str], int]:
    """Counts of every n-gram (n ≤ 3) of the masked sentences, and the number of tokens."""
    counts: Counter[str] = Counter()
    tokens = 0
    for sentence in sentences:
        seq = [START, *masked(sentence)]
        tokens += len(seq) - 1
        for n in range(1, MAX_N + 1):
            for i in range(len(seq) - n + 1):
                gram = seq[i : i + n]
                if gram != [START]:
                    counts[" ".join(gram)] += 1
    return counts, tokens


def _stats(sentences: Sequence[str]) -> dict[str, float]:
    words_by_sentence = [[t for t in _TOKEN.findall(s) if t[0].isalpha()] for s in sentences]
    lengths = [len(w) for w in words_by_sentence]
    n = max(len(sentences), 1)
    mean = sum(lengths) / n
    words = [w for ws in words_by_sentence for w in ws]
    commas = [s.count(",") for s in sentences]
    function = _function_words()
    return {
        "sentence_words": mean,
        "sentence_words_sd": math.sqrt(sum((x - mean) ** 2 for x in lengths) / n),
        "long_sentences": sum(x > 30 for x in lengths) / n,
        "short_sentences": sum(x < 10 for x in lengths) / n,
        "commas": sum(commas) / n,
        "comma_heavy": sum(c >= 3 for c in commas) / n,
        "word_length": sum(len(w) for w in words) / max(len(words), 1),
        "mattr": mattr([w.lower() for w in words]),
        "capitalised": sum(w[0].isupper() for w in words) / max(len(words), 1),
        "function_share": sum(w.lower() in function for w in words) / max(len(words), 1),
    }


def extract(
    sentences: Sequence[str],
    ngrams: Iterable[str],
    settings: BacktranslationSettings | None = None,
) -> Features:
    """The features of an article's English sentences (in reading order): the statistics, the
    markers and the rates of the n-grams named in `ngrams`."""
    settings = settings or BacktranslationSettings()
    text = _text(sentences)
    counts, tokens = ngram_counts(text.sentences)
    values = {f"{NGRAM}{g}": 1000.0 * counts[g] / max(tokens, 1) for g in ngrams}
    values.update({f"{STAT}{k}": v for k, v in _stats(text.sentences).items()})
    values.update({f"{MARKER}{f.__name__}": f(text, settings).strength for f in SIGNALS})
    values[f"{MARKER}profile_value"] = profile_of(words_of(text.joined)).value
    return Features(values, len(text.sentences))


def fixed_names() -> list[str]:
    """The names of the features every text has (the n-grams aside)."""
    return [
        *(f"{STAT}{k}" for k in STATS),
        *(f"{MARKER}{f.__name__}" for f in SIGNALS),
        f"{MARKER}profile_value",
    ]


def known(name: str) -> bool:
    """Is `name` a feature this extractor can compute?"""
    if name.startswith(NGRAM):
        return is_ngram(name.removeprefix(NGRAM))
    return name in fixed_names()
