"""The back-translation verdict of one article (pure, over the shipped model): a calibrated
probability that its English is a machine translation, in words, with the features that
moved it most; "too little text" below `classifier_min_sentences` English sentences, where
no probability is given and only the artefacts seen are named.

    likely machine translation     probability ≥ verdict_likely
    possible machine translation   probability ≥ verdict_possible
    unlikely machine translation   below
    too little text                fewer sentences than the classifier is measured on

The probability is calibrated for even odds (an article as likely to be a machine translation
as not) on texts the model was not fitted on; bench/RESULTS.md has its held-out figures.
"""

from __future__ import annotations

from collections.abc import Sequence

from auditor.records import Kind, Segment
from auditor.settings import BacktranslationSettings
from auditor.stages.backtranslation.classifier import Model, Term, load_model, strongest
from auditor.stages.backtranslation.features import (
    MARKER,
    NGRAM,
    STAT,
    STATS,
    extract,
    ngram_words,
)
from auditor.stages.backtranslation.markers import (
    SIGNALS,
    WEAK,
    Evidence,
    _text,
    translationese_evidence,
)
from auditor.stages.backtranslation.profile import profile_of, words_of

TOO_LITTLE = "too little text"
LIKELY = "likely machine translation"
POSSIBLE = "possible machine translation"
UNLIKELY = "unlikely machine translation"
#: each marker of markers.py in a reviewer's words, for when it did not fire
MARKER_WORDS = {
    "double_attribution": "quotation attributed twice",
    "orphan_tails": "attribution tail without subject",
    "participle_that": "participial report opener ('Stating that')",
    "calques": "machine-translation calque",
    "odd_punctuation": "space before punctuation",
    "stray_quotes": "stray quotation mark",
    "lowercase_starts": "sentence starting in lowercase",
    "function_word_profile": "function-word profile of machine translation",
    "spaced_hyphens": "spaced hyphen as a dash",
    "lexical_poverty": "low lexical variety",
    "participle_openers": "sentences opening with an -ing participle",
    "repeated_connective": "one connective opening many sentences",
}
TOWARDS_MT = "towards MT"
TOWARDS_HUMAN = "towards human writing"


def verdict_of(probability: float, settings: BacktranslationSettings) -> str:
    if probability >= settings.verdict_likely:
        return LIKELY
    if probability >= settings.verdict_possible:
        return POSSIBLE
    return UNLIKELY


def translation_verdict(
    sentences: Sequence[str], settings: BacktranslationSettings | None = None
) -> Evidence:
    """The verdict on an article's English sentences in reading order (quotation segments
    passed beside their sentences are skipped, as the markers skip them)."""
    settings = settings or BacktranslationSettings()
    model = load_model(settings.classifier_file)
    found = extract(sentences, model.ngrams, settings)
    if found.sentences < settings.classifier_min_sentences:
        artefacts = [
            s for s in translationese_evidence(sentences, settings).signals if WEAK not in s
        ]
        why = (
            f"{found.sentences} English sentences, fewer than the "
            f"{settings.classifier_min_sentences} the classifier is measured on"
        )
        return Evidence(None, (why, *(f"{s} (not scored)" for s in artefacts)), TOO_LITTLE)
    contributions = model.contributions(found.values)  # once: ~1,800 terms
    probability = model.probability(model.linear_of(contributions))
    moved = strongest(contributions, settings.evidence_features)
    terms = {t.name: t for t in model.terms}
    labels = tuple(
        f"{describe(terms[name], found.values[name], sentences, settings)} "
        f"({TOWARDS_MT if c > 0 else TOWARDS_HUMAN})"
        for name, c in moved
    )
    return Evidence(round(probability, 3), labels, verdict_of(probability, settings))


def describe(
    term: Term, value: float, sentences: Sequence[str], settings: BacktranslationSettings
) -> str:
    """A feature's value for this article in words, beside human writing's average."""
    name = term.name
    if name.startswith(NGRAM):
        return (
            f"'{ngram_words(name.removeprefix(NGRAM))}' {value:.1f} per 1,000 tokens "
            f"(human writing {term.human:.1f})"
        )
    if name.startswith(STAT):
        what = STATS[name.removeprefix(STAT)]
        return f"{what} {value:.2f} (human writing {term.human:.2f})"
    signal = name.removeprefix(MARKER)
    if signal == "profile_value":
        found = profile_of(words_of(_text(sentences).joined))
        words = "; ".join(
            f"{side} {', '.join(repr(w) for w in ws)}"
            for side, ws in (("more", found.more), ("fewer", found.fewer))
            if ws
        )
        return f"function-word profile {value:+.1f} (human translation 0, MT ≈ +1" + (
            f"; {words})" if words else ")"
        )
    function = next(f for f in SIGNALS if f.__name__ == signal)
    fired = function(_text(sentences), settings)
    return fired.label if fired.strength > 0 else f"no {MARKER_WORDS[signal]}"


def segment_evidence(
    segments: Sequence[Segment], settings: BacktranslationSettings | None = None
) -> Evidence:
    """The verdict on an article's segments: its English sentences only."""
    chosen = [s.text for s in segments if s.kind is Kind.SENTENCE and not s.is_fragment]
    return translation_verdict(chosen, settings)


def model_identity(settings: BacktranslationSettings | None = None) -> str:
    """The shipped model's name, version and digest (the report signature's line)."""
    model: Model = load_model((settings or BacktranslationSettings()).classifier_file)
    return model.identity()
