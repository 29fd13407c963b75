"""Made-up words for the pin tests: filler an official index needs to be big enough for a
threshold to show, and that no real sentence shares a word with.

Words are consonant-vowel-consonant-vowel-consonant ("bakev"), each distinct in its first four
letters so that content words cut to a stem stay distinct; none is an English function word.
"""

from __future__ import annotations

from auditor.lexicon import FUNCTION_WORDS

_CONSONANTS, _VOWELS = "bdfgklmnprstvz", "aeiou"


def made_up_word(n: int) -> str:
    out = ""
    for alphabet in (_CONSONANTS, _VOWELS, _CONSONANTS, _VOWELS, _CONSONANTS):
        n, r = divmod(n, len(alphabet))
        out += alphabet[r]
    return out


class MadeUpWords:
    """A stream of distinct made-up words, from `start`."""

    def __init__(self, start: int = 0) -> None:
        self.n = start

    def __call__(self, count: int) -> str:
        """`count` new words, joined by spaces."""
        out: list[str] = []
        while len(out) < count:
            word = made_up_word(self.n)
            self.n += 1
            if word not in FUNCTION_WORDS:
                out.append(word)
        return " ".join(out)

    def sentence(self, count: int = 4) -> str:
        return self(count).capitalize() + "."


def filler_sentences(count: int, seed: int = 0, words: int = 4) -> list[str]:
    """`count` sentences of made-up words (`seed` picks another stretch of the words)."""
    stream = MadeUpWords(seed * 10_000)
    return [stream.sentence(words) for _ in range(count)]
