"""Drift over the seed corpus, checked the way a fact-checker would check it."""

from __future__ import annotations

from functools import cache

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
from auditor.run.article import audit_article, build_index
from auditor.settings import Settings
from auditor.stages.ingest import decode_document
from auditor.stages.language import Identifier
from auditor.stages.score import clean
from tests.conftest import CYPRUS, OFFICIAL, RUSSIAN, SPANISH, TURKISH_OUTLET
from tests.data.seed_alignment import ALIGNED, UNMATCHED

SETTINGS = Settings()
ALIGNED_CATEGORIES = (Category.VERBATIM, Category.PARAPHRASE, Category.DRIFT)


@cache
def _audit(path, identifier: Identifier) -> ArticleResult:  # type: ignore[no-untyped-def]
    official = decode_document(
        OFFICIAL.name, Role.OFFICIAL, OFFICIAL.read_bytes(), plausibility=None, max_control=0.01
    )
    article = decode_document(
        path.name, Role.ARTICLE, path.read_bytes(), plausibility=None, max_control=0.01
    )
    return audit_article(article, build_index([official], SETTINGS), identifier, SETTINGS)


def _row_for(result: ArticleResult, snippet: str) -> SegmentResult:
    """The scored row holding `snippet`: a quotation before the sentence around it."""
    snippet = clean(snippet)
    rows = [r for r in result.segments if snippet in clean(r.segment.text)]
    rows.sort(
        key=lambda r: (
            r.category is Category.NOT_SCORED,
            r.segment.kind is not Kind.QUOTE,
            len(r.segment.text),
        )
    )
    assert rows, snippet
    return rows[0]


@pytest.fixture(scope="module")
def turkish(identifier: Identifier) -> ArticleResult:
    return _audit(TURKISH_OUTLET, identifier)


@pytest.mark.parametrize(
    ("article", "official", "edits", "changes"),
    [
        (
            "We do not see China as an enemy.",
            ["We do not see China as an adversary."],
            [],
            ["adversary → enemy"],
        ),
        (
            "But we should not underestimate Russia.",
            ["But we must not underestimate Russia."],
            ["modality: must → should"],
            ["must → should"],
        ),
        (
            "But we must be aware of our addictions",
            ["But we have to be aware of our dependencies."],
            [],
            ["dependencies → addictions"],
        ),
        (
            "The war in Ukraine showed our dependence on Russian gas.",
            ["The war in Ukraine has demonstrated our dangerous dependency on Russian gas."],
            ["qualifier: dangerous → ∅"],
            ["dangerous → ∅"],
        ),
        (
            "Russian missiles and drones continue to strike cities, civilians and important "
            "infrastructure.",
            [
                "Russian missiles and drones continue to strike Ukrainian cities, civilians, and "
                "critical infrastructure."
            ],
            ["qualifier: critical → important"],
            ["critical → important"],
        ),
        # two official lines merged into one sentence (1:n)
        (
            "NATO Foreign Ministers made it clear that our continued military support to Ukraine, "
            "in particular air defense support, is essential.",
            [
                "NATO Foreign Ministers made clear that our continued military support for Ukraine "
                "is essential.",
                "In particular, additional air defences.",
            ],
            ["qualifier: additional → ∅"],
            [],
        ),
        (
            "which was also attended by Ukrainian Foreign Minister Dmitro Kuleba last night",
            [
                "Last night, with Foreign Minister Dmytro Kuleba, we addressed Russia's illegal "
                "war in Ukraine."
            ],
            ["spelling: Dmytro → Dmitro"],  # a transliteration: the same referent
            [],
        ),
        # the reporter's own words: a dropped qualifier is paraphrase, not a charge
        (
            "Stating that the foreign ministers evaluated China’s military and technological "
            "advances",
            [
                "Today, ministers considered China's ambitious military developments, its "
                "technological advances, and its growing cyber and hybrid activities."
            ],
            [],
            ["considered → evaluated"],
        ),
    ],
)
def test_seed_000_changes_are_named_beside_the_transcript_line(
    turkish: ArticleResult,
    article: str,
    official: list[str],
    edits: list[str],
    changes: list[str],
) -> None:
    row = _row_for(turkish, article)
    # a quotation is compared with the span of the official lines it claims, a sentence with
    # the lines themselves
    annotated = clean(" ".join(official))
    if row.segment.kind is Kind.QUOTE:
        assert row.official_text and clean(row.official_text) in annotated
    else:
        assert row.official_text == annotated
    assert row.category in ALIGNED_CATEGORIES
    # a qualifier or a re-spelled name is a notable change, not a charge
    critical = [e for e in edits if not e.startswith(("qualifier", "spelling"))]
    notable = [e for e in edits if e.startswith(("qualifier", "spelling"))]
    assert set(critical) <= set(row.critical_edits)
    assert set(notable) <= set(row.notable_changes)
    assert set(changes) <= set(row.substitutions)
    if not critical:
        assert not row.critical_edits


def _official_lines() -> list[str]:
    return [clean(line) for line in OFFICIAL.read_text(encoding="utf-8").splitlines()]


def test_every_hand_annotated_pair_aligns_to_its_transcript_lines(turkish: ArticleResult) -> None:
    """tests/data/seed_alignment.py: 24 sentences of seed 000 paired by hand with transcript
    lines. The chosen official run must lie inside the annotated lines."""
    wrong = []
    for entry in ALIGNED:
        row = _row_for(turkish, entry["article"])
        annotated = clean(" ".join(entry["official"]))
        chosen = row.official_text
        inside = bool(chosen) and all(
            part.strip() in annotated for part in chosen.replace(". ", ".|").split("|")
        )
        # a weak alignment (a quotation's part between two found parts) is shown beside its
        # line, not compared
        shown = row.category in ALIGNED_CATEGORIES or row.alignment is AlignmentStrength.WEAK
        if not shown or not inside:
            wrong.append((entry["article"][:50], chosen[:60]))
    assert wrong == []


def test_answers_that_are_not_in_the_transcript_are_unmatched(turkish: ArticleResult) -> None:
    for entry in UNMATCHED:
        row = _row_for(turkish, entry["article"])
        assert row.category is Category.UNMATCHED, entry["article"]
        assert not row.critical_edits


def test_seed_000_summary_has_coverage_and_scores(turkish: ArticleResult) -> None:
    assert turkish.status is Status.OK
    assert turkish.official_id == OFFICIAL.name
    assert turkish.official_coverage == 25 / 46  # of the transcript's 46 sentences
    # sacrebleu's corpus scores over the article's aligned segments, as the summary shows them
    scores = (turkish.chrf, turkish.bleu, turkish.ter)
    assert tuple(round(score or -1, 2) for score in scores) == (61.52, 32.68, 61.72)


@pytest.mark.parametrize("path", [CYPRUS, RUSSIAN, SPANISH], ids=lambda p: p.name)
def test_other_events_are_no_official_match_and_nothing_is_scored(
    path,
    identifier: Identifier,  # type: ignore[no-untyped-def]
) -> None:
    result = _audit(path, identifier)
    assert result.status is Status.NO_OFFICIAL_MATCH
    assert result.official_coverage is None and result.chrf is None
    for row in result.segments:
        assert row.category in (Category.UNMATCHED, Category.NOT_SCORED)
        assert row.bleu is None and not row.critical_edits and not row.official_text


def test_a_quoted_answer_absent_from_the_transcript_is_flagged_but_only_there(
    turkish: ArticleResult, identifier: Identifier
) -> None:
    """The six-sentence answer on Ukraine's membership is quoted but not in the transcript:
    the report says so. Quotations of the other events are never charged."""
    flagged = [r for r in turkish.segments if r.not_found is NotFound.QUOTATION]
    assert [r.segment.text[:30] for r in flagged] == [
        "Our most urgent task right now",
        "To achieve this, we need to do",
        "We are doing exactly that righ",
        "Unless Ukraine wins the war as",
        "Because we will not have a can",
        "So whatever you think about wh",
    ]
    assert all(r.category is Category.UNMATCHED and r.segment.kind is Kind.QUOTE for r in flagged)
    assert len({r.segment.quotation for r in flagged}) == 1  # the parts of one quotation
    assert sum(len(r.critical_edits) for r in turkish.segments) > 0
    for path in (CYPRUS, RUSSIAN, SPANISH):
        other = _audit(path, identifier)
        assert not [r for r in other.segments if r.note.startswith("quotation not found")]
