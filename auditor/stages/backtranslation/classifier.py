"""The back-translation classifier (pure, plus reading its parameters from `auditor/data/`):
a calibrated probability that an article's English is a machine translation, from a linear
model over the style features of `features.py`, with the features that moved it.

The model is data, not code: `mt_classifier.json` holds the intercept, each feature's training
mean, scale and weight, and the calibration map from the linear score to a probability, with
its training provenance under `about` (bench/train_backtranslation.py fits it with
scikit-learn; the audit needs only these numbers). The file is part of the package, so its
bytes enter the cache key (`run/keys.code_fingerprint`); its identity is printed in the data
dictionary. A file whose format, version, feature extractor or feature names do not match this
code is refused (`ModelError`), never read as something else.

    score = intercept + Σ weight × (t(value) − mean) / scale      t: log1p for n-gram rates
    probability = calibration(score)   (linear between the stored points: isotonic steps,
                                       or Platt's curve tabulated)
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import pairwise
from typing import Any

from auditor.lexicon import DATA_PACKAGE

MODEL_FORMAT = "auditor back-translation classifier"
#: the version of the file's layout this code reads
MODEL_VERSION = 1
TRANSFORMS = ("log1p", "none")


class ModelError(ValueError):
    """A model file this code cannot read faithfully."""


@dataclass(frozen=True)
class Term:
    """One feature of the model."""

    name: str
    transform: str  #: `log1p` or `none`, applied to the value before standardising
    mean: float  #: of the transformed value over the training documents
    scale: float  #: its standard deviation (> 0)
    weight: float  #: > 0: the feature raises the probability of machine translation
    human: float  #: mean raw value in the human-written training documents (shown to readers)

    def contribution(self, value: float) -> float:
        x = math.log1p(max(value, 0.0)) if self.transform == "log1p" else value
        return self.weight * (x - self.mean) / self.scale


@dataclass(frozen=True)
class Model:
    name: str  #: the file's name in `auditor/data/`
    digest: str  #: SHA-256 of the file's bytes
    features_version: int
    about: str  #: the training provenance
    intercept: float
    terms: tuple[Term, ...]
    calibration_x: tuple[float, ...]  #: increasing linear scores …
    calibration_y: tuple[float, ...]  #: … and the probabilities there (non-decreasing)

    @property
    def ngrams(self) -> tuple[str, ...]:
        from auditor.stages.backtranslation.features import NGRAM

        return tuple(t.name.removeprefix(NGRAM) for t in self.terms if t.name.startswith(NGRAM))

    def identity(self) -> str:
        """`mt_classifier.json v1, features v1, sha256 0123abcd…`: the report signature's."""
        return (
            f"{self.name} v{MODEL_VERSION}, features v{self.features_version}, "
            f"{len(self.terms)} features, sha256 {self.digest[:16]}"
        )

    def contributions(self, values: Mapping[str, float]) -> dict[str, float]:
        """Each feature's term of the linear score (0: as the average training document)."""
        return {t.name: t.contribution(values[t.name]) for t in self.terms}

    def linear(self, values: Mapping[str, float]) -> float:
        return self.linear_of(self.contributions(values))

    def linear_of(self, contributions: Mapping[str, float]) -> float:
        """The linear score from the features' terms (`contributions`)."""
        return self.intercept + math.fsum(contributions.values())

    def probability(self, linear: float) -> float:
        """The calibrated probability of machine translation at a linear score."""
        xs, ys = self.calibration_x, self.calibration_y
        if linear <= xs[0]:
            return ys[0]
        if linear >= xs[-1]:
            return ys[-1]
        i = bisect_right(xs, linear)
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 + (y1 - y0) * (linear - x0) / (x1 - x0) if x1 > x0 else y1


def parse_model(raw: bytes, name: str) -> Model:
    """A model from its file's bytes; `ModelError` when this code cannot read it as written."""
    from auditor.stages.backtranslation.features import FEATURES_VERSION, known

    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{name}: not a JSON model file ({error})") from error
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise ModelError(f"{name}: not a back-translation classifier (format {MODEL_FORMAT!r})")
    if data.get("version") != MODEL_VERSION:
        raise ModelError(
            f"{name}: model file version {data.get('version')!r}; this auditor reads "
            f"version {MODEL_VERSION}"
        )
    if data.get("features_version") != FEATURES_VERSION:
        raise ModelError(
            f"{name}: trained on features version {data.get('features_version')!r}; this "
            f"auditor computes version {FEATURES_VERSION}: retrain it "
            "(bench/train_backtranslation.py)"
        )
    try:
        terms = tuple(
            Term(
                str(t["name"]),
                str(t["transform"]),
                float(t["mean"]),
                float(t["scale"]),
                float(t["weight"]),
                float(t["human"]),
            )
            for t in data["features"]
        )
        xs = tuple(float(x) for x in data["calibration"]["x"])
        ys = tuple(float(y) for y in data["calibration"]["y"])
        intercept = float(data["intercept"])
        about = str(data["about"])
    except (KeyError, TypeError, ValueError) as error:
        raise ModelError(f"{name}: incomplete model file ({error!r})") from error
    unknown = [t.name for t in terms if not known(t.name)]
    if unknown:
        raise ModelError(f"{name}: features this auditor does not compute: {unknown[:5]}")
    names = [t.name for t in terms]
    if len(set(names)) != len(names) or not terms:
        raise ModelError(f"{name}: no features, or a feature named twice")
    if any(t.transform not in TRANSFORMS or not t.scale > 0 for t in terms):
        raise ModelError(f"{name}: a feature's transform is not one of {TRANSFORMS} or scale ≤ 0")
    numbers = [intercept, *xs, *ys, *(v for t in terms for v in (t.mean, t.weight, t.human))]
    if not all(math.isfinite(v) for v in numbers):
        raise ModelError(f"{name}: a parameter is not a finite number")
    if (
        len(xs) != len(ys)
        or len(xs) < 2
        or any(b < a for a, b in pairwise(xs))
        or any(b < a for a, b in pairwise(ys))
        or not all(0.0 <= y <= 1.0 for y in ys)
    ):
        raise ModelError(f"{name}: the calibration is not a non-decreasing map onto [0, 1]")
    digest = hashlib.sha256(raw).hexdigest()
    return Model(name, digest, FEATURES_VERSION, about, intercept, terms, xs, ys)


@cache
def load_model(name: str) -> Model:
    """The model file `name` of `auditor/data/` (read once per process)."""
    return parse_model(files(DATA_PACKAGE).joinpath(name).read_bytes(), name)


def strongest(contributions: Mapping[str, float], n: int) -> Sequence[tuple[str, float]]:
    """The `n` features that moved the score most, either way, largest first (ties by name).
    Only the terms at least as large as the n-th largest are sorted (the same `n`, ~4× faster
    than sorting all ~1,800)."""
    if 0 < n < len(contributions):
        floor = heapq.nlargest(n, map(abs, contributions.values()))[-1]
        contributions = {name: c for name, c in contributions.items() if abs(c) >= floor}
    ranked = sorted(contributions.items(), key=lambda item: (-abs(item[1]), item[0]))
    return [(name, c) for name, c in ranked[:n] if c != 0.0]
