"""Drift (pure): choose the official document an article reports, align its segments, score
them with sacrebleu and name what changed — a charge only where the evidence carries it.

Quotations (direct speech) are compared with the span of official wording they claim and are
found only on their own words (`quote_align`); sentences (the reporter's own words, their
quotations cut out) are aligned to runs of official sentences (`align`), `strong` on their own
words or `weak` by their place between aligned neighbours. A weak alignment is shown beside its
official wording but never carries an edit and never counts as drift. On the reporter's words
only a change of meaning is charged (each edit type's `reported_speech`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from auditor.records import (
    AlignmentStrength,
    Category,
    Change,
    Kind,
    Level,
    NotFound,
    Segment,
    SegmentResult,
    Status,
)
from auditor.settings import AlignSettings, Settings
from auditor.stages.align import Alignment, OfficialIndex, decide, is_sure
from auditor.stages.changes import edit_type, find_changes, substitutions
from auditor.stages.normal import normalised_wording
from auditor.stages.quote_align import QuoteMatch, match_quotation, slot_match
from auditor.stages.score import Scores, aggregate, sentence_scores
from auditor.stages.speech import Compared, Speech, compared, quotations_of

NOTE_OTHER_EVENT = "article reports another event: not compared"
NOTE_QUOTE_NOT_FOUND = "quotation not found in the official text (possibly not said at this event)"
NOTE_PHRASE_NOT_FOUND = "quoted phrase not found in the official text"
NOTE_NO_COUNTERPART = "no counterpart in the official text"
NOTE_WEAK = (
    "aligned only by its place between its neighbours' official sentences: shown for context, "
    "not compared"
)
NOTE_WEAK_PART = (
    "part of a quotation whose neighbouring sentences are found on both sides of this official "
    "sentence; its own words share too little to compare it: shown for context, not compared"
)
VIA_TRANSLATION = "(via translation)"
NOTE_TRANSLATED = (
    "compared through the auditor's own machine translation: its wording is not the outlet's"
)
NOTES = {
    NotFound.QUOTATION: NOTE_QUOTE_NOT_FOUND,
    NotFound.PHRASE: NOTE_PHRASE_NOT_FOUND,
    NotFound.COUNTERPART: NOTE_NO_COUNTERPART,
}


@dataclass(frozen=True)
class ArticleDrift:
    """What the drift stage found for one article."""

    status: Status
    official_id: str
    coverage: float | None
    scores: Scores | None
    rows: tuple[SegmentResult, ...]


@dataclass(frozen=True)
class _Found:
    """One compared segment's official counterpart and what supports it."""

    doc_id: str
    first: int
    last: int
    official_text: str  #: what the segment is compared with (a quotation: its span)
    strength: AlignmentStrength
    official_line: int = 1  #: where `official_text` starts in the official document

    @property
    def positions(self) -> range:
        return range(self.first, self.last + 1)


def audit_drift(
    segments: Sequence[Segment],
    english: Mapping[int, str],
    index: OfficialIndex,
    settings: Settings,
    via_translation: set[int] | None = None,
) -> ArticleDrift:
    """Align, score and diff an article's segments against the official documents in `index`.

    `english` maps a segment index to the English to compare: the segment's own text when it is
    English, its translation when it is a translated fragment; other segments are not scored.
    `via_translation` names the segments whose English is the auditor's own machine
    translation: their edits are marked so, never read as the outlet's wording.
    """
    quotations = quotations_of(segments)
    what: dict[int, Compared] = {}
    texts: dict[int, str] = {}
    for s in segments:
        if s.index not in english:
            continue
        what[s.index] = compared(s, segments, quotations, settings.align.frame_max_content_words)
        own = what[s.index].text
        if own is not None:
            texts[s.index] = own if english[s.index] == s.text else english[s.index]
    speech = {i: what[i].speech for i in texts}
    anywhere = _candidates(texts, speech, index, doc_id=None)
    found, closest = _align(segments, texts, speech, index, settings, None, anywhere)
    official_id = _choose_document(found, index)
    if official_id is None:
        return _no_match(segments, what)
    there = _candidates(texts, speech, index, official_id, earlier=anywhere)
    found, closest = _align(segments, texts, speech, index, settings, official_id, there)
    solid = {i: f for i, f in found.items() if f.strength is not AlignmentStrength.WEAK}
    covered = {p for f in solid.values() for p in f.positions}
    coverage = len(covered) / max(index.sentence_count(official_id), 1)
    verdict = settings.verdict
    long_quotes = [
        i
        for i in texts
        if speech[i] is Speech.DIRECT and len(texts[i].split()) >= verdict.min_quote_words
    ]
    quote_share = (
        sum(1 for q in long_quotes if q in solid) / len(long_quotes) if long_quotes else 0.0
    )
    article_share = len(solid) / len(texts) if texts else 0.0
    reports_it = (
        coverage >= verdict.min_coverage
        or quote_share >= verdict.min_quote_share
        or (article_share >= verdict.min_article_share and len(solid) >= verdict.min_found_segments)
    )
    if not reports_it:
        return _no_match(segments, what)

    rows = []
    sentence_level: list[Scores] = []
    for s in segments:
        if s.index not in texts:
            reason = what[s.index].reason if s.index in what else ""
            rows.append(SegmentResult(s, note=reason))
            continue
        match = found.get(s.index)
        if match is None:
            rows.append(_unmatched(s, texts[s.index], closest.get(s.index), settings))
            continue
        if match.strength is AlignmentStrength.WEAK:
            note = NOTE_WEAK_PART if s.kind is Kind.QUOTE else NOTE_WEAK
            rows.append(
                SegmentResult(
                    s,
                    official_id=match.doc_id,
                    official_text=match.official_text,
                    official_line=match.official_line,
                    note=note,
                    alignment=match.strength,
                    compared_text=texts[s.index],
                )
            )
            continue
        scores = sentence_scores(texts[s.index], match.official_text)
        sentence_level.append(scores)
        scored = _scored(s, texts[s.index], match, speech[s.index], scores, settings)
        if via_translation and s.index in via_translation:
            scored = replace(
                scored,
                changes=tuple(replace(c, via_translation=True) for c in scored.changes),
                note=(scored.note + "; " if scored.note else "") + NOTE_TRANSLATED,
            )
        rows.append(scored)
    scoring = settings.score
    article_scores = aggregate(sentence_level, scoring.bootstrap_samples, scoring.bootstrap_seed)
    return ArticleDrift(Status.OK, official_id, coverage, article_scores, tuple(rows))


#: a segment's best candidate before judging it: a sentence's alignment or a quotation's span
_Candidate = Alignment | QuoteMatch | None


def _candidates(
    texts: Mapping[int, str],
    speech: Mapping[int, Speech | None],
    index: OfficialIndex,
    doc_id: str | None,
    earlier: Mapping[int, _Candidate] | None = None,
) -> dict[int, _Candidate]:
    """Each compared segment's best candidate (in `doc_id`, or in any document); a candidate
    found `earlier` in that document, or none at all, is not looked up again."""
    out: dict[int, _Candidate] = {}
    for i in sorted(texts):
        if earlier is not None and i in earlier:
            before = earlier[i]
            if before is None or before.doc_id == doc_id:
                out[i] = before
                continue
        if speech[i] is Speech.DIRECT:
            out[i] = match_quotation(texts[i], index, doc_id)
        else:
            out[i] = index.align(texts[i], doc_id=doc_id)
    return out


def _align(
    segments: Sequence[Segment],
    texts: Mapping[int, str],
    speech: Mapping[int, Speech | None],
    index: OfficialIndex,
    settings: Settings,
    doc_id: str | None,
    candidates: Mapping[int, _Candidate],
) -> tuple[dict[int, _Found], dict[int, QuoteMatch]]:
    """Every compared segment's counterpart among its `candidates` (in `doc_id`, or in any
    document), and for each quotation that is not found, the closest span (evidence for the
    "not found")."""
    rule = settings.align
    order = sorted(texts)
    found: dict[int, _Found] = {}
    closest: dict[int, QuoteMatch] = {}
    sentences: dict[int, Alignment | None] = {}
    for i in order:
        candidate = candidates[i]
        if speech[i] is Speech.DIRECT:
            match = candidate if isinstance(candidate, QuoteMatch) else None
            strength = match.strength(rule) if match is not None else None
            if match is not None and strength is not None:
                line = index.line_at(match.doc_id, match.first, match.last, match.span.start)
                found[i] = _Found(
                    match.doc_id, match.first, match.last, match.span.text, strength, line
                )
            elif match is not None:
                closest[i] = match
        else:
            sentences[i] = candidate if isinstance(candidate, Alignment) else None
    # sentences: strong on their own words, weak by their place among every found neighbour
    anchors = [
        sentences[i] if i in sentences else _as_alignment(found[i]) if i in found else None
        for i in order
    ]
    sure = [
        (i in found) or (sentences.get(i) is not None and is_sure(sentences[i], rule))  # type: ignore[arg-type]
        for i in order
    ]
    for i, strength in zip(order, decide(anchors, rule, sure), strict=True):
        alignment = sentences.get(i)
        if i in sentences and alignment is not None and strength is not None:
            line = index.line_at(alignment.doc_id, alignment.first, alignment.first)
            found[i] = _Found(
                alignment.doc_id,
                alignment.first,
                alignment.last,
                alignment.official_text,
                strength,
                line,
            )
    if doc_id is not None:
        _place_quote_parts(segments, texts, speech, found, closest, index, rule)
    return found, closest


def _as_alignment(f: _Found) -> Alignment:
    return Alignment(f.doc_id, f.first, f.last, f.official_text, 100.0, 0, 1.0, 1.0)


def _place_quote_parts(
    segments: Sequence[Segment],
    texts: Mapping[int, str],
    speech: Mapping[int, Speech | None],
    found: dict[int, _Found],
    closest: dict[int, QuoteMatch],
    index: OfficialIndex,
    rule: AlignSettings,
) -> None:
    """A part of a quotation over several sentences that is not found on its own, between two
    found parts of the same quotation one official sentence apart: weak, shown beside that
    sentence when it shares `quote_slot_min_shared` content words with it."""
    parts: dict[int, list[int]] = {}
    for i in sorted(texts):
        quotation = segments[i].quotation
        if speech[i] is Speech.DIRECT and quotation is not None:
            parts.setdefault(quotation, []).append(i)
    for members in parts.values():
        for before, part, after in zip(members, members[1:], members[2:], strict=False):
            if part in found or before not in found or after not in found:
                continue
            a, b = found[before], found[after]
            if a.doc_id != b.doc_id or b.first - a.last != 2:
                continue
            match = slot_match(texts[part], index, a.doc_id, a.last + 1)
            if match is not None and match.span.content_equal >= rule.quote_slot_min_shared:
                found[part] = _Found(
                    a.doc_id,
                    a.last + 1,
                    a.last + 1,
                    match.span.text,
                    AlignmentStrength.WEAK,
                    index.line_at(a.doc_id, a.last + 1, a.last + 1),
                )
                closest.pop(part, None)


def _choose_document(found: Mapping[int, _Found], index: OfficialIndex) -> str | None:
    """The official document whose sentences the article's found segments cover most."""
    covered: dict[str, set[int]] = {}
    for f in found.values():
        if f.strength is not AlignmentStrength.WEAK:
            covered.setdefault(f.doc_id, set()).update(f.positions)
    if not covered:
        return None
    return max(sorted(covered), key=lambda d: len(covered[d]) / max(index.sentence_count(d), 1))


def _no_match(segments: Sequence[Segment], what: Mapping[int, Compared]) -> ArticleDrift:
    """The article reports another event: nothing is scored or alleged."""
    rows = tuple(
        SegmentResult(s, note=NOTE_OTHER_EVENT)
        if s.index in what and what[s.index].text is not None
        else SegmentResult(s, note=what[s.index].reason if s.index in what else "")
        for s in segments
    )
    return ArticleDrift(Status.NO_OFFICIAL_MATCH, "", None, None, rows)


def _unmatched(
    segment: Segment, text: str, closest: QuoteMatch | None, settings: Settings
) -> SegmentResult:
    if segment.kind is Kind.QUOTE:
        long_enough = len(segment.text.split()) >= settings.verdict.min_quote_words
        not_found = NotFound.QUOTATION if long_enough else NotFound.PHRASE
    else:
        not_found = NotFound.COUNTERPART
    note = NOTES[not_found]
    if closest is not None and not_found is NotFound.QUOTATION:
        note += f"; the closest official wording, “{closest.span.text}”, {closest.evidence()}"
    return SegmentResult(
        segment, category=Category.UNMATCHED, note=note, not_found=not_found, compared_text=text
    )


def _scored(
    segment: Segment,
    text: str,
    match: _Found,
    speech: Speech | None,
    scores: Scores,
    settings: Settings,
) -> SegmentResult:
    if match.strength is AlignmentStrength.EXACT or normalised_wording(text) == normalised_wording(
        match.official_text
    ):
        category, found, words = Category.VERBATIM, [], []
    else:
        found = find_changes(match.official_text, text, settings.changes, speech)
        if speech is Speech.REPORTED:
            found = reported_speech_changes(found)
        words = substitutions(match.official_text, text, settings.changes)
        critical = any(c.level is Level.CRITICAL for c in found)
        drifted = critical or scores.chrf < settings.verdict.paraphrase_min_chrf
        category = Category.DRIFT if drifted else Category.PARAPHRASE
    return SegmentResult(
        segment,
        official_id=match.doc_id,
        official_text=match.official_text,
        official_line=match.official_line,
        bleu=scores.bleu,
        chrf=scores.chrf,
        ter=scores.ter,
        category=category,
        changes=tuple(found),
        substitutions=tuple(words),
        alignment=match.strength,
        compared_text=text,
    )


def reported_speech_changes(changes: Sequence[Change]) -> list[Change]:
    """The changes that count on the reporter's own words, as each edit type says (a flipped
    negation, a word replaced by another of a number, a name, a modal force, an extent, an
    opposite; no name left out or added); every other change of a summary is dropped."""
    return [c for c in changes if edit_type(c.type).reported_speech.keeps(c)]
