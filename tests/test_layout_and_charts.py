"""The room text takes in the workbook, the pictures of the corpus, and word pairings that
follow the alignment of words."""

from __future__ import annotations

import pytest

from auditor.reports import layout
from auditor.reports.findings import Decided, Finding
from auditor.reports.html import charts
from auditor.stages.changes import find_changes

# ---------------------------------------------------------------- layout


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("short", 20, 1),
        ("", 20, 1),
        ("one\ntwo\nthree", 40, 3),  # each line of a cell is a line
        ("word " * 40, 20, 10),  # four to a line of 20 characters (137 pixels of text)
        ("W" * 60, 20, 6),  # a word wider than the cell goes on over whole lines
    ],
)
def test_lines_of_wrapped_text(text: str, width: float, expected: int) -> None:
    assert layout.lines(text.strip(" "), width) == expected


def test_widths_measure_the_font_not_the_characters() -> None:
    narrow, wide = "i" * 20, "W" * 20
    assert layout.text_pixels(wide) > 3 * layout.text_pixels(narrow)
    assert layout.text_pixels("ığşçöü") > 0 and layout.text_pixels("国") > layout.text_pixels("i")
    # a date cell holds yyyy-mm-dd hh:mm:ss: no ###
    width = layout.fitted_width(["2026-12-31 23:59:59"], 4, 40)
    room = layout.column_pixels(width) - layout.CELL_MARGIN
    assert room >= layout.text_pixels("2026-12-31 23:59:59")
    assert layout.fitted_width(["x" * 500], 4, 40) == 40  # capped: a longer value wraps


def test_a_row_is_as_high_as_its_lines() -> None:
    assert layout.row_height(1) == pytest.approx(layout.LINE_HEIGHT + layout.ROW_PADDING)
    assert layout.row_height(3) > 3 * layout.LINE_HEIGHT
    assert layout.row_height(10_000) == layout.MAX_ROW_HEIGHT


# ---------------------------------------------------------------- charts


def _finding(fid: str, article: str, text: str, level: str = "notable") -> Finding:
    kind, _, rest = text.partition(": ")
    return Finding(fid, article, level, kind, text, (1,), "quote", 1, 1, 1, rest)


def test_changes_that_recur_are_counted_by_outlet_and_dismissed_ones_left_out() -> None:
    found = [
        _finding("a", "x1.txt", "wording: adversary → enemy"),
        _finding("b", "x2.txt", "wording: adversary → enemy"),  # the same outlet
        _finding("c", "y1.txt", "wording: adversary → enemy"),
        _finding("d", "x1.txt", "negation: not → ∅", "critical"),
        _finding("e", "y1.txt", "negation: not → ∅", "critical"),
        _finding("f", "z1.txt", "wording: gains → progress"),  # one article: no recurrence
    ]
    outlets = {"x1.txt": "X", "x2.txt": "X", "y1.txt": "Y", "z1.txt": "Z"}
    bars = charts.recurring(found, {}, outlets, {})
    assert [(b.label, b.value, b.css) for b in bars] == [
        ("wording: adversary → enemy", 2, "notable"),  # as many outlets, more articles
        ("negation: not → ∅", 2, "critical"),
    ]
    assert bars[0].shown == "2 outlets, 3 articles"
    dismissed = {"e": Decided("dismissed")}
    assert [b.label for b in charts.recurring(found, dismissed, outlets, {})] == [
        "wording: adversary → enemy"
    ]


def test_a_chart_escapes_what_it_writes() -> None:
    svg = charts.bars([charts.Bar("<script>alert(1)</script>", 3, "3", link="a.html")])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'href="a.html"' in svg and svg.count("<rect") == 1
    assert charts.bars([]) == ""


def test_scores_over_runs_hold_until_the_run_that_changed_them() -> None:
    rows = [
        {"run_at": "2026-01-01T00:00:00Z", "article_id": "a", "chrf": 50.0, "bleu": 20.0},
        {"run_at": "2026-02-01T00:00:00Z", "article_id": "a", "chrf": 70.0, "bleu": None},
    ]
    svg = charts.over_runs(rows, "2026-03-01T00:00:00Z")
    assert svg.count('class="dot chrf"') == 2 and svg.count('class="dot bleu"') == 1
    assert "2026-01-01" in svg and "2026-03-01" in svg
    assert charts.moved([*rows, {"run_at": "x", "article_id": "b", "chrf": 1.0}]) == [("a", 20.0)]
    assert charts.over_runs([], "") == ""


# ---------------------------------------------------------------- word pairings


@pytest.mark.parametrize(
    ("official", "article", "expected"),
    [
        # words of one key pair first, and no pairing crosses them
        (
            "We will continue, of course, to trade and engage economically with China.",
            "Of course, we will continue to establish trade and economic relations with China.",
            [],
        ),
        # a word replaced one for one is still paired
        (
            "We do not see China as an adversary.",
            "We do not see China as an enemy.",
            ["wording: adversary → enemy"],
        ),
        (
            "We will continue to engage with China when it is in our interests",
            "We will continue our relations with China as long as it is in our interests",
            ["wording: engage → relations"],
        ),
    ],
)
def test_word_pairings_follow_the_alignment_of_words(
    official: str, article: str, expected: list[str]
) -> None:
    assert [str(c) for c in find_changes(official, article)] == expected


@pytest.mark.parametrize(
    "label",
    ["turkish-outlet-2022-11-30-bucharest-press-conference", "W" * 60, "0123456789" * 6],
)
def test_a_bar_label_is_cut_to_the_room_left_of_the_bars(label: str) -> None:
    """Measured as the workbook measures text: a 52-character file name ran off the chart's
    left edge when labels were cut at a count of characters."""
    room = charts.LABEL - 8
    cut = charts._fit(label, room)
    assert cut.endswith("…") and label.startswith(cut[:-1])
    assert layout.text_pixels(cut) * charts.LABEL_SCALE <= room
    assert charts._fit("Anadolu", room) == "Anadolu"
