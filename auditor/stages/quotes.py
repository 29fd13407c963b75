"""Quotations inside a block of text (pure).

Handles curly “…”, straight "…", single ‘…’ and guillemets «…», quotations that run over
several sentences, and the misplaced marks that machine translation leaves behind:
an opening mark where a closing one belongs (`“…enemy. “We will continue…,” he said.`) closes
the open quotation and opens the next one, and a "quotation" that is only an attribution
(`“he said.”`) is not a quotation.
"""

from __future__ import annotations

import re

from auditor.lexicon import reporting_verb_pattern

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
_ATTRIBUTION = re.compile(
    r"[\s,]*(he|she|they|it|we|[A-Z][\w-]+( [A-Z][\w-]+)?) "
    rf"({reporting_verb_pattern()})[\s.,]*",
    re.IGNORECASE,
)
_TRIM = " \t\n\u00a0,;:"
_MARKS = '“”"«»„‘'
#: every character that opens or closes a quotation in `find_quotations`
_STATE_MARKS = re.compile('[“”"«»„‘’]')


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def content_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim whitespace, quotation marks and trailing commas; None when nothing quotable is
    left (no letter or digit, or only an attribution such as "he said")."""
    while start < end and (text[start] in _TRIM or text[start] in _MARKS):
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] in _MARKS):
        end -= 1
    if start >= end or not any(ch.isalnum() for ch in text[start:end]):
        return None
    if _ATTRIBUTION.fullmatch(text[start:end]):
        return None
    return start, end


def find_quotations(text: str) -> list[tuple[int, int]]:
    """Character spans of the quoted wording in `text` (marks excluded), in order."""
    spans: list[tuple[int, int]] = []
    open_mark: str | None = None
    open_at = 0

    def close(at: int) -> None:
        span = content_span(text, open_at, at)
        if span:
            spans.append(span)

    for mark in _STATE_MARKS.finditer(text):  # only a mark changes the state
        i, ch = mark.start(), mark.group()
        if open_mark is None:
            prev = text[i - 1] if i else " "
            if ch in _OPEN_CLOSE or ch == '"' or (ch == "‘" and not _is_word_char(prev)):
                open_mark, open_at = ch, i + 1
            continue
        if open_mark == '"':
            if ch == '"':
                close(i)
                open_mark = None
        elif open_mark == "‘":
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if ch == "’" and not _is_word_char(nxt):
                close(i)
                open_mark = None
        elif ch == _OPEN_CLOSE[open_mark]:
            close(i)
            open_mark = None
        elif ch == open_mark:
            # an opening mark inside an open quotation: the closing mark was misplaced
            close(i)
            open_at = i + 1
    if open_mark is not None:
        close(len(text))
    return spans
