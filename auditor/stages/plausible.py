"""How plausible a decoding of a file reads as text (pure).

A file that is not UTF-8 decodes without error in many code pages, and a charset detector's
first guess is often wrong on mostly-English text: cp1254's curly quotes read in cp1125 become
Cyrillic letters glued to English words, in cp852 accented letters; its Turkish ğ ı ş read in
cp1250 become đ ý ţ. So every candidate decoding is judged on what it yields:

- **controls** (C0 other than whitespace, C1, unassigned, private-use or surrogate code points,
  U+FFFD) are no text at all: the decoding with fewest wins first;
- then each non-ASCII character counts for or against it: a typographic mark (quotation
  marks, dashes, …) or a non-ASCII space for; a letter for when its word is written in the
  letters of one language the identifier knows (`auditor/data/alphabets.tsv`, ASCII letters
  only beside a Latin alphabet) and cased as words are (`lower`, `Title`, `UPPER`, `NATOs`),
  against otherwise; any other sign (box drawing, mathematics) against.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from auditor.lexicon import entries, word_map

#: a word holding a letter beyond ASCII (tried once from each word's start, so that a long
#: word of ASCII letters costs its length, not its square), or any other character beyond ASCII
_TOKEN = re.compile(r"(?<![^\W\d_])[A-Za-z]*+[^\x00-\x7f\W\d_][^\W\d_]*+|[^\x00-\x7f]")
#: category Cc other than ordinary whitespace (tab, line feed, vertical tab, form feed, return)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NOT_TEXT = frozenset({"Cc", "Cn", "Co", "Cs"})
_NEUTRAL = ("M", "Nd", "Cf")  #: combining marks, digits, format characters: no evidence
#: how words are cased (U upper, L lower): lower, Title, UPPER
_CASING = re.compile(r"U?L*|U+")
#: an acronym's plural ("MPs", "NATOs"), the casing of the letters before its "s"
_ACRONYM = re.compile(r"U{2,}")
_ASCII_LETTERS = re.compile("[A-Za-z]")
#: letters a word of another script needs in a line of Latin letters
_MIN_FOREIGN_WORD = 3


@dataclass(frozen=True, order=True)
class Plausibility:
    """What speaks for a decoding, compared as a whole: fewer controls first, then more
    characters that read as text."""

    no_controls: int  #: minus the count of characters that are no text
    score: int  #: non-ASCII characters that read as text minus those that do not

    @property
    def controls(self) -> int:
        return -self.no_controls


@dataclass(frozen=True)
class _Alphabet:
    letters: frozenset[str]
    latin: bool  #: written beside ASCII letters in one word


@cache
def _alphabets() -> tuple[_Alphabet, ...]:
    found = []
    for letters in word_map("alphabets.tsv").values():
        latin = not letters or any(unicodedata.name(c, "").startswith("LATIN") for c in letters)
        found.append(_Alphabet(frozenset(letters), latin))
    return tuple(found)


@cache
def _marks() -> frozenset[str]:
    return frozenset(entries("typographic_marks.txt"))


def legacy_encodings(languages: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The code pages to try for text of `languages` (default: every language listed), most
    common first (`auditor/data/legacy_encodings.tsv`)."""
    table = word_map("legacy_encodings.tsv")
    chosen = table if languages is None else {k: table[k] for k in languages if k in table}
    return tuple(dict.fromkeys(name for names in chosen.values() for name in names.split()))


def plausibility(text: str) -> Plausibility:
    """How plausible `text`, one decoding of a file, reads as natural-language text."""
    controls = len(_CONTROLS.findall(text))
    score = 0
    marks = _marks()
    latin_line = _LatinLines(text)
    for match in _TOKEN.finditer(text):
        token = match.group()
        if len(token) > 1 or token.isalpha():
            weight = sum(1 for c in token if c > "\x7f")
            reads = _word_reads(token, latin_line(match.start()))
            score += weight if reads else -weight
            continue
        category = unicodedata.category(token)
        if token in marks or category == "Zs":
            score += 1
        elif category in _NOT_TEXT or token == "\ufffd":
            controls += 0 if category == "Cc" else 1  # Cc already counted above
        elif not category.startswith(_NEUTRAL):
            score -= 1
    return Plausibility(-controls, score)


class _LatinLines:
    """Whether the line around a position is written in Latin letters (most of its letters
    ASCII), looked up line by line as positions increase."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._end = -1
        self._latin = False

    def __call__(self, position: int) -> bool:
        if position > self._end:
            start = self._text.rfind("\n", 0, position) + 1
            end = self._text.find("\n", position)
            self._end = len(self._text) if end < 0 else end
            line = self._text[start : self._end]
            letters = sum(1 for c in line if c.isalpha())
            self._latin = 2 * len(_ASCII_LETTERS.findall(line)) > letters
        return self._latin


def _word_reads(word: str, latin_line: bool) -> bool:
    """A word in the letters of one known language, cased as words are; in a line of Latin
    letters, a word of another script is at least `_MIN_FOREIGN_WORD` letters long (a curly
    quote or dash read in an Arabic or Cyrillic code page is one such letter between words)."""
    beyond = {c.lower()[0] for c in word if c > "\x7f"}
    beyond = {c for c in beyond if c > "\x7f"}  # İ lowers to i
    with_ascii = any(c < "\x80" for c in word)
    if not any(
        beyond <= alphabet.letters
        and (
            alphabet.latin
            or (not with_ascii and (len(word) >= _MIN_FOREIGN_WORD or not latin_line))
        )
        for alphabet in _alphabets()
    ):
        return False
    pattern = "".join("U" if c.isupper() else "L" if c.islower() else "" for c in word)
    if _CASING.fullmatch(pattern):
        return True
    return word.endswith("s") and _ACRONYM.fullmatch(pattern[:-1]) is not None
