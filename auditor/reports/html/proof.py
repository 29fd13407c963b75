"""The proof of one article (pure): its segments in reading order — each quotation inside its
sentence, each fragment with its translation — and beside each compared one its official
wording, both sides marked by `auditor.reports.html.marks`, with the findings listed first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from auditor.records import (
    AlignmentStrength,
    ArticleResult,
    Category,
    Change,
    Kind,
    Level,
    NotFound,
    Place,
    SegmentResult,
    Status,
    TranslationStatus,
)
from auditor.reports.html.marks import (
    Decoration,
    Part,
    Side,
    compare,
    decorations,
    projected,
    rendered,
)
from auditor.settings import ChangeSettings
from auditor.stages.speech import quotations_of

ALIGNED = (Category.VERBATIM, Category.PARAPHRASE, Category.DRIFT)


@dataclass(frozen=True)
class Span:
    """Words of a segment's text: the reporter's, or one quotation's."""

    parts: tuple[Part, ...]
    quote: int | None = None  #: segment index of the quotation these words are
    state: str = ""  #: for a quotation: `misquoted`, `not-found`, `found`, `weak`, `unchecked`


@dataclass(frozen=True)
class Comparison:
    """One compared unit — a sentence's own words or one quotation — and its verdict."""

    segment: int
    kind: str
    category: str
    alignment: str
    official: tuple[Part, ...]
    official_id: str
    official_line: int | None
    changes: tuple[Change, ...]
    note: str
    state: str  #: as `Span.state` for a quotation; `compared` or `no-counterpart` otherwise
    chrf: float | None = None
    #: a spliced quotation's parts, each beside the official line it comes from
    places: tuple[Place, ...] = ()


@dataclass(frozen=True)
class Row:
    """One sentence, title or line of page furniture, with its quotations inside."""

    index: int
    kind: str
    line: int
    language: str
    spans: tuple[Span, ...]
    comparisons: tuple[Comparison, ...] = ()
    fragment: bool = False
    translation: tuple[Part, ...] = ()  #: a fragment's English, marked when compared
    translation_status: str = ""
    translation_model: str = ""


@dataclass(frozen=True)
class Finding:
    """One line of the findings list at the top of a page."""

    segment: int
    line: int
    official_line: int | None
    level: str  #: `critical`, `notable` or `not-found`
    kind: str
    text: str


@dataclass(frozen=True)
class Proof:
    article_id: str
    status: str
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...] = field(default=())


# ---------------------------------------------------------------- an article's proof


def quote_state(result: SegmentResult, compared: bool) -> str:
    """How a quotation fared: `misquoted` (a critical edit in a compared quotation),
    `not-found`, `found`, `weak` (shown beside its place only), or `unchecked`."""
    if not compared:
        return "unchecked"
    if result.not_found is NotFound.QUOTATION:
        return "not-found"
    if result.category in ALIGNED and result.alignment is not AlignmentStrength.WEAK:
        return "misquoted" if result.critical_edits else "found"
    if result.alignment is AlignmentStrength.WEAK:
        return "weak"
    return "unchecked"


def proof(article: ArticleResult, settings: ChangeSettings | None = None) -> Proof:
    """The article in reading order, every comparison marked."""
    settings = settings or ChangeSettings()
    compared = article.status is Status.OK
    by_index = {r.segment.index: r for r in article.segments}
    quotations = quotations_of([r.segment for r in article.segments])
    nested = {q for sentence, qs in quotations.items() if sentence in by_index for q in qs}
    rows = []
    for result in article.segments:
        if result.segment.index in nested:
            continue
        quotes = [by_index[q] for q in quotations.get(result.segment.index, ())]
        rows.append(_row(result, quotes, compared, settings))
    return Proof(article.article_id, article.status.value, tuple(rows), tuple(_findings(rows)))


def _row(
    result: SegmentResult, quotes: list[SegmentResult], compared: bool, settings: ChangeSettings
) -> Row:
    segment = result.segment
    text = segment.text
    comparisons: list[Comparison] = []
    own: list[Decoration] = []
    translation: tuple[Part, ...] = ()
    english = result.translation.text_en if result.translation else ""
    if compared and _is_compared(result):
        off, art = compare(result.official_text, result.compared_text, result.changes, settings)
        comparisons.append(_comparison(result, off, compared))
        if segment.is_fragment and english:
            translation = rendered(english, projected(art, english))
        else:
            own = projected(art, text)
    elif compared and result.category is Category.UNMATCHED:
        comparisons.append(_comparison(result, None, compared))
    if segment.is_fragment and english and not translation:
        translation = (Part(english),)
    # the quotations inside the sentence, each with its own marks
    placed: list[tuple[int, int, SegmentResult, list[Decoration]]] = []
    unplaced: list[SegmentResult] = []  #: quotations the sentence's text does not hold
    position = 0
    for quote in sorted(quotes, key=lambda q: q.segment.start):
        a, b = quote.segment.start - segment.start, quote.segment.end - segment.start
        if not (position <= a <= b <= len(text)) or text[a:b] != quote.segment.text:
            a = text.find(quote.segment.text, position)
            b = a + len(quote.segment.text)
        marks: list[Decoration] = []
        if compared and _is_compared(quote):
            off, art = compare(quote.official_text, quote.compared_text, quote.changes, settings)
            comparisons.append(_comparison(quote, off, compared))
            marks = projected(art, text, a, b) if a >= 0 else []
        elif compared and quote.category is Category.UNMATCHED:
            comparisons.append(_comparison(quote, None, compared))
        if a < 0:
            unplaced.append(quote)
            continue
        placed.append((a, b, quote, marks))
        position = b
    spans: list[Span] = []
    cursor = 0
    for a, b, quote, marks in placed:
        if a > cursor:
            spans.append(Span(_slice(text, cursor, a, own)))
        state = quote_state(quote, compared)
        spans.append(Span(_slice(text, a, b, marks), quote.segment.index, state))
        cursor = b
    if cursor < len(text) or not spans:
        spans.append(Span(_slice(text, cursor, len(text), own)))
    spans.extend(
        Span((Part(q.segment.text),), q.segment.index, quote_state(q, compared)) for q in unplaced
    )
    translation_status = ""
    if segment.is_fragment:
        translation_status = (
            result.translation.status.value
            if result.translation
            else TranslationStatus.NO_MODEL.value
        )
    return Row(
        index=segment.index,
        kind=segment.kind.value,
        line=segment.line,
        language=segment.language,
        spans=tuple(spans),
        comparisons=tuple(comparisons),
        fragment=segment.is_fragment,
        translation=translation,
        translation_status=translation_status,
        translation_model=result.translation.model if result.translation else "",
    )


def _slice(text: str, start: int, end: int, decorations: Iterable[Decoration]) -> tuple[Part, ...]:
    inside = [(a - start, b - start, p) for a, b, p in decorations if start <= a and b <= end]
    return rendered(text[start:end], inside)


def _is_compared(result: SegmentResult) -> bool:
    return bool(result.official_text and result.compared_text)


def _comparison(result: SegmentResult, official: Side | None, compared: bool) -> Comparison:
    kind = result.segment.kind
    if kind is Kind.QUOTE:
        state = quote_state(result, compared)
    else:
        state = "compared" if official is not None else "no-counterpart"
    return Comparison(
        segment=result.segment.index,
        kind=kind.value,
        category=result.category.value,
        alignment=result.alignment.value if result.alignment else "",
        official=rendered(official.text, decorations(official)) if official else (),
        official_id=result.official_id,
        official_line=result.official_line,
        changes=result.changes,
        note=result.note,
        state=state,
        chrf=result.chrf,
        places=result.places,
    )


def _findings(rows: Sequence[Row]) -> list[Finding]:
    """Every critical edit, notable change and quotation not found, in reading order."""
    out = []
    for row in rows:
        for c in row.comparisons:
            for change in c.changes:
                level = "critical" if change.level is Level.CRITICAL else "notable"
                out.append(
                    Finding(c.segment, row.line, c.official_line, level, c.kind, str(change))
                )
            if c.state == "not-found":
                out.append(
                    Finding(
                        c.segment,
                        row.line,
                        None,
                        "not-found",
                        c.kind,
                        "quotation not found in the official text",
                    )
                )
    order = {"critical": 0, "not-found": 1, "notable": 2}
    return sorted(out, key=lambda f: order[f.level])
