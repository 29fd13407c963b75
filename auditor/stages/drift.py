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
    Place,
    Segment,
    SegmentResult,
    Status,
)
from auditor.settings import AlignSettings, Settings
from auditor.stages.align import Alignment, OfficialIndex, decide, is_sure
from auditor.stages.changes import ABSENT, edit_type, find_changes, substitutions, tokenize
from auditor.stages.normal import normalised_wording
from auditor.stages.quote_align import QuoteMatch, match_quotation, slot_match
from auditor.stages.score import Scores, aggregate, sentence_scores
from auditor.stages.speech import Compared, Speech, compared, quotations_of
from auditor.stages.splice import Splice, match_splice

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
#: between the official wordings of a spliced quotation's places
SPLICE_JOINT = " […] "
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
class Counterpart:
    """One compared segment's official counterpart and what supports it."""

    doc_id: str
    first: int
    last: int
    official_text: str  #: what the segment is compared with (a quotation: its span)
    strength: AlignmentStrength
    official_line: int = 1  #: where `official_text` starts in the official document
    #: a spliced quotation's parts and their places; the official sentences it covers
    places: tuple[Place, ...] = ()
    covers: tuple[int, ...] = ()
    note: str = ""  #: the evidence in words, when it is not the usual
    #: official sentences next to the run that the segment also reports (reported speech):
    #: a word the segment "adds" that stands there was said, not added
    context: str = ""

    @property
    def positions(self) -> Sequence[int]:
        return self.covers or range(self.first, self.last + 1)


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
) -> tuple[dict[int, Counterpart], dict[int, QuoteMatch | Splice]]:
    """Every compared segment's counterpart among its `candidates` (in `doc_id`, or in any
    document), and for each quotation that is not found, the closest span (evidence for the
    "not found")."""
    rule = settings.align
    order = sorted(texts)
    found: dict[int, Counterpart] = {}
    closest: dict[int, QuoteMatch | Splice] = {}
    sentences: dict[int, Alignment | None] = {}
    for i in order:
        candidate = candidates[i]
        if speech[i] is Speech.DIRECT:
            match = candidate if isinstance(candidate, QuoteMatch) else None
            quote = judge_quotation(texts[i], match, index, doc_id, rule)
            if isinstance(quote, Counterpart):
                found[i] = quote
            elif quote is not None:
                closest[i] = quote
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
        if strength is AlignmentStrength.WEAK and segments[i].kind is Kind.TITLE:
            continue  # a headline is a claim of its own: aligned on its own words or not at all
        if i in sentences and alignment is not None and strength is not None:
            line = index.line_at(alignment.doc_id, alignment.first, alignment.first)
            found[i] = Counterpart(
                alignment.doc_id,
                alignment.first,
                alignment.last,
                alignment.official_text,
                strength,
                line,
                context=_also_reported(texts[i], alignment, index, rule),
            )
    if doc_id is not None:
        _place_quote_parts(segments, texts, speech, found, closest, index, rule)
    return found, closest


def judge_quotation(
    text: str,
    match: QuoteMatch | None,
    index: OfficialIndex,
    doc_id: str | None,
    rule: AlignSettings,
) -> Counterpart | QuoteMatch | Splice | None:
    """A quotation's counterpart: its span (found on its wording, or distorted: found on its
    content), or its parts' places when it is spliced; otherwise the evidence that it was not
    found — its closest span, or the places of the phrases it assembles into a claim of its
    own."""
    strength = match.strength(rule) if match is not None else None
    distorted = match is not None and strength is None and match.distorted(rule)
    splice = None
    if strength is not AlignmentStrength.EXACT:
        placed = match if strength is not None or distorted else None
        splice = match_splice(text, index, doc_id, rule, placed)
    if splice is not None and splice.link_words:
        return splice
    if splice is not None:
        places = tuple(
            Place(
                p.text,
                p.match.span.text,
                index.line_at(p.match.doc_id, p.match.first, p.match.last, p.match.span.start),
            )
            for p in splice.parts
        )
        positions = tuple(sorted({q for p in splice.parts for q in p.match.positions}))
        first = splice.parts[0].match
        return Counterpart(
            first.doc_id,
            positions[0],
            positions[-1],
            SPLICE_JOINT.join(place.official_text for place in places),
            AlignmentStrength.STRONG,
            places[0].official_line,
            places=places,
            covers=positions,
        )
    if match is None:
        return None
    if strength is None and not distorted:
        return match
    line = index.line_at(match.doc_id, match.first, match.last, match.span.start)
    return Counterpart(
        match.doc_id,
        match.first,
        match.last,
        match.span.text,
        strength or AlignmentStrength.STRONG,
        line,
        note=match.content_evidence() if strength is None else "",
    )


def _also_reported(text: str, run: Alignment, index: OfficialIndex, rule: AlignSettings) -> str:
    """The official sentences just before and after `run` that `text` also reports: it holds
    `merge_min_shared_gain` of their content words that the run lacks."""
    mine = set(index.stems_of(text))
    theirs = set(index.stems_of(run.official_text))
    around = []
    for position in (run.first - 1, run.last + 1):
        if 0 <= position < index.sentence_count(run.doc_id):
            neighbour = index.run_text(run.doc_id, position, position)
            new = (set(index.stems_of(neighbour)) & mine) - theirs
            if len(new) >= rule.merge_min_shared_gain:
                around.append(neighbour)
    return " ".join(around)


def _as_alignment(f: Counterpart) -> Alignment:
    return Alignment(f.doc_id, f.first, f.last, f.official_text, 100.0, 0, 1.0, 1.0)


def _place_quote_parts(
    segments: Sequence[Segment],
    texts: Mapping[int, str],
    speech: Mapping[int, Speech | None],
    found: dict[int, Counterpart],
    closest: dict[int, QuoteMatch | Splice],
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
                found[part] = Counterpart(
                    a.doc_id,
                    a.last + 1,
                    a.last + 1,
                    match.span.text,
                    AlignmentStrength.WEAK,
                    index.line_at(a.doc_id, a.last + 1, a.last + 1),
                )
                closest.pop(part, None)


def _choose_document(found: Mapping[int, Counterpart], index: OfficialIndex) -> str | None:
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
    segment: Segment, text: str, closest: QuoteMatch | Splice | None, settings: Settings
) -> SegmentResult:
    if segment.kind is Kind.QUOTE:
        long_enough = len(segment.text.split()) >= settings.verdict.min_quote_words
        not_found = NotFound.QUOTATION if long_enough else NotFound.PHRASE
    else:
        not_found = NotFound.COUNTERPART
    note = NOTES[not_found]
    if isinstance(closest, Splice) and segment.kind is Kind.QUOTE:
        note += "; " + _assembled(closest)
    elif isinstance(closest, QuoteMatch) and not_found is NotFound.QUOTATION:
        note += f"; the closest official wording, “{closest.span.text}”, {closest.evidence()}"
    return SegmentResult(
        segment, category=Category.UNMATCHED, note=note, not_found=not_found, compared_text=text
    )


def _assembled(splice: Splice) -> str:
    """The evidence that a quotation assembles official phrases into a claim of its own."""
    phrases = ", ".join(f"“{p.match.span.text}”" for p in splice.parts)
    links = " ".join(splice.link_words)
    return (
        f"its phrases {phrases} stand in the official text, in sentences that are not "
        f"neighbours, joined by words of its own (“{links}”) into a claim the official text "
        "does not make"
    )


def _scored(
    segment: Segment,
    text: str,
    match: Counterpart,
    speech: Speech | None,
    scores: Scores,
    settings: Settings,
) -> SegmentResult:
    if match.places:
        found = [_spliced(match.places)]
        words = []
        for place in match.places:
            found.extend(
                find_changes(place.official_text, place.article_text, settings.changes, speech)
            )
            words.extend(substitutions(place.official_text, place.article_text, settings.changes))
        category = Category.DRIFT
    elif match.strength is AlignmentStrength.EXACT or normalised_wording(
        text
    ) == normalised_wording(match.official_text):
        category, found, words = Category.VERBATIM, [], []
    else:
        found = find_changes(match.official_text, text, settings.changes, speech)
        if speech is Speech.REPORTED:
            found = reported_speech_changes(found)
            found = [c for c in found if not _said_nearby(c, match.context)]
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
        note=match.note,
        places=match.places,
    )


def _said_nearby(change: Change, context: str) -> bool:
    """An "added" word of reported speech that stands in an official sentence next to the run
    which the same sentence also reports ("∅ → not" where the next sentence says "not")."""
    if change.official != ABSENT or not context:
        return False
    said = {t.norm for t in tokenize(context)}
    return all(t.norm in said for t in tokenize(change.article) if t.is_word)


def _spliced(places: Sequence[Place]) -> Change:
    """The finding of a spliced quotation: the official lines its parts come from."""
    lines = ", ".join(str(p.official_line) for p in places)
    return Change("spliced", f"official lines {lines}", "one quotation", Level.NOTABLE)


def reported_speech_changes(changes: Sequence[Change]) -> list[Change]:
    """The changes that count on the reporter's own words, as each edit type says (a flipped
    negation, a word replaced by another of a number, a name, a modal force, an extent, an
    opposite; no name left out or added); every other change of a summary is dropped."""
    return [c for c in changes if edit_type(c.type).reported_speech.keeps(c)]
