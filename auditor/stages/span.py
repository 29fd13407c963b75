"""The span of official wording a quotation claims (pure).

A quotation is a claim of exact words, often of only part of an official sentence. It is
compared with the contiguous span of the official run that best matches it — a fitting
alignment over words: every word of the quotation is aligned, official words before and after
the span are free — so words of the sentence outside the span are never "dropped".

The alignment runs in rapidfuzz (C): words become one character each (their first letters, as
the edit-type comparisons line them up), `partial_ratio_alignment` finds the window of the
official words most like the quotation, and the longest common subsequence with that window
(widened by half the quotation's length on each side) places each word. At the edges, an
official word that the quotation replaced with an unrelated word is outside the span (the
quotation added a word there, it did not change one) unless both are the first (last) words
of the quotation and of an official sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from auditor.lexicon import FUNCTION_WORDS
from auditor.settings import AlignSettings

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+)*")
_END_PUNCTUATION = ".!?,;:"


class Word(NamedTuple):
    """A word of a text (a tuple: a quotation is compared with many official runs, whose
    words are made by the hundred thousand in a cold audit)."""

    text: str
    key: str  #: lowercased, straight apostrophe, cut to the key length
    start: int
    end: int
    is_content: bool  #: not a function word (function_words.txt)


@dataclass(frozen=True)
class Span:
    """The official words a quotation is compared with, and how its words line up with them."""

    start: int  #: character offsets in the official text
    end: int
    text: str
    quote_words: int  #: words of the quotation
    equal: int  #: quotation words that stand, in order, in the span
    quote_content: int  #: content words of the quotation
    content_equal: int  #: of which stand, in order, in the span
    longest_run: int  #: longest run of consecutive equal words
    matched: tuple[str, ...] = ()  #: the quotation's words that stand in the span, in order
    span_words: int = 0  #: official words in the span
    gaps: int = 0  #: official words in the span that no word of the quotation stands on or replaces
    paired: int = 0  #: quotation words that stand on or replace a word of the span
    #: the quotation's first and last word (positions among its words) placed in the span: a
    #: quotation longer than the span (a splice) has words on either side
    quote_first: int = 0
    quote_last: int = 0

    @property
    def content_share(self) -> float:
        """Share of the quotation's content words found in order in the span."""
        return self.content_equal / self.quote_content if self.quote_content else 0.0

    @property
    def gap_share(self) -> float:
        """Share of the span's official words the quotation skips (a quotation stitched
        together from scattered official words skips many)."""
        return self.gaps / self.span_words if self.span_words else 0.0

    @property
    def paired_share(self) -> float:
        """Share of the quotation's words that stand on or replace a word of the span: a
        translation renders most words one for one, a quotation padding a few official words
        with its own does not."""
        return self.paired / self.quote_words if self.quote_words else 0.0

    @property
    def word_share(self) -> float:
        return self.equal / self.quote_words if self.quote_words else 0.0


#: texts whose words are kept: an official run is compared with every quotation that shares
#: its rare words, a quotation with several runs
WORDS_CACHE = 1024


@lru_cache(maxsize=WORDS_CACHE)
def words(text: str, key_length: int = AlignSettings.quote_key_length) -> tuple[Word, ...]:
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        folded = word.lower().replace("’", "'")
        out.append(
            Word(word, folded[:key_length], m.start(), m.end(), folded not in FUNCTION_WORDS)
        )
    return tuple(out)


#: one character per word key, the same for every text of the process: rapidfuzz compares the
#: characters for equality only, so a text's coded form is made once and kept with its words
_CODES: dict[str, str] = {}
#: codes given before the table starts again (they stay below the surrogates, U+D800)
MAX_CODES = 0xD800 - 0x100


@lru_cache(maxsize=WORDS_CACHE)
def _coded(text: str, key_length: int) -> str:
    """`text`'s words as one character each (their keys' codes)."""
    codes = _CODES
    return "".join(
        [codes.setdefault(w.key, chr(0x100 + len(codes))) for w in words(text, key_length)]
    )


def best_span(quote: str, official: str, rule: AlignSettings | None = None) -> Span | None:
    """The span of `official` that `quote` claims, or None when they share no word (words
    compared on their first `rule.quote_key_length` letters)."""
    rule = rule or AlignSettings()
    alike = rule.quote_alike_ratio
    mine, theirs = words(quote, rule.quote_key_length), words(official, rule.quote_key_length)
    if not mine or not theirs:
        return None
    if len(_CODES) + len(mine) + len(theirs) > MAX_CODES:  # a long-lived process: start again
        _CODES.clear()
        _coded.cache_clear()
    q, o = _coded(quote, rule.quote_key_length), _coded(official, rule.quote_key_length)
    if not set(q) & set(o):
        return None
    if len(q) < len(o):
        found = fuzz.partial_ratio_alignment(q, o)
        pad = len(q) // 2 + 2
        lo = max(found.dest_start - pad, 0) if found else 0
        hi = min(found.dest_end + pad, len(o)) if found else len(o)
    else:
        lo, hi = 0, len(o)
    pairs = _pairs(q, o, lo, hi, mine, theirs, alike)
    pairs = _trim(pairs, mine, theirs, official, alike, rule.quote_loose_gap)
    if not pairs:
        return None
    first, last = pairs[0][0], pairs[-1][0]
    equal = [i for _, i, kind in pairs if kind == "equal"]
    equal_pairs = [(j, i) for j, i, kind in pairs if kind == "equal"]
    start, end = theirs[first].start, theirs[last].end
    if quote.rstrip()[-1:] in _END_PUNCTUATION:
        while end < len(official) and official[end] in _END_PUNCTUATION:
            end += 1
    return Span(
        start=start,
        end=end,
        text=official[start:end],
        quote_words=len(mine),
        equal=len(equal),
        quote_content=sum(w.is_content for w in mine),
        content_equal=sum(mine[i].is_content for i in equal),
        longest_run=_longest_run(equal_pairs),
        matched=tuple(mine[i].text for i in equal),
        span_words=last - first + 1,
        gaps=last - first + 1 - len(pairs),
        paired=len(pairs),
        quote_first=min(i for _, i, _ in pairs),
        quote_last=max(i for _, i, _ in pairs),
    )


#: (official position, quotation position, "equal" | "alike" | "unlike")
_Pair = tuple[int, int, str]


def _pairs(
    q: str, o: str, lo: int, hi: int, mine: Sequence[Word], theirs: Sequence[Word], alike: float
) -> list[_Pair]:
    """The quotation's words placed on official words: the longest common subsequence of the
    two (Indel opcodes), then, between two of its words, the quotation's other words paired in
    order with the official words left there (a replacement: of a like word — another form —
    or of an unlike one)."""
    pairs: list[_Pair] = []
    pending_q: list[int] = []
    pending_o: list[int] = []

    def flush() -> None:
        for i, j in zip(pending_q, pending_o, strict=False):
            ratio = fuzz.ratio(mine[i].text.lower(), theirs[j].text.lower())
            pairs.append((j, i, "alike" if ratio >= alike else "unlike"))
        pending_q.clear()
        pending_o.clear()

    for op in Indel.opcodes(q, o[lo:hi]):
        if op.tag == "equal":
            flush()
            pairs.extend(
                (op.dest_start + lo + k, op.src_start + k, "equal")
                for k in range(op.src_end - op.src_start)
            )
        elif op.tag == "delete":  # quotation words the official words lack
            pending_q.extend(range(op.src_start, op.src_end))
        else:  # official words the quotation lacks
            pending_o.extend(range(op.dest_start + lo, op.dest_end + lo))
    flush()
    return pairs


def _trim(
    pairs: list[_Pair],
    mine: Sequence[Word],
    theirs: Sequence[Word],
    official: str,
    alike: float,
    loose_gap: int,
) -> list[_Pair]:
    """The pairs of the span. First trimmed at both edges while the edge pair is a replacement
    by an unlike word (less than `alike` similar: the quotation added a word there) or a loose
    block of equal function words ("and" matched past four unrelated words: `loose_gap` or
    more) that does not anchor the quotation (its first or last word on the first or last
    word of an official sentence); then grown back one
    word at a time while the quotation's next word stands on, or replaces a like word next to,
    the span — or is the quotation's first (last) word replacing an official sentence's first
    (last) word ("… as an enemy." for "… as an adversary."). Empty when no word is equal."""
    pairs = list(pairs)
    changed = True
    while changed and pairs:
        changed = False
        for edge in (0, -1):
            if not pairs:
                break
            if pairs[edge][2] == "unlike" or (
                _loose_function_block(pairs, edge, theirs, loose_gap)
                and not _anchors(pairs[edge], edge, mine, theirs, official)
            ):
                pairs.pop(edge)
                changed = True
    if not any(kind == "equal" for _, _, kind in pairs):
        return []
    while (grown := _grow(pairs[0], 0, mine, theirs, official, alike)) is not None:
        pairs.insert(0, grown)
    while (grown := _grow(pairs[-1], -1, mine, theirs, official, alike)) is not None:
        pairs.append(grown)
    return pairs


def _grow(
    pair: _Pair,
    edge: int,
    mine: Sequence[Word],
    theirs: Sequence[Word],
    official: str,
    alike: float,
) -> _Pair | None:
    step = -1 if edge == 0 else 1
    j, i = pair[0] + step, pair[1] + step
    if not (0 <= i < len(mine) and 0 <= j < len(theirs)):
        return None
    if mine[i].key == theirs[j].key:
        return (j, i, "equal")
    if fuzz.ratio(mine[i].text.lower(), theirs[j].text.lower()) >= alike:
        return (j, i, "alike")
    if _anchors((j, i, "unlike"), edge, mine, theirs, official):
        return (j, i, "unlike")
    return None


def _anchors(
    pair: _Pair, edge: int, mine: Sequence[Word], theirs: Sequence[Word], official: str
) -> bool:
    """The pair is the quotation's first (last) word on an official sentence's first (last)."""
    j, i, _ = pair
    at_edge_of_quote = i == 0 if edge == 0 else i == len(mine) - 1
    return at_edge_of_quote and _sentence_edge(theirs[j], official, edge)


def _loose_function_block(
    pairs: list[_Pair], edge: int, theirs: Sequence[Word], loose_gap: int
) -> bool:
    """The edge pairs are equal function words, followed by the next equal word only after
    `loose_gap` or more official words."""
    ordered = pairs if edge == 0 else pairs[::-1]
    if ordered[0][2] != "equal":
        return False
    block = 0  # the edge block: consecutive official words the quotation repeats
    while (
        block < len(ordered)
        and ordered[block][2] == "equal"
        and abs(ordered[block][0] - ordered[0][0]) == block
    ):
        if theirs[ordered[block][0]].is_content:
            return False
        block += 1
    following = next((n for n in range(block, len(ordered)) if ordered[n][2] == "equal"), None)
    if following is None:
        return True
    return abs(ordered[following][0] - ordered[block - 1][0]) - 1 >= loose_gap


def _sentence_edge(word: Word, official: str, edge: int) -> bool:
    """The word opens (edge 0) or closes (edge -1) a sentence of the official text."""
    if edge == 0:
        before = official[: word.start].rstrip()
        return not before or before[-1] in '.!?:;"”'
    after = official[word.end :].lstrip()
    return not after or after[0] in ".!?;"


def _longest_run(pairs: list[tuple[int, int]]) -> int:
    """Longest run of equal words consecutive on both sides (official, quotation)."""
    best = run = 0
    previous: tuple[int, int] | None = None
    for j, i in pairs:
        consecutive = previous is not None and (j, i) == (previous[0] + 1, previous[1] + 1)
        run = run + 1 if consecutive else 1
        best = max(best, run)
        previous = (j, i)
    return best
