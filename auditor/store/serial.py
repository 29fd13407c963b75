"""ArticleResult ⇄ JSON, for the state database (pure)."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from typing import Any

from auditor.records import (
    AlignmentStrength,
    ArticleResult,
    Category,
    Change,
    Kind,
    Level,
    NotFound,
    Place,
    Segment,
    SegmentResult,
    Status,
    Translation,
    TranslationStatus,
)


def result_to_json(result: ArticleResult) -> str:
    """The same text as `json.dumps(dataclasses.asdict(result), …)`, in a third of the time:
    the encoder asks for one record at a time (`_fields_of`) instead of a deep copy of the
    whole result first. Every audited article is stored this way, by the one driver process
    that a cluster's workers wait on."""
    return json.dumps(result, default=_fields_of, ensure_ascii=False, sort_keys=True)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _fields_of(record: object) -> dict[str, Any]:
    kind = type(record)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if not is_dataclass(record) or isinstance(record, type):
            raise TypeError(f"not a record: {kind.__name__}")
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(record))
    return {name: getattr(record, name) for name in names}


def _segment_result(data: dict[str, Any]) -> SegmentResult:
    segment = dict(data["segment"])
    segment["kind"] = Kind(segment["kind"])
    translation = data.get("translation")
    return SegmentResult(
        **{
            **data,
            "segment": Segment(**segment),
            "translation": Translation(
                **{**translation, "status": TranslationStatus(translation["status"])}
            )
            if translation
            else None,
            "category": Category(data["category"]),
            "alignment": AlignmentStrength(data["alignment"]) if data.get("alignment") else None,
            "not_found": NotFound(data["not_found"]) if data.get("not_found") else None,
            "changes": tuple(
                Change(**{**c, "level": Level(c["level"])}) for c in data.get("changes", ())
            ),
            "substitutions": tuple(data["substitutions"]),
            "official_roundtrip": data.get("official_roundtrip", ""),
            "roundtrip_chrf": data.get("roundtrip_chrf"),
            "mt_explained": data.get("mt_explained"),
            "places": tuple(Place(**p) for p in data.get("places", ())),
        }
    )


def result_from_json(text: str) -> ArticleResult:
    data = json.loads(text)
    return ArticleResult(
        **{
            **data,
            "status": Status(data["status"]),
            "segments": tuple(_segment_result(s) for s in data["segments"]),
        }
    )
