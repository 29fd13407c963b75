"""Round-trip evidence (pure over a translator passed in): text that already went through
machine translation changes less on another round trip (Nguyen-Son et al., NAACL 2021).

Two uses, each batched over the whole run by the caller's translator:
- `similarity_by_pivot`: each article's English sentences sent en→X→en through every language X
  with both packages installed; the language that changes the article least is its
  `suspected_pivot` (its suspected source language), named in the evidence with how little it
  changes;
- `explain_drift`: for an article with a suspected pivot (by default every one: see
  `mt_explain_min_score`), each aligned official sentence is round-tripped through that
  pivot; when the article's wording is closer (chrF++) to that round trip than to the official
  sentence, the drift is what machine translation does (`mt_explained`), not an editorial
  choice, and the share of such sentences is named in the evidence.

Both are a second signal beside the classifier's probability (verdict.py), never folded into
it: no real translation model can be had where the classifier is trained, so the round trip is
not calibrated; the evidence says so ("not calibrated").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from auditor.records import ArticleResult, Category
from auditor.settings import BacktranslationSettings
from auditor.stages.backtranslation.markers import Evidence
from auditor.stages.score import corpus_scores, sentence_chrf

ALIGNED = (Category.VERBATIM, Category.PARAPHRASE, Category.DRIFT)
Key = TypeVar("Key")


class RoundTripper(Protocol):
    """What round-trip evidence needs from the translation stage."""

    def pivot_languages(self) -> list[str]:
        """Languages X with both en→X and X→en installed."""
        ...

    def round_trip_through(self, language: str, texts: Sequence[str]) -> dict[str, str]:
        """Each English text after en→X→en, for X = language (batched, cached)."""
        ...


def similarity_by_pivot(
    sentences: Mapping[Key, Sequence[str]], translator: RoundTripper
) -> dict[Key, dict[str, float]]:
    """For each article (by key), pivot language → corpus chrF++ of its English sentences
    against their own round trip through that language; one batch per language for the run."""
    out: dict[Key, dict[str, float]] = {key: {} for key in sentences}
    every = [s for texts in sentences.values() for s in texts]
    for language in translator.pivot_languages():
        trip = translator.round_trip_through(language, every)
        for key, texts in sentences.items():
            scores = corpus_scores(texts, [trip[t] for t in texts])
            if scores is not None:
                out[key][language] = scores.chrf
    return out


#: how the round-trip signals are marked in the evidence
UNCALIBRATED = "(second signal, not calibrated)"


def with_round_trip(
    evidence: Evidence, chrf_by_pivot: Mapping[str, float], settings: BacktranslationSettings
) -> tuple[Evidence, str]:
    """Name the round trip of the most likely pivot (the language whose round trip changes the
    article least) in `evidence`, beside the calibrated probability, which it leaves as it is;
    returns the evidence and that pivot ("" without round-trip models). A round trip that
    keeps at least `round_trip_floor` chrF++ is named as a sign of machine translation."""
    if not chrf_by_pivot:
        return evidence, ""
    pivot, chrf = max(sorted(chrf_by_pivot.items()), key=lambda item: item[1])
    sign = "sign of MT" if chrf >= settings.round_trip_floor else "no sign of MT"
    label = f"round trip through {pivot} keeps chrF++ {chrf:.0f}, {sign} {UNCALIBRATED}"
    return replace(evidence, signals=(*evidence.signals, label)), pivot


def needs_explaining(result: ArticleResult, settings: BacktranslationSettings) -> list[str]:
    """Official wordings to round-trip through the suspected pivot: those of the aligned
    segments of an article whose probability is at least `mt_explain_min_score`, or whose text
    is too short for a probability."""
    score = result.backtranslation_score
    if not result.suspected_pivot or (score is not None and score < settings.mt_explain_min_score):
        return []
    return [r.official_text for r in result.segments if r.category in ALIGNED and r.official_text]


def explain_by_round_trip(result: ArticleResult, trips: Mapping[str, str]) -> ArticleResult:
    """For each aligned row whose official wording was round-tripped through the suspected
    pivot: the drift is machine translation's when the article is closer to that round trip
    (chrF++) than to the official wording itself."""
    rows = []
    for row in result.segments:
        if row.category not in ALIGNED or row.official_text not in trips:
            rows.append(row)
            continue
        official_roundtrip = trips[row.official_text]
        roundtrip_chrf = sentence_chrf(row.compared_text, official_roundtrip)
        rows.append(
            replace(
                row,
                official_roundtrip=official_roundtrip,
                roundtrip_chrf=roundtrip_chrf,
                mt_explained=mt_explained(roundtrip_chrf, row.chrf),
            )
        )
    tried = [r for r in rows if r.mt_explained is not None and r.official_roundtrip]
    if not tried:
        return replace(result, segments=tuple(rows))
    closer = sum(bool(r.mt_explained) for r in tried)
    label = (
        f"article closer to the official wording's round trip through {result.suspected_pivot} "
        f"than to the wording itself in {closer} of {len(tried)} aligned sentences "
        f"{UNCALIBRATED}"
    )
    evidence = "; ".join(x for x in (result.backtranslation_evidence, label) if x)
    return replace(result, segments=tuple(rows), backtranslation_evidence=evidence)


def mt_explained(roundtrip_chrf: float, official_chrf: float | None) -> bool:
    """Closer to the official wording's round trip than to the wording itself."""
    return official_chrf is not None and roundtrip_chrf > official_chrf


def explain_drift(
    results: Mapping[Key, ArticleResult],
    translator: RoundTripper,
    settings: BacktranslationSettings,
) -> dict[Key, ArticleResult]:
    """Every result, with the drift machine translation explains marked: the official wordings
    of the run are round-tripped through each suspected pivot, one batch per pivot."""
    wanted: dict[str, list[str]] = {}
    for result in results.values():
        texts = needs_explaining(result, settings)
        if texts:
            wanted.setdefault(result.suspected_pivot, []).extend(texts)
    out = dict(results)
    for language, texts in wanted.items():
        trips = translator.round_trip_through(language, texts)
        for key, result in out.items():
            if result.suspected_pivot == language:
                out[key] = explain_by_round_trip(result, trips)
    return out
