"""An article's result as a run keeps it (pure): the text the state stores, its summary, its
findings, the wordings it contributes and its untranslated fragments — everything a run takes
from a result, computed where the article was audited.

A worker sends this instead of the result itself, so the driver that every worker waits on
stores and counts an article without walking its segments, encoding it or unpickling its
records (the driver's CPU per article is what a cluster's size is limited by). A result that
the driver holds itself (an unreadable file, a failure, a result reused from the state, a run
with translation models, whose batches are the driver's) becomes one the same way.
"""

from __future__ import annotations

from typing import NamedTuple

from auditor.records import ArticleResult, Status
from auditor.reports.findings import Finding, findings_of
from auditor.reports.summary import ArticleSummary
from auditor.stages.wordings import Contribution, contributions
from auditor.store.serial import result_from_json, result_to_json


class Audited(NamedTuple):
    """One article's result, in the forms a run stores and counts."""

    article_id: str
    status: Status
    error: str
    content_sha256: str
    #: the result as the state stores it (`auditor.store.serial`: JSON)
    stored: str
    summary: ArticleSummary
    findings: tuple[Finding, ...]
    #: the wordings it contributes; None for a result reused from the state, whose wordings
    #: the state holds (`wordings_of` derives them from `stored` if its outlet or date moved)
    contributions: tuple[Contribution, ...] | None
    #: (language, text) of each non-English fragment of the article (a run without translation
    #: models counts them for its install hints)
    fragments: tuple[tuple[str, str], ...]


def audited(result: ArticleResult, stored: str | None = None) -> Audited:
    """`result` as a run keeps it; `stored`: its stored text when it was read from the state
    (it is not encoded again, and its wordings are not derived: the state holds them)."""
    return Audited(
        article_id=result.article_id,
        status=result.status,
        error=result.error,
        content_sha256=result.content_sha256,
        stored=result_to_json(result) if stored is None else stored,
        summary=ArticleSummary.of(result),
        findings=tuple(findings_of(result)),
        contributions=contributions(result) if stored is None else None,
        fragments=tuple(
            (r.segment.language, r.segment.text) for r in result.segments if r.segment.is_fragment
        ),
    )


def wordings_of(article: Audited) -> tuple[Contribution, ...]:
    """The wordings `article` contributes (from its stored result when they were not derived)."""
    if article.contributions is not None:
        return article.contributions
    return contributions(result_from_json(article.stored))
