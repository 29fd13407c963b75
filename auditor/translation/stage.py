"""The translate stage (edge): every fragment of a run, batched per language and cached.

For each language, the installed `X→en` package translates, in one batch, every fragment text
of every article of the run that the state's cache does not already hold. Round trips
(en→X→en) for back-translation evidence use the same cache, keyed by both models.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.records import ENGLISH, UNDETERMINED, Translation, TranslationStatus
from auditor.store.state import State
from auditor.translation.packages import (
    InstalledModel,
    installed_models,
    models_fingerprint,
    select_model,
)

if TYPE_CHECKING:
    from auditor.reports.summary import ArticleSummary
    from auditor.translation.argos import ArgosTranslator

INSTALL_HINT = (
    "auditor models install translate-{lang}_en.argosmodel  "
    "(or: auditor models install {lang} en --download)"
)


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslateStage:
    """Translations for one run: models found once, the translator loaded on first need."""

    def __init__(self, models_dir: Path, state: State, threads: int = 1) -> None:
        self.models_dir = models_dir
        self.state = state
        self.threads = threads
        self.models = installed_models(models_dir)
        self.missing: dict[str, int] = defaultdict(int)  #: language → untranslated fragments
        self._translator: ArgosTranslator | None = None

    def fingerprint(self) -> str:
        """What the installed models are, for cache keys: any change re-audits."""
        return models_fingerprint(self.models)

    def model(self, source: str, target: str) -> InstalledModel | None:
        return select_model(self.models, source, target)

    def pivots(self) -> list[tuple[str, InstalledModel, InstalledModel]]:
        """Languages X with both en→X and X→en installed: round trips are possible."""
        out = []
        for language in sorted({m.to_code for m in self.models if m.from_code == ENGLISH}):
            there, back = self.model(ENGLISH, language), self.model(language, ENGLISH)
            if there is not None and back is not None:
                out.append((language, there, back))
        return out

    def _batch(self, model: InstalledModel, texts: Sequence[str]) -> list[str]:
        if self._translator is None:
            from auditor.translation.argos import ArgosTranslator, configure_argos_environment

            configure_argos_environment(self.models_dir, self.threads)
            self._translator = ArgosTranslator(self.threads)
        return self._translator.translate_batch(model, texts)

    @property
    def batches(self) -> int:
        return self._translator.batches if self._translator is not None else 0

    def translate(self, model: InstalledModel, texts: Sequence[str]) -> dict[str, str]:
        """English (or target) text for each distinct text: cached ones from the state, the
        others in one batch, then cached."""
        wanted = sorted(set(texts))
        keys = [(text_sha(t), model.model_id) for t in wanted]
        cached = self.state.translations(keys)
        out = {t: cached[k] for t, k in zip(wanted, keys, strict=True) if k in cached}
        todo = [t for t in wanted if t not in out]
        if todo:
            done = self._batch(model, todo)
            self.state.save_translations(
                (text_sha(t), model.model_id, en) for t, en in zip(todo, done, strict=True)
            )
            out.update(zip(todo, done, strict=True))
        return out

    def fragments(self, items: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Translation]:
        """(language, text) → Translation for every fragment of the run."""
        by_language: dict[str, list[str]] = defaultdict(list)
        for language, text in items:
            by_language[language].append(text)
        result: dict[tuple[str, str], Translation] = {}
        for language, texts in sorted(by_language.items()):
            model = self.model(language, ENGLISH)
            if model is None:
                self.missing[language] += len(texts)
                for text in texts:
                    result[(language, text)] = Translation(TranslationStatus.NO_MODEL)
                continue
            try:
                english = self.translate(model, texts)
            except Exception as exc:  # a failing model is a finding (status failed), not a crash
                for text in texts:
                    result[(language, text)] = Translation(
                        TranslationStatus.FAILED, model=f"{model.model_id} ({exc})"
                    )
                continue
            for text in texts:
                result[(language, text)] = Translation(
                    TranslationStatus.TRANSLATED, english[text], model.model_id
                )
        return result

    def round_trip(
        self, texts: Sequence[str], there: InstalledModel, back: InstalledModel
    ) -> dict[str, str]:
        """Each English text after en→X→en (two batches, both cached)."""
        pivot = self.translate(there, texts)
        returned = self.translate(back, [pivot[t] for t in set(texts)])
        return {t: returned[pivot[t]] for t in set(texts)}

    def pivot_languages(self) -> list[str]:
        return [language for language, _, _ in self.pivots()]

    def round_trip_through(self, language: str, texts: Sequence[str]) -> dict[str, str]:
        """Each English text after en→language→en."""
        there, back = self.model(ENGLISH, language), self.model(language, ENGLISH)
        if there is None or back is None:
            raise ValueError(f"no round trip through {language}: a model is missing")
        return self.round_trip(texts, there, back)

    def install_hints(self, summaries: Sequence[ArticleSummary] = ()) -> list[str]:
        """What to install, on every run while fragments stay untranslated: the languages this
        run found without a model, and those of articles whose stored results were reused
        (their language mix, for languages that still have no model to English)."""
        total = sum(s.fragments_untranslated or 0 for s in summaries) or sum(self.missing.values())
        if not total:
            return []
        languages = set(self.missing)
        for summary in summaries:
            if summary.fragments_untranslated:
                mix = (part.split()[0] for part in summary.language_mix.split(";") if part.strip())
                languages.update(
                    language
                    for language in mix
                    if language not in (ENGLISH, UNDETERMINED)
                    and self.model(language, ENGLISH) is None
                )
        if not languages:
            return [f"{total} fragment(s) untranslated: the translation failed (see fragments.csv)"]
        if len(languages) == 1:
            (language,) = languages
            return [
                f"{total} fragment(s) in '{language}' untranslated: no {language}→en model; "
                "install with: " + INSTALL_HINT.format(lang=language)
            ]
        return [f"{total} fragment(s) untranslated (see fragments.csv)"] + [
            f"no {language}→en model; install with: " + INSTALL_HINT.format(lang=language)
            for language in sorted(languages)
        ]
