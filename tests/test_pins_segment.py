"""Pins of the segmentation heuristics: titles, reporting clauses, the furniture tail, label-like
lines, the furniture markers and the reporting verbs of attributions.

Every case is a finding a reviewer can check by hand at the default settings; moving a
threshold by about a fifth (an integer by one) or dropping a word-list entry flips one of them
(see bench/mutants.py). Word-list entries are written out here on purpose: a test that read
them from the data file could not notice one going missing.
"""

from __future__ import annotations

import pytest

from auditor.records import Kind, Segment
from auditor.settings import Settings
from auditor.stages.furniture import is_label_like, is_marker
from auditor.stages.quotes import find_quotations
from auditor.stages.segment import segment_document
from auditor.stages.speech import compared, quotations_of, wording

SEGMENT = Settings().segment

BODY = "The ministers agreed to send more aid to Ukraine this winter."
#: a body sentence that is not label-like (it ends with a full stop)
OTHER_BODY = "He has covered NATO for this newspaper since 2015."


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind.value, s.text) for s in segment_document(text)]


def _furniture(text: str) -> list[str]:
    return [s.text for s in segment_document(text) if s.kind is Kind.FURNITURE]


# --- titles -----------------------------------------------------------------------------------

_HEADLINE_WORDS = (
    "NATO foreign ministers met in Bucharest on Tuesday to discuss support for Ukraine and the "
    "energy crisis across Europe this winter with partners from Finland and Sweden who hope to "
    "join"
).split()


@pytest.mark.parametrize(("words", "kind"), [(29, "title"), (30, "title"), (31, "sentence")])
def test_a_first_line_without_end_punctuation_is_the_title_up_to_30_words(
    words: int, kind: str
) -> None:
    headline = " ".join(_HEADLINE_WORDS[:words])
    assert _kinds(f"{headline}\n\n{BODY}") == [(kind, headline), ("sentence", BODY)]


# --- reporting clauses before a quotation ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # two words before the quotation: one sentence (the clause is too short to align)
        (
            "Stoltenberg said, “We are ready.”",
            ["Stoltenberg said, “We are ready.”"],
        ),
        # three words: the reporter's clause stands as its own sentence
        (
            "The minister said, “We are ready.”",
            ["The minister said,", "“We are ready.”"],
        ),
        (
            "NATO's Secretary General said: “We are ready.”",
            ["NATO's Secretary General said:", "“We are ready.”"],
        ),
    ],
)
def test_a_reporting_clause_of_three_words_is_split_from_its_quotation(
    text: str, sentences: list[str]
) -> None:
    assert [t for kind, t in _kinds(text) if kind == "sentence"] == sentences
    assert [t for kind, t in _kinds(text) if kind == "quote"] == ["We are ready."]


# --- label-like lines and the furniture tail -------------------------------------------------


@pytest.mark.parametrize(
    ("line", "label_like"),
    [
        ("Steve Cowan", True),
        ("Steve Cowan is a reporter based in Brussels", True),  # 8 words
        ("Steve Cowan is a reporter based in Brussels today", False),  # 9 words
        ("Steve Cowan is a reporter.", False),  # end punctuation
        ("About the author: Steve Cowan", True),
        ("Diğer CYPRUS MIRROR Haberleri", True),
    ],
)
def test_a_line_of_at_most_8_words_without_end_punctuation_is_label_like(
    line: str, label_like: bool
) -> None:
    assert is_label_like(line, SEGMENT) is label_like


@pytest.mark.parametrize(
    ("author_line", "tail"),
    [
        ("Steve Cowan is a reporter based in Brussels", True),  # 8 words: label-like
        ("Steve Cowan is a reporter based in Brussels for us", False),  # 10 words
    ],
)
def test_an_author_box_after_a_comment_form_is_furniture_when_its_first_line_is_a_label(
    author_line: str, tail: bool
) -> None:
    # the tail from "Leave a Reply": 3 lines, of which the marker and (perhaps) the label
    text = f"{BODY}\nLeave a Reply\n{author_line}\n{OTHER_BODY}"
    expected = ["Leave a Reply", author_line, OTHER_BODY] if tail else ["Leave a Reply"]
    assert _furniture(text) == expected


@pytest.mark.parametrize(
    ("labels", "sentences", "tail"),
    [
        (1, 0, True),  # the marker and a label: all of it
        (1, 2, True),  # 2 of 4 lines: exactly half is enough
        (0, 1, True),  # 1 of 2
        (2, 3, True),  # 3 of 6
        (3, 5, False),  # 4 of 9: less than half
        (1, 3, False),  # 2 of 5
        (0, 2, False),  # 1 of 3
    ],
)
def test_the_page_tail_starts_at_a_marker_when_at_least_half_the_rest_is_furniture_like(
    labels: int, sentences: int, tail: bool
) -> None:
    after = [f"Related link number {n}" for n in range(labels)] + [OTHER_BODY] * sentences
    text = "\n".join([BODY, "Related Articles", *after])
    expected = ["Related Articles", *after] if tail else ["Related Articles"]
    assert _furniture(text) == expected


# --- furniture markers: one line per pattern of furniture_markers.txt -------------------------

MARKER_LINES = [
    "Leave a Reply",
    "Leave a comment",
    "Post a comment",
    "Write a Comment",
    "12 Comments",
    "Comment",
    "Your email address will not be published.",
    "Required fields are marked *",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    "Back to top button",
    "Related Articles",
    "Related News",
    "Read more",
    "See also: NATO summit in Vilnius",
    "Share this article",
    "Tweet",
    "Sign up to our newsletter",
    "Subscribe to the Daily Brief newsletter",
    "Advertisement",
    "A- A A+",
    "Select the text and press Ctrl+Enter",
    "Spelling error report",
    "The following text will be sent to our editors:",
    "Reading time: 3 minutes",
    "4 min read",
    "Published on November 30, 2022",
    "Updated: Wednesday, November 30, 2022",
    "Photo: Reuters",
    "Tags: NATO, Ukraine, Romania",
    "By Steve Cowan",
    "Levent KUTAY'dan",
    "Ankara’dan",
]


@pytest.mark.parametrize("line", MARKER_LINES)
def test_page_furniture_lines_are_markers(line: str) -> None:
    assert is_marker(line)


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Leave a reply to the minister's letter on the table.",
        "Comments by the minister were reported widely.",
        "Share prices fell sharply on Tuesday.",
        "Twelve allies published their figures on Tuesday.",
        "Steve Cowan",
        "NATO: We will not back down in support of Ukraine",
    ],
)
def test_ordinary_lines_are_not_markers(line: str) -> None:
    assert not is_marker(line)


@pytest.mark.parametrize("line", ["By the numbers", "By land and sea"])
def test_a_subheading_starting_with_by_is_not_a_byline(line: str) -> None:
    assert not is_marker(line)


# --- reporting verbs: attribution clauses -----------------------------------------------------

#: reporting_verbs.txt in its past and present forms, as a closing attribution ("he warned.")
PAST_AND_PRESENT = [
    "say", "says", "said", "stated", "noted", "added", "adds", "stressed", "stresses",
    "emphasized", "emphasizes", "emphasised", "emphasises", "explained", "explains", "told",
    "tells", "assured", "assures", "warned", "warns", "reminded", "reminds", "underlined",
    "underlines", "declared", "declares", "mentioned", "spoke", "reported",
]  # fmt: skip
#: … and its -ing forms, which open a quotation ("…, stressing: “…”")
ING_FORMS = [
    "saying", "stating", "noting", "adding", "stressing", "emphasizing", "emphasising",
    "explaining",
]  # fmt: skip


@pytest.mark.parametrize("verb", PAST_AND_PRESENT)
def test_a_quotation_of_only_he_and_a_reporting_verb_is_no_quotation(verb: str) -> None:
    # a misplaced opening mark before the attribution (seed 003): `…, “he warned.” `
    text = f"“We need better training, “he {verb}.” The talks went on."
    assert [text[a:b] for a, b in find_quotations(text)] == ["We need better training"]


def test_a_quotation_of_he_and_another_verb_is_a_quotation() -> None:
    text = "“We need better training, “he smiled.” The talks went on."
    assert [text[a:b] for a, b in find_quotations(text)] == [
        "We need better training",
        "he smiled.",
    ]


@pytest.mark.parametrize("verb", PAST_AND_PRESENT)
def test_a_closing_attribution_is_not_part_of_the_wording_aligned(verb: str) -> None:
    assert wording(f"“We are ready,” he {verb}.") == "We are ready"
    assert wording(f"“We are ready,” Stoltenberg {verb}.") == "We are ready"


def test_a_closing_clause_with_another_verb_is_part_of_the_wording() -> None:
    assert wording("“We are ready,” he smiled.") == "We are ready, he smiled."


def _reason(text: str) -> str:
    segments = segment_document(text)
    first: Segment = segments[0]
    return compared(first, segments, quotations_of(segments)).reason


@pytest.mark.parametrize("verb", PAST_AND_PRESENT + ING_FORMS)
def test_a_clause_of_function_words_and_a_reporting_verb_only_names_the_speaker(
    verb: str,
) -> None:
    assert _reason(f"And then he {verb}, “We are ready.”") == (
        "names the speaker of the next quotation"
    )


def test_a_clause_with_a_content_word_is_aligned_on_its_own() -> None:
    assert _reason("And then he smiled, “We are ready.”") == ""
