"""Quotations made of words from several places of the official text (pure).

A *spliced* quotation joins parts that were each said, in official sentences that are not
neighbours ("Ukraine has made significant gains, and we will continue to engage with China"):
each part is found on its own words in its own sentence, and the words between the parts are
only function words and punctuation. The quotation is aligned to each place and carries a
`spliced` finding naming them.

When the parts are joined by words of their own — "Romania's strong commitment to our Alliance
*makes* the Euro-Atlantic area more secure" — the quotation asserts what none of its places
says: the official text's phrases were assembled into a new claim. That is an invented
quotation (unmatched), and the places of its phrases are its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from auditor.lexicon import COORDINATORS, FUNCTION_WORDS
from auditor.settings import AlignSettings
from auditor.stages.align import OfficialIndex, OfficialSentence
from auditor.stages.quote_align import QuoteMatch
from auditor.stages.quote_align import slot_match as part_match
from auditor.stages.span import Word, best_span, words

#: punctuation between two clauses
_CLAUSE_BREAK = re.compile(r"[,;:.!?—–()]|\s-\s")


@dataclass(frozen=True)
class SplicePart:
    """One part of a quotation and the official sentence it was found in."""

    first_word: int  #: positions of the part's first and last word among the quotation's
    last_word: int
    text: str  #: the part's words, as the quotation has them
    match: QuoteMatch  #: the part against its official sentence

    @property
    def size(self) -> int:
        return self.last_word - self.first_word + 1


@dataclass(frozen=True)
class Splice:
    """A quotation's parts, each from its own official sentence, in the quotation's order."""

    parts: tuple[SplicePart, ...]
    #: the quotation's text between each part and the next
    joints: tuple[str, ...]

    @property
    def link_words(self) -> tuple[str, ...]:
        """The content words of a joint that joins two parts inside one clause — no
        punctuation, no "and" or "but" between them: words of the quotation's own that make the
        parts one claim none of its places makes. Empty for parts joined clause to clause (the
        words a part's own paraphrase left unplaced at its edge are no link)."""
        links: list[str] = []
        for joint in self.joints:
            tokens = [w.text.lower().replace("’", "'") for w in words(joint)]
            if _CLAUSE_BREAK.search(joint) or any(t in COORDINATORS for t in tokens):
                continue
            links.extend(w.text for w in words(joint) if w.text.lower() not in FUNCTION_WORDS)
        return tuple(links)


def match_splice(
    text: str,
    index: OfficialIndex,
    doc_id: str | None,
    rule: AlignSettings,
    single: QuoteMatch | None,
) -> Splice | None:
    """The parts of quotation `text` found in official sentences that are not neighbours, when
    they place at least `splice_min_gain` more of its words than `single` (its best span, when
    that is found or distorted) does; None otherwise."""
    mine = words(text)
    if len(mine) < 2 * rule.splice_min_part_words:
        return None
    pieces: list[SplicePart] = []
    for sid in index.quote_hits(text, rule.splice_hits, doc_id):
        sentence = index.sentences[sid]
        official = index.run_text(sentence.doc_id, sentence.position, sentence.position)
        # the window of the quotation most like the sentence (the sentence read as the
        # "quotation" of the quotation's text), else the words the sentence's span places
        window = best_span(official, text, rule)
        span = best_span(text, official, rule)
        tries = []
        if window is not None:
            tries.append(_words_in(mine, window.start, window.end))
        if span is not None:
            tries.append((span.quote_first, span.quote_last))
        for first, last in dict.fromkeys(tries):
            piece = _piece(text, mine, first, last, index, sentence, rule)
            if piece is not None:
                pieces.append(piece)
                break
    cut: dict[tuple[int, int, int], SplicePart | None] = {}

    def narrowed(piece: SplicePart, first: int, last: int) -> SplicePart | None:
        """The piece on quotation words `first`–`last` only (two pieces may share a phrase,
        or one's span may reach a stray word the other holds)."""
        key = (id(piece), first, last)
        if key not in cut:
            sentence = index.sentences[index.sentence_id(piece.match.doc_id, piece.match.first)]
            cut[key] = _piece(text, mine, first, last, index, sentence, rule)
        return cut[key]

    def placed_words(parts: Sequence[SplicePart]) -> int:
        return sum(p.match.span.equal for p in parts)

    best: tuple[SplicePart, ...] = ()
    for size in range(2, rule.splice_max_parts + 1):
        for combo in combinations(sorted(pieces, key=lambda p: p.first_word), size):
            parts: list[SplicePart] = []
            for piece in combo:
                if parts and piece.first_word <= parts[-1].last_word:
                    # overlapping: keep whichever of the two cuts places more words
                    before = parts[-1]
                    options = [
                        (before, narrowed(piece, before.last_word + 1, piece.last_word)),
                        (narrowed(before, before.first_word, piece.first_word - 1), piece),
                    ]
                    kept = [(a, b) for a, b in options if a is not None and b is not None]
                    if not kept:
                        break
                    a, piece = max(kept, key=placed_words)
                    parts[-1] = a
                parts.append(piece)
            else:
                if (
                    _apart(tuple(parts))
                    and _distinct(parts, single, index)
                    and placed_words(parts) > placed_words(best)
                ):
                    best = tuple(parts)
    if not best:
        return None
    if single is not None and not _beats(best, single, rule):
        return None
    joints = tuple(
        text[mine[a.last_word].end : mine[b.first_word].start] for a, b in pairwise(best)
    )
    return Splice(best, joints)


def _piece(
    text: str,
    mine: tuple[Word, ...],
    first: int,
    last: int,
    index: OfficialIndex,
    sentence: OfficialSentence,
    rule: AlignSettings,
) -> SplicePart | None:
    """Quotation words `first`–`last` as a part found in `sentence`, narrowed to the words its
    span places (an edge word that only resembles an official one is a joint, not the part's)."""
    if last - first + 1 < rule.splice_min_part_words:
        return None
    part_text = text[mine[first].start : mine[last].end]
    match = part_match(part_text, index, sentence.doc_id, sentence.position)
    if match is None or match.strength(rule) is None:
        return None
    first, last = first + match.span.quote_first, first + match.span.quote_last
    if last - first + 1 < rule.splice_min_part_words:
        return None
    return SplicePart(first, last, text[mine[first].start : mine[last].end], match)


def _words_in(mine: Sequence[Word], start: int, end: int) -> tuple[int, int]:
    """The first and last word of `mine` inside characters `start`–`end`."""
    inside = [i for i, w in enumerate(mine) if w.start >= start and w.end <= end]
    return (inside[0], inside[-1]) if inside else (0, -1)


def _beats(parts: Sequence[SplicePart], single: QuoteMatch, rule: AlignSettings) -> bool:
    """The parts place `splice_min_gain` more of the quotation's words than its best single
    span — or as many, with a part of that size outside the single span's run (a run of two
    sentences may place a few stray words of a part said elsewhere)."""
    gain = sum(p.match.span.equal for p in parts) - single.span.equal
    outside = [p for p in parts if not _within(p.match, single)]
    return gain >= rule.splice_min_gain or (
        gain >= 0 and any(p.match.span.equal >= rule.splice_min_gain for p in outside)
    )


def _distinct(parts: Sequence[SplicePart], single: QuoteMatch | None, index: OfficialIndex) -> bool:
    """Each part shares a content word with its own place that no other part's place holds,
    nor the quotation's best single span's run: a phrase the talk repeats ("I hear you ask",
    "to spread pollen") is no evidence of a second place."""
    places = [
        set(index.stems_of(index.run_text(p.match.doc_id, p.match.first, p.match.last)))
        for p in parts
    ]
    run: set[str] = set()
    if single is not None:
        run = set(index.stems_of(index.run_text(single.doc_id, single.first, single.last)))
    for n, part in enumerate(parts):
        own = set(index.stems_of(part.text)) & places[n]
        elsewhere = set().union(*(place for m, place in enumerate(places) if m != n))
        if single is not None and not _within(part.match, single):
            elsewhere |= run
        if not own - elsewhere:
            return False
    return True


def _within(match: QuoteMatch, single: QuoteMatch) -> bool:
    return match.doc_id == single.doc_id and single.first <= match.first <= single.last


def _apart(parts: tuple[SplicePart, ...]) -> bool:
    """The parts do not overlap in the quotation, and no two come from the same official
    sentence or from neighbouring ones (those are one run, not a splice)."""
    for a, b in pairwise(parts):
        if b.first_word <= a.last_word:
            return False
    for a, b in combinations(parts, 2):
        same_doc = a.match.doc_id == b.match.doc_id
        if same_doc and abs(a.match.first - b.match.first) < 2:
            return False
    return True
