"""audit.xlsx read back as a spreadsheet reads it (openpyxl): typed cells, formats, layout."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from auditor.records import (
    ArticleResult,
    Category,
    Change,
    Kind,
    Segment,
    SegmentResult,
    Status,
)
from auditor.reports.columns import FRAGMENTS, QUOTES, SEGMENTS, names
from auditor.reports.data import ReportData
from auditor.reports.history import RUNS
from auditor.reports.html import page_path
from auditor.reports.review import FINDINGS
from auditor.reports.sheets import SEGMENTS_SHEET, column_names, label
from auditor.reports.summary import HISTORY, SUMMARY
from auditor.reports.xlsx import MAX_CELL, write_workbook
from auditor.settings import Settings
from tests.conftest import HOSTILE, HOSTILE_LINES

TURKISH = "turkish-outlet-2022-11-30-bucharest-press-conference.txt"
HOSTILE_CELLS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2",
    "@SUM(1,1)",
    "0.985",
    "2026-05-12",
    "Levent ÖZADAM'dan ığdır şüphe İĞÜŞÖÇ",
]


def _header(ws: Worksheet) -> list[str]:
    """The column names of a sheet's header row (its cells show plain words)."""
    return column_names(ws.title, [c.value for c in ws[1]])


def _rows(ws: Worksheet) -> list[dict[str, object]]:
    header = _header(ws)
    return [
        dict(zip(header, row, strict=False)) for row in ws.iter_rows(min_row=2, values_only=False)
    ]


def _cells(ws: Worksheet, **match: object) -> dict[str, object]:
    """The cells of the first row whose values match, by column name."""
    for row in _rows(ws):
        if all(getattr(row.get(k), "value", None) == v for k, v in match.items()):
            return row
    raise AssertionError(f"no row with {match} on {ws.title}")


def _article(article_id: str, texts: list[str]) -> ArticleResult:
    rows = []
    for i, text in enumerate(texts):
        segment = Segment(i, Kind.SENTENCE, text, 0, len(text), language="en", line=i + 1)
        rows.append(
            SegmentResult(
                segment,
                official_id="official.txt",
                official_text=text,
                official_line=i + 10,
                bleu=100.0,
                chrf=98.123456,
                ter=0.0,
                category=Category.VERBATIM,
                compared_text=text,
            )
        )
    return ArticleResult(
        article_id,
        Status.OK,
        "ab" * 32,
        segments=tuple(rows),
        official_id="official.txt",
        official_coverage=0.5654321,
        chrf=98.123456,
        audited_at="2026-11-24T05:07:39Z",
    )


def _synthetic(tmp_path: Path, *articles: ArticleResult, **kwargs: int) -> Path:
    history = [
        {"run_id": "r1", "run_at": "2026-11-24T05:07:39Z", "article_id": a.article_id}
        for a in articles
    ]
    data = ReportData(list(articles), Settings(), history, ("xlsx",), "2026-11-24T05:07:39Z")
    path = tmp_path / "audit.xlsx"
    write_workbook(data, path, **kwargs)
    return path


def test_sheets_in_a_reviewers_order(reviewed: Path) -> None:
    book = load_workbook(reviewed / "audit.xlsx")
    assert book.sheetnames == [
        "Summary",
        "Findings",
        "Segments",
        "Fragments",
        "Quotes",
        "History",
        "Runs",
        "Read me",
        "Settings",
    ]
    segments = _header(book["Segments"])
    assert segments[:5] == [
        "category",
        "critical_edits",
        "notable_changes",
        "text",
        "official_text",
    ]
    # the same columns as the CSVs (declared once), only in another order
    for sheet, columns in (
        ("Summary", SUMMARY),
        ("Segments", SEGMENTS),
        ("Fragments", FRAGMENTS),
        ("Quotes", QUOTES),
        ("History", HISTORY),
        ("Findings", FINDINGS),
        ("Runs", RUNS),
    ):
        assert sorted(_header(book[sheet])) == sorted(names(columns))
    summary = [c.value for c in book["Summary"]["A"][1:]]
    assert set(summary[:2]) == {TURKISH, HOSTILE}  # the articles with findings first
    # headers in plain words; the machine names beside them in the Read me
    assert [c.value for c in book["Segments"][1]][:2] == ["Verdict", "Critical edits"]
    readme = [c.value for row in book["Read me"].iter_rows() for c in row if c.value]
    for column in (*SUMMARY, *SEGMENTS, *FRAGMENTS, *QUOTES, *HISTORY, *FINDINGS, *RUNS):
        assert column.name in readme
        assert label(SEGMENTS_SHEET, column.name) in readme or column not in SEGMENTS


def test_the_settings_have_a_sheet_of_their_own(tmp_path: Path) -> None:
    """Every setting on the Settings sheet, one per row under a repeated header; none on the
    Read me, whose printed pages repeat the dictionary's header row (a settings list below it
    carried that header on its pages)."""
    book = load_workbook(_synthetic(tmp_path, _article("a.txt", ["One sentence."])))
    rows = list(book["Settings"].iter_rows(values_only=True))
    assert rows[0] == ("Settings of this audit", "value")
    assert [f"{name}:{value}" for name, value in rows[1:]] == Settings().signature().split("|")
    assert book["Settings"].print_title_rows == "$1:$1"
    readme = {c.value for row in book["Read me"].iter_rows() for c in row if c.value}
    assert "Settings of this audit" not in readme
    assert not readme & {name for name, _ in rows[1:]}


def test_numbers_are_numbers_and_times_are_dates(reviewed: Path) -> None:
    book = load_workbook(reviewed / "audit.xlsx")
    row = _cells(book["Summary"], article_id=TURKISH)
    coverage, chrf = row["official_coverage"], row["chrf"]
    # a share is stored as its value and shown as a percentage, as the pages show it
    assert isinstance(coverage.value, float) and coverage.number_format == "0.0%"
    assert 0 < coverage.value < 1  # a share, never 543
    assert isinstance(chrf.value, float) and chrf.number_format == "0.00"
    # one critical edit: the quotation's "must" → "should"
    assert row["critical_edits"].value == 1 and row["critical_edits"].number_format == "0"
    assert row["quotes_misquoted"].value == 1
    audited = row["audited_at"]
    assert isinstance(audited.value, dt.datetime) and audited.number_format == "yyyy-mm-dd hh:mm:ss"
    history = _rows(book["History"])[0]
    assert isinstance(history["run_at"].value, dt.datetime)

    quote = _cells(
        book["Segments"], article_id=TURKISH, kind="quote", critical_edits="modality: must → should"
    )
    assert quote["text"].value == "But we should not underestimate Russia."
    assert quote["official_text"].value == "But we must not underestimate Russia."
    assert quote["category"].value == "drift"
    assert isinstance(quote["ter"].value, float) and quote["ter"].number_format == "0.00"
    assert isinstance(quote["article_line"].value, int) and quote["official_line"].value == 14


def test_frozen_header_and_a_filter_on_every_table(reviewed: Path) -> None:
    book = load_workbook(reviewed / "audit.xlsx")
    for name in ("Summary", "Segments", "Fragments", "History"):
        ws = book[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    segments = book["Segments"]
    text = segments.cell(1, _header(segments).index("text") + 1).column_letter
    assert segments.column_dimensions[text].width >= 50
    assert segments[f"{text}2"].alignment.wrap_text


def test_rows_are_coloured_by_category_and_critical_edits_stand_out(reviewed: Path) -> None:
    rows = _rows(load_workbook(reviewed / "audit.xlsx")["Segments"])
    fills = {"drift": "FCE4D6", "unmatched": "FFF2CC", "paraphrase": "DDEBF7", "verbatim": "E2EFDA"}
    for row in rows:  # each cell carries its row's colour: sorting keeps it
        colour = fills.get(str(row["category"].value))
        if colour is not None:
            assert row["text"].fill.fgColor.rgb.endswith(colour), row["category"].value
    # the critical edit stands out, and its row comes first (severity order)
    first = rows[0]["critical_edits"]
    assert first.value == "modality: must → should"
    assert first.font.b and first.font.color.rgb.endswith("9C0006")
    quiet = next(r for r in rows if r["critical_edits"].value is None)["critical_edits"]
    assert not quiet.font.b


def test_formulas_stay_text_as_written_without_an_apostrophe(
    reviewed: Path, tmp_path: Path
) -> None:
    path = _synthetic(tmp_path, _article("=cmd|' /C calc'!A0.txt", HOSTILE_CELLS))
    ws = load_workbook(path)["Segments"]
    cells = [row["text"] for row in _rows(ws)]
    assert [c.value for c in cells] == HOSTILE_CELLS
    assert all(c.data_type == "s" and not c.quotePrefix for c in cells)
    assert load_workbook(path)["Summary"]["A2"].value == "=cmd|' /C calc'!A0.txt"

    # the audit of the seeds plus the hostile article: its name, title, formula and letters
    book = load_workbook(reviewed / "audit.xlsx")
    texts = {row["text"].value: row["text"] for row in _rows(book["Segments"])}
    formula = next(c for t, c in texts.items() if t and t.startswith("=HYPERLINK("))
    assert formula.data_type == "s" and formula.value == HOSTILE_LINES[1]
    assert any(t and "ÖZADAM'dan" in t and "ığdır şüphe" in t for t in texts)
    assert any(c.value == HOSTILE for c in book["Summary"]["A"])
    for source in (path, reviewed / "audit.xlsx"):
        with zipfile.ZipFile(source) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in archive.read(name), f"a formula in {name}"


def test_each_article_links_to_its_proof_page(reviewed: Path) -> None:
    ws = load_workbook(reviewed / "audit.xlsx")["Summary"]
    linked = 0
    for (cell,) in ws.iter_rows(min_row=2, max_col=1):
        target = cell.hyperlink.target.replace("\\", "/")  # Excel stores a relative path so
        assert target == "html/" + page_path(str(cell.value))
        assert (reviewed / target).is_file()
        linked += 1
    assert linked == 5


def test_a_table_past_the_row_limit_continues_on_another_sheet(tmp_path: Path) -> None:
    articles = [
        _article(f"a{n}.txt", [f"Sentence {i} of {n}." for i in range(7)]) for n in range(5)
    ]
    path = _synthetic(tmp_path, *articles, max_rows=11)  # 10 rows a sheet, 35 segments
    book = load_workbook(path)
    parts = [n for n in book.sheetnames if n.startswith(SEGMENTS_SHEET.name)]
    assert parts == ["Segments", "Segments (2)", "Segments (3)", "Segments (4)"]
    texts = [row["text"].value for name in parts for row in _rows(book[name])]
    assert texts == [s.segment.text for a in articles for s in a.segments]  # nothing lost
    assert book.sheetnames.index("Fragments") == book.sheetnames.index("Segments (4)") + 1
    readme = " ".join(str(c.value) for row in book["Read me"].iter_rows() for c in row if c.value)
    assert "Segments (4): rows 31 to 35 of 35" in readme


def test_a_text_longer_than_a_cell_is_cut_and_says_so(tmp_path: Path) -> None:
    long = "word " * 9000  # 45,000 characters
    ws = load_workbook(_synthetic(tmp_path, _article("long.txt", [long])))["Segments"]
    text = _rows(ws)[0]["text"].value
    assert isinstance(text, str) and len(text) <= MAX_CELL
    assert text.startswith("word word") and "more characters not shown" in text


@pytest.mark.parametrize("value", [0.985, 12.5, 23.09])
def test_a_score_is_stored_as_its_value(tmp_path: Path, value: float) -> None:
    article = _article("a.txt", ["One sentence."])
    scored = ArticleResult(**{**article.__dict__, "official_coverage": value, "chrf": value})
    row = _cells(load_workbook(_synthetic(tmp_path, scored))["Summary"], article_id="a.txt")
    assert row["official_coverage"].value == round(value, 3)
    assert row["chrf"].value == round(value, 2)  # as in summary.csv


def test_change_records_reach_the_workbook_as_text(tmp_path: Path) -> None:
    article = _article("a.txt", ["But we should not underestimate Russia."])
    changed = SegmentResult(
        **{
            **article.segments[0].__dict__,
            "changes": (Change("modality", "must", "should"),),
            "category": Category.DRIFT,
        }
    )
    article = ArticleResult(**{**article.__dict__, "segments": (changed,)})
    row = _rows(load_workbook(_synthetic(tmp_path, article))["Segments"])[0]
    assert row["critical_edits"].value == "modality: must → should"
    assert row["category"].value == "drift"
