"""Quotations against the official wording (pure): a quotation is found only on the evidence
of its own words.

A quotation that stands word for word in an official document (case and punctuation aside)
is `exact`. Otherwise it is compared with the span of official wording it claims (`span.py`)
in the candidate runs that hold most of its rare words, and it is found (`strong`) when its
words say so: enough of them stand in order in the span, with content words among them and a
run of consecutive words (settings `quote_*`). Its neighbours' positions never find it — with one
narrow exception, for the parts of one quotation over several sentences: a part between two
found parts, one official sentence apart, that shares a few content words with that sentence
is shown beside it as `weak` evidence (never charged, never counted as found or as not found).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from auditor.records import AlignmentStrength
from auditor.settings import AlignSettings
from auditor.stages.align import OfficialIndex
from auditor.stages.score import sentence_chrf
from auditor.stages.span import Span, best_span, words


@dataclass(frozen=True)
class QuoteMatch:
    """The best official span for a quotation, and the evidence for it."""

    doc_id: str
    first: int  #: official run holding the span (positions in its document)
    last: int
    span: Span
    quote: str  #: the quotation's text
    exact: bool = False
    #: the quotation's content words that stand in the span, and the rarity-weighted share of
    #: the quotation's content (`quote_cover`) and of the span's (`span_cover`) they hold
    shared_words: tuple[str, ...] = ()
    quote_cover: float = 0.0
    span_cover: float = 0.0

    @property
    def positions(self) -> range:
        return range(self.first, self.last + 1)

    @cached_property
    def chrf(self) -> float:
        """chrF++ of the quotation against the span: computed when a choice between spans
        tied on their words asks for it (most matches, a spliced quotation's parts among
        them, never need it)."""
        return sentence_chrf(self.quote, self.span.text)

    def strength(self, rule: AlignSettings) -> AlignmentStrength | None:
        """`exact`, `strong` (found on its own words) or None (not found)."""
        if self.exact:
            return AlignmentStrength.EXACT
        span = self.span
        found = (
            span.word_share >= rule.quote_min_word_share
            and span.content_equal >= rule.quote_min_shared
            and span.longest_run >= rule.quote_min_run
        ) or (
            span.word_share >= rule.quote_close_word_share
            and span.content_equal >= rule.quote_close_shared
            and span.longest_run >= rule.quote_close_run
        )
        found = (
            found
            and span.gap_share <= rule.quote_max_gap_share
            and span.paired_share >= rule.quote_min_paired_share
        )
        return AlignmentStrength.STRONG if found else None

    def distorted(self, rule: AlignSettings) -> bool:
        """Not found on its wording, but the span explains its content: the quotation changes
        what the span says (a misquote), it does not invent a remark."""
        span = self.span
        paired = (
            span.word_share >= rule.distorted_word_share
            and span.paired_share >= rule.distorted_paired_share
            and span.gap_share <= rule.distorted_max_gap_share
            and span.content_equal >= rule.distorted_shared
        )
        content = (
            self.quote_cover >= rule.distorted_content_cover
            and self.span_cover >= rule.distorted_span_cover
            and len(self.shared_words) >= rule.distorted_shared
        )
        return paired or content

    def content_evidence(self) -> str:
        """Why a distorted quotation is aligned, in words, for a reviewer."""
        shared = ", ".join(self.shared_words)
        return (
            f"aligned on its content, not its wording: {self.span.content_equal} of its "
            f"{self.span.quote_content} content words stand in the official wording ({shared}; "
            f"{self.quote_cover:.0%} of its content by rarity)"
        )

    def evidence(self) -> str:
        """The evidence in words, for a reviewer."""
        span = self.span
        skipped = f", skipping {span.gaps} of its {span.span_words} words" if span.gaps else ""
        return (
            f"{span.equal} of its {span.quote_words} words stand there in order "
            f"({span.content_equal} content words, at most {span.longest_run} in a row{skipped})"
        )


def match_quotation(
    text: str, index: OfficialIndex, doc_id: str | None = None
) -> QuoteMatch | None:
    """The official span most like quotation `text` (in `doc_id`, or in any document), with
    its evidence, found or not; None when no official sentence shares a word with it."""
    rule = index.settings
    exact = index.verbatim(text, doc_id)
    if exact is not None:
        span = best_span(text, index.run_text(*exact), rule)
        if span is not None:
            return _evidence(text, index, *exact, span, exact=True)
    runs: dict[tuple[str, int, int], None] = {}
    for sid in index.quote_hits(text, rule.quote_hits, doc_id):
        s = index.sentences[sid]
        count = index.sentence_count(s.doc_id)
        p = s.position
        for first, last in ((p, p), (p - 1, p), (p, p + 1)):
            if first >= 0 and last < count:
                runs[(s.doc_id, first, last)] = None
    spans: list[tuple[tuple[str, int, int], Span]] = []
    for run in runs:
        span = best_span(text, index.run_text(*run), rule)
        if span is not None:
            spans.append((run, span))
    if not spans:
        return None
    spans.sort(key=lambda item: (-_matched_weight(index, item[1]), -item[1].equal))
    # the span that explains most of the quotation's words (then skips fewest official ones):
    # chrF++ alone prefers the shorter run when a quotation spans two official sentences;
    # chrF++ decides only between spans tied on those
    top = spans[: rule.reranked]
    best = max((span.equal, -span.gaps) for _, span in top)
    tied = [
        _evidence(text, index, doc, first, last, span)
        for (doc, first, last), span in top
        if (span.equal, -span.gaps) == best
    ]
    return tied[0] if len(tied) == 1 else max(tied, key=lambda m: m.chrf)


def slot_match(text: str, index: OfficialIndex, doc_id: str, position: int) -> QuoteMatch | None:
    """The quotation against one official sentence (the slot between its found neighbours, or
    the place of one part of a spliced quotation)."""
    span = best_span(text, index.run_text(doc_id, position, position), index.settings)
    return None if span is None else _evidence(text, index, doc_id, position, position, span)


def _matched_weight(index: OfficialIndex, span: Span) -> float:
    return index.weight(set(index.stems_of(" ".join(span.matched))))


def _evidence(
    text: str,
    index: OfficialIndex,
    doc_id: str,
    first: int,
    last: int,
    span: Span,
    *,
    exact: bool = False,
) -> QuoteMatch:
    mine = set(index.stems_of(text))
    theirs = set(index.stems_of(span.text))
    shared = mine & theirs
    shared_weight = index.weight(shared)
    return QuoteMatch(
        doc_id,
        first,
        last,
        span,
        text,
        exact,
        shared_words=tuple(
            dict.fromkeys(w.text for w in words(text) if set(index.stems_of(w.text)) & shared)
        ),
        quote_cover=shared_weight / index.weight(mine) if mine else 0.0,
        span_cover=shared_weight / index.weight(theirs) if theirs else 0.0,
    )
