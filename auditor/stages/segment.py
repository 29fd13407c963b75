"""Segment (pure): a document's text → title, sentences, quotations and page furniture.

Lines are grouped into blocks (a line wrapped inside a sentence joins the next one; a heading
stays alone), blocks are split into sentences by syntok (chosen by measurement, see docs/design.md),
and each quotation becomes its own `quote` segment linked to the sentence it starts in.
Segment text is always a slice of the input, so nothing is lost or rewritten.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from syntok import segmenter

from auditor.records import Kind, Segment
from auditor.settings import SegmentSettings
from auditor.stages.dateline import dateline_end, dateline_inside
from auditor.stages.furniture import is_marker, tail_start
from auditor.stages.quotes import content_span, find_quotations
from auditor.stages.wrap import paragraphs

_TERMINAL = re.compile(r"[.!?…:;][\"”’»)\]]*$")
_CONTINUES = re.compile(r"[,–—-]$")


class _Adder(Protocol):
    def __call__(
        self,
        kind: Kind,
        start: int,
        end: int,
        in_sentence: int | None = None,
        quotation: int | None = None,
    ) -> int: ...


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # exclusive, without the newline
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _wraps_into(line: str, following: str) -> bool:
    """Whether `line` is a sentence wrapped onto `following` (a transcript line break)."""
    line, following = line.strip(), following.strip()
    if not line or not following or _TERMINAL.search(line):
        return False
    return bool(_CONTINUES.search(line)) or following[0].islower()


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, covering it without gaps (whitespace trimmed)."""
    block = text[start:end]
    starts: list[int] = []
    for paragraph in segmenter.analyze(block):
        for sentence in paragraph:
            if sentence:
                starts.append(sentence[0].offset)
    if not starts:
        return [_trimmed(text, start, end)] if block.strip() else []
    starts[0] = 0
    bounds = [*starts, len(block)]
    spans = []
    for a, b in pairwise(bounds):
        s, e = _trimmed(text, start + a, start + b)
        if s < e:
            spans.append((s, e))
    return spans


def _furniture_lines(lines: list[_Line], settings: SegmentSettings) -> set[int]:
    texts = [line.text for line in lines]
    markers = [is_marker(line, settings) for line in texts]
    furniture = {i for i, marker in enumerate(markers) if marker}
    tail = tail_start(texts, settings, markers)
    if tail is not None:
        furniture.update(i for i in range(tail, len(lines)) if texts[i].strip())
    return furniture


def _title_lines(lines: list[_Line], furniture: set[int], settings: SegmentSettings) -> list[int]:
    """The headline block: short lines without end punctuation before the first sentence
    (a headline and its subtitle); furniture between them is skipped."""
    titles: list[int] = []
    for i, line in enumerate(lines):
        stripped = line.text.strip()
        if not stripped or i in furniture:
            continue
        short = len(stripped.split()) <= settings.title_max_words
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        alone = not following.strip() or not _wraps_into(stripped, following)
        if not (short and alone and not _TERMINAL.search(stripped)):
            break
        if titles and stripped == lines[titles[0]].text.strip():
            continue  # a repeated headline is furniture
        titles.append(i)
    return titles


def _headline_run_in(
    lines: list[_Line], furniture: set[int], settings: SegmentSettings
) -> dict[int, int]:
    """{first line: where its body begins} when the article's first line is a headline run into
    a dateline ("Allies warned not to wait BUCHAREST, Nov 30 (Reuters) - …", a page whose line
    breaks were lost): the words before the dateline are its title, as on their own line.
    Empty when the first line holds no such dateline, or what precedes it is no headline."""
    first = next(
        (i for i, line in enumerate(lines) if line.text.strip() and i not in furniture), None
    )
    if first is None:
        return {}
    text = lines[first].text
    cut = None if dateline_end(text.lstrip()) else dateline_inside(text)
    if cut is None:
        return {}
    headline = text[:cut].strip()
    ends_a_sentence = any(_TERMINAL.search(word) for word in headline.split())
    if len(headline.split()) > settings.title_max_words or ends_a_sentence:
        return {}
    return {first: cut}


def segment_document(text: str, settings: SegmentSettings | None = None) -> list[Segment]:
    """Split a document's text into segments in reading order."""
    settings = settings or SegmentSettings()
    lines = _lines(text)
    line_starts = [line.start for line in lines]
    lines = [  # a hard-wrapped paragraph is one line, at the offsets of its lines
        _Line(lines[a].start, lines[b].end, " ".join(x.text.strip() for x in lines[a : b + 1]))
        if a < b
        else lines[a]
        for a, b in paragraphs([line.text for line in lines], settings)
    ]
    furniture = _furniture_lines(lines, settings)
    titles = _title_lines(lines, furniture, settings)
    body_from = {} if titles else _headline_run_in(lines, furniture, settings)
    title_text = lines[titles[0]].text.strip() if titles else None
    segments: list[Segment] = []

    def add(
        kind: Kind,
        start: int,
        end: int,
        in_sentence: int | None = None,
        quotation: int | None = None,
    ) -> int:
        start, end = _trimmed(text, start, end)
        index = len(segments)
        first = index if kind is Kind.QUOTE and quotation is None else quotation
        line = bisect_right(line_starts, start)
        segments.append(
            Segment(
                index, kind, text[start:end], start, end, in_sentence, line=line, quotation=first
            )
        )
        return index

    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.text.strip():
            i += 1
            continue
        if i in titles or i in body_from:
            cut = body_from.get(i, len(line.text))
            title = add(Kind.TITLE, line.start, line.start + cut)
            for a, b in find_quotations(line.text[:cut]):  # a headline's quotation is a claim
                add(Kind.QUOTE, line.start + a, line.start + b, title)
            if i in titles:
                i += 1
                continue
            line = lines[i] = _Line(line.start + cut, line.end, line.text[cut:])
        if i in furniture or (title_text is not None and line.text.strip() == title_text):
            add(Kind.FURNITURE, line.start, line.end)  # a repeated headline is furniture too
            i += 1
            continue
        j = i
        while (
            j + 1 < len(lines)
            and j + 1 not in furniture
            and _wraps_into(lines[j].text, lines[j + 1].text)
        ):
            j += 1
        _add_block(text, lines[i].start, lines[j].end, add, settings)
        i = j + 1
    return segments


_REPORTING_END = re.compile(r"[,:]\s*$")


def _split_reporting_clauses(
    text: str,
    spans: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    settings: SegmentSettings,
) -> list[tuple[int, int]]:
    """Split `…, the minister said, “Quoted words.` before the opening mark, so the reporter's
    clause and the quoted sentence are aligned to the official wording separately.

    Each sentence looks only at the quotations whose opening mark lies inside it (found by
    bisection), so a long paragraph costs time linear in its sentences, not their square."""
    marks = [_mark_before(text, q_start) for q_start, _ in quotes]  # in order, as the quotes
    out = []
    for s_start, s_end in spans:
        cut = s_start
        for mark in marks[bisect_right(marks, s_start) : bisect_left(marks, s_end)]:
            if not (cut < mark < s_end):
                continue
            before = text[cut:mark]
            if (
                _REPORTING_END.search(before)
                and len(before.split()) >= settings.reporting_min_words
            ):
                out.append(_trimmed(text, cut, mark))
                cut = mark
        out.append(_trimmed(text, cut, s_end))
    return [span for span in out if span[0] < span[1]]


def _mark_before(text: str, q_start: int) -> int:
    """The last character before a quotation's wording that is not whitespace (its mark)."""
    mark = q_start - 1
    while mark > 0 and text[mark].isspace():
        mark -= 1
    return mark


def _add_block(text: str, start: int, end: int, add: _Adder, settings: SegmentSettings) -> None:
    """Sentences of one block, each followed by the parts of the quotations inside it: a
    quotation over several sentences is one quote segment per sentence (each a claim of exact
    words of its own), linked to the first by `quotation`. Quotations are found for each
    sentence by bisection, so a long paragraph costs no more than its length."""
    quotes = [(start + a, start + b) for a, b in find_quotations(text[start:end])]
    starts = [q_start for q_start, _ in quotes]
    ends = [q_end for _, q_end in quotes]
    spans = _split_reporting_clauses(text, sentence_spans(text, start, end), quotes, settings)
    first_part: dict[int, int] = {}  # quotation (by its position in `quotes`) → first part
    for n, (s_start, s_end) in enumerate(spans):
        sentence = add(Kind.SENTENCE, s_start, s_end)
        next_start = spans[n + 1][0] if n + 1 < len(spans) else end + 1
        # a part is the quotation's words inside this sentence (up to the next sentence:
        # whitespace between them belongs to neither); the first sentence also takes what
        # starts before it
        lo, hi = (s_start if n else start), next_start
        for q in range(bisect_right(ends, lo), bisect_left(starts, hi)):
            q_start, q_end = quotes[q]
            a, b = max(q_start, lo), min(q_end, hi)
            part = content_span(text, a, b) if a < b else None
            if part is not None:
                index = add(Kind.QUOTE, *part, sentence, first_part.get(q))
                first_part.setdefault(q, index)
