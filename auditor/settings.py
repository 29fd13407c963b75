"""Every threshold of the audit in one frozen object, with a fingerprint for caching and reports."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

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

    def fingerprint(self) -> str:
        """Short stable hash of every setting; changes whenever a result could change."""
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def signature(self) -> str:
        """Human-readable `key:value|…` record of the settings, printed beside scores."""
        parts = [f"{k}:{v}" for k, v in asdict(self).items() if k != "languages"]
        parts.append("languages:" + ",".join(self.languages))
        return "|".join(parts)
