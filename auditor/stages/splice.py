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

from dataclasses import dataclass
from itertools import combinations, pairwise

from auditor.lexicon import FUNCTION_WORDS
from auditor.settings import AlignSettings
from auditor.stages.align import OfficialIndex, OfficialSentence
from auditor.stages.quote_align import QuoteMatch
from auditor.stages.quote_align import slot_match as part_match
from auditor.stages.span import Word, best_span, words


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
    #: the quotation's words that no part holds (the joints, and any word before or after)
    joints: tuple[str, ...]

    @property
    def link_words(self) -> tuple[str, ...]:
        """Content words of the joints: words of the quotation's own that join the parts into
        a claim none of its places makes."""
        return tuple(w for w in self.joints if w.lower().replace("’", "'") not in FUNCTION_WORDS)

    @property
    def covered(self) -> int:
        return sum(p.size for p in self.parts)


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
        span = best_span(text, official)
        if span is None or span.quote_last - span.quote_first + 1 < rule.splice_min_part_words:
            continue
        piece = _piece(text, mine, span.quote_first, span.quote_last, index, sentence, rule)
        if piece is not None:
            pieces.append(piece)
    trimmed: dict[tuple[int, int], SplicePart | None] = {}

    def after(piece: SplicePart, word: int) -> SplicePart | None:
        """The piece without its words before `word` (two pieces may share a phrase)."""
        key = (id(piece), word)
        if key not in trimmed:
            trimmed[key] = None
            sentence = index.sentences[index.sentence_id(piece.match.doc_id, piece.match.first)]
            trimmed[key] = _piece(text, mine, word, piece.last_word, index, sentence, rule)
        return trimmed[key]

    best: tuple[SplicePart, ...] = ()
    for size in range(2, rule.splice_max_parts + 1):
        for combo in combinations(sorted(pieces, key=lambda p: p.first_word), size):
            parts: list[SplicePart] = []
            for piece in combo:
                if parts and piece.first_word <= parts[-1].last_word:
                    trimmed_piece = after(piece, parts[-1].last_word + 1)
                    if trimmed_piece is None:
                        break
                    piece = trimmed_piece
                parts.append(piece)
            else:
                if _apart(tuple(parts)) and sum(p.size for p in parts) > sum(p.size for p in best):
                    best = tuple(parts)
    if not best:
        return None
    placed = single.span.quote_last - single.span.quote_first + 1 if single is not None else 0
    if sum(p.size for p in best) - placed < rule.splice_min_gain:
        return None
    held = {i for p in best for i in range(p.first_word, p.last_word + 1)}
    joints = tuple(w.text for i, w in enumerate(mine) if i not in held)
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
