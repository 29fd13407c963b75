"""Alignment: the index finds the counterpart, the decision uses more than chrF."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.records import AlignmentStrength, Category, Kind
from auditor.settings import AlignSettings, Settings
from auditor.stages.align import Alignment, OfficialIndex, decide
from auditor.stages.drift import audit_drift
from auditor.stages.segment import segment_document
from tests.conftest import OFFICIAL

RULE = AlignSettings()
STRONG, WEAK = AlignmentStrength.STRONG, AlignmentStrength.WEAK


def _a(first: int, chrf: float, shared: int = 4, recall: float = 0.6) -> Alignment:
    return Alignment("doc", first, first, "official", chrf, shared, recall, 0.5)


def test_close_wording_is_a_match_on_its_own() -> None:
    assert decide([_a(3, 80.0)], RULE) == [STRONG]


def test_weak_candidate_between_its_neighbours_is_a_match() -> None:
    # "These attacks cause a lot of people to suffer…" (chrF 23) sits between the official
    # sentences its neighbours align to
    assert decide([_a(7, 74.0), _a(8, 23.5, 2, 0.33), _a(9, 71.0)], RULE) == [
        STRONG,
        WEAK,
        STRONG,
    ]


def test_weak_candidate_out_of_order_is_not_a_match() -> None:
    # a Q&A answer whose best candidate is a sentence far before its neighbours'
    assert decide([_a(11, 65.0), _a(4, 26.0, 2, 0.2), _a(16, 85.0)], RULE) == [
        STRONG,
        None,
        STRONG,
    ]


def test_weak_candidate_without_shared_words_is_not_a_match() -> None:
    assert decide([_a(7, 74.0), _a(8, 30.0, 0, 0.0)], RULE) == [STRONG, None]


def test_no_candidate_stays_none() -> None:
    assert decide([None], RULE) == [None]


def test_index_finds_the_sentence_among_distractors() -> None:
    index = OfficialIndex(
        [
            (
                "a",
                [
                    "Allies met in Bucharest.",
                    "We do not see China as an adversary.",
                    "Ukraine has made significant gains.",
                ],
            )
        ]
    )
    found = index.align("We do not see China as an enemy.")
    assert found is not None and found.official_text == "We do not see China as an adversary."


def test_the_transcript_aligned_with_itself_is_verbatim_with_bleu_100() -> None:
    text = OFFICIAL.read_text(encoding="utf-8")
    _self_alignment_is_verbatim(text)


def _self_alignment_is_verbatim(text: str) -> None:
    segments = segment_document(text)
    sentences = [s.text for s in segments if s.kind is Kind.SENTENCE]
    index = OfficialIndex([("doc", sentences)])
    english = {s.index: s.text for s in segments}
    drift = audit_drift(segments, english, index, Settings())
    scored = [r for r in drift.rows if r.segment.kind is Kind.SENTENCE]
    assert scored
    for row in scored:
        assert row.category is Category.VERBATIM, row.segment.text
        assert row.bleu == pytest.approx(100.0)
        assert not row.critical_edits
    assert drift.coverage == 1.0


WORDS = (
    "alliance ministers support ukraine winter missiles drones security partners summit "
    "defence resilience gas dependency regimes technology infrastructure sanctions meeting "
    "finland sweden ratification accession romania istanbul terrorism cooperation energy"
).split()
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=12, unique=True).map(
    lambda ws: " ".join(ws).capitalize() + "."
)


@settings(max_examples=40, deadline=None)
@given(st.lists(sentence, min_size=1, max_size=12, unique=True))
def test_any_document_aligned_with_itself_is_verbatim(sentences: list[str]) -> None:
    _self_alignment_is_verbatim("\n".join(sentences))


def _unpruned_candidate(index: OfficialIndex, text: str) -> tuple[float, str, int, int] | None:
    """The candidate as chosen before the chrF++ ceiling: every reranked run scored."""
    from auditor.stages.score import sentence_chrf

    sids = index.hits(text, index.settings.hits)
    if not sids:
        return None
    runs = index.runs(sids)
    query = set(index.stems_of(text))
    weight = sum(index._idf.get(s, 0.0) for s in query)
    runs.sort(key=lambda run: index._word_f2(query, weight, run), reverse=True)
    scored = [(sentence_chrf(text, index.run_text(*r)), *r) for r in runs[: RULE.reranked]]
    return max(scored, key=lambda item: item[0])


@pytest.mark.parametrize("corpus", ["seed", "generated"])
def test_the_ceiling_skips_runs_and_never_changes_the_candidate(
    monkeypatch: pytest.MonkeyPatch, corpus: str
) -> None:
    """The same candidate as scoring every reranked run, with fewer runs scored: the Turkish
    outlet's sentences and the transcript's own, edited, against the transcript; and 1,000
    generated official sentences against 150 of them edited as a back-translation would be,
    and those joined in pairs (where a later, longer run can win)."""
    import random

    from auditor.stages import align
    from bench.make_corpus import _edit, official_sentences
    from tests.conftest import TURKISH_OUTLET

    if corpus == "seed":
        official = [s.text for s in segment_document(OFFICIAL.read_text(encoding="utf-8"))]
        index = OfficialIndex([("doc", official)])
        texts = [s.text for s in segment_document(TURKISH_OUTLET.read_text(encoding="utf-8"))]
        texts += [t.replace("must", "should").replace("not ", "") for t in official]
    else:
        official = official_sentences(1000, random.Random(0))
        index = OfficialIndex([(f"d{i // 50}", official[i : i + 50]) for i in range(0, 1000, 50)])
        rng = random.Random(1)
        texts = [_edit(s, rng) for s in rng.sample(official, 150)]
        texts += [a + " " + b for a, b in zip(texts[::2], texts[1::2], strict=True)]
    expected = [_unpruned_candidate(index, t) for t in texts]
    scored: list[str] = []
    chrf = align.sentence_chrf

    def counted(hypothesis: str, reference: str) -> float:
        scored.append(reference)
        return chrf(hypothesis, reference)

    monkeypatch.setattr(align, "sentence_chrf", counted)
    assert [index.candidate(t) for t in texts] == expected
    reranked = sum(min(len(index.runs(index.hits(t, RULE.hits))), RULE.reranked) for t in texts)
    assert len(scored) < 0.75 * reranked
