"""audit.xlsx (edge): the reports as one workbook that reads the same in any locale.

Every cell is typed: a number is a number cell with a number format (a Turkish or German
spreadsheet shows 0,985, never 985 or a date), a time is a date cell, and text is written as
text and never parsed (`=HYPERLINK(…)` shows as written and never runs; no apostrophe is
added). The columns are the CSVs' own declarations (`columns.SEGMENTS`, `summary.SUMMARY`, …);
a sheet only puts a reviewer's columns first. XlsxWriter in constant-memory mode: each row
leaves memory once written, so rows are written strictly in order and every sheet's layout is
set before its first row (bench: 400,000 segment rows in about a minute, under 1 GB).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from auditor import __version__
from auditor.reports.columns import GROUPING, Column
from auditor.reports.data import ReportData
from auditor.reports.html import page_path
from auditor.reports.sheets import (
    CATEGORY_FILLS,
    CRITICAL,
    FRAGMENTS_SHEET,
    GREY,
    HISTORY_SHEET,
    NOTABLE,
    QUOTES_SHEET,
    SEGMENTS_SHEET,
    STATUS_FILLS,
    SUMMARY_SHEET,
    WIDTHS,
    WRAPPED,
    Sheet,
)
from auditor.reports.tables import fragment_row, quote_row, segment_row
from auditor.stages.speech import quotations_of

#: rows of a sheet, header included (Excel's limit; LibreOffice's too since 7.x)
MAX_ROWS = 1_048_576
#: characters of one cell (Excel's limit)
MAX_CELL = 32_767
#: hyperlinks of one sheet (Excel's limit; XlsxWriter ignores any beyond, with a warning)
MAX_LINKS = 65_530
TIMESTAMP_UNIT = "ISO 8601 UTC"  #: the unit of the columns written as date cells


def write_workbook(data: ReportData, path: Path, max_rows: int = MAX_ROWS) -> None:
    """audit.xlsx of `data` at `path`: Summary, Segments, Fragments, Quotes, History, Read me.

    A table longer than `max_rows` (header included) continues on a second sheet, "Segments
    (2)", and the Read me says where each continues: nothing is cut."""
    book = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "tmpdir": str(path.parent),
        },
    )
    book.set_properties(
        {"title": "auditor: drift of articles from the official wording", "comments": __version__}
    )
    writer = _Writer(book, max_rows)
    ordered = data.in_review_order
    links = "html" in data.formats
    writer.table(
        SUMMARY_SHEET,
        len(ordered),
        (summary.row() for _, summary in ordered),
        fills=("status", STATUS_FILLS),
        critical=("quotes_misquoted", "critical_edits"),
        links=links,
    )
    writer.table(
        SEGMENTS_SHEET,
        sum(len(article.segments) for article, _ in ordered),
        _segment_rows(article for article, _ in ordered),
        fills=("category", CATEGORY_FILLS),
        critical=("critical_edits",),
        notable=("notable_changes",),
    )
    writer.table(
        FRAGMENTS_SHEET,
        sum(1 for article, _ in ordered for r in article.segments if r.segment.is_fragment),
        (
            fragment_row(article.article_id, r)
            for article, _ in ordered
            for r in article.segments
            if r.segment.is_fragment
        ),
    )
    writer.table(
        QUOTES_SHEET,
        len(data.wordings),
        (quote_row(group) for group in data.wordings),
        fills=("category", CATEGORY_FILLS),
        critical=("critical_edits",),
        notable=("notable_changes",),
    )
    writer.table(HISTORY_SHEET, len(data.history), iter(data.history))
    writer.read_me(data)
    book.close()


def _segment_rows(articles: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for article in articles:
        quotations = quotations_of([r.segment for r in article.segments])
        for result in article.segments:
            quotes = quotations.get(result.segment.index, ())
            yield segment_row(article.article_id, result, quotes)


class _Writer:
    """Sheets of one workbook, written in order (constant-memory mode)."""

    def __init__(self, book: Workbook, max_rows: int) -> None:
        self.book = book
        self.max_rows = max_rows
        self.splits: list[str] = []  #: what the Read me says about continued tables
        self.unlinked = 0  #: summary rows past Excel's hyperlink limit
        top = {"valign": "top"}
        self.header = book.add_format(
            {"bold": True, "bg_color": "#D9D9D9", "text_wrap": True, "valign": "top", "border": 1}
        )
        self.text = book.add_format(top)
        self.wrapped = book.add_format({**top, "text_wrap": True})
        self.integer = book.add_format({**top, "num_format": "0"})
        self.timestamp = book.add_format({**top, "num_format": "yyyy-mm-dd hh:mm:ss"})
        self.link = book.add_format({**top, "font_color": "#0563C1", "underline": 1})
        self.numbers: dict[int | None, Format] = {}
        self.critical = book.add_format(CRITICAL)
        self.notable = book.add_format(NOTABLE)
        self.grey = book.add_format(GREY)
        self.fills = {
            value: book.add_format({"bg_color": colour})
            for value, colour in {**CATEGORY_FILLS, **STATUS_FILLS}.items()
        }

    def number(self, digits: int | None) -> Format:
        if digits not in self.numbers:
            pattern = "0.0##" if digits is None else "0" + ("." + "0" * digits if digits else "")
            self.numbers[digits] = self.book.add_format({"valign": "top", "num_format": pattern})
        return self.numbers[digits]

    def cell_format(self, column: Column) -> Format:
        if column.type == "integer":
            return self.integer
        if column.type == "number":
            return self.number(column.digits)
        if column.unit == TIMESTAMP_UNIT:
            return self.timestamp
        return self.wrapped if column.name in WRAPPED else self.text

    def table(
        self,
        sheet: Sheet,
        rows: int,
        values: Iterator[Mapping[str, Any]],
        *,
        fills: tuple[str, Mapping[str, str]] | None = None,
        critical: tuple[str, ...] = (),
        notable: tuple[str, ...] = (),
        links: bool = False,
    ) -> None:
        """`rows` rows of `values` on one sheet, or on several when they do not fit."""
        columns = sheet.ordered()
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
            self._layout(ws, columns, count, fills, critical, notable)
            formats = [self.cell_format(c) for c in columns]
            for row in range(1, count + 1):
                record = next(values)
                for col, (column, fmt) in enumerate(zip(columns, formats, strict=True)):
                    value = record.get(column.name)
                    if links and column.name == "article_id":
                        self._link(ws, row, col, str(value))
                    else:
                        _write(ws, row, col, column, value, fmt)

    def _layout(
        self,
        ws: Worksheet,
        columns: list[Column],
        count: int,
        fills: tuple[str, Mapping[str, str]] | None,
        critical: tuple[str, ...],
        notable: tuple[str, ...],
    ) -> None:
        """Widths, frozen header, filter and colours: all before the first row."""
        for col, column in enumerate(columns):
            width = WIDTHS.get(column.name, max(len(column.name) + 2, 10))
            ws.set_column(col, col, width)
            ws.write_string(0, col, column.name, self.header)
        ws.freeze_panes(1, 0)
        last = len(columns) - 1
        ws.autofilter(0, 0, max(count, 1), last)
        if not count:
            return
        letter = {c.name: _letter(i) for i, c in enumerate(columns)}
        position = {c.name: i for i, c in enumerate(columns)}
        for name in critical:  # a number above 0, or any text: the charge stands out
            test = f"AND(ISNUMBER(${letter[name]}2),${letter[name]}2>0)"
            if columns[position[name]].type == "text":
                test = f'${letter[name]}2<>""'
            col = position[name]
            ws.conditional_format(
                1,
                col,
                count,
                col,
                {"type": "formula", "criteria": f"={test}", "format": self.critical},
            )
        for name in notable:
            col = position[name]
            ws.conditional_format(
                1,
                col,
                count,
                col,
                {"type": "formula", "criteria": f'=${letter[name]}2<>""', "format": self.notable},
            )
        if "kind" in letter:  # page furniture: shown, never scored
            ws.conditional_format(
                1,
                0,
                count,
                last,
                {
                    "type": "formula",
                    "criteria": f'=${letter["kind"]}2="furniture"',
                    "format": self.grey,
                },
            )
        if fills is not None:
            name, colours = fills
            for value in colours:
                ws.conditional_format(
                    1,
                    0,
                    count,
                    last,
                    {
                        "type": "formula",
                        "criteria": f'=${letter[name]}2="{value}"',
                        "format": self.fills[value],
                    },
                )

    def _link(self, ws: Worksheet, row: int, col: int, article_id: str) -> None:
        """The article's name, linked to its proof page (relative: html/ lies beside)."""
        if row > MAX_LINKS:
            self.unlinked += 1
            ws.write_string(row, col, article_id, self.text)
            return
        ws.write_url(
            row,
            col,
            "external:html/" + page_path(article_id),
            self.link,
            _fit(article_id),
            "open the article's proof page (html/)",
        )

    def read_me(self, data: ReportData) -> None:
        """The data dictionary: how to read the workbook, the colours, every column."""
        ws = self.book.add_worksheet("Read me")
        bold = self.book.add_format({"bold": True, "font_size": 12})
        for col, width in enumerate((14, 26, 10, 18, 80, 30)):
            ws.set_column(col, col, width, self.wrapped if col >= 4 else self.text)
        lines = [
            (f"auditor {__version__}: drift of articles from the official wording", bold),
            (f"written {data.written_at or 'now'} (UTC)", None),
            (
                "Open Summary first: one row per article, those to read first at the top. "
                "Its article_id links to the article's proof page in html/ (keep the html "
                "folder beside this file). Segments has one row per sentence or quotation: "
                "verdict, the article's words and the official words first; filter "
                "article_id to read one article.",
                None,
            ),
            (
                "Numbers are number cells and times are date cells (UTC), so they read the "
                "same in any language setting; text is stored as written, never as a formula.",
                None,
            ),
            (
                "Quotes: each official wording with every distinct wording of it the articles "
                "carry, across outlets — how many articles and outlets, first and last seen, "
                "and whether articles of different outlets share it. " + GROUPING + ".",
                None,
            ),
            (
                "History: the runs up to this workbook; runs in which nothing changed are "
                "added to history.csv only.",
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
            ws.write_string(row, 0, text, fmt)
            row += 1
        row += 1
        ws.write_string(row, 0, "Colours", bold)
        row += 1
        legend = [
            (value, f"Segments row in category {value}", self.fills[value])
            for value in CATEGORY_FILLS
        ] + [
            ("critical", "a critical edit: a change of what was said", self.critical),
            ("notable", "a notable change: shown, not charged", self.notable),
            ("furniture", "page furniture: shown, never scored", self.grey),
            (
                "no_official_match",
                "Summary: the article reports another event",
                self.fills["no_official_match"],
            ),
            ("error", "Summary: the file could not be read", self.fills["error"]),
        ]
        for value, meaning, fmt in legend:
            ws.write_string(row, 0, value, fmt)
            ws.write_string(row, 1, meaning)
            row += 1
        row += 1
        header = ("sheet", "column", "type", "unit", "meaning", "example")
        for col, name in enumerate(header):
            ws.write_string(row, col, name, self.header)
        row += 1
        for sheet in (
            SUMMARY_SHEET,
            SEGMENTS_SHEET,
            FRAGMENTS_SHEET,
            QUOTES_SHEET,
            HISTORY_SHEET,
        ):
            for column in sheet.ordered():
                kind = "date" if column.unit == TIMESTAMP_UNIT else column.type
                cells = (sheet.name, column.name, kind, column.unit, column.meaning, column.example)
                for col, text in enumerate(cells):
                    if text:
                        ws.write_string(row, col, _fit(text.replace("`", "")))
                row += 1
        row += 1
        ws.write_string(row, 0, "Settings of this audit", bold)
        row += 1
        for item in data.settings.signature().split("|"):
            ws.write_string(row, 0, item)
            row += 1


def _write(ws: Worksheet, row: int, col: int, column: Column, value: Any, fmt: Format) -> None:
    """One typed cell; an empty value leaves the cell empty."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
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


def _letter(index: int) -> str:
    """Column letter of a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
