"""Drift (pure): choose the official document an article reports, align its segments, score
them with sacrebleu and name what changed.

Which segments are aligned: sentences and quotations. A quotation that runs over several
sentences is scored sentence by sentence; a sentence that is only a quotation (plus marks and
"he said") is scored once, as its quotation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from auditor.lexicon import reporting_verb_pattern
from auditor.records import (
    AlignmentStrength,
    Category,
    Kind,
    NotFound,
    Segment,
    SegmentResult,
    Status,
)
from auditor.settings import AlignSettings, Settings
from auditor.stages.align import Alignment, OfficialIndex, content_stems, decide, is_sure
from auditor.stages.changes import critical_edits, substitutions
from auditor.stages.score import Scores, aggregate, sentence_scores

_NOT_WORDING = re.compile(r"[\W_]+")

NOTE_OTHER_EVENT = "article reports another event: not compared"
NOTE_QUOTE_NOT_FOUND = "quotation not found in the official text (possibly not said at this event)"
NOTE_PHRASE_NOT_FOUND = "quoted phrase not found in the official text"
NOTE_NO_COUNTERPART = "no counterpart in the official text"
NOTE_LONG_QUOTE_NOT_FOUND = (
    "quotation not found in the official text (possibly not said at this event): none of its "
    "sentences has a counterpart"
)
NOTE_WEAK = "aligned by its place between its neighbours' official sentences"
VIA_TRANSLATION = "(via translation)"
NOTE_TRANSLATED = (
    "compared through the auditor's own machine translation: its wording is not the outlet's"
)


@dataclass(frozen=True)
class ArticleDrift:
    """What the drift stage found for one article."""

    status: Status
    official_id: str
    coverage: float | None
    scores: Scores | None
    rows: tuple[SegmentResult, ...]


def normalised_wording(text: str) -> str:
    """Case, punctuation and spacing removed: equal here means `verbatim`."""
    return _NOT_WORDING.sub(" ", text.lower()).strip()


def _quote_spans_sentences(quote: Segment, segments: Sequence[Segment]) -> bool:
    parent = segments[quote.in_sentence] if quote.in_sentence is not None else None
    return parent is not None and quote.end > parent.end


_MARKS = re.compile(r"[“”\"«»„]")
_TRAILING_ATTRIBUTION = re.compile(
    r"[,\s]*[”\"»]?[,\s]*(he|she|they|[A-Z][\w-]+( [A-Z][\w-]+)*) "
    rf"({reporting_verb_pattern()})\s*\.?\s*$"
)


def wording(text: str) -> str:
    """A sentence's own words: quotation marks and a closing "…,” he said." removed."""
    return _MARKS.sub("", _TRAILING_ATTRIBUTION.sub("", text)).strip()


def is_attribution(segment: Segment, segments: Sequence[Segment]) -> bool:
    """A reporter's clause that only names who speaks: "NATO Secretary General X said,"."""
    following = segments[segment.index + 1] if segment.index + 1 < len(segments) else None
    introduces_quote = following is not None and following.text[:1] in '“"«„'
    ordinary = content_stems(segment.text)
    names_only = all(w[0].isupper() for w in segment.text.split()[:-1] if w[0].isalpha())
    return (
        introduces_quote
        and segment.text.rstrip().endswith((",", ":"))
        and (names_only or not ordinary)
    )


def alignable_text(segment: Segment, segments: Sequence[Segment]) -> tuple[str | None, str]:
    """The wording to align for `segment`, or None with the reason it is not scored alone."""
    if segment.kind is Kind.QUOTE:
        if _quote_spans_sentences(segment, segments):
            return None, "quotation over several sentences: scored sentence by sentence"
        return segment.text, ""
    if segment.kind is not Kind.SENTENCE:
        return None, ""
    if is_attribution(segment, segments):
        return None, "names the speaker of the next quotation"
    own = [
        q
        for q in segments
        if q.kind is Kind.QUOTE
        and q.in_sentence == segment.index
        and not _quote_spans_sentences(q, segments)
    ]
    outside = segment.text
    for q in own:
        outside = outside.replace(q.text, " ")
    if own and len(content_stems(outside)) <= 1:
        return None, f"scored as its quotation (segment {own[0].index})"
    return wording(segment.text), ""


def audit_drift(
    segments: Sequence[Segment],
    english: dict[int, str],
    index: OfficialIndex,
    settings: Settings,
    via_translation: set[int] | None = None,
) -> ArticleDrift:
    """Align, score and diff an article's segments against the official documents in `index`.

    `english` maps a segment index to the English to compare: the segment's own text when it is
    English, its translation when it is a translated fragment; other segments are not scored.
    `via_translation` names the segments whose English is the auditor's own machine
    translation: their critical edits are marked so, never read as the outlet's wording.
    """
    rule, verdict = settings.align, settings.verdict
    texts: dict[int, str] = {}
    why_not: dict[int, str] = {}
    for s in segments:
        if s.index in english:
            own, reason = alignable_text(s, segments)
            if own is None:
                why_not[s.index] = reason
            else:
                texts[s.index] = own if english[s.index] == s.text else english[s.index]
    order = sorted(texts)
    best = {i: index.align(texts[i]) for i in order}
    official_id = _choose_document(best, index, order, rule)
    if official_id is None:
        return _no_match(segments, texts, why_not)
    for i in order:
        found = best[i]
        if found is not None and found.doc_id != official_id:
            best[i] = index.align(texts[i], doc_id=official_id)
    strengths = dict(zip(order, decide([best[i] for i in order], rule), strict=True))
    matched = {i: a for i in order if strengths[i] is not None and (a := best[i]) is not None}
    covered = {p for a in matched.values() for p in a.positions}
    coverage = len(covered) / max(index.sentence_count(official_id), 1)
    quotes = [
        s.index
        for s in segments
        if s.kind is Kind.QUOTE
        and s.index in texts
        and len(s.text.split()) >= verdict.min_quote_words
    ]
    quote_share = sum(1 for q in quotes if q in matched) / len(quotes) if quotes else 0.0
    if coverage < verdict.min_coverage and quote_share < verdict.min_quote_share:
        return _no_match(segments, texts, why_not)

    rows = []
    sentence_level: list[Scores] = []
    for s in segments:
        if s.index not in texts:
            if _long_quote_unmatched(s, segments, matched, settings):
                rows.append(
                    SegmentResult(
                        s,
                        category=Category.UNMATCHED,
                        note=NOTE_LONG_QUOTE_NOT_FOUND,
                        not_found=NotFound.QUOTATION,
                    )
                )
            else:
                rows.append(SegmentResult(s, note=why_not.get(s.index, "")))
            continue
        alignment = matched.get(s.index)
        if alignment is None:
            not_found = _not_found(s, settings)
            rows.append(
                SegmentResult(
                    s,
                    category=Category.UNMATCHED,
                    note=NOTES[not_found],
                    not_found=not_found,
                    compared_text=texts[s.index],
                )
            )
            continue
        scores = sentence_scores(texts[s.index], alignment.official_text)
        sentence_level.append(scores)
        strength = strengths[s.index] or AlignmentStrength.WEAK
        scored = _scored(s, texts[s.index], alignment, strength, scores, settings)
        if via_translation and s.index in via_translation:
            scored = replace(
                scored,
                critical_edits=tuple(f"{e} {VIA_TRANSLATION}" for e in scored.critical_edits),
                note=(scored.note + "; " if scored.note else "") + NOTE_TRANSLATED,
            )
        rows.append(scored)
    return ArticleDrift(Status.OK, official_id, coverage, aggregate(sentence_level), tuple(rows))


def _choose_document(
    best: dict[int, Alignment | None], index: OfficialIndex, order: list[int], rule: AlignSettings
) -> str | None:
    """The official document whose sentences the article's confident alignments cover most."""
    covered: dict[str, set[int]] = {}
    for i in order:
        a = best[i]
        if a is not None and is_sure(a, rule):
            covered.setdefault(a.doc_id, set()).update(a.positions)
    if not covered:
        return None
    return max(sorted(covered), key=lambda d: len(covered[d]) / max(index.sentence_count(d), 1))


def _long_quote_unmatched(
    segment: Segment,
    segments: Sequence[Segment],
    matched: Mapping[int, Alignment],
    settings: Settings,
) -> bool:
    """A quotation over several sentences none of which has an official counterpart."""
    if segment.kind is not Kind.QUOTE or not _quote_spans_sentences(segment, segments):
        return False
    if len(segment.text.split()) < settings.verdict.min_quote_words:
        return False
    inside = [
        s.index
        for s in segments
        if s.kind is Kind.SENTENCE and s.end > segment.start and s.start < segment.end
    ]
    return bool(inside) and not any(i in matched for i in inside)


def _no_match(
    segments: Sequence[Segment], texts: dict[int, str], why_not: dict[int, str]
) -> ArticleDrift:
    rows = tuple(
        SegmentResult(s, category=Category.UNMATCHED, note=NOTE_OTHER_EVENT)
        if s.index in texts
        else SegmentResult(s, note=why_not.get(s.index, ""))
        for s in segments
    )
    return ArticleDrift(Status.NO_OFFICIAL_MATCH, "", None, None, rows)


NOTES = {
    NotFound.QUOTATION: NOTE_QUOTE_NOT_FOUND,
    NotFound.PHRASE: NOTE_PHRASE_NOT_FOUND,
    NotFound.COUNTERPART: NOTE_NO_COUNTERPART,
}


def _not_found(segment: Segment, settings: Settings) -> NotFound:
    if segment.kind is Kind.QUOTE:
        long_enough = len(segment.text.split()) >= settings.verdict.min_quote_words
        return NotFound.QUOTATION if long_enough else NotFound.PHRASE
    return NotFound.COUNTERPART


def _scored(
    segment: Segment,
    text: str,
    alignment: Alignment,
    strength: AlignmentStrength,
    scores: Scores,
    settings: Settings,
) -> SegmentResult:
    edits = critical_edits(alignment.official_text, text, settings.changes)
    if normalised_wording(text) == normalised_wording(alignment.official_text):
        category, edits, changes = Category.VERBATIM, [], []
    else:
        changes = substitutions(alignment.official_text, text, settings.changes)
        drifted = edits or scores.chrf < settings.verdict.paraphrase_min_chrf
        category = Category.DRIFT if drifted else Category.PARAPHRASE
    note = NOTE_WEAK if strength is AlignmentStrength.WEAK else ""
    return SegmentResult(
        segment,
        official_id=alignment.doc_id,
        official_text=alignment.official_text,
        bleu=scores.bleu,
        chrf=scores.chrf,
        ter=scores.ter,
        category=category,
        critical_edits=tuple(str(e) for e in edits),
        substitutions=tuple(changes),
        note=note,
        alignment=strength,
        compared_text=text,
    )
