"""How much room text takes in the workbook (pure): column widths that fit ids, statuses and
dates, and row heights that fit wrapped text.

Neither Excel nor LibreOffice fits a row to the wrapped text of a file written by XlsxWriter
(the row stays one line high and the text runs over the next rows), so each row's height is
computed here: the workbook is set in Arial 10 — drawn in Arial by Excel and in Liberation
Sans, metric-compatible, by LibreOffice, in any language setting — and its text is measured
with that font's advance widths (`auditor/data/text_widths.tsv`), wrapped at spaces as both
programs wrap it.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

from auditor.lexicon import entries

FONT_NAME = "Arial"
FONT_SIZE = 10  #: points
#: points between two lines of Arial 10 (Excel's own default row height for this font)
LINE_HEIGHT = 12.75
#: points above and below the text of a row
ROW_PADDING = 3.0
#: pixels of a column's width that hold no text (the cell's margins and grid line)
CELL_MARGIN = 8
#: a character-width unit of a column is the widest digit of Arial 10: 7 pixels at 96 dpi,
#: plus 5 pixels of padding per column (as XlsxWriter and Excel count)
DIGIT_PIXELS, COLUMN_PADDING = 7, 5
#: measured text is taken this much wider, for the rounding of the programs that draw it
SAFETY = 1.04
UNITS_PER_EM = 2048
PIXELS_PER_POINT = 96 / 72
#: the tallest row a sheet holds (points: Excel's limit)
MAX_ROW_HEIGHT = 409.0


@cache
def _widths() -> dict[str, tuple[int, int]]:
    out = {}
    for line in entries("text_widths.tsv"):
        code, widths = line.split("\t")
        regular, bold = widths.split(",")
        out[chr(int(code, 16))] = (int(regular), int(bold))
    return out


def text_pixels(text: str, bold: bool = False) -> float:
    """The width of `text` in Arial 10 at 96 dpi (a character the table lacks: one em)."""
    table = _widths()
    units = sum(table.get(c, (UNITS_PER_EM, UNITS_PER_EM))[bold] for c in text)
    return units / UNITS_PER_EM * FONT_SIZE * PIXELS_PER_POINT * SAFETY


#: words whose widths are kept while rows are measured (a workbook's words repeat: every row
#: of an article names its outlet, its edits' types, the same official wording)
WORDS_KEPT = 1 << 15
_word_pixels = lru_cache(maxsize=WORDS_KEPT)(text_pixels)


def column_pixels(width: float) -> int:
    """A column `width` characters wide, in pixels."""
    return int(width * DIGIT_PIXELS + 0.5) + COLUMN_PADDING


def width_for(pixels: float) -> float:
    """The column width (characters) whose cells hold `pixels` of text on one line."""
    return math.ceil((pixels + CELL_MARGIN - COLUMN_PADDING) / DIGIT_PIXELS * 4) / 4


def fitted_width(texts: list[str], minimum: float, maximum: float, bold: bool = False) -> float:
    """The width that shows the longest of `texts` on one line, within [minimum, maximum]."""
    widest = max((text_pixels(t, bold) for t in texts), default=0.0)
    return min(max(width_for(widest), minimum), maximum)


def lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines `text` takes in a wrapping cell `width` characters wide: wrapped at
    spaces, a word longer than the line broken where it no longer fits."""
    room = column_pixels(width) - CELL_MARGIN
    space = _word_pixels(" ", bold)
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        used = 0.0
        for word in paragraph.split(" "):
            size = _word_pixels(word, bold)
            if used and used + space + size <= room:
                used += space + size
                continue
            if used:
                count += 1
            while size > room:  # a word wider than the cell goes on over whole lines
                count += 1
                size -= room
            used = size
    return count


def row_height(line_count: int) -> float:
    """The height, in points, of a row holding `line_count` lines."""
    return min(MAX_ROW_HEIGHT, line_count * LINE_HEIGHT + ROW_PADDING)
