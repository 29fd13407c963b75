"""Back-translation evidence: how strongly English reads as a machine back-translation.

`verdict`: the verdict on one article, a calibrated probability from the trained classifier
shipped as data (`classifier`, over the style features of `features`), with the features that
moved it, or "too little text"; `markers`: the model-free markers of machine-translated
English (artefacts and weak statistics, among them `profile`, the function-word profile of
machine translation), features of the classifier; `round_trip`: the second signal, which needs
translation models (round trips through a pivot language), named beside the probability.
"""

from auditor.stages.backtranslation.markers import Evidence, translationese_evidence
from auditor.stages.backtranslation.round_trip import (
    RoundTripper,
    explain_drift,
    similarity_by_pivot,
    with_round_trip,
)
from auditor.stages.backtranslation.verdict import (
    model_identity,
    segment_evidence,
    translation_verdict,
)

__all__ = [
    "Evidence",
    "RoundTripper",
    "explain_drift",
    "model_identity",
    "segment_evidence",
    "similarity_by_pivot",
    "translation_verdict",
    "translationese_evidence",
    "with_round_trip",
]
