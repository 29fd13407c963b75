"""Segmentation: sentences, quotations, titles and page furniture as a reader sees them."""

from __future__ import annotations

import pytest

from auditor.records import Kind, Segment
from auditor.stages.quotes import find_quotations
from auditor.stages.segment import segment_document
from tests.conftest import CYPRUS, OFFICIAL, RUSSIAN, SPANISH, TURKISH_OUTLET


def _segments(path) -> list[Segment]:  # type: ignore[no-untyped-def]
    return segment_document(path.read_text(encoding="utf-8"))


def _quotes(text: str) -> list[str]:
    return [text[a:b] for a, b in find_quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # misplaced closing mark (seed 000): an opening mark closes the open quotation
        (
            "Stoltenberg said, “We do not see China as an enemy. “We will continue our relations "
            "with China as long as it is in our interests,” he said.",
            [
                "We do not see China as an enemy.",
                "We will continue our relations with China as long as it is in our interests",
            ],
        ),
        # a quotation over several sentences stays one quotation
        (
            "He said, “Ukraine has made significant progress. But we should not underestimate "
            "Russia. “I welcome the new commitments from the Allies,” he said.",
            [
                "Ukraine has made significant progress. But we should not underestimate Russia.",
                "I welcome the new commitments from the Allies",
            ],
        ),
        # straight quotes with a machine-translated tail (seed 002)
        (
            'Stoltenberg said, "NATO\'s doors are open." used the phrase.',
            ["NATO's doors are open."],
        ),
        # scare quotes are quotations too (seed 004)
        ("no proof China has supplied “Lethal aid” to Russia", ["Lethal aid"]),
        # single curly quotes; an apostrophe inside a word is not a closing mark
        ("He called it ‘Russia’s illegal war’ again.", ["Russia’s illegal war"]),
        # a “quotation” that is only the attribution is not a quotation (seed 003)
        (
            "“We need to improve training, “he said.” At the same time, we want more.",
            ["We need to improve training"],
        ),
        # guillemets, and an unclosed quotation runs to the end of the block
        (
            "Il a dit «nous resterons unis» hier. “We will stay",
            ["nous resterons unis", "We will stay"],
        ),
        ("Russia’s attacks and NATO’s support were discussed.", []),
    ],
)
def test_quotations(text: str, expected: list[str]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (TURKISH_OUTLET, "Related Articles"),
        (TURKISH_OUTLET, "Leave a Reply"),
        (TURKISH_OUTLET, "Your email address will not be published. Required fields are marked *"),
        (TURKISH_OUTLET, "Back to top button"),
        (CYPRUS, "reading time: 3 min."),
        (CYPRUS, "Publish Date: 29/11/22 14:55"),
        (CYPRUS, "A- A A+"),
        (CYPRUS, "Levent ÖZADAM'dan"),
        (CYPRUS, "Levent Kutay"),
        (CYPRUS, "Diğer CYPRUS MIRROR Haberleri"),
        (RUSSIAN, "Leave a Comment"),
        (RUSSIAN, "Author: Steve Cowan"),
        (
            RUSSIAN,
            "Graduated From Princeton University. He has been at the Free Press since "
            "October 2014. Previously worked as a regional entertainment editor.",
        ),
        (RUSSIAN, "Steve Cowan"),
        (RUSSIAN, "31 number 0.370231 time"),
        (OFFICIAL, "11/30/2022 | Press release | Distributed by Public on 11/30/2022 06:06"),
    ],
)
def test_page_furniture(path, line: str) -> None:  # type: ignore[no-untyped-def]
    kinds = {s.text: s.kind for s in _segments(path)}
    assert kinds[line] is Kind.FURNITURE


@pytest.mark.parametrize(
    ("path", "sentence"),
    [
        (RUSSIAN, "Global system competition"),  # a heading inside the article is content
        (SPANISH, "He did not condemn the war"),
        (SPANISH, "Target more than 2%"),
        (
            CYPRUS,
            "Stoltenberg emphasized that economic and trade relations with China will of "
            "course continue, but that NATO countries should reduce their vulnerabilities.",
        ),
    ],
)
def test_content_is_not_furniture(path, sentence: str) -> None:  # type: ignore[no-untyped-def]
    kinds = {s.text: s.kind for s in _segments(path)}
    assert kinds[sentence] is Kind.SENTENCE


def test_titles() -> None:
    titles = {
        p.name: [s.text for s in _segments(p) if s.kind is Kind.TITLE]
        for p in (TURKISH_OUTLET, CYPRUS, SPANISH)
    }
    assert titles[TURKISH_OUTLET.name] == ["Chinese message from Stoltenberg"]
    # the Cyprus page repeats its headline: the repeats are furniture
    assert titles[CYPRUS.name] == ["NATO: We will not back down in support of Ukraine"]
    repeats = [s for s in _segments(CYPRUS) if s.text == titles[CYPRUS.name][0]]
    assert [s.kind for s in repeats] == [Kind.TITLE, Kind.FURNITURE, Kind.FURNITURE]
    # a headline block: the transcript's subtitle is a title too, not spoken wording
    assert [s.text for s in _segments(OFFICIAL) if s.kind is Kind.TITLE] == [
        "NATO - North Atlantic Treaty Organisation",
        "Press conference by NATO Secretary General Jens Stoltenberg following the Meeting of "
        "NATO Ministers of Foreign Affairs, Bucharest, Romania",
    ]
    # the Spanish report starts with a paragraph, not a headline
    assert titles[SPANISH.name] == []


def test_transcript_lines_are_sentences_and_wrapped_lines_join() -> None:
    segments = _segments(OFFICIAL)
    sentences = [s.text for s in segments if s.kind is Kind.SENTENCE]
    # 49 sentences by hand, less the headline, the date line and the subtitle
    assert len(sentences) == 46
    assert (
        "This morning, Allies addressed the long-term challenges posed by China\n"
        "to our interests, values and security."
    ) in sentences
    assert (
        "Their accession will make them safer, our Alliance stronger,\n"
        "And the Euro-Atlantic area more secure."
    ) in sentences
    assert "We do not see China as an adversary." in sentences
    # a line with two sentences is two segments
    assert (
        "We discussed our shared security concerns, and ways to strengthen our cooperation."
        in sentences
    )


def test_quotes_are_linked_to_the_sentence_they_start_in() -> None:
    segments = _segments(TURKISH_OUTLET)
    quotes = [s for s in segments if s.kind is Kind.QUOTE]
    long_quote = next(q for q in quotes if q.text.startswith("Our most urgent task"))
    # a quotation over six sentences is six quote segments, one per sentence, linked
    parts = [q for q in quotes if q.quotation == long_quote.index]
    assert len(parts) == 6
    assert parts[-1].text.endswith("and we are helping Ukraine do that.")
    assert all(q.text in segments[q.in_sentence].text for q in parts)  # type: ignore[index]
    parent = segments[long_quote.in_sentence]  # type: ignore[index]
    assert parent.kind is Kind.SENTENCE
    assert parent.text.startswith("“Our most urgent task right now")
    # the reporter's clause before the quotation is a sentence of its own
    clause = segments[parent.index - 1]
    assert clause.kind is Kind.SENTENCE
    assert clause.text == (
        "Making statements regarding Ukraine’s application for NATO membership, Stoltenberg said,"
    )
    assert all(segments[q.in_sentence].kind is Kind.SENTENCE for q in quotes)  # type: ignore[index]


def test_segment_text_is_a_slice_of_the_input() -> None:
    text = CYPRUS.read_text(encoding="utf-8")
    for s in segment_document(text):
        assert text[s.start : s.end] == s.text
