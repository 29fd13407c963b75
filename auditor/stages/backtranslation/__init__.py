"""Back-translation evidence: how strongly English reads as a machine back-translation.

`markers`: model-free translationese markers of one article's English (artefacts, and weak
statistics such as `profile`, the function-word profile of machine translation);
`round_trip`: the evidence that needs translation models (round trips through a pivot
language).
"""

from auditor.stages.backtranslation.markers import (
    Evidence,
    segment_evidence,
    translationese_evidence,
)
from auditor.stages.backtranslation.round_trip import (
    RoundTripper,
    explain_drift,
    similarity_by_pivot,
    with_round_trip,
)

__all__ = [
    "Evidence",
    "RoundTripper",
    "explain_drift",
    "segment_evidence",
    "similarity_by_pivot",
    "translationese_evidence",
    "with_round_trip",
]
