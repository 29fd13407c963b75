"""One article's audit, as a pure function of (article, official index, settings, models).

This is the unit that maps onto workers (processes today, Dask or Ray tomorrow): everything it
needs is passed in, nothing it does touches files. It comes in two halves so that translation
can be batched across the articles of a run: `prepare_article` (segments and their languages)
and `finish_article` (alignment, scores, changes, back-translation evidence). A worker is sent
an article's bytes (`ArticleBytes`) and decodes them itself (`prepare_bytes`); a run without
translation models has nothing to batch between the halves, and a worker does both in one task
(`audit_bytes`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from auditor.records import (
    ArticleResult,
    Document,
    Kind,
    Role,
    Segment,
    Translation,
    TranslationStatus,
)
from auditor.run.audited import Audited, audited
from auditor.run.isolate import Failure
from auditor.settings import Settings
from auditor.stages.align import OfficialIndex
from auditor.stages.backtranslation import segment_evidence, with_round_trip
from auditor.stages.drift import audit_drift
from auditor.stages.ingest import NotText, decode_document
from auditor.stages.language import Identifier, identify_segments, language_mix
from auditor.stages.segment import segment_document


@dataclass(frozen=True)
class PreparedArticle:
    """An article split into segments, each with its language."""

    document: Document
    segments: tuple[Segment, ...]

    def fragments(self) -> list[Segment]:
        return [s for s in self.segments if s.is_fragment]

    def english_sentences(self) -> list[str]:
        return [s.text for s in self.segments if s.kind is Kind.SENTENCE and not s.is_fragment]


def segments_of(text: str, settings: Settings) -> list[Segment]:
    """The segments of a document's text, each read on one line: a line break inside a
    segment (a wrapped line, a quotation over two lines) is a space, so that no finding
    depends on where the file's lines break. Offsets stay those of the file."""
    return [
        replace(s, text=s.text.replace("\n", " ")) if "\n" in s.text else s
        for s in segment_document(text, settings.segment)
    ]


def build_index(officials: Sequence[Document], settings: Settings) -> OfficialIndex:
    """Index the official sentences of every official document (once per run)."""
    sentences = {
        doc.doc_id: [s for s in segments_of(doc.text, settings) if s.kind is Kind.SENTENCE]
        for doc in officials
    }
    return OfficialIndex(
        [(doc_id, [s.text for s in found]) for doc_id, found in sentences.items()],
        settings.align,
        lines={doc_id: [s.line for s in found] for doc_id, found in sentences.items()},
    )


class ArticleBytes(NamedTuple):
    """An article as it travels to a worker: its name and its file's bytes, as read (and
    hashed) by the driver, and when the run audits it (its result's `audited_at`)."""

    article_id: str
    data: bytes
    audited_at: str = ""


class Unreadable(NamedTuple):
    """An article whose bytes did not decode: why (`NotText`: its error row says so), or what
    decoding raised (its row is that internal error)."""

    reason: str
    failure: Failure | None = None


def prepare_bytes(
    article: ArticleBytes, identifier: Identifier, settings: Settings
) -> PreparedArticle | Unreadable:
    """Decode an article's bytes (the language model judges which decoding reads as text)
    and prepare it."""
    try:
        document = decode_document(
            article.article_id,
            Role.ARTICLE,
            article.data,
            plausibility=lambda line: identifier(line)[1],
            max_control=settings.ingest.max_control_char_share,
        )
    except NotText as exc:
        return Unreadable(str(exc))
    except Exception as exc:
        return Unreadable("", Failure.of(exc))
    return prepare_article(document, identifier, settings)


def audit_bytes(
    article: ArticleBytes, identifier: Identifier, index: OfficialIndex, settings: Settings
) -> Audited | Unreadable:
    """Both halves in one: an article of a run without translation models (its fragments
    stay untranslated, it has no round trip), as the run keeps it (`auditor.run.audited`:
    what the driver stores and counts is made here, on the worker)."""
    prepared = prepare_bytes(article, identifier, settings)
    if isinstance(prepared, Unreadable):
        return prepared
    result = finish_article(prepared, {}, index, settings)
    return audited(replace(result, audited_at=article.audited_at))


def prepare_article(
    document: Document, identifier: Identifier, settings: Settings
) -> PreparedArticle:
    segments = identify_segments(
        segments_of(document.text, settings), identifier, settings.language
    )
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
    evidence, pivot = with_round_trip(
        segment_evidence(segments, settings.backtranslation),
        round_trip_chrf or {},
        settings.backtranslation,
    )
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
        backtranslation_verdict=evidence.verdict,
        chrf_ci_low=scores.chrf_ci[0] if scores and scores.chrf_ci else None,
        chrf_ci_high=scores.chrf_ci[1] if scores and scores.chrf_ci else None,
        bleu_ci_low=scores.bleu_ci[0] if scores and scores.bleu_ci else None,
        bleu_ci_high=scores.bleu_ci[1] if scores and scores.bleu_ci else None,
        encoding=document.encoding,
    )


def _no_model(segment: Segment) -> Translation:
    return Translation(TranslationStatus.NO_MODEL)


def audit_article(
    document: Document, index: OfficialIndex, identifier: Identifier, settings: Settings
) -> ArticleResult:
    """Audit one article without translation models (fragments stay untranslated)."""
    return finish_article(prepare_article(document, identifier, settings), {}, index, settings)
