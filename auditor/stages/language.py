"""Language of each segment (pure; the statistical model is passed in from the edge).

A model alone is wrong on short lines: it calls names Spanish and bylines anything. So the
model speaks only when a line has enough ordinary (lowercase) words; below that, Turkish's own
letters and suffixes decide, and a line that is only names or a few words is `und`. A name-only
line between two lines of the same non-English language takes their language (a byline block).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from auditor.lexicon import (
    TURKISH_CASE_SUFFIXES,
    TURKISH_FUNCTION_WORDS,
    TURKISH_LETTERS,
    TURKISH_SHARED_WORDS,
)
from auditor.records import ENGLISH, UNDETERMINED, Kind, Segment
from auditor.settings import LanguageSettings

#: (language, probability) for a text, restricted to the configured languages.
Identifier = Callable[[str], tuple[str, float]]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: case suffixes written after an apostrophe on a proper name: "KUTAY'dan", "Ankara'ya"
_TURKISH_SUFFIX = re.compile(
    r"^[^\W\d_]+['’](" + "|".join(map(re.escape, TURKISH_CASE_SUFFIXES)) + ")$", re.IGNORECASE
)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def turkish_evidence(text: str) -> bool:
    """Turkish-only letters in an ordinary word, a name with a Turkish case suffix, or a
    frequent Turkish function word."""
    for word in words(text):
        lowered = word.lower()
        if _TURKISH_SUFFIX.match(word) and word[0].isupper():
            return True
        if lowered in TURKISH_FUNCTION_WORDS and lowered not in TURKISH_SHARED_WORDS:
            return True
        if TURKISH_LETTERS & set(word) and not word[0].isupper():
            return True
    return False


def identify(text: str, model: Identifier, settings: LanguageSettings) -> str:
    """ISO 639-1 code of `text`, or `und` when the evidence is too thin to say."""
    tokens = words(text)
    ordinary = [w for w in tokens if w[0].islower()]
    if len(ordinary) < settings.min_words_for_model:
        # too few ordinary words for statistics: only Turkish's own marks, or plain English
        if "tr" in settings.languages and turkish_evidence(text):
            return "tr"
        if not ordinary or len(tokens) < settings.min_words_for_model:
            return UNDETERMINED
        return ENGLISH if model(text)[0] == ENGLISH else UNDETERMINED
    language, probability = model(text)
    if language != ENGLISH and probability < settings.min_language_confidence:
        # names mislead the model ("Erdoğan" looks Turkish): judge the ordinary words alone
        language, probability = model(" ".join(ordinary))
    if language == ENGLISH:
        return ENGLISH
    if "tr" in settings.languages and turkish_evidence(text) and language != "tr":
        language = "tr"  # Turkish letters beat a neighbour language's statistics
    elif probability < settings.min_language_confidence:
        return UNDETERMINED
    return language


def identify_segments(
    segments: Sequence[Segment], model: Identifier, settings: LanguageSettings
) -> list[Segment]:
    """Give every segment its language; quotes and sentences are judged on their own text."""
    labelled = [replace(s, language=identify(s.text, model, settings)) for s in segments]
    return _fill_name_lines(labelled)


def _fill_name_lines(segments: list[Segment]) -> list[Segment]:
    """An `und` furniture line between two furniture lines of one language takes it."""
    out = list(segments)
    for i in range(1, len(out) - 1):
        here, before, after = out[i], out[i - 1], out[i + 1]
        if (
            here.language == UNDETERMINED
            and here.kind is Kind.FURNITURE
            and before.kind is Kind.FURNITURE
            and after.kind is Kind.FURNITURE
            and before.language == after.language
            and before.language not in (ENGLISH, UNDETERMINED)
            and all(w[0].isupper() for w in words(here.text))
        ):
            out[i] = replace(here, language=before.language)
    return out


def language_mix(segments: Sequence[Segment]) -> str:
    """`en 93%; tr 6%; und 1%`: share of the article's characters per language."""
    totals: dict[str, int] = {}
    for s in segments:
        if s.kind is not Kind.QUOTE:  # a quote's text is already inside its sentence
            totals[s.language] = totals.get(s.language, 0) + len(s.text)
    grand = sum(totals.values()) or 1
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    return "; ".join(f"{lang} {_percent(n / grand)}" for lang, n in ranked)


def _percent(share: float) -> str:
    return f"{round(100 * share)}%" if share >= 0.005 else "<1%"


def load_identifier(languages: Sequence[str]) -> Identifier:
    """py3langid's bundled model restricted to `languages` (edge: loads the model once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    model.set_languages(list(languages))

    def classify(text: str) -> tuple[str, float]:
        language, probability = model.classify(text)
        return str(language), float(probability)

    return classify


class LazyIdentifier:
    """The language model, loaded the first time something needs it (an unchanged re-audit
    never does)."""

    def __init__(self, languages: Sequence[str]) -> None:
        self._languages = languages
        self._model: Identifier | None = None

    def __call__(self, text: str) -> tuple[str, float]:
        if self._model is None:
            self._model = load_identifier(self._languages)
        return self._model(text)

    def plausibility(self, line: str) -> float:
        return self(line)[1]

    def load(self) -> None:
        """Load the model now (before worker processes fork, so that they share it)."""
        self("")

    def __getstate__(self) -> dict[str, object]:
        """Sent to a process that does not share this one's memory: the languages only; the
        model loads there once, when first needed."""
        return {"_languages": self._languages, "_model": None}
