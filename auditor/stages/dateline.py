"""Datelines (pure): "LISBON, Nov 30 (Reuters) —", "Lisbon, 30.11.2022 —", a line
"Lisbon, 30 November 2022" — where and when an article was filed. A dateline is the
reporter's attribution, never a rendering of the official words: it is not compared.

A dateline is a place (one to three capitalised words, and a region or country after a comma),
then a date, an agency in parentheses, or both, then a dash, a colon or the end of the line. A
place alone before a dash ("Lisbon — …") is a dateline only where a paragraph begins.
"""

from __future__ import annotations

import re

from auditor.lexicon import MONTHS, WEEKDAYS

_NAME = r"[A-ZÇĞİÖŞÜ][\w'’.-]*"
_PLACE = rf"{_NAME}(?:[ -]{_NAME}){{0,2}}(?:, {_NAME}(?: {_NAME})?)?"
_MONTH = "(?i:" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + ")"
_DAY = "(?i:" + "|".join(sorted((re.escape(d) for d in WEEKDAYS), key=len, reverse=True)) + ")"
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"  # 30.11.2022, 11/30/2022
    rf"|(?:(?:{_DAY})\.?,? )?\d{{1,2}} (?:{_MONTH})\.?(?:,? \d{{4}})?"  # 30 November 2022
    rf"|(?:(?:{_DAY})\.?,? )?(?:{_MONTH})\.? \d{{1,2}}(?:,? \d{{4}})?"  # Nov. 30, 2022
    rf"|(?:{_DAY}))"  # Wednesday
)
_AGENCY = r"\([^\W\d_][\w .&/-]{0,29}\)"
_END = r"\s*(?:[—–-]+\s*|:\s+|$)"
_DATELINE = re.compile(rf"(?:{_PLACE})(?:,? (?:{_DATE}))?(?: ?{_AGENCY})?{_END}")
_STRONG = re.compile(rf"(?:{_DATE})|{_AGENCY}")


def dateline_end(text: str, *, paragraph_start: bool = True) -> int:
    """Length of the dateline that opens `text` (0 when there is none)."""
    match = _DATELINE.match(text)
    if match is None:
        return 0
    strong = _STRONG.search(match.group()) is not None
    if not strong and not (paragraph_start and re.search(r"[—–-]\s*$", match.group())):
        return 0
    return match.end()


def is_dateline(text: str) -> bool:
    """`text` is only a dateline ("Lisbon, 30 November 2022", "LISBON (AP)")."""
    stripped = text.strip().rstrip("—–-: ")
    end = dateline_end(stripped, paragraph_start=False)
    return bool(stripped) and end == len(stripped)


_CALENDAR_WORDS = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))
_WORD_START = re.compile(r"(?<!\S)[A-ZÇĞİÖŞÜ]")


def dateline_inside(text: str) -> int | None:
    """Where a dateline with a date or an agency ("LISBON, Nov 30 (Reuters) -") begins
    inside `text`, not at its start: a headline run into the article's first line when its line
    breaks were lost. A place written in capitals is taken whole ("NEW YORK"); otherwise its
    last capitalised word ("…Russia Lisbon, Nov 30 -" is "Lisbon"). None when there is
    none."""
    found: dict[int, list[int]] = {}  # the dateline's end → where it may begin
    for word in _WORD_START.finditer(text, 1):
        match = _DATELINE.match(text, word.start())
        if match is None or match.group().rstrip()[-1:] not in "—–-:":
            continue
        first, *after_place = match.group().split(None, 1)  # a date or agency, not the place
        if first.strip(",").lower() in _CALENDAR_WORDS:
            continue  # "…on Wednesday (Reuters) -": a day is no place
        if after_place and _STRONG.search(after_place[0]):
            found.setdefault(match.end(), []).append(word.start())
    if not found:
        return None
    starts = found[min(found)]
    capitals = [p for p in starts if text[p:].split(None, 1)[0].isupper()]
    return min(capitals) if capitals else max(starts)
