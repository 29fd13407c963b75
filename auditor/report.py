"""Reports (edge): audit results → the CSV tables a spreadsheet opens safely (pandas).

UTF-8 with a byte-order mark so Excel keeps Turkish letters; a text cell that a spreadsheet
would execute (starts with = + - @ tab or CR) gets a leading apostrophe (OWASP CSV injection).
Writing the files is `auditor.commit`'s job.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from auditor import __version__
from auditor.columns import (
    FRAGMENTS,
    LIST_SEPARATOR,
    SEGMENTS,
    SUMMARY,
    Column,
    names,
    neutralise,
)
from auditor.records import (
    ArticleResult,
    Category,
    Kind,
    SegmentResult,
    Status,
    TranslationStatus,
)

ALIGNED = (Category.VERBATIM, Category.PARAPHRASE, Category.DRIFT)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def segment_row(article_id: str, result: SegmentResult) -> dict[str, Any]:
    s = result.segment
    translation = result.translation
    return {
        "article_id": article_id,
        "segment_index": s.index,
        "kind": s.kind.value,
        "language": s.language,
        "text": s.text,
        "text_en": translation.text_en if translation else "",
        "translation_model": translation.model if translation else "",
        "official_id": result.official_id,
        "official_text": result.official_text,
        "bleu": _round(result.bleu),
        "chrf": _round(result.chrf),
        "ter": _round(result.ter),
        "category": result.category.value,
        "critical_edits": LIST_SEPARATOR.join(result.critical_edits),
        "substitutions": LIST_SEPARATOR.join(result.substitutions),
        "official_roundtrip": result.official_roundtrip,
        "roundtrip_chrf": _round(result.roundtrip_chrf),
        "mt_explained": _yes_no(result.mt_explained),
        "in_sentence": s.in_sentence,
        "note": result.note,
    }


def fragment_row(article_id: str, result: SegmentResult) -> dict[str, Any]:
    s = result.segment
    translation = result.translation
    return {
        "article_id": article_id,
        "segment_index": s.index,
        "language": s.language,
        "text": s.text,
        "text_en": translation.text_en if translation else "",
        "status": (translation.status if translation else TranslationStatus.NO_MODEL).value,
        "translation_model": translation.model if translation else "",
    }


def summary_row(article: ArticleResult) -> dict[str, Any]:
    rows = article.segments
    failed = article.status is Status.ERROR
    fragments = [r for r in rows if r.segment.is_fragment]

    def count(values: Iterable[object]) -> int | None:
        return None if failed else sum(1 for _ in values)

    return {
        "article_id": article.article_id,
        "title": article.title,
        "status": article.status.value,
        "error": article.error,
        "language_mix": article.language_mix,
        "official_id": article.official_id,
        "official_coverage": _round(article.official_coverage, 3),
        "aligned_segments": count(r for r in rows if r.category in ALIGNED),
        "bleu": _round(article.bleu),
        "chrf": _round(article.chrf),
        "ter": _round(article.ter),
        "drifted_segments": count(r for r in rows if r.category is Category.DRIFT),
        "critical_edits": count(e for r in rows for e in r.critical_edits),
        "quotes": count(r for r in rows if r.segment.kind is Kind.QUOTE),
        "quotes_unmatched": count(
            r for r in rows if r.segment.kind is Kind.QUOTE and r.note.startswith("quotation not")
        ),
        "backtranslation_score": _round(article.backtranslation_score, 3),
        "backtranslation_evidence": article.backtranslation_evidence,
        "suspected_pivot": article.suspected_pivot,
        "fragments": count(fragments),
        "fragments_untranslated": count(
            r
            for r in fragments
            if r.translation is None or r.translation.status is not TranslationStatus.TRANSLATED
        ),
        "drift_mt_explained": count(
            r for r in rows if r.category is Category.DRIFT and r.mt_explained
        ),
        "content_sha256": article.content_sha256,
        "audited_at": article.audited_at,
        "auditor_version": __version__,
    }


def frame(rows: Sequence[Mapping[str, Any]], columns: list[Column]) -> pd.DataFrame:
    """Rows as a DataFrame with exactly the documented columns, in order, formulas neutralised."""
    df = pd.DataFrame(list(rows), columns=names(columns))
    for name in df.columns:
        if not pd.api.types.is_numeric_dtype(df[name]):  # object or pandas' own string dtype
            df[name] = df[name].map(neutralise)
    # integer columns stay integers in the CSV even when some rows are empty
    for column in columns:
        if column.type == "integer":
            df[column.name] = df[column.name].astype("Int64")
    return df


def build_frames(articles: Sequence[ArticleResult]) -> dict[str, pd.DataFrame]:
    """The three report tables of one audit."""
    segments, fragments = [], []
    for article in articles:
        for result in article.segments:
            segments.append(segment_row(article.article_id, result))
            if result.segment.is_fragment:
                fragments.append(fragment_row(article.article_id, result))
    return {
        "summary.csv": frame([summary_row(a) for a in articles], SUMMARY),
        "segments.csv": frame(segments, SEGMENTS),
        "fragments.csv": frame(fragments, FRAGMENTS),
    }


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
