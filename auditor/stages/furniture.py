"""Page furniture: the lines of a scraped page that are not the article (pure).

Two kinds of evidence. A *marker* is a line that is furniture on any news site (comment forms,
share widgets, bylines, dates, font-size buttons, counters). A *tail* is the run of lines after
the article body: it starts at a marker and is made mostly of markers and short label-like
lines, so the author box or a footer in another language that follows is furniture too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.lexicon import FURNITURE_MARKERS
from auditor.settings import SegmentSettings

_MARKER = re.compile("|".join(f"(?:{p})" for p in FURNITURE_MARKERS), re.IGNORECASE)
_PIPES = re.compile(r"\S \| \S.* \| \S")  # "date | Press release | Distributed by …"
_TERMINAL = re.compile(r"[.!?…:;][\"”’)]*$")
_WORD = re.compile(r"\w+")


def is_marker(line: str, settings: SegmentSettings | None = None) -> bool:
    """A line that is page furniture wherever it appears. A line of more words than furniture
    has is prose, whatever it contains (an article scraped onto one line ends with its
    page's "Required fields are marked *")."""
    line = line.strip()
    if not line:
        return False
    if len(_WORD.findall(line)) > (settings or SegmentSettings()).marker_max_words:
        return False
    return bool(_MARKER.fullmatch(line) or _PIPES.search(line)) or _is_counter(line)


def _is_counter(line: str) -> bool:
    """Widget counters and timestamps: more digits and symbols than letters (a line of
    prose, with fewer than two digits, is not counted further)."""
    digits = sum(map(str.isdigit, line))
    if digits < 2:
        return False
    letters = sum(map(str.isalpha, line))
    symbols = sum(not ch.isalnum() and not ch.isspace() for ch in line)
    return digits + symbols >= letters


def is_label_like(line: str, settings: SegmentSettings) -> bool:
    """A short line without end punctuation: a name, a heading, a link text."""
    line = line.strip()
    return (
        bool(line)
        and not _TERMINAL.search(line)
        and len(_WORD.findall(line)) <= settings.label_max_words
    )


def tail_start(
    lines: list[str], settings: SegmentSettings, markers: Sequence[bool] | None = None
) -> int | None:
    """Index (into `lines`) where the page's furniture tail begins, or None.

    Blank lines are ignored. The tail begins at the earliest marker from which at least
    `tail_min_share` of the remaining lines are markers or label-like lines. `markers`: each
    line's `is_marker`, when the caller has them.
    """
    content = [i for i, line in enumerate(lines) if line.strip()]
    if not content:
        return None
    if markers is None:
        markers = [is_marker(line, settings) for line in lines]
    flags = [markers[i] for i in content]
    weak = [f or is_label_like(lines[i], settings) for f, i in zip(flags, content, strict=True)]
    suffix_weak = [0] * (len(content) + 1)
    for pos in range(len(content) - 1, -1, -1):
        suffix_weak[pos] = suffix_weak[pos + 1] + weak[pos]
    seen_body = False
    for pos, i in enumerate(content):
        if not flags[pos]:
            seen_body = seen_body or not weak[pos]
            continue
        if not seen_body:
            continue
        remaining = len(content) - pos
        if remaining >= 2 and suffix_weak[pos] / remaining >= settings.tail_min_share:
            return i
        if remaining == 1:
            return i
    return None
