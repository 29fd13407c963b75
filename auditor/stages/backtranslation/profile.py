"""Function-word profile (pure): how far a text's use of English function words lies from
human translations into English, in the direction of machine translations.

Machine translation renders sentence by sentence and stays close to the source's structure:
in WMT news it writes more "of", "the", "and", "is", "it", "not" and fewer "its", "having",
"their", "they" than professional translators of the same documents (a nominal, literal
register). The profile is a linear discriminant over the rates (per thousand words) of the
function words of `auditor/data/function_words.txt`:

    profile = Σ weight(w) × (rate(w) − human rate(w))

where, on the calibration half of the WMT21–23 news documents translated into English
(bench/derive_mt_profile.py), human rate(w) is w's mean rate in the human translations and
weight(w) = (mean rate in MT − human rate) / variance of the rate: 0 is the average human
translation, the average MT output lies near +1.2, native English news near −0.8. It is
statistics, never proof: a weak signal of the back-translation score.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from auditor.lexicon import entries

PROFILE_FILE = "mt_function_word_profile.tsv"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class ProfileWord:
    word: str
    weight: float  #: per word per thousand; > 0: machine translation uses it more
    human_rate: float  #: per thousand words, in human translations


@dataclass(frozen=True)
class Profile:
    value: float  #: 0: as the average human translation; higher: as machine translation
    more: tuple[str, ...]  #: words MT favours, used more than by human translators
    fewer: tuple[str, ...]  #: words human translators favour, used less


@cache
def profile_words() -> tuple[ProfileWord, ...]:
    """The words of the profile with their weights (`mt_function_word_profile.tsv`)."""
    rows = (line.split("\t") for line in entries(PROFILE_FILE))
    return tuple(ProfileWord(word, float(weight), float(rate)) for word, weight, rate in rows)


def words_of(text: str) -> list[str]:
    """The words of a text, lowercased, as the profile counts them."""
    return [w.lower() for w in WORD.findall(text)]


def rates(words: Sequence[str], vocabulary: Sequence[str]) -> list[float]:
    """Each vocabulary word's count per thousand words."""
    counts = Counter(words)
    return [1000.0 * counts[w] / max(len(words), 1) for w in vocabulary]


def profile_of(words: Sequence[str], shown: int = 3) -> Profile:
    """The profile of a text's words, with the `shown` words that move it most towards
    machine translation on each side."""
    table = profile_words()
    terms = [
        (p.weight * (rate - p.human_rate), p, rate)
        for p, rate in zip(table, rates(words, [p.word for p in table]), strict=True)
    ]
    towards_mt = sorted((t for t in terms if t[0] > 0), key=lambda t: -t[0])
    more = tuple(p.word for _, p, rate in towards_mt if rate > p.human_rate)[:shown]
    fewer = tuple(p.word for _, p, rate in towards_mt if rate < p.human_rate)[:shown]
    return Profile(sum(t[0] for t in terms), more, fewer)
