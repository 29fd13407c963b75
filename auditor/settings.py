"""Every threshold of the audit in one frozen object, with a fingerprint for caching and reports."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class MatchRule:
    """Thresholds that decide whether a best candidate is a real counterpart (README)."""

    #: chrF++ at or above which the wording alone is evidence enough
    sure_chrf: float = 55.0
    #: chrF++ with at least `min_shared` content words and half the official words present
    close_chrf: float = 40.0
    min_shared: int = 3
    min_official_recall: float = 0.5
    #: chrF++ for a paraphrase that shares many content words (reported speech)
    paraphrase_chrf: float = 30.0
    paraphrase_shared: int = 6
    paraphrase_recall: float = 0.45
    #: weaker candidates need neighbours: a sure match at most this many official sentences
    #: before or after, in the same order as the article
    neighbour_gap: int = 2
    neighbour_min_chrf: float = 20.0
    #: when extending a run by a neighbouring sentence raises the share of the segment's
    #: content words found by this much, and chrF++ falls by less than `merge_max_chrf_loss`,
    #: the segment merges the official sentences (1:n)
    merge_min_gain: float = 0.15
    merge_min_shared_gain: int = 2
    merge_max_chrf_loss: float = 10.0


#: Languages the identifier may answer with; restricting the set is what keeps short English
#: lines from being called Maltese or Tagalog (see README, "Language identification").
DEFAULT_LANGUAGES = ("en", "tr", "de", "fr", "es", "ru", "it", "pt", "nl", "el", "ar", "uk")


@dataclass(frozen=True)
class Settings:
    """Thresholds and switches that change what the audit finds."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    #: a line needs this many lowercase (non-name) words before the language model is trusted
    min_words_for_model: int = 3
    #: below this model probability a non-English verdict becomes `und`
    min_language_confidence: float = 0.90
    #: share of control characters above which a file is called binary
    max_control_char_share: float = 0.01
    #: a quotation shorter than this many words is a quoted phrase, never called fabricated
    min_quote_words: int = 5
    #: an article reports an official document when it aligns to at least this share of the
    #: document's sentences (seed 000: 0.57; the three other-event seeds: at most 0.13) …
    min_coverage: float = 0.2
    #: … or when at least this share of its quotations align (a short article quoting a long
    #: transcript covers little of it; seed 000: 1.0, seeds 002–004: at most 0.2)
    min_quote_share: float = 0.5
    #: an aligned segment below this chrF++, or with a critical edit, is `drift`
    paraphrase_min_chrf: float = 60.0
    #: back-translation score from which official sentences are round-tripped through the
    #: suspected pivot to see whether machine translation explains the drift
    mt_explain_min_score: float = 0.5
    match: MatchRule = field(default_factory=MatchRule)

    def fingerprint(self) -> str:
        """Short stable hash of every setting; changes whenever a result could change."""
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def signature(self) -> str:
        """Human-readable `key:value|…` record of the settings, printed beside scores."""
        parts = [f"{k}:{v}" for k, v in asdict(self).items() if k not in ("languages", "match")]
        parts += [f"match.{k}:{v}" for k, v in asdict(self.match).items()]
        parts.append("languages:" + ",".join(self.languages))
        return "|".join(parts)
