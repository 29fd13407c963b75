"""ArticleResult ⇄ JSON, for the state database (pure)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from auditor.records import (
    AlignmentStrength,
    ArticleResult,
    Category,
    Change,
    Kind,
    Level,
    NotFound,
    Segment,
    SegmentResult,
    Status,
    Translation,
    TranslationStatus,
)


def result_to_json(result: ArticleResult) -> str:
    return json.dumps(asdict(result), ensure_ascii=False, sort_keys=True)


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
