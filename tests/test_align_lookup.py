"""The official index's lookups (posting lists summed in numpy, one string searched for a
verbatim quotation) give exactly what the plain definitions give: every shared word's weight
added one by one, the best ids by weight then id, and the first document holding the
quotation's words in a row."""

from __future__ import annotations

import heapq
from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.settings import AlignSettings
from auditor.stages.align import OfficialIndex
from auditor.stages.normal import normalised_wording

#: few words, so that sentences share many and weights tie often
WORDS = ["alliance", "support", "ukraine", "ministers", "defence", "summit", "nuclear", "not"]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(" ".join)
documents = st.lists(st.lists(sentence, min_size=1, max_size=6), min_size=1, max_size=5)
#: a small index: a word in more than 2 sentences is common, so both lookups are exercised
SMALL = AlignSettings(common_min=2, common_share=0.0, hit_pool=3)


def _index(docs: list[list[str]]) -> OfficialIndex:
    return OfficialIndex([(f"d{i}", texts) for i, texts in enumerate(docs)], SMALL)


def _plain_scores(index: OfficialIndex, stems: list[str], doc_id: str | None) -> dict[int, float]:
    scores: dict[int, float] = {}
    for stem in stems:
        for sid in index.postings(stem).tolist():
            if doc_id is None or index.sentences[sid].doc_id == doc_id:
                scores[sid] = scores.get(sid, 0.0) + index._idf[stem]
    return scores


def _plain_lookup(index: OfficialIndex, text: str, doc_id: str | None) -> dict[int, float]:
    query = list(dict.fromkeys(index.stems_of(text)))
    rare = [s for s in query if len(index.postings(s)) <= index._common]
    return _plain_scores(index, rare, doc_id)


def _plain_best(scores: dict[int, float], limit: int) -> list[int]:
    return heapq.nsmallest(limit, scores, key=lambda sid: (-scores[sid], sid))


@settings(max_examples=150, deadline=None)
@given(documents, sentence, st.integers(1, 6), st.booleans())
def test_summed_postings_are_the_weights_added_one_by_one(
    docs: list[list[str]], text: str, limit: int, in_one_document: bool
) -> None:
    index = _index(docs)
    doc_id = "d0" if in_one_document else None
    query = list(dict.fromkeys(index.stems_of(text)))
    for stems in (query, query[::-1], query[:1]):
        summed = index._accumulate(stems, doc_id)
        plain = _plain_scores(index, stems, doc_id)
        assert dict(zip(summed.ids.tolist(), summed.weights.tolist(), strict=True)) == plain
        assert summed.best(limit) == _plain_best(plain, limit)
    plain = _plain_lookup(index, text, doc_id)
    if len(plain) >= limit:  # the rare words alone found enough: the order is theirs
        assert index.quote_hits(text, limit, doc_id) == _plain_best(plain, limit)


def test_ties_go_to_the_lower_id_and_the_limit_holds() -> None:
    index = _index([["alliance support", "alliance support"], ["alliance support defence"]])
    summed = index._accumulate(index.stems_of("alliance support"), None)
    assert summed.best(1) == [0]
    assert summed.best(2) == [0, 1]
    assert summed.best(10) == [0, 1, 2]
    assert index._accumulate(index.stems_of("unknown words"), None).best(3) == []


def _plain_verbatim(
    docs: list[list[str]], text: str, doc_id: str | None
) -> tuple[str, int, int] | None:
    """Each document's sentences joined on their own, searched one after the other."""
    wanted = normalised_wording(text)
    if not wanted:
        return None
    for i, texts in enumerate(docs):
        if doc_id not in (None, f"d{i}"):
            continue
        joined, starts = "", []
        for t in texts:
            starts.append(len(joined))
            joined += " " + normalised_wording(t)
        at = (joined + " ").find(" " + wanted + " ")
        if at >= 0:
            return f"d{i}", bisect_right(starts, at) - 1, bisect_right(starts, at + len(wanted)) - 1
    return None


@settings(max_examples=150, deadline=None)
@given(documents, st.data(), st.booleans())
def test_a_verbatim_quotation_is_found_in_the_first_document_that_has_it(
    docs: list[list[str]], data: st.DataObject, in_one_document: bool
) -> None:
    index = _index(docs)
    all_words = [w for texts in docs for t in texts for w in t.split()]
    start = data.draw(st.integers(0, len(all_words) - 1))
    text = " ".join(all_words[start : start + data.draw(st.integers(1, 6))])
    doc_id = f"d{len(docs) - 1}" if in_one_document else None
    assert index.verbatim(text, doc_id) == _plain_verbatim(docs, text, doc_id)


def test_a_quotation_across_two_documents_is_not_verbatim() -> None:
    index = _index([["ministers met in brussels"], ["support for ukraine"]])
    assert index.verbatim("brussels support") is None
    assert index.verbatim("met in brussels") == ("d0", 0, 0)
    assert index.verbatim("brussels support for") is None
    assert index.verbatim("support for") == ("d1", 0, 0)
    assert index.verbatim("support for", "d0") is None


def test_a_quotation_over_two_sentences_of_one_document_is_one_run() -> None:
    index = _index([["ministers met.", "They agreed on support.", "Then they left."]])
    assert index.verbatim("met they agreed") == ("d0", 0, 1)
    assert index.verbatim("agreed on support then they left") == ("d0", 1, 2)
