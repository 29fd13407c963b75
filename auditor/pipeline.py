"""The audit as one importable call: `audit_corpus(corpus, reports) -> AuditResult`.

Stages run in the order of DESIGN.md's data flow. Everything per article is a pure function of
(article, official documents, settings, models); files and models stay at the edges.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from auditor import dictionary, report
from auditor.align import OfficialIndex
from auditor.drift import audit_drift
from auditor.ingest import ingest_folder
from auditor.language import Identifier, identify_segments, language_mix, load_identifier
from auditor.records import (
    ArticleResult,
    Document,
    IngestError,
    Kind,
    Role,
    Status,
)
from auditor.segment import segment_document
from auditor.settings import Settings

OFFICIAL_DIR = "official"
ARTICLES_DIR = "articles"

#: called once per article as it finishes: (article_id, done, total)
Progress = Callable[[str, int, int], None]


class AuditError(Exception):
    """The audit could not run at all (no corpus, no official document, …)."""


@dataclass
class AuditResult:
    """What one run produced: per-article results, the files written, and its identity."""

    run_id: str
    started_at: str
    articles: list[ArticleResult]
    officials: list[Document]
    official_errors: list[IngestError]
    reports: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: Status) -> int:
        return sum(1 for a in self.articles if a.status is status)


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


def error_result(error: IngestError) -> ArticleResult:
    return ArticleResult(
        article_id=error.doc_id,
        status=Status.ERROR,
        content_sha256=error.content_sha256,
        error=error.error,
    )


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def audit_corpus(
    corpus: Path,
    reports: Path,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
) -> AuditResult:
    """Audit every article of `corpus` and write the reports into `reports`."""
    settings = settings or Settings()
    clock = time.perf_counter()
    started = _utc_now()
    official_dir, articles_dir = corpus / OFFICIAL_DIR, corpus / ARTICLES_DIR
    if not corpus.is_dir():
        raise AuditError(f"corpus folder not found: {corpus}")
    if not articles_dir.is_dir():
        raise AuditError(f"no articles folder: expected {articles_dir}")
    identifier = load_identifier(settings.languages)

    def plausibility(line: str) -> float:
        return identifier(line)[1]

    officials: list[Document] = []
    official_errors: list[IngestError] = []
    for item in ingest_folder(
        official_dir,
        Role.OFFICIAL,
        plausibility=plausibility,
        max_control=settings.max_control_char_share,
    ):
        if isinstance(item, Document):
            officials.append(item)
        else:
            official_errors.append(item)
    if not officials:
        why = "; ".join(f"{e.doc_id}: {e.error}" for e in official_errors)
        raise AuditError(
            f"no usable official document in {official_dir}" + (f" ({why})" if why else "")
        )

    index = build_index(officials)
    items = list(
        ingest_folder(
            articles_dir,
            Role.ARTICLE,
            plausibility=plausibility,
            max_control=settings.max_control_char_share,
        )
    )
    results: list[ArticleResult] = []
    for done, item in enumerate(items, start=1):
        if isinstance(item, IngestError):
            results.append(error_result(item))
        else:
            results.append(audit_article(item, index, identifier, settings))
        if progress:
            progress(item.doc_id, done, len(items))

    run_id = started.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]
    audited_at = started.isoformat().replace("+00:00", "Z")
    written = write_reports(reports, results, audited_at, settings)
    return AuditResult(
        run_id=run_id,
        started_at=audited_at,
        articles=results,
        officials=officials,
        official_errors=official_errors,
        reports=written,
        seconds=time.perf_counter() - clock,
    )


def write_reports(
    reports: Path, results: Sequence[ArticleResult], audited_at: str, settings: Settings
) -> list[Path]:
    frames = report.build_frames(results, audited_at)
    contents = {name: report.csv_bytes(df) for name, df in frames.items()}
    contents["README.md"] = dictionary.render(settings).encode("utf-8")
    return report.replace_files(reports, contents)
