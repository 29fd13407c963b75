"""Text compared as wording (pure): case, punctuation and spacing aside."""

from __future__ import annotations

import re

_NOT_WORDING = re.compile(r"[\W_]+")


def normalised_wording(text: str) -> str:
    """Case, punctuation and spacing removed: equal here means `verbatim`."""
    return _NOT_WORDING.sub(" ", text.lower()).strip()
