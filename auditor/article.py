"""One article's audit, as a pure function of (article, official index, settings, models).

This is the unit that maps onto workers (processes today, Dask or Ray tomorrow): everything it
needs is passed in, nothing it does touches files.
"""

from __future__ import annotations

from collections.abc import Sequence

from auditor.align import OfficialIndex
from auditor.drift import audit_drift
from auditor.language import Identifier, identify_segments, language_mix
from auditor.records import ArticleResult, Document, Kind
from auditor.segment import segment_document
from auditor.settings import Settings


def build_index(officials: Sequence[Document]) -> OfficialIndex:
    """Index the official sentences of every official document (once per run)."""
    return OfficialIndex(
        [
            (doc.doc_id, [s.text for s in segment_document(doc.text) if s.kind is Kind.SENTENCE])
            for doc in officials
        ]
    )


def audit_article(
    document: Document, index: OfficialIndex, identifier: Identifier, settings: Settings
) -> ArticleResult:
    """Audit one decoded article (pure apart from the language model passed in)."""
    segments = identify_segments(segment_document(document.text), identifier, settings)
    english = {s.index: s.text for s in segments if not s.is_fragment}
    drift = audit_drift(segments, english, index, settings)
    scores = drift.scores
    return ArticleResult(
        article_id=document.doc_id,
        status=drift.status,
        content_sha256=document.content_sha256,
        title=next((s.text for s in segments if s.kind is Kind.TITLE), ""),
        language_mix=language_mix(segments),
        segments=drift.rows,
        official_id=drift.official_id,
        official_coverage=drift.coverage,
        bleu=scores.bleu if scores else None,
        chrf=scores.chrf if scores else None,
        ter=scores.ter if scores else None,
    )
