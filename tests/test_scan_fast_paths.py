"""The segmenter's character scans that skip what cannot change their answer — quotation marks
found by a search instead of a walk over every character, a line with fewer than two digits
never counted further — give the plain definitions' answers, on any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.stages.furniture import _is_counter
from auditor.stages.quotes import content_span, find_quotations

#: characters that make the scans' decisions: every quotation mark, letters, digits, symbols,
#: spaces, numerals that are neither digits nor letters ("½", "Ⅻ")
_ALPHABET = st.sampled_from(list('“”"«»„‘’ abc XY 12 0 ½Ⅻ٣ .,;:!?-—/|*\t\n\u00a0'))
_TEXT = st.text(_ALPHABET, max_size=120)


def _plain_quotations(text: str) -> list[tuple[int, int]]:
    """find_quotations as first written: every character visited in turn."""
    close_of = {"“": "”", "«": "»", "„": "“"}
    spans: list[tuple[int, int]] = []
    open_mark: str | None = None
    open_at = 0

    def close(at: int) -> None:
        span = content_span(text, open_at, at)
        if span:
            spans.append(span)

    for i, ch in enumerate(text):
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if open_mark is None:
            if ch in close_of or ch == '"' or (ch == "‘" and not prev.isalnum()):
                open_mark, open_at = ch, i + 1
            continue
        if open_mark == '"':
            if ch == '"':
                close(i)
                open_mark = None
        elif open_mark == "‘":
            if ch == "’" and not nxt.isalnum():
                close(i)
                open_mark = None
        elif ch == close_of[open_mark]:
            close(i)
            open_mark = None
        elif ch == open_mark:
            close(i)
            open_at = i + 1
    if open_mark is not None:
        close(len(text))
    return spans


def _plain_counter(line: str) -> bool:
    letters = sum(ch.isalpha() for ch in line)
    digits = sum(ch.isdigit() for ch in line)
    symbols = sum(not ch.isalnum() and not ch.isspace() for ch in line)
    return digits >= 2 and digits + symbols >= letters


@given(_TEXT)
@settings(max_examples=400, deadline=None)
def test_quotations_found_by_searching_the_marks_are_those_of_a_walk_over_every_character(
    text: str,
) -> None:
    assert find_quotations(text) == _plain_quotations(text)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("He said “we will stay” and left.", ["we will stay"]),
        ("‘Rock’n’roll’ is here, ‘she’s fine’.", ["Rock’n’roll", "she’s fine"]),
        ("“one. “two,” he said.", ["one.", "two"]),
        ('He said "yes" then "no', ["yes", "no"]),
        ("It’s the club’s rule.", []),
        ("«Nous restons»", ["Nous restons"]),
    ],
)
def test_quotations_of_examples(text: str, quoted: list[str]) -> None:
    assert [text[a:b] for a, b in find_quotations(text)] == quoted


@given(_TEXT)
@settings(max_examples=400, deadline=None)
def test_a_counter_line_is_what_the_plain_counts_say(line: str) -> None:
    assert _is_counter(line) is _plain_counter(line)


@pytest.mark.parametrize(
    ("line", "counter"),
    [
        ("12 | 34", True),
        ("1.2K", True),
        ("Posted 3 days ago", False),
        ("٣٣ ½", True),
        ("½ ⅓", False),
    ],
)
def test_counter_lines_of_examples(line: str, counter: bool) -> None:
    assert _is_counter(line) is counter


_WORDS = st.lists(
    st.sampled_from("we will stay the course and not back down now".split()), max_size=12
)


@given(_WORDS, _WORDS, st.lists(_WORDS, max_size=5))
@settings(max_examples=200, deadline=None)
def test_a_quotation_s_span_does_not_depend_on_the_texts_coded_before(
    quote: list[str], official: list[str], others: list[list[str]]
) -> None:
    """Words are coded one character per key for the whole process (`span._coded`): the span
    of a quotation is the same whatever texts were coded first."""
    from auditor.stages import span

    q, o = " ".join(quote), " ".join(official)
    span._coded.cache_clear()
    span._CODES.clear()
    first = span.best_span(q, o)
    for text in others:
        span.best_span(" ".join(reversed(text)), " ".join(text))
    span._coded.cache_clear()
    assert span.best_span(q, o) == first


def test_the_word_codes_start_again_before_the_surrogates(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has coded more word keys than `MAX_CODES` starts its table again (both
    texts of a comparison coded by the same table), with the same spans."""
    from auditor.stages import span

    quote, official = "we will not back down", "and we will not back down now, said the chief"
    span._coded.cache_clear()
    span._CODES.clear()
    expected = span.best_span(quote, official)
    monkeypatch.setattr(span, "MAX_CODES", 20)
    for n in range(40):
        assert span.best_span(quote, f"{official} {n} alpha{n} beta{n}") is not None
        assert len(span._CODES) <= 20
    assert span.best_span(quote, official) == expected
    span._coded.cache_clear()
    span._CODES.clear()
