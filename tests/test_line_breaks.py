"""Line breaks never decide a segment: a hard-wrapped paragraph is read as one, an article on
one line is prose (its page's furniture phrases inside it do not make it furniture), and a line
break inside a segment is a space to every stage after segmentation."""

from __future__ import annotations

import textwrap

import pytest

from auditor.records import Kind
from auditor.run.article import segments_of
from auditor.settings import SegmentSettings, Settings
from auditor.stages.furniture import is_marker
from auditor.stages.segment import segment_document

PARAGRAPH = (
    "NATO Secretary General Jens Stoltenberg said on Wednesday that the Alliance would keep "
    "up its support for Ukraine through the winter, and that ministers had agreed to help "
    "repair the energy grid of the country. He added that the European Union and the United "
    "States had pledged more, and that “we must not underestimate Russia”, as he put it."
)


def _sentences(text: str) -> list[str]:
    return [" ".join(s.text.split()) for s in segment_document(text) if s.kind is Kind.SENTENCE]


@pytest.mark.parametrize("width", [30, 40, 60, 72, 79])
def test_a_hard_wrapped_paragraph_is_segmented_as_the_paragraph(width: int) -> None:
    text = f"Stoltenberg on the winter\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n"
    wrapped = "\n".join(
        "\n".join(textwrap.wrap(line, width, break_on_hyphens=False)) if line else ""
        for line in text.split("\n")
    )
    assert _sentences(wrapped) == _sentences(text)
    titles = [s.text for s in segment_document(wrapped) if s.kind is Kind.TITLE]
    assert titles == ["Stoltenberg on the winter"]


def test_lines_that_are_not_wrapped_stay_lines() -> None:
    """Short lines of different lengths (a headline, a dateline, a byline) are no wrapped
    paragraph: a line that ends where the next word would have fitted is a line."""
    text = (
        "Stoltenberg on the winter\n"
        "By Jane Smith\n"
        "Bucharest\n"
        "NATO ministers met in Bucharest.\n"
        "They discussed Ukraine at length.\n"
        "Finland and Sweden attended.\n"
    )
    segments = segment_document(text)
    assert [s.text for s in segments][:1] == ["Stoltenberg on the winter"]
    assert "NATO ministers met in Bucharest." in [s.text for s in segments]
    assert all("\n" not in s.text for s in segments)


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("Your email address will not be published. Required fields are marked *", True),
        ("Leave a Reply", True),
        # the same phrases at the end of an article scraped onto one line: prose
        (PARAGRAPH + " Related Articles Leave a Reply Your email address will not be "
         "published. Required fields are marked * Back to top button", False),
        ("Posted on " + "a long day of talks about the war and the winter " * 6 + "30.11.2022",
         False),
    ],
)  # fmt: skip
def test_a_line_of_prose_is_never_a_furniture_marker(line: str, marker: bool) -> None:
    assert is_marker(line, SegmentSettings()) is marker


def test_the_marker_length_is_a_setting() -> None:
    line = "Your email address will not be published. Required fields are marked *"
    assert not is_marker(line, SegmentSettings(marker_max_words=5))


def test_after_segmentation_a_line_break_inside_a_segment_is_a_space() -> None:
    text = "NATO ministers met in Bucharest, and\nthey discussed “the war\nin Ukraine”.\n"
    raw = segment_document(text)
    assert any("\n" in s.text for s in raw)
    read = segments_of(text, Settings())
    assert [s.text for s in read] == [s.text.replace("\n", " ") for s in raw]
    assert [(s.start, s.end) for s in read] == [(s.start, s.end) for s in raw]


@pytest.mark.parametrize(
    ("line", "following", "width", "broken"),
    [
        ("the European", "Union agreed.", 16, True),  # "Union" would not have fitted
        ("the European", "Union agreed.", 30, False),  # it would have: the line ended there
        ("a two-", "day meeting", 8, True),  # a hyphen: no space before the rest
        ("progress.\u00a0But we", "Russia.\u00a0Russian", 20, True),  # one word to a wrap
        ("", "Union", 5, False),
        ("Union", "", 5, False),
    ],
)
def test_a_line_is_broken_where_the_next_word_would_not_have_fitted(
    line: str, following: str, width: int, broken: bool
) -> None:
    from auditor.stages.wrap import breaks_before

    assert breaks_before(line, following, width) is broken


def test_a_text_needs_enough_wrapped_lines_to_be_read_as_wrapped() -> None:
    from auditor.stages.wrap import paragraphs

    lines = ["one two three", "four five six", "seven eight", "nine", "ten eleven"]
    assert paragraphs(lines, SegmentSettings()) == [(0, 3), (4, 4)]  # 3 of 4 broken
    assert paragraphs(lines, SegmentSettings(wrapped_min_lines=5)) == [(i, i) for i in range(5)]
    assert paragraphs(lines, SegmentSettings(wrapped_min_share=0.8)) == [(i, i) for i in range(5)]


def test_short_paragraphs_between_blank_lines_do_not_hide_a_wrap() -> None:
    """Only a line that another line of text follows can be broken by a wrap: a text of
    quotations a paragraph each, most of one line, is wrapped when those of two lines are."""
    from auditor.stages.wrap import paragraphs

    lines = [
        "one two three",
        "four",
        "",
        "five six",
        "",
        "seven eight nine",
        "ten",
        "",
        "eleven",
        "",
        "twelve thirteen",
        "fourteen",
        "",
        "fifteen",
        "",
        "sixteen seventeen",
        "eighteen",
    ]
    wrapped = paragraphs(lines, SegmentSettings())
    assert (0, 1) in wrapped and (5, 6) in wrapped and (15, 16) in wrapped
    assert (3, 3) in wrapped and (2, 2) in wrapped
    # not wrapped when a line that another follows ends where the next word would fit
    lines[0], lines[5], lines[15], lines[16] = "one", "seven", "sixteen", "x"  # 1 of 4 broken
    assert paragraphs(lines, SegmentSettings()) == [(i, i) for i in range(len(lines))]
