"""Tokens, the word-level edit script, and the helpers every edit type shares (pure).

The edit script is rapidfuzz's Levenshtein opcodes over the two token lists, words lined up on
their first letters. `Counterparts` turns it into "which word took this word's place"; each edit
type counts what both sides *say* and asks `Counterparts` only for the word on the other side,
for the evidence (`must → should`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from rapidfuzz.distance import Indel, Levenshtein

from auditor.lexicon import (
    DAY_ORDINALS,
    FRACTION_WORDS,
    FUNCTION_WORDS,
    MODAL_FORCE,
    NEGATORS,
    NUMBER_WORDS,
    ORDINALS,
    SCALES,
)
from auditor.records import ABSENT, Change
from auditor.settings import ChangeSettings

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., E.U.
    r"|\d+(?:st|nd|rd|th)\b"  # 3rd, 21st
    r"|\d+(?:[.,]\d+)*%?"  # 2%, 1.5, 5,000
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W_]+)*"  # words, can't, two-day, full-fledged
    r"|[^\w\s]"  # punctuation, one mark a token
)
_OPENERS = frozenset("“\"‘'«([")
_SENTENCE_END = frozenset(".!?:;")


@dataclass(frozen=True)
class Token:
    text: str  #: as written
    norm: str  #: lowercased, straight apostrophe, possessive removed
    initial: bool  #: first word of a sentence (its capital says nothing)
    #: written right after a letter, with no space: the digits of a symbol ("CO2", "km2", "G7")
    glued: bool = False

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()


#: a named change, as every edit type reports it
Edit = Change


#: one edit type: (official tokens, article tokens, their counterparts, settings) → its edits
Finder = Callable[[Sequence[Token], Sequence[Token], "Counterparts", ChangeSettings], list[Edit]]


def _norm(word: str) -> str:
    word = word.lower().replace("’", "'")
    return re.sub(r"'s$|(?<=s)'$", "", word) if len(word) > 2 else word


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    initial = True
    for match in _TOKEN.finditer(text):
        glued = match.start() > 0 and text[match.start() - 1].isalpha()
        for raw in _dash_parts(match.group()):
            if raw in _OPENERS and initial:
                continue
            tokens.append(Token(raw, _norm(raw), initial, glued and raw[:1].isdigit()))
            glued = False
            if raw[0].isalnum():
                initial = False
            elif raw in _SENTENCE_END:
                initial = True
    return tokens


def _is_number_word(part: str) -> bool:
    lowered = part.lower()
    return part.isdigit() or lowered in NUMBER_WORDS or lowered in SCALES


def _dash_parts(raw: str) -> list[str]:
    """A hyphen between a word and a number is a dash typed without spaces ("robots-8",
    "skyscrapers-two"): two tokens. Compounds stay whole: "two-day", "twenty-five",
    "full-fledged", "COVID-19"."""
    parts = raw.split("-")
    if len(parts) < 2 or not parts[0] or _is_number_word(parts[0]) or parts[0].isupper():
        return [raw]
    for n, part in enumerate(parts[1:], start=1):
        if _is_number_word(part):
            return ["-".join(parts[:n]), "-".join(parts[n:])]
    return [raw]


def opcodes(
    official: Sequence[Token], article: Sequence[Token], settings: ChangeSettings
) -> list[tuple[str, int, int, int, int]]:
    """The edit script; words are matched on their first `key_length` letters, so
    "dependency" lines up with "dependence"."""
    length = settings.key_length
    ops = Levenshtein.opcodes(
        [t.norm[:length] for t in official], [t.norm[:length] for t in article]
    )
    return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in ops]


def substitutions(official: str, article: str, settings: ChangeSettings | None = None) -> list[str]:
    """`official → article` word changes, in reading order; punctuation is ignored."""
    settings = settings or ChangeSettings()
    off = [t for t in tokenize(official) if t.is_word]
    art = [t for t in tokenize(article) if t.is_word]
    out: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes(off, art, settings):
        if tag == "equal":
            # same first letters, other form: "dependency → dependence"
            out.extend(
                f"{a.text} → {b.text}"
                for a, b in zip(off[i1:i2], art[j1:j2], strict=True)
                if a.norm != b.norm
            )
            continue
        left = " ".join(t.text for t in off[i1:i2]) or ABSENT
        right = " ".join(t.text for t in art[j1:j2]) or ABSENT
        out.append(f"{left} → {right}")
    return out


class Counterparts:
    """For a word on one side, the word that took its place on the other, and which positions
    the edit script changed at all.

    Consecutive non-equal steps of the edit script form one changed region. Inside it, words
    of one key (another form of one word) on both sides are paired first, in order (the
    longest common run of keys): they are each other's counterparts, and no other pairing
    crosses them — "engage economically" → "economic relations" pairs `economically` with
    `economic`, and `engage`, before it, with nothing after it. Between two such pairs, a
    word's counterpart is the nearest word (by relative position) that is new to that side —
    "nor will we" → "and we will" pairs `nor` with `and`, not with the moved `we`."""

    def __init__(
        self, official: Sequence[Token], article: Sequence[Token], settings: ChangeSettings
    ) -> None:
        self.max_words = settings.max_replacement_words
        self.key_length = settings.key_length
        self.off_to_art: dict[int, int] = {}
        self.art_to_off: dict[int, int] = {}
        self.off_changed: set[int] = set()
        self.art_changed: set[int] = set()
        off_norms = {t.norm for t in official}
        art_norms = {t.norm for t in article}
        self.off_region: dict[int, int] = {}
        self.art_region: dict[int, int] = {}
        self.region_words: list[int] = []
        for n, (i1, i2, j1, j2) in enumerate(self._regions(official, article, settings)):
            self.off_changed.update(range(i1, i2))
            self.art_changed.update(range(j1, j2))
            self.off_region.update(dict.fromkeys(range(i1, i2), n))
            self.art_region.update(dict.fromkeys(range(j1, j2), n))
            self.region_words.append(max(i2 - i1, j2 - j1))
            anchors = self._anchors(official, range(i1, i2), article, range(j1, j2))
            self._link(
                official,
                range(i1, i2),
                article,
                range(j1, j2),
                art_norms - off_norms,
                self.off_to_art,
                anchors,
            )
            self._link(
                article,
                range(j1, j2),
                official,
                range(i1, i2),
                off_norms - art_norms,
                self.art_to_off,
                [(j, i) for i, j in anchors],
            )

    @staticmethod
    def _regions(
        official: Sequence[Token], article: Sequence[Token], settings: ChangeSettings
    ) -> list[tuple[int, int, int, int]]:
        regions: list[list[int]] = []
        for tag, i1, i2, j1, j2 in opcodes(official, article, settings):
            if tag == "equal":
                regions.append([])
            elif regions and regions[-1]:
                regions[-1][1], regions[-1][3] = i2, j2
            else:
                regions.append([i1, i2, j1, j2])
        return [(r[0], r[1], r[2], r[3]) for r in regions if r]

    def _anchors(
        self,
        official: Sequence[Token],
        positions: range,
        article: Sequence[Token],
        candidates: range,
    ) -> list[tuple[int, int]]:
        """The words of a changed region that have a word of the same key on the other side,
        paired in order (the longest common run of keys)."""
        off = [i for i in positions if official[i].is_word]
        art = [j for j in candidates if article[j].is_word]
        if not off or not art:
            return []
        keys = [official[i].norm[: self.key_length] for i in off]
        other = [article[j].norm[: self.key_length] for j in art]
        pairs = []
        for op in Indel.opcodes(keys, other):
            if op.tag == "equal":
                for k in range(op.src_end - op.src_start):
                    pairs.append((off[op.src_start + k], art[op.dest_start + k]))
        return pairs

    def _link(
        self,
        source: Sequence[Token],
        positions: range,
        target: Sequence[Token],
        candidates: range,
        new_words: set[str],
        out: dict[int, int],
        anchors: Sequence[tuple[int, int]] = (),
    ) -> None:
        if max(len(positions), len(candidates)) > self.max_words:
            return
        fixed = dict(anchors)
        out.update(fixed)
        # the stretches between anchors: (source range, target range) of each
        bounds = [(positions.start - 1, candidates.start - 1), *anchors,
                  (positions.stop, candidates.stop)]  # fmt: skip
        for (a, b), (c, d) in pairwise(bounds):
            part, within = range(a + 1, c), range(b + 1, d)
            fresh = [j for j in within if target[j].is_word and target[j].norm in new_words]
            for i in part:
                if not source[i].is_word or not fresh or i in fixed:
                    continue
                share = (i - part.start) / max(len(part), 1)
                out[i] = min(
                    fresh, key=lambda j: abs((j - within.start) / max(len(within), 1) - share)
                )


def pair(
    removed: list[tuple[int, str]],
    added: list[tuple[int, str]],
    link: dict[int, int],
) -> list[tuple[str, str]]:
    """Pair removed official items with added article items: first by the edit script's
    1:1 replacements, then in reading order; the rest stand against `∅`."""
    pairs: list[tuple[str, str]] = []
    left = list(removed)
    right = list(added)
    for item in list(left):
        target = link.get(item[0])
        match = next((r for r in right if r[0] == target), None)
        if match is not None:
            pairs.append((item[1], match[1]))
            left.remove(item)
            right.remove(match)
    for a, b in zip(left, right, strict=False):
        pairs.append((a[1], b[1]))
    n = min(len(left), len(right))
    pairs.extend((a[1], ABSENT) for a in left[n:])
    pairs.extend((ABSENT, b[1]) for b in right[n:])
    return pairs


def difference(
    off_items: list[tuple[int, str, str]],
    art_items: list[tuple[int, str, str]],
    link: Counterparts,
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Items (position, key, surface) on one side whose key the other side lacks (multiset).

    When only some items of a key are extra, the ones the edit script changed are the extra
    ones ("not …, nor …" → "not …, and …": the `nor` went, not the `not`)."""
    off_keys, art_keys = Counter(k for _, k, _ in off_items), Counter(k for _, k, _ in art_items)

    def extra(
        items: list[tuple[int, str, str]], surplus: Counter[str], changed: set[int]
    ) -> list[tuple[int, str]]:
        ranked = sorted(items, key=lambda item: (item[0] not in changed, item[0]))
        chosen = []
        for pos, key, surface in ranked:
            if surplus[key] > 0:
                surplus[key] -= 1
                chosen.append((pos, surface))
        return sorted(chosen)

    return (
        extra(off_items, off_keys - art_keys, link.off_changed),
        extra(art_items, art_keys - off_keys, link.art_changed),
    )


_DIGITS = re.compile(r"(\d+(?:[.,]\d+)*)(%?)")
#: thousands grouped with commas, an optional decimal point: 5,000 · 1,000,000.5
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
#: grouped with points, as most of Europe writes them: 1.000.000 · 1.000,5 (one point alone,
#: "1.000", stays the decimal 1.0)
_GROUPED_POINTS = re.compile(r"\d{1,3}(?:(\.\d{3}){2,}|(\.\d{3})+,\d+)")
#: a date as Turkish and most European outlets write it: 30.11.2022 (or 2022.11.30)
_DAY_FIRST = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})")


def _quantity(number: str) -> float | None:
    """The value of digits with at most one separator, or grouped thousands; None for
    anything else (a date, a version, an address, a list)."""
    if _GROUPED.fullmatch(number):
        return float(number.replace(",", ""))
    if _GROUPED_POINTS.fullmatch(number):
        return float(number.replace(".", "").replace(",", "."))
    if number.count(".") + number.count(",") <= 1:
        return float(number.replace(",", "."))
    return None


def _date_ordinal(number: str) -> float | None:
    """The day a dotted date names (its proleptic Gregorian ordinal, exact in six digits until
    the year 2738), or None when it is not a valid date."""
    day_first, year_first = _DAY_FIRST.fullmatch(number), _YEAR_FIRST.fullmatch(number)
    if day_first:
        day, month, year = map(int, day_first.groups())
    elif year_first:
        year, month, day = map(int, year_first.groups())
    else:
        return None
    try:
        return float(date(year, month, day).toordinal())
    except ValueError:
        return None


_SUFFIXED_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


def hyphenated_number(parts: Sequence[str]) -> tuple[float, str] | None:
    """Number words joined by hyphens: "twenty-five" (25), "one-hundred" (100), "one-third"
    and "two-thirds" (fractions), "twenty-first" (an ordinal); None for anything else."""
    *lead, last = parts
    if not lead or not all(p in NUMBER_WORDS or p in SCALES for p in lead):
        return None
    value = 0.0
    for p in lead:
        value = (value or 1) * SCALES[p] if p in SCALES else value + NUMBER_WORDS[p]
    if last in NUMBER_WORDS or last in SCALES:
        whole = (value or 1) * SCALES[last] if last in SCALES else value + NUMBER_WORDS[last]
        return whole, "cardinal"
    ordinal = ORDINALS.get(last) or DAY_ORDINALS.get(last)
    if ordinal is None:
        return None
    if value >= 20 and value % 10 == 0 and ordinal < 10:
        return value + ordinal, "ordinal"  # "twenty-first"
    return (value / ordinal, "fraction") if ordinal > 2 else None  # "one-third"


def number_value(word: str) -> tuple[float, str] | None:
    """Value and kind of one token: ("2%" → 2, "percent"), ("two-day" → 2, "cardinal"),
    ("1.000.000" → 1e6, "cardinal"), ("30.11.2022" → its day, "date").

    A version, an address or a list of digits (1.2.3, 10.0.0.1, 1,2,3) is no quantity: its
    kind carries its digits ("sequence 10.0.0.1"), so two are the same only when every part is.
    """
    parts = word.split("-")
    if len(parts) > 1:
        joined = hyphenated_number(parts)
        if joined is not None:
            return joined
        if word in FRACTION_WORDS:
            return None  # "quarter-finals", "half-time": a word of its own
    head = parts[0]
    suffixed = _SUFFIXED_ORDINAL.fullmatch(head)
    if suffixed:
        return float(suffixed.group(1)), "ordinal"  # "3rd" = "third"
    digits = _DIGITS.fullmatch(head)
    if digits:
        number, percent = digits.groups()
        kind = "percent" if percent else "cardinal"
        value = _quantity(number)
        if value is not None:
            return value, kind
        day = _date_ordinal(number)
        if day is not None and not percent:
            return day, "date"
        return 0.0, f"sequence {head}"
    if head in NUMBER_WORDS:
        return NUMBER_WORDS[head], "cardinal"
    if head in ORDINALS:
        return ORDINALS[head], "ordinal"
    if head in SCALES:
        return SCALES[head], "cardinal"
    return None


def is_content(token: Token) -> bool:
    """A word that can stand in a qualifier's place (not "an", "40", "may", "not")."""
    return (
        token.is_word
        and token.norm not in FUNCTION_WORDS
        and token.norm not in MODAL_FORCE
        and token.norm not in NEGATORS
        and number_value(token.norm) is None
    )
