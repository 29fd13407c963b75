"""audit.xlsx (edge): the reports as one workbook that reads the same in any locale.

Every cell is typed: a number is a number cell with a number format (a Turkish or German
spreadsheet shows 0,985, never 985 or a date), a time is a date cell, and text is written as
text and never parsed (`=HYPERLINK(…)` shows as written and never runs; no apostrophe is
added). The columns are the CSVs' own declarations (`columns.SEGMENTS`, `summary.SUMMARY`, …);
a sheet puts a reviewer's columns first and heads them in plain words (`sheets.LABELS`; the
machine names are in the Read me sheet).

It reads well where it is opened and printed: each sheet in severity order (findings first),
columns as wide as their ids, statuses and dates, each row as high as its wrapped text
(`auditor.reports.layout`: neither Excel nor LibreOffice fits rows of a written file), and a
page set-up (landscape A4, the reviewer's columns fitted to the page's width, the header row
repeated on every page). Colours are the cells' own formats, so a dismissed finding is grey
wherever the rows are sorted.

XlsxWriter in constant-memory mode: each row leaves memory once written, so rows are written
strictly in order; a sheet's rows are made twice (once to measure the columns, once to write).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from auditor import __version__
from auditor.records import (
    Category,
    Level,
    NotFound,
    SegmentResult,
    TranslationStatus,
)
from auditor.reports import layout, sheets
from auditor.reports.columns import GROUPING, Column
from auditor.reports.data import Article, ReportData
from auditor.reports.findings import CRITICAL, DISMISSED, NOTABLE, UNMATCHED, Finding
from auditor.reports.html import page_path
from auditor.reports.review import Review, finding_row
from auditor.reports.sheets import (
    CATEGORY_FILLS,
    FINDINGS_SHEET,
    FITTED,
    FITTED_MAX,
    FRAGMENTS_SHEET,
    GREY,
    HISTORY_SHEET,
    NUMBER_WIDTH,
    QUOTES_SHEET,
    RUNS_SHEET,
    SEGMENTS_SHEET,
    STATUS_FILLS,
    SUMMARY_SHEET,
    WIDTHS,
    WRAPPED,
    Sheet,
    label,
)
from auditor.reports.spool import Buckets, Spool
from auditor.reports.summary import ArticleSummary
from auditor.reports.tables import decision_cells, fragment_row, quote_row, segment_row
from auditor.stages.speech import quotations_of
from auditor.stages.wordings import WordingGroup

#: rows of a sheet, header included (Excel's limit; LibreOffice's too since 7.x)
MAX_ROWS = 1_048_576
#: characters of one cell (Excel's limit)
MAX_CELL = 32_767
#: hyperlinks of one sheet (Excel's limit; XlsxWriter ignores any beyond, with a warning)
MAX_LINKS = 65_530
TIMESTAMP_UNIT = "ISO 8601 UTC"  #: the unit of the columns written as date cells
SHARE = "share 0–1"  #: the unit of the columns shown as a percentage (the value stays 0–1)
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
A4 = 9  #: XlsxWriter's paper code
#: what the findings of a segment look like: cell emphasis by column
Looks = dict[str, str]


@dataclass(frozen=True)
class Row:
    """One row to write: its values, its fill and the look of some of its cells."""

    values: Mapping[str, Any]
    fill: str | None = None
    looks: Looks = field(default_factory=dict)  #: column name → `critical`, `notable`, `grey`


def write_workbook(data: ReportData, path: Path, max_rows: int = MAX_ROWS) -> None:
    """audit.xlsx of `data` at `path`: Summary, Findings, Segments, Fragments, Quotes, History,
    Runs, Read me, Settings.

    A table longer than `max_rows` (header included) continues on a second sheet, "Segments
    (2)", and the Read me says where each continues: nothing is cut.

    The articles are read once, in review order; each sheet's rows go to spools in the folder
    of `path` (`auditor.reports.spool`), by rank, and each sheet is written from them — rows
    in the order of a sort by severity, without holding them."""
    book = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "tmpdir": str(path.parent),
            "default_format_properties": {
                "font_name": layout.FONT_NAME,
                "font_size": layout.FONT_SIZE,
                "font_scheme": "none",
            },
            "default_row_height": round(layout.LINE_HEIGHT * layout.PIXELS_PER_POINT),
        },
    )
    book.set_properties(
        {"title": "auditor: drift of articles from the official wording", "comments": __version__}
    )
    writer = _Writer(book, max_rows, links="html" in data.formats)
    folder = path.parent
    spools = _Spools(folder)
    try:
        for article in data.articles("review"):
            spools.add(data, article)
        for group in data.wordings:
            spools.quotes.add((not group.critical_edits, not group.notable_changes), _quote(group))
        for history_row in data.past.newest_first():
            spools.history.add(Row(history_row))
        tables = (
            (SUMMARY_SHEET, spools.summary),
            (FINDINGS_SHEET, spools.findings),
            (SEGMENTS_SHEET, spools.segments),
            (FRAGMENTS_SHEET, spools.fragments),
            (QUOTES_SHEET, spools.quotes),
            (HISTORY_SHEET, spools.history),
        )
        for sheet, rows in tables:
            writer.table(sheet, len(rows), lambda rows=rows: iter(rows))  # type: ignore[misc]
    finally:
        spools.close()
    runs = list(reversed((data.review or Review()).runs))
    writer.table(RUNS_SHEET, len(runs), lambda: (Row(r) for r in runs))
    writer.read_me(data)
    writer.settings_sheet(data)
    book.close()


# ---------------------------------------------------------------- the rows, most serious first

#: (dismissed, severity) of a finding, in the order of the Findings sheet
_FINDING_RANKS = [(dismissed, level) for dismissed in (False, True) for level in range(3)]
#: (no critical edit, no notable change) of a wording group, in the order of the Quotes sheet
_QUOTE_RANKS = [(a, b) for a in (False, True) for b in (False, True)]


class _Spools:
    """The rows of each sheet, by rank (`auditor.reports.spool.Buckets`)."""

    def __init__(self, folder: Path) -> None:
        self.summary = Spool(folder)
        self.findings = Buckets(folder, _FINDING_RANKS)
        self.segments = Buckets(folder, range(6))
        self.fragments = Buckets(folder, range(2))
        self.quotes = Buckets(folder, _QUOTE_RANKS)
        self.history = Spool(folder)

    def add(self, data: ReportData, article: Article) -> None:
        """One article's rows (the articles come in review order)."""
        self.summary.add(_summary_row(article.summary))
        result, found = article.result, article.findings
        for f in _findings_in_order(data, found):
            decided = data.decided.get(f.finding_id)
            self.findings.add((decided is not None and decided.decision == DISMISSED, f.severity),
                              _finding_row(data, f))  # fmt: skip
        quotations = quotations_of([r.segment for r in result.segments])
        cells = decision_cells(found, data.decided)
        on = _on_segments(found)
        for row in result.segments:
            index = row.segment.index
            severity, looks = _segment_severity(row, on.get(index, ()), data)
            values = segment_row(result.article_id, row, quotations.get(index, ()))
            values = {**values, **cells.get(index, {})}
            self.segments.add(severity, Row(values, CATEGORY_FILLS.get(row.category.value), looks))
            if row.segment.is_fragment:
                translated = (
                    row.translation is not None
                    and row.translation.status is TranslationStatus.TRANSLATED
                )
                self.fragments.add(int(translated), Row(fragment_row(result.article_id, row)))

    def close(self) -> None:
        for spool in (
            self.summary,
            self.findings,
            self.segments,
            self.fragments,
            self.quotes,
            self.history,
        ):
            spool.close()


def _summary_row(summary: ArticleSummary) -> Row:
    values = summary.row()
    looks = {
        name: "critical"
        for name in ("quotes_misquoted", "critical_edits")
        if (values.get(name) or 0) > 0
    }
    return Row(values, STATUS_FILLS.get(summary.status.value), looks)


def _findings_in_order(data: ReportData, found: Sequence[Finding]) -> list[Finding]:
    """One article's findings in the Findings sheet's order: undecided and confirmed ones
    first, most serious first, then in reading order; dismissed ones last (across articles,
    the sheet keeps this order by rank, the articles in the Summary's order)."""

    def key(f: Finding) -> tuple[int, int, int]:
        decided = data.decided.get(f.finding_id)
        dismissed = decided is not None and decided.decision == DISMISSED
        return (dismissed, f.severity, f.segments[0])

    return sorted(found, key=key)


def _finding_row(data: ReportData, f: Finding) -> Row:
    review = data.review or Review()
    decided = data.decided.get(f.finding_id)
    values = finding_row(f, decided, review.seen(f.finding_id), review.is_new(f.finding_id))
    if decided is not None and decided.decision == DISMISSED:
        return Row(values, None, dict.fromkeys(values, "dismissed"))
    look = {CRITICAL: "critical", NOTABLE: "notable", UNMATCHED: "unmatched"}[f.level]
    fill = CATEGORY_FILLS["unmatched"] if f.level == UNMATCHED else None
    return Row(values, fill, {"level": look, "finding": look})


def _segment_severity(
    result: SegmentResult, findings: Sequence[Finding], data: ReportData
) -> tuple[int, Looks]:
    """How serious a segment is (0 first) and the look of its change cells: a critical edit,
    a quotation not found, a notable change, then the rest of what was compared, what has no
    counterpart, and last what was not scored (page furniture, a sentence scored through its
    quotations)."""
    standing = [f for f in findings if data.decided.get(f.finding_id) is None or
                data.decided[f.finding_id].decision != DISMISSED]  # fmt: skip
    looks: Looks = {}
    if any(c.level is Level.CRITICAL for c in result.changes):
        critical = any(f.level == CRITICAL for f in standing)
        looks["critical_edits"] = "critical" if critical else "dismissed"
    if any(c.level is Level.NOTABLE for c in result.changes):
        notable = any(f.level == NOTABLE for f in standing)
        looks["notable_changes"] = "notable" if notable else "dismissed"
    if result.segment.kind.value == "furniture":
        looks.update(dict.fromkeys(("text", "category", "kind"), "grey"))
    levels = {f.level for f in standing}
    if CRITICAL in levels:
        return 0, looks
    if UNMATCHED in levels or (result.not_found is NotFound.QUOTATION and not findings):
        return 1, looks
    if NOTABLE in levels:
        return 2, looks
    if result.category in (Category.VERBATIM, Category.PARAPHRASE, Category.DRIFT):
        return 3, looks
    if result.category is Category.UNMATCHED:
        return 4, looks
    return 5, looks


def _on_segments(findings: Iterable[Finding]) -> dict[int, list[Finding]]:
    on: dict[int, list[Finding]] = {}
    for f in findings:
        for index in f.segments:
            on.setdefault(index, []).append(f)
    return on


def _quote(group: WordingGroup) -> Row:
    """A wording group's row: with a critical edit first, then with a notable change, then the
    rest (each in the report's order of official wordings: the spools' ranks)."""
    looks = {}
    if group.critical_edits:
        looks["critical_edits"] = "critical"
    if group.notable_changes:
        looks["notable_changes"] = "notable"
    return Row(quote_row(group), CATEGORY_FILLS.get(group.category), looks)


# ---------------------------------------------------------------- writing


class _Writer:
    """Sheets of one workbook, written in order (constant-memory mode)."""

    def __init__(self, book: Workbook, max_rows: int, links: bool) -> None:
        self.book = book
        self.max_rows = max_rows
        self.links = links
        self.splits: list[str] = []  #: what the Read me says about continued tables
        self.unlinked = 0  #: summary rows past Excel's hyperlink limit
        self.formats: dict[tuple[Any, ...], Format] = {}
        self.cell_formats: dict[tuple[Any, ...], Format] = {}  #: `cell_format`'s answers
        self.header = self._format(("header",), {"bold": True, "bg_color": "#D9D9D9",
                                                 "text_wrap": True, "border": 1})  # fmt: skip
        self.sheets: list[tuple[Sheet, list[Column]]] = []  #: for the Read me

    def _format(self, key: tuple[Any, ...], properties: dict[str, Any]) -> Format:
        if key not in self.formats:
            self.formats[key] = self.book.add_format({"valign": "top", **properties})
        return self.formats[key]

    def cell_format(self, column: Column, wrapped: bool, fill: str | None, look: str) -> Format:
        """The one format of a cell: its type, whether it wraps, its row's fill, its look (kept
        by what decides it: a workbook asks for it once per cell)."""
        asked = (column.type, column.unit, column.digits, wrapped, fill, look)
        known = self.cell_formats.get(asked)
        if known is None:
            known = self.cell_formats[asked] = self._cell_format(column, wrapped, fill, look)
        return known

    def _cell_format(self, column: Column, wrapped: bool, fill: str | None, look: str) -> Format:
        properties: dict[str, Any] = {}
        if column.type == "integer":  # centred: a count never runs into the text beside it
            properties.update({"num_format": "0", "align": "center"})
        elif column.unit == SHARE:  # 0.543 shown as 54.3 %, as the pages show it
            properties["num_format"] = "0.0%"
        elif column.type == "number":
            digits = column.digits
            properties["num_format"] = (
                "0.0##" if digits is None else "0" + ("." + "0" * digits if digits else "")
            )
        elif column.unit == TIMESTAMP_UNIT:
            properties["num_format"] = DATE_FORMAT
        if wrapped:
            properties["text_wrap"] = True
        if fill:
            properties["bg_color"] = fill
        looks: dict[str, dict[str, Any]] = {
            "critical": sheets.CRITICAL,
            "notable": sheets.NOTABLE,
            "unmatched": {"bold": True},
            "grey": GREY,
            "dismissed": sheets.DISMISSED,
            "link": {"font_color": "#0563C1", "underline": 1},
            "": {},
        }
        properties.update(looks[look])
        key = (properties.get("num_format"), properties.get("align"), wrapped, fill, look)
        return self._format(key, properties)

    def table(self, sheet: Sheet, rows: int, made: Callable[[], Iterator[Row]]) -> None:
        """`rows` rows made by `made` (called twice: to measure, then to write) on one sheet,
        or on several when they do not fit."""
        columns = sheet.ordered()
        self.sheets.append((sheet, columns))
        widths = self._widths(sheet, columns, made())
        # the printed columns of text wrap, each row as high as its text; the others keep one
        # line (their text shows whole in the cell when selected, and in the CSVs), so that no
        # row is taller than what a printed page shows of it
        printed = {c.name for c in columns[: sheet.printed or len(columns)]}
        wraps = [
            c.type == "text" and c.name in printed and (c.name in WRAPPED or c.name in FITTED)
            for c in columns
        ]
        values = made()
        per_sheet = self.max_rows - 1
        parts = max(1, math.ceil(rows / per_sheet))
        for part in range(parts):
            name = sheet.name if part == 0 else f"{sheet.name} ({part + 1})"
            count = min(per_sheet, rows - part * per_sheet)
            if parts > 1:
                first = part * per_sheet + 1
                self.splits.append(
                    f"{name}: rows {first:,} to {first + count - 1:,} of {rows:,} "
                    f"(a sheet holds at most {per_sheet:,} rows)"
                )
            ws = self.book.add_worksheet(name)
            self._layout(ws, sheet, columns, widths, count)
            for row in range(1, count + 1):
                self._row(ws, row, columns, widths, wraps, next(values), sheet is SUMMARY_SHEET)

    def _widths(self, sheet: Sheet, columns: list[Column], rows: Iterator[Row]) -> list[float]:
        """Each column's width: declared for text that wraps, the longest value for ids,
        statuses and names, a date's for a time, and never narrower than the longest word
        of its header."""
        longest: dict[str, float] = {}
        fitted = [c.name for c in columns if c.name in FITTED]
        for row in rows:
            for name in fitted:
                value = row.values.get(name)
                if value is not None and value != "":
                    size = layout.text_pixels(str(value))
                    if size > longest.get(name, 0.0):
                        longest[name] = size
        out = []
        for column in columns:
            words = label(sheet, column.name).split()
            floor = max(layout.width_for(layout.text_pixels(w, bold=True)) for w in words)
            if column.name in WRAPPED and column.type == "text":
                width = float(WIDTHS[column.name])
            elif column.name in FITTED:
                width = min(layout.width_for(longest.get(column.name, 0.0)), FITTED_MAX)
            elif column.unit == TIMESTAMP_UNIT:
                width = layout.width_for(layout.text_pixels("2026-12-31 23:59:59")) + 1
            else:
                width = NUMBER_WIDTH
            out.append(max(width, floor, 4.0))
        return out

    def _layout(
        self, ws: Worksheet, sheet: Sheet, columns: list[Column], widths: list[float], count: int
    ) -> None:
        """Widths, the header row, frozen header, filter and page set-up: before any row."""
        headers = [label(sheet, c.name) for c in columns]
        lines = max(
            layout.lines(text, width, bold=True)
            for text, width in zip(headers, widths, strict=True)
        )
        ws.set_row(0, layout.row_height(lines))
        for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
            ws.set_column(col, col, width)
            ws.write_string(0, col, header, self.header)
        ws.freeze_panes(1, 0)
        last = len(columns) - 1
        ws.autofilter(0, 0, max(count, 1), last)
        _landscape(ws)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.repeat_rows(0)
        ws.set_header(f"&L&A&Rauditor {__version__}")
        ws.set_footer("&CPage &P of &N")
        printed = (sheet.printed or len(columns)) - 1
        ws.print_area(0, 0, max(count, 1), min(printed, last))

    def _row(
        self,
        ws: Worksheet,
        row: int,
        columns: list[Column],
        widths: list[float],
        wraps: list[bool],
        record: Row,
        summary: bool,
    ) -> None:
        """One row: its height first (the tallest of its wrapped cells), then its cells."""
        lines = 1
        for column, width, wrapped in zip(columns, widths, wraps, strict=True):
            value = record.values.get(column.name)
            if wrapped and value:
                lines = max(lines, layout.lines(_fit(str(value)), width))
        if lines > 1:
            ws.set_row(row, layout.row_height(lines))
        for col, (column, wrapped) in enumerate(zip(columns, wraps, strict=True)):
            value = record.values.get(column.name)
            look = record.looks.get(column.name, "")
            if summary and self.links and column.name == "article_id":
                fmt = self.cell_format(column, wrapped, record.fill, "link")
                self._link(ws, row, col, str(value), fmt)
                continue
            fmt = self.cell_format(column, wrapped, record.fill, look)
            _write(ws, row, col, column, value, fmt, blank=bool(record.fill or look))

    def _link(self, ws: Worksheet, row: int, col: int, article_id: str, fmt: Format) -> None:
        """The article's name, linked to its proof page (relative: html/ lies beside)."""
        if row > MAX_LINKS:
            self.unlinked += 1
            ws.write_string(row, col, article_id, fmt)
            return
        ws.write_url(
            row,
            col,
            "external:html/" + page_path(article_id),
            fmt,
            _fit(article_id),
            "open the article's proof page (html/)",
        )

    def read_me(self, data: ReportData) -> None:
        """The data dictionary: how to read the workbook, the colours, every column."""
        ws = self.book.add_worksheet("Read me")
        bold = self._format(("readme-title",), {"bold": True, "font_size": 12})
        # the first column holds the sheet names and the colours' values (no_official_match)
        widths = (18, 26, 22, 8, 14, 56, 24)
        wrap = self._format(("readme-wrap",), {"text_wrap": True})
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        _landscape(ws)
        paragraph_width = sum(widths)
        lines = [
            (f"auditor {__version__}: drift of articles from the official wording", bold),
            (f"written {data.written_at or 'now'} (UTC)", None),
            (
                "Open Summary first: one row per article, those to read first at the top. "
                "Its Article cell links to the article's proof page in html/ (keep the html "
                "folder beside this file). Findings has one row per finding — a critical "
                "edit, a quotation not found, a notable change — most serious first: type "
                "confirmed or dismissed in its Decision column (and a note, your name), then "
                "run `auditor review import audit.xlsx` to record them; a dismissed finding "
                "is greyed and leaves every count. Segments has one row per sentence or "
                "quotation, findings first: verdict, the article's words and the official "
                "words; filter Article to read one article.",
                None,
            ),
            (
                "Numbers are number cells and times are date cells (UTC), so they read the "
                "same in any language setting; text is stored as written, never as a formula. "
                "The headers are in plain words; the table below gives each one's name in "
                "the CSV files. Printed, each sheet is landscape A4 with its first columns "
                "fitted to the page's width and the header row on every page.",
                None,
            ),
            (
                "Quotes: each official wording with every distinct wording of it the articles "
                "carry, across outlets — how many articles and outlets, first and last seen, "
                "and whether articles of different outlets share it. " + GROUPING + ".",
                None,
            ),
            (
                "History: a row for an article each time its result changed, newest first. "
                "Runs: one row per run, with its findings' counts. Settings: every setting "
                "this audit ran with.",
                None,
            ),
        ]
        if self.unlinked:
            lines.append(
                (
                    f"Only the first {MAX_LINKS:,} articles of Summary are links (a sheet holds "
                    f"at most {MAX_LINKS:,}); open html/index.html for the other "
                    f"{self.unlinked:,}.",
                    None,
                )
            )
        lines += [(f"Continued table: {split}", None) for split in self.splits]
        row = 0
        for text, fmt in lines:
            height = layout.lines(text, paragraph_width)
            ws.set_row(row, layout.row_height(height))
            ws.merge_range(row, 0, row, len(widths) - 1, text, fmt or wrap)
            row += 1
        row += 1
        ws.write_string(row, 0, "Colours", bold)
        row += 1
        legend: list[tuple[str, str, dict[str, Any]]] = [
            (value, f"Segments row with verdict {value}", {"bg_color": colour})
            for value, colour in CATEGORY_FILLS.items()
        ] + [
            ("critical", "a critical edit: a change of what was said", sheets.CRITICAL),
            ("notable", "a notable change: shown, not charged", sheets.NOTABLE),
            ("dismissed", "a finding a reviewer dismissed: out of every count", sheets.DISMISSED),
            ("furniture", "page furniture: shown, never scored", GREY),
            (
                "no_official_match",
                "Summary: the article reports another event",
                {"bg_color": STATUS_FILLS["no_official_match"]},
            ),
            ("error", "Summary: the file could not be read", {"bg_color": STATUS_FILLS["error"]}),
        ]
        for value, meaning, properties in legend:
            ws.write_string(row, 0, value, self._format(("legend", value), properties))
            ws.write_string(row, 1, meaning)
            row += 1
        row += 1
        header = ("sheet", "header", "column (CSV)", "type", "unit", "meaning", "example")
        for col, name in enumerate(header):
            ws.write_string(row, col, name, self.header)
        ws.repeat_rows(row)
        row += 1
        for sheet, columns in self.sheets:
            for column in columns:
                kind = "date" if column.unit == TIMESTAMP_UNIT else column.type
                cells = (
                    sheet.name,
                    label(sheet, column.name),
                    column.name,
                    kind,
                    column.unit,
                    column.meaning.replace("`", ""),
                    column.example.replace("`", ""),
                )
                height = max(
                    layout.lines(text, width) for text, width in zip(cells, widths, strict=True)
                )
                ws.set_row(row, layout.row_height(height))
                for col, text in enumerate(cells):
                    if text:
                        ws.write_string(row, col, _fit(text), wrap)
                row += 1

    def settings_sheet(self, data: ReportData) -> None:
        """Every setting this audit ran with, one per row: a sheet of its own, so that the
        Read me's printed pages repeat the dictionary's header over the dictionary only."""
        ws = self.book.add_worksheet("Settings")
        ws.set_column(0, 0, 44)
        ws.set_column(1, 1, 60)
        _landscape(ws)
        ws.write_string(0, 0, "Settings of this audit", self.header)
        ws.write_string(0, 1, "value", self.header)
        ws.repeat_rows(0)
        ws.freeze_panes(1, 0)
        for row, item in enumerate(data.settings.signature().split("|"), start=1):
            name, _, value = item.partition(":")
            ws.write_string(row, 0, name)
            ws.write_string(row, 1, value)


def _landscape(ws: Worksheet) -> None:
    """Printed: landscape A4, the page's width, as many pages down as it takes."""
    ws.set_landscape()
    ws.set_paper(A4)
    ws.fit_to_pages(1, 0)


def _write(
    ws: Worksheet, row: int, col: int, column: Column, value: Any, fmt: Format, blank: bool
) -> None:
    """One typed cell; an empty value leaves the cell empty (`blank`: with the format, so
    that its row's fill is unbroken)."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        if blank:
            ws.write_blank(row, col, None, fmt)
        return
    if column.type in ("number", "integer"):
        number = float(value) if column.type == "number" else int(value)
        if column.digits is not None:
            number = round(number, column.digits)
        ws.write_number(row, col, number, fmt)
        return
    if column.unit == TIMESTAMP_UNIT:
        moment = _timestamp(str(value))
        if moment is not None:
            ws.write_datetime(row, col, moment, fmt)
            return
    ws.write_string(row, col, _fit(str(value)), fmt)


def _timestamp(text: str) -> datetime | None:
    """`2026-11-24T05:07:39Z` → a naive datetime in UTC (a cell has no time zone)."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _fit(text: str) -> str:
    """A text that fits one cell: a longer one is cut and says so (never silently)."""
    if len(text) <= MAX_CELL:
        return text
    template = " … [{:,} more characters not shown: a cell holds at most 32,767]"
    keep = MAX_CELL - len(template.format(len(text)))
    return text[:keep] + template.format(len(text) - keep)
