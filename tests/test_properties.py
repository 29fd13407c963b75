"""Untrusted input: ingest and segmentation never raise and never lose text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.records import Kind, Role
from auditor.stages.ingest import NotText, decode_document, normalise
from auditor.stages.segment import segment_document

_WS = re.compile(r"\s+")
# text that looks like scraped news: words, curly and straight quotes, punctuation, newlines
newsy = st.text(
    alphabet=st.sampled_from(list("abcXYZ çğış.,!?;:“”‘’\"'«»-\n\n  12%")) | st.characters(),
    max_size=400,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=600))
def test_ingest_never_raises_anything_but_not_text(data: bytes) -> None:
    try:
        doc = decode_document("x.txt", Role.ARTICLE, data, plausibility=None, max_control=0.01)
    except NotText as exc:
        assert str(exc)
    else:
        segment_document(doc.text)


@settings(max_examples=400, deadline=None)
@given(newsy)
def test_segments_lose_no_character(text: str) -> None:
    text = normalise(text)
    segments = segment_document(text)
    covered = "".join(s.text for s in segments if s.kind is not Kind.QUOTE)
    assert _WS.sub("", covered) == _WS.sub("", text)
    for s in segments:
        assert text[s.start : s.end] == s.text
        if s.kind is Kind.QUOTE:
            assert s.in_sentence is not None
            assert segments[s.in_sentence].kind in (Kind.SENTENCE, Kind.TITLE)
