"""Reports (edge): audit results → the CSV tables a spreadsheet opens safely (pandas).

UTF-8 with a byte-order mark so Excel keeps Turkish letters; a text cell that a spreadsheet
would execute (starts with = + - @ tab or CR) gets a leading apostrophe (OWASP CSV injection).
Writing the files is `auditor.commit`'s job.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from auditor.batches import batched
from auditor.records import SegmentResult, TranslationStatus
from auditor.reports.columns import (
    FRAGMENTS,
    LIST_SEPARATOR,
    QUOTES,
    SEGMENTS,
    Column,
    names,
    neutralise,
)
from auditor.reports.data import Article, ReportData
from auditor.reports.findings import Decided, Finding
from auditor.reports.review import FINDINGS, FINDINGS_FILE, Review, finding_row
from auditor.reports.summary import SUMMARY
from auditor.stages.speech import quotations_of
from auditor.stages.wordings import WordingGroup


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def segment_row(
    article_id: str, result: SegmentResult, quotations: Sequence[int] = ()
) -> dict[str, Any]:
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
        "bleu": result.bleu,
        "chrf": result.chrf,
        "ter": result.ter,
        "category": result.category.value,
        "critical_edits": LIST_SEPARATOR.join(result.critical_edits),
        "notable_changes": LIST_SEPARATOR.join(result.notable_changes),
        "substitutions": LIST_SEPARATOR.join(result.substitutions),
        "official_roundtrip": result.official_roundtrip,
        "roundtrip_chrf": result.roundtrip_chrf,
        "mt_explained": _yes_no(result.mt_explained),
        "in_sentence": s.in_sentence,
        "note": result.note,
        "alignment": result.alignment.value if result.alignment else "",
        "quotations": LIST_SEPARATOR.join(map(str, quotations)),
        "article_line": s.line,
        "official_line": result.official_line,
        "official_lines": LIST_SEPARATOR.join(str(p.official_line) for p in result.places),
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


def quote_row(group: WordingGroup) -> dict[str, Any]:
    """One row of quotes.csv: a wording group."""
    return {
        "official_id": group.official_id,
        "official_line": group.official_line,
        "official_text": group.official_text,
        "wording": group.wording,
        "kind": group.kind,
        "category": group.category,
        "critical_edits": LIST_SEPARATOR.join(group.critical_edits),
        "notable_changes": LIST_SEPARATOR.join(group.notable_changes),
        "articles": group.articles,
        "outlets": group.outlets,
        "shared_across_outlets": _yes_no(group.shared),
        "first_seen": group.first_seen,
        "first_seen_from": group.first_seen_from,
        "first_article": group.first_article,
        "first_outlet": group.first_outlet,
        "last_seen": group.last_seen,
        "wordings_of_official": group.wordings_of_official,
        "variants": group.spellings,
        "outlet_names": LIST_SEPARATOR.join(group.outlet_names),
        "article_ids": LIST_SEPARATOR.join(group.article_ids),
        "group_id": group.key,
    }


def frame(rows: Sequence[Mapping[str, Any]], columns: list[Column]) -> pd.DataFrame:
    """Rows as a DataFrame with exactly the documented columns, in order, numbers rounded to
    their column's decimals, formulas neutralised."""
    rounded = [(c.name, c.digits) for c in columns if c.digits is not None]
    if rounded:
        rows = [
            {**row, **{name: _round(row.get(name), digits) for name, digits in rounded}}
            for row in rows
        ]
    df = pd.DataFrame(list(rows), columns=names(columns))
    for name in df.columns:
        if not pd.api.types.is_numeric_dtype(df[name]):  # object or pandas' own string dtype
            df[name] = df[name].map(neutralise)
    # integer columns stay integers in the CSV even when some rows are empty
    for column in columns:
        if column.type == "integer":
            df[column.name] = df[column.name].astype("Int64")
    return df


def decision_cells(
    findings: Sequence[Finding], decided: Mapping[str, Decided]
) -> dict[int, dict[str, str]]:
    """Segment index → its `finding_ids` and `decisions` cells."""
    ids: dict[int, list[str]] = {}
    said: dict[int, list[str]] = {}
    for finding in findings:
        for index in finding.segments:
            ids.setdefault(index, []).append(finding.finding_id)
            if finding.finding_id in decided:
                said.setdefault(index, []).append(
                    f"{finding.finding_id} {decided[finding.finding_id]}"
                )
    return {
        index: {
            "finding_ids": LIST_SEPARATOR.join(found),
            "decisions": LIST_SEPARATOR.join(said.get(index, ())),
        }
        for index, found in ids.items()
    }


#: the tables of the CSV format, in the order they are written
TABLES: dict[str, list[Column]] = {
    "summary.csv": SUMMARY,
    "segments.csv": SEGMENTS,
    "fragments.csv": FRAGMENTS,
    "quotes.csv": QUOTES,
    FINDINGS_FILE: FINDINGS,
}


def article_rows(data: ReportData, article: Article) -> dict[str, list[dict[str, Any]]]:
    """One article's rows of summary.csv, segments.csv, fragments.csv and findings.csv."""
    review = data.review or Review()
    result, found = article.result, article.findings
    quotations = quotations_of([r.segment for r in result.segments])
    cells = decision_cells(found, data.decided)
    segments, fragments, findings = [], [], []
    for row_result in result.segments:
        quotes = quotations.get(row_result.segment.index, ())
        row = segment_row(result.article_id, row_result, quotes)
        segments.append({**row, **cells.get(row_result.segment.index, {})})
        if row_result.segment.is_fragment:
            fragments.append(fragment_row(result.article_id, row_result))
    for f in found:
        decided = data.decided.get(f.finding_id)
        new = review.is_new(f.finding_id)
        findings.append(finding_row(f, decided, review.seen(f.finding_id), new))
    return {
        "summary.csv": [article.summary.row()],
        "segments.csv": segments,
        "fragments.csv": fragments,
        FINDINGS_FILE: findings,
    }


def table_batches(data: ReportData) -> Iterator[dict[str, list[dict[str, Any]]]]:
    """The rows of every table, a batch of articles (or of wording groups) at a time, in the
    corpus's order (they are for machines)."""
    for articles in batched(data.articles("corpus")):
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for article in articles:
            for name, found in article_rows(data, article).items():
                rows[name].extend(found)
        yield rows
    for groups in batched(data.wordings):
        yield {"quotes.csv": [quote_row(g) for g in groups]}


def build_frames(data: ReportData) -> dict[str, pd.DataFrame]:
    """The report tables of one audit, each whole in memory (for tests and small corpora; the
    reports are written a batch at a time: `write_tables`)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for batch in table_batches(data):
        for name, found in batch.items():
            rows[name].extend(found)
    return {name: frame(rows[name], columns) for name, columns in TABLES.items()}


def _round(value: Any, digits: int) -> Any:
    return None if value is None else round(value, digits)


def csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def write_tables(data: ReportData, out: Path) -> None:
    """summary.csv, segments.csv, fragments.csv, quotes.csv and findings.csv, into the folder
    `out`, a batch of articles at a time: each batch's rows become a frame written after the
    rows before it, never every row at once (`bench/same_reports.py` checks that the bytes are
    those of one frame of every row)."""
    handles = {name: open(out / name, "wb") for name in TABLES}  # noqa: SIM115
    try:
        for name, columns in TABLES.items():
            handles[name].write(csv_bytes(frame([], columns)))
        for batch in table_batches(data):
            for name, rows in batch.items():
                if rows:
                    text = frame(rows, TABLES[name]).to_csv(
                        index=False, header=False, lineterminator="\r\n"
                    )
                    handles[name].write(text.encode("utf-8"))
    finally:
        for handle in handles.values():
            handle.close()
