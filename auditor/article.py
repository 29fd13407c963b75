"""One article's audit, as a pure function of (article, official index, settings, models).

This is the unit that maps onto workers (processes today, Dask or Ray tomorrow): everything it
needs is passed in, nothing it does touches files. It comes in two halves so that translation
can be batched across the articles of a run: `prepare_article` (segments and their languages)
and `finish_article` (alignment, scores, changes, back-translation evidence).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from auditor.align import OfficialIndex
from auditor.backtranslation import segment_evidence, with_round_trip
from auditor.drift import alignable_text, audit_drift
from auditor.language import Identifier, identify_segments, language_mix
from auditor.records import (
    ArticleResult,
    Category,
    Document,
    Kind,
    Segment,
    Translation,
    TranslationStatus,
)
from auditor.score import sentence_chrf
from auditor.segment import segment_document
from auditor.settings import Settings

ALIGNED = (Category.VERBATIM, Category.PARAPHRASE, Category.DRIFT)


@dataclass(frozen=True)
class PreparedArticle:
    """An article split into segments, each with its language."""

    document: Document
    segments: tuple[Segment, ...]

    def fragments(self) -> list[Segment]:
        return [s for s in self.segments if s.is_fragment]

    def english_sentences(self) -> list[str]:
        return [s.text for s in self.segments if s.kind is Kind.SENTENCE and not s.is_fragment]


def build_index(officials: Sequence[Document]) -> OfficialIndex:
    """Index the official sentences of every official document (once per run)."""
    return OfficialIndex(
        [
            (doc.doc_id, [s.text for s in segment_document(doc.text) if s.kind is Kind.SENTENCE])
            for doc in officials
        ]
    )


def prepare_article(
    document: Document, identifier: Identifier, settings: Settings
) -> PreparedArticle:
    segments = identify_segments(segment_document(document.text), identifier, settings)
    return PreparedArticle(document, tuple(segments))


def finish_article(
    prepared: PreparedArticle,
    translations: Mapping[int, Translation],
    index: OfficialIndex,
    settings: Settings,
    *,
    round_trip_chrf: Mapping[str, float] | None = None,
) -> ArticleResult:
    """Audit a prepared article.

    translations: segment index → translation, for its fragments (missing: no model).
    round_trip_chrf: pivot language → chrF++ of the article's sentences against their own
        en→X→en round trip (empty or None without round-trip models).
    """
    segments = prepared.segments
    english = {s.index: s.text for s in segments if not s.is_fragment}
    translated = {i: t for i, t in translations.items() if t.status is TranslationStatus.TRANSLATED}
    english.update({i: t.text_en for i, t in translated.items()})
    drift = audit_drift(segments, english, index, settings, via_translation=set(translated))
    rows = tuple(
        replace(row, translation=translations.get(row.segment.index, _no_model(row.segment)))
        if row.segment.is_fragment
        else row
        for row in drift.rows
    )
    evidence, pivot = with_round_trip(segment_evidence(segments), round_trip_chrf or {})
    scores = drift.scores
    document = prepared.document
    return ArticleResult(
        article_id=document.doc_id,
        status=drift.status,
        content_sha256=document.content_sha256,
        title=next((s.text for s in segments if s.kind is Kind.TITLE), ""),
        language_mix=language_mix(segments),
        segments=rows,
        official_id=drift.official_id,
        official_coverage=drift.coverage,
        bleu=scores.bleu if scores else None,
        chrf=scores.chrf if scores else None,
        ter=scores.ter if scores else None,
        backtranslation_score=evidence.score,
        backtranslation_evidence=evidence.label(),
        suspected_pivot=pivot,
    )


def _no_model(segment: Segment) -> Translation:
    return Translation(TranslationStatus.NO_MODEL)


def needs_explaining(result: ArticleResult, settings: Settings) -> list[str]:
    """Official wordings to round-trip through the suspected pivot: those of the aligned
    segments of an article that reads as a back-translation."""
    if not result.suspected_pivot or (result.backtranslation_score or 0.0) < (
        settings.mt_explain_min_score
    ):
        return []
    return [r.official_text for r in result.segments if r.category in ALIGNED and r.official_text]


def explain_by_round_trip(result: ArticleResult, trips: Mapping[str, str]) -> ArticleResult:
    """For each aligned row whose official wording was round-tripped through the suspected
    pivot: the drift is machine translation's when the article is closer to that round trip
    (chrF++) than to the official wording itself."""
    segments = [r.segment for r in result.segments]
    rows = []
    for row in result.segments:
        if row.category not in ALIGNED or row.official_text not in trips:
            rows.append(row)
            continue
        if row.translation is not None:
            text = row.translation.text_en
        else:
            text = alignable_text(row.segment, segments)[0] or row.segment.text
        official_roundtrip = trips[row.official_text]
        roundtrip_chrf = sentence_chrf(text, official_roundtrip)
        rows.append(
            replace(
                row,
                official_roundtrip=official_roundtrip,
                roundtrip_chrf=roundtrip_chrf,
                mt_explained=mt_explained(roundtrip_chrf, row.chrf),
            )
        )
    return replace(result, segments=tuple(rows))


def mt_explained(roundtrip_chrf: float, official_chrf: float | None) -> bool:
    """Closer to the official wording's round trip than to the wording itself."""
    return official_chrf is not None and roundtrip_chrf > official_chrf


def audit_article(
    document: Document, index: OfficialIndex, identifier: Identifier, settings: Settings
) -> ArticleResult:
    """Audit one article without translation models (fragments stay untranslated)."""
    return finish_article(prepare_article(document, identifier, settings), {}, index, settings)
