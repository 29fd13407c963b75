"""Quotations compared with what was said: invented ones caught, partial ones compared with the
span they claim, weak alignments never accusing, one row owning each edit."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from auditor.records import (
    AlignmentStrength,
    ArticleResult,
    Category,
    Kind,
    NotFound,
    Role,
    SegmentResult,
    Status,
)
from auditor.reports.summary import ArticleSummary
from auditor.run.article import audit_article, build_index
from auditor.settings import Settings
from auditor.stages.align import OfficialIndex
from auditor.stages.changes import find_changes
from auditor.stages.ingest import decode_document
from auditor.stages.language import Identifier
from auditor.stages.quote_align import match_quotation
from auditor.stages.score import clean
from auditor.stages.span import best_span
from tests.conftest import OFFICIAL, SEEDS
from tests.data.hostile_findings import (
    DATELINE,
    FINDINGS,
    FURNITURE,
    MISQUOTED,
    NO_CHARGE,
    NOT_FOUND,
    VERBATIM,
    Finding,
    Headline,
    Spliced,
)

HOSTILE = Path(__file__).parent / "data" / "hostile"
SETTINGS = Settings()
ALIGNED = (Category.VERBATIM, Category.PARAPHRASE, Category.DRIFT)
TRANSCRIPT_LINE = (
    "Last night, with Foreign Minister Dmytro Kuleba, we addressed Russia's illegal war in Ukraine."
)


@cache
def _index() -> OfficialIndex:
    official = decode_document(
        OFFICIAL.name, Role.OFFICIAL, OFFICIAL.read_bytes(), plausibility=None, max_control=0.01
    )
    return build_index([official], SETTINGS)


@cache
def _audit(path: Path, identifier: Identifier) -> ArticleResult:
    article = decode_document(
        path.name, Role.ARTICLE, path.read_bytes(), plausibility=None, max_control=0.01
    )
    return audit_article(article, _index(), identifier, SETTINGS)


def _row(result: ArticleResult, snippet: str) -> SegmentResult:
    """The row a reviewer would look at for `snippet`: its quotation, else its sentence."""
    rows = [r for r in result.segments if clean(snippet) in clean(r.segment.text)]
    rows.sort(key=lambda r: (r.segment.kind is not Kind.QUOTE, len(r.segment.text)))
    assert rows, snippet
    return rows[0]


CASES = [(name, snippet, finding) for name, items in FINDINGS.items() for snippet, finding in items]


@pytest.mark.parametrize(("name", "snippet", "finding"), CASES, ids=[c[1][:40] for c in CASES])
def test_hostile_articles_get_the_findings_a_fact_checker_expects(
    identifier: Identifier, name: str, snippet: str, finding: Finding
) -> None:
    result = _audit(HOSTILE / name, identifier)
    assert result.status is Status.OK
    row = _row(result, snippet)
    if finding == NOT_FOUND:
        assert row.segment.kind is Kind.QUOTE
        assert row.category is Category.UNMATCHED and row.not_found is NotFound.QUOTATION
        assert not row.critical_edits
        assert "quotation not found in the official text" in row.note
    elif finding == VERBATIM:
        assert row.segment.kind is Kind.QUOTE
        assert row.category is Category.VERBATIM and row.alignment is AlignmentStrength.EXACT
        assert not row.critical_edits and not row.substitutions
    elif finding == NO_CHARGE:
        assert not row.critical_edits, row.critical_edits
    elif finding == MISQUOTED:
        assert row.segment.kind is Kind.QUOTE and row.alignment is AlignmentStrength.STRONG
        assert row.category is Category.DRIFT and row.critical_edits, row.note
    elif finding in (DATELINE, FURNITURE):
        assert row.category is Category.NOT_SCORED and not row.official_text
        if finding == FURNITURE:
            assert row.segment.kind is Kind.FURNITURE
        else:
            assert "dateline" in row.note
    elif isinstance(finding, Spliced):
        assert row.segment.kind is Kind.QUOTE and row.alignment is AlignmentStrength.STRONG
        assert tuple(p.official_line for p in row.places) == finding.lines
        lines = ", ".join(map(str, finding.lines))
        assert f"spliced: official lines {lines} → one quotation" in row.notable_changes
        assert not row.critical_edits
    elif isinstance(finding, Headline):
        assert row.segment.kind is Kind.TITLE and row.alignment is AlignmentStrength.STRONG
        assert row.critical_edits == finding.edits
    else:
        assert isinstance(finding, list)
        assert row.segment.kind is Kind.QUOTE and row.alignment is AlignmentStrength.STRONG
        assert len(row.critical_edits) == len(finding), row.critical_edits
        found = [  # an expectation without words names only the type
            edit if ": " in expected else edit.split(":")[0]
            for edit, expected in zip(row.critical_edits, finding, strict=True)
        ]
        assert found == finding, row.critical_edits


def test_the_summary_counts_invented_misquoted_and_spliced_quotations(
    identifier: Identifier,
) -> None:
    expected = {
        name: (
            sum(1 for _, f in items if f == NOT_FOUND),
            sum(1 for _, f in items if isinstance(f, list) or f == MISQUOTED),
            sum(1 for _, f in items if isinstance(f, Spliced)),
        )
        for name, items in FINDINGS.items()
    }
    for name, counts in expected.items():
        summary = ArticleSummary.of(_audit(HOSTILE / name, identifier))
        found = (summary.quotes_unmatched, summary.quotes_misquoted, summary.quotes_spliced)
        assert found == counts, name


def test_a_quotation_of_several_sentences_not_found_counts_once_as_its_finding(
    identifier: Identifier,
) -> None:
    """summary.csv counts quotations not found as the findings and the run's counts do (the
    HTML index sums the one, the terminal prints the other): a quotation over several
    sentences is one quotation not found, and dismissing its finding takes exactly it away."""
    from auditor.reports.findings import DISMISSED, UNMATCHED, Decided, findings_of
    from auditor.reports.review import decided_summary

    counted = 0
    for path in [p for p in SEEDS if p != OFFICIAL] + sorted(HOSTILE.glob("*.txt")):
        result = _audit(path, identifier)
        unmatched = [f for f in findings_of(result) if f.level == UNMATCHED]
        summary = ArticleSummary.of(result)
        if summary.quotes_unmatched is None:
            continue
        assert summary.quotes_unmatched == len(unmatched), path.name
        quoted = [
            r
            for r in result.segments
            if r.segment.kind is Kind.QUOTE and r.not_found is NotFound.QUOTATION
        ]
        counted += len(quoted) > len(unmatched)  # sentences of one quotation, counted once
        dismissed = {f.finding_id: Decided(DISMISSED) for f in unmatched[:1]}
        after = decided_summary(summary, findings_of(result), dismissed)
        assert after.quotes_unmatched == len(unmatched) - len(dismissed), path.name
    assert counted  # some quotation not found runs over several sentences


def _every_result(identifier: Identifier) -> list[ArticleResult]:
    articles = [p for p in SEEDS if p != OFFICIAL] + sorted(HOSTILE.glob("*.txt"))
    return [_audit(p, identifier) for p in articles]


def test_a_weak_alignment_never_carries_a_charge_nor_counts_as_drift(
    identifier: Identifier,
) -> None:
    weak = [
        r
        for result in _every_result(identifier)
        for r in result.segments
        if r.alignment is AlignmentStrength.WEAK
    ]
    assert weak, "the seeds and hostile articles hold weak alignments"
    for r in weak:
        assert not r.critical_edits and not r.substitutions
        assert r.category is Category.NOT_SCORED and r.chrf is None
        assert r.official_text  # shown for context


def test_one_row_owns_each_edit(identifier: Identifier) -> None:
    """A sentence is compared on its own words only: no edit of its quotations again."""
    for result in _every_result(identifier):
        rows = {r.segment.index: r for r in result.segments}
        for r in result.segments:
            if r.segment.kind is not Kind.QUOTE or r.segment.in_sentence is None:
                continue
            sentence = rows[r.segment.in_sentence]
            assert not set(r.critical_edits) & set(sentence.critical_edits), sentence.segment.text
            assert r.segment.text not in (sentence.compared_text or "")


def test_no_quotation_is_aligned_by_its_place_alone(identifier: Identifier) -> None:
    """A quotation is exact, strong on its own words, unmatched — or, only when it is a part of
    one quotation between two found parts, weak."""
    for result in _every_result(identifier):
        for r in result.segments:
            if r.segment.kind is Kind.QUOTE and r.alignment is AlignmentStrength.WEAK:
                parts = [
                    p.segment.index
                    for p in result.segments
                    if p.segment.kind is Kind.QUOTE and p.segment.quotation == r.segment.quotation
                ]
                assert parts[0] < r.segment.index < parts[-1]


# ---------------------------------------------------------------- the span a quotation claims


@pytest.mark.parametrize(
    ("quotation", "span"),
    [
        # the second half of a sentence: its first half is not part of the claim
        (
            "we addressed Russia's illegal war in Ukraine",
            "we addressed Russia's illegal war in Ukraine",
        ),
        # its middle
        ("Foreign Minister Dmytro Kuleba", "Foreign Minister Dmytro Kuleba"),
        # a word the quotation added at its edge does not pull in the official word before
        ("Frankly, we addressed Russia's illegal war", "we addressed Russia's illegal war"),
        # a quotation's first or last word replacing a sentence's first or last word
        (
            "Last night, with Foreign Minister Dmytro Kuleba, we addressed Russia's illegal war "
            "in Kyiv.",
            TRANSCRIPT_LINE,
        ),
        # a function word matched past unrelated words stays outside
        (
            "Russia's war in Ukraine will be long and hard this winter",
            "Russia's illegal war in Ukraine",
        ),
    ],
)
def test_a_quotation_is_compared_with_the_span_it_claims(quotation: str, span: str) -> None:
    found = best_span(quotation, TRANSCRIPT_LINE)
    assert found is not None and found.text == span


@pytest.mark.parametrize(
    ("quotation", "official", "equal"),
    [
        ("they sent weapons today", "they sent weapon today", 4),  # "weapon" ≈ "weapons"
        ("we stand by Kyiv", "we standard by Kyiv", 3),  # "standa" is no "stand"
    ],
)
def test_a_quotation_word_stands_on_an_official_word_with_its_first_six_letters(
    quotation: str, official: str, equal: int
) -> None:
    """AlignSettings.quote_key_length."""
    found = best_span(quotation, official)
    assert found is not None and found.equal == equal


@pytest.mark.parametrize(
    ("quotation", "official", "span"),
    [
        # AlignSettings.quote_alike_ratio: a word at the edge replacing an official word is
        # kept in the span when the two are at least 50 % alike ("talking" / "warring": 57) …
        (
            "talking parties met in Geneva",
            "Today the warring parties met in Geneva.",
            "warring parties met in Geneva",
        ),
        # … and left out below ("talks" / "wars": 44)
        ("talks erupted in the east", "Two wars erupted in the east.", "erupted in the east"),
        # AlignSettings.quote_loose_gap: a function word at the edge is kept one official word
        # past the others …
        (
            "the allies met in Geneva and",
            "The allies met in Geneva today and then left.",
            "The allies met in Geneva today and",
        ),
        # … and left out two words past them
        (
            "the allies met in Geneva and",
            "The allies met in Geneva on Monday and then left.",
            "The allies met in Geneva",
        ),
    ],
)
def test_the_edge_of_a_span(quotation: str, official: str, span: str) -> None:
    found = best_span(quotation, official)
    assert found is not None and found.text == span


@pytest.mark.parametrize(
    ("quotation", "edits"),
    [
        ("we addressed Russia's illegal war in Ukraine", []),
        ("with Foreign Minister Dmytro Kuleba", []),
        ("we addressed Russia's legal war in Ukraine", ["antonym: illegal → legal"]),
        ("we never addressed Russia's illegal war in Ukraine", ["negation: ∅ → never"]),
        (
            "with Foreign Minister Dmytro Kuleba, we addressed Belarus's illegal war",
            ["entity: Russia → Belarus"],
        ),
        ("with two Foreign Ministers", ["number: ∅ → two"]),
    ],
)
def test_a_partial_quotation_gets_exactly_its_own_edits(quotation: str, edits: list[str]) -> None:
    found = best_span(quotation, TRANSCRIPT_LINE)
    assert found is not None
    assert [str(e) for e in find_changes(found.text, quotation)] == edits


@pytest.mark.parametrize(
    ("quotation", "strength"),
    [
        ("We do not see China as an adversary.", AlignmentStrength.EXACT),
        ("we do NOT see china as an adversary", AlignmentStrength.EXACT),  # case aside
        ("not least China", AlignmentStrength.EXACT),  # a short phrase, word for word
        # a back-translation: most words in order, a run of four, one content word
        ("But we must be aware of our addictions", AlignmentStrength.STRONG),
        # the transcript's vocabulary, scattered: not said
        ("Our dependencies on China and Russia's war will decide this winter", None),
        ("China is a threat to our values and our security", None),
    ],
)
def test_a_quotation_is_found_only_on_its_own_words(
    quotation: str, strength: AlignmentStrength | None
) -> None:
    match = match_quotation(quotation, _index())
    assert match is not None
    assert match.strength(SETTINGS.align) is strength
