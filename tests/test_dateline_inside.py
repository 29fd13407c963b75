"""A headline run into the article's first line (a page whose line breaks were lost) is cut
where a dateline with a date or an agency begins; the words before it are the title."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.records import Kind
from auditor.stages.dateline import dateline_inside
from auditor.stages.segment import segment_document

CASES = [
    # text, where the dateline begins (None: no headline cut)
    ("Allies warned not to wait BUCHAREST, Nov 30 (Reuters) - The allies met.", 26),
    ("Allies to meet in New York NEW YORK, Nov 30 (AP) - The allies met.", 27),  # caps: whole
    ("Allies meet Bucharest, 30.11.2022 - The allies met.", 12),  # mixed case: the last word
    ("Allies meet Bucharest (Reuters): The allies met.", 12),
    ("Allies meet Bucharest - The allies met.", None),  # no date, no agency: not sure enough
    ("Allies meet Bucharest, Nov 30 The allies met.", None),  # no dash or colon after it
    ("Ministers said on Wednesday: we will.", None),  # a day is no place
    ("Talks go on Wednesday (Reuters) - they went on.", None),
    ("The ministers met in Bucharest on Tuesday. They agreed.", None),
]


@pytest.mark.parametrize(("text", "start"), CASES)
def test_where_a_dateline_begins_inside_a_line(text: str, start: int | None) -> None:
    assert dateline_inside(text) == start


@pytest.mark.parametrize(
    ("text", "title", "first_sentence"),
    [
        (
            "Allies warned not to wait BUCHAREST, Nov 30 (Reuters) - The allies met. Then more.",
            "Allies warned not to wait",
            "BUCHAREST, Nov 30 (Reuters) - The allies met.",
        ),
        # a first line that opens with its dateline has no headline in it
        ("BUCHAREST, Nov 30 (Reuters) - NATO said on Wednesday: we will.", None, None),
        # a headline on its own line stays the one title
        ("Allies meet\n\nBUCHAREST, Nov 30 (AP) - They met.", "Allies meet", None),
        # what precedes the dateline ends a sentence: no headline
        ("They met. Then BUCHAREST, Nov 30 (AP) - more.", None, None),
    ],
)
def test_the_words_before_it_are_the_title(
    text: str, title: str | None, first_sentence: str | None
) -> None:
    segments = segment_document(text)
    titles = [s.text for s in segments if s.kind is Kind.TITLE]
    assert titles == ([title] if title else [])
    if first_sentence:
        assert next(s.text for s in segments if s.kind is Kind.SENTENCE) == first_sentence
    # nothing is lost: the segments cover the words of the text
    assert " ".join(s.text for s in segments if s.kind is not Kind.QUOTE).split() == text.split()


@given(st.text(max_size=200))
def test_any_text(text: str) -> None:
    start = dateline_inside(text)
    assert start is None or 0 < start < len(text)
