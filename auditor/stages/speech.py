"""Direct and reported speech (pure): which words of each segment are compared, and as what.

A quote segment is direct speech: a claim of the speaker's exact words. A sentence holds the
reporter's own words — narration, or reported speech ("X said that …") — held to meaning, not
to wording; its quotations are cut out of it, because each quote segment owns its own edits
(one row owns each edit). A sentence that is only its quotations and "he said" is not
compared again; a clause that only names the speaker of the next quotation is not compared.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from auditor.lexicon import reporting_verb_pattern
from auditor.records import Kind, Segment
from auditor.settings import AlignSettings
from auditor.stages.align import content_stems
from auditor.stages.dateline import dateline_end, is_dateline

_MARKS = re.compile(r"[“”\"«»„]")
#: "Smith said (that) …", "He also said …", "According to Smith, …": the reporter's
#: attribution before reported speech — context, not a rendering of the official words
_LEADING_ATTRIBUTION = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*|[Hh]e|[Ss]he|[Tt]hey)(?: also)? "
    rf"(?:{reporting_verb_pattern()})"
    # when and where it was said: "on Wednesday", "in Lisbon", "late on Tuesday"
    r"(?:(?: late| early)? (?:on|in|at) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)*"
    r"(?: that)?\s+|[Aa]ccording to [A-Z][\w-]*(?: [A-Z][\w-]*)*, )"
)
#: "Smith:", "NATO chief:" before a headline's claim (a colon after at most four words)
_HEADLINE_SPEAKER = re.compile(r"^(?:[\w.'’-]+ ){0,3}[\w.'’-]+:\s+(?=\S)")
_TRAILING_ATTRIBUTION = re.compile(
    r"[,\s]*[”\"»]?[,\s]*(he|she|they|[A-Z][\w-]+( [A-Z][\w-]+)*) "
    rf"({reporting_verb_pattern()})\s*\.?\s*$"
)


NOT_COMPARED_DATELINE = "a dateline (where and when the article was filed): not compared"


class Speech(StrEnum):
    """Whose words a compared segment holds."""

    DIRECT = "direct"  #: a quotation: the speaker's exact words, compared with a span
    REPORTED = "reported"  #: the reporter's own words, held to meaning


@dataclass(frozen=True)
class Compared:
    """What of a segment is aligned and scored, or why nothing is."""

    text: str | None  #: the words compared; None: not compared
    speech: Speech | None = None
    reason: str = ""  #: why not compared, in words
    quotations: tuple[int, ...] = ()  #: for a sentence: its quote segments


def wording(text: str, *, headline: bool = False, paragraph_start: bool = False) -> str:
    """A sentence's own words: quotation marks, a closing "…,” he said." and an opening
    "Smith said (that)" removed, and an opening dateline ("LISBON, Nov 30 (Reuters) —"; a
    place alone before a dash only where a paragraph begins); in a headline also the speaker
    before a colon ("Smith: …")."""
    text = text[dateline_end(text, paragraph_start=paragraph_start) :]
    if headline:
        text = _HEADLINE_SPEAKER.sub("", text)
    own = _MARKS.sub("", _TRAILING_ATTRIBUTION.sub("", text)).strip()
    content = _LEADING_ATTRIBUTION.sub("", own)
    return content[:1].upper() + content[1:] if content and content != own else own


def is_attribution(segment: Segment, segments: Sequence[Segment]) -> bool:
    """A reporter's clause that only names who speaks: "The Foreign Minister X said,"."""
    following = segments[segment.index + 1] if segment.index + 1 < len(segments) else None
    introduces_quote = following is not None and following.text[:1] in '“"«„'
    ordinary = content_stems(segment.text)
    names_only = all(w[0].isupper() for w in segment.text.split()[:-1] if w[0].isalpha())
    return (
        introduces_quote
        and segment.text.rstrip().endswith((",", ":"))
        and (names_only or not ordinary)
    )


def _opens_paragraph(segment: Segment, segments: Sequence[Segment]) -> bool:
    """No earlier segment starts on the segment's line (it opens its line)."""
    earlier = [s for s in segments[: segment.index] if s.kind is not Kind.QUOTE]
    return not earlier or earlier[-1].line < segment.line


def quotations_of(segments: Sequence[Segment]) -> dict[int, tuple[int, ...]]:
    """Sentence index → the indexes of the quote segments that stand in it."""
    out: dict[int, list[int]] = {}
    for s in segments:
        if s.kind is Kind.QUOTE and s.in_sentence is not None:
            out.setdefault(s.in_sentence, []).append(s.index)
    return {sentence: tuple(quotes) for sentence, quotes in out.items()}


def reporter_words(
    sentence: Segment,
    quotes: Sequence[Segment],
    *,
    headline: bool = False,
    paragraph_start: bool = False,
) -> str:
    """The sentence without its quotations (each cut out, leaving "…")."""
    text, offset = sentence.text, sentence.start
    for quote in sorted(quotes, key=lambda q: q.start, reverse=True):
        a, b = quote.start - offset, quote.end - offset
        if 0 <= a <= b <= len(text):
            text = text[:a] + " … " + text[b:]
    return " ".join(wording(text, headline=headline, paragraph_start=paragraph_start).split())


def compared(
    segment: Segment,
    segments: Sequence[Segment],
    quotations: Mapping[int, tuple[int, ...]],
    frame_max_content_words: int = AlignSettings.frame_max_content_words,
) -> Compared:
    """What of `segment` is compared with the official wording.

    quotations: `quotations_of(segments)`; frame_max_content_words: a sentence with at most
    this many content words (names aside) outside its quotations is only their frame."""
    if segment.kind is Kind.QUOTE:
        return Compared(segment.text, Speech.DIRECT)
    if segment.kind not in (Kind.SENTENCE, Kind.TITLE):
        return Compared(None)
    if is_dateline(segment.text):
        return Compared(None, reason=NOT_COMPARED_DATELINE)
    if segment.kind is Kind.SENTENCE and is_attribution(segment, segments):
        return Compared(None, reason="names the speaker of the next quotation")
    indexes = quotations.get(segment.index, ())
    headline = segment.kind is Kind.TITLE
    opens = _opens_paragraph(segment, segments)
    if not indexes:
        own = wording(segment.text, headline=headline, paragraph_start=opens)
        return Compared(own, Speech.REPORTED)
    own = reporter_words(
        segment, [segments[i] for i in indexes], headline=headline, paragraph_start=opens
    )
    ordinary = " ".join(w for w in own.replace("…", " ").split() if not w[:1].isupper())
    if len(content_stems(ordinary)) <= frame_max_content_words:
        listed = ", ".join(map(str, indexes))
        noun = "quotation" if len(indexes) == 1 else "quotations"
        return Compared(None, reason=f"scored as its {noun} (segment {listed})", quotations=indexes)
    return Compared(own, Speech.REPORTED, quotations=indexes)
