"""The official index of a run, kept in the state between runs (edge: the state).

Building the index segments every official document (5,000 sentences: ~2 s, a tenth of a
cold audit of 200 articles); a run whose official documents, settings and code are those of
the index the state keeps loads it instead (~0.1 s). The index is pickled — our own data, in
our own state, read back only under a key that covers everything it was built from: the
official documents' names, bytes and decoded text, the settings, the auditor's code, the
segmenter's (syntok's) version and the interpreter's. One index is kept per state (the last
one built). An index that does not read back (a damaged or foreign row) is built again: the
cache can cost time, never a finding.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Sequence
from functools import cache

from auditor.records import Document
from auditor.run.keys import code_fingerprint, fingerprint
from auditor.settings import Settings
from auditor.stages.align import OfficialIndex
from auditor.store.state import State


def index_key(officials: Sequence[Document], settings: Settings) -> str:
    """What an index is built from: the official documents (as read and as decoded), the
    settings, the code that segments and indexes them."""
    return fingerprint(
        "official index",
        sorted((d.doc_id, d.content_sha256, _text_sha(d.text)) for d in officials),
        settings.fingerprint(),
        code_fingerprint(),
        _syntok_version(),
        sys.version_info[:2],
        pickle.HIGHEST_PROTOCOL,
    )


def _text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@cache
def _syntok_version() -> str:
    """The installed segmenter's version: the index holds its sentences."""
    from importlib.metadata import version

    return version("syntok")


def official_index(
    officials: Sequence[Document], settings: Settings, state: State | None
) -> OfficialIndex:
    """The index of `officials`: the state's when it was built from the same documents,
    settings and code, else built now (and kept in the state for the next run)."""
    from auditor.run.article import build_index

    if state is None:
        return build_index(officials, settings)
    key = index_key(officials, settings)
    stored = state.official_index(key)
    if stored is not None:
        try:
            index = pickle.loads(stored)
        except Exception:  # a damaged row: built again below
            index = None
        if isinstance(index, OfficialIndex):
            return index
    index = build_index(officials, settings)
    state.save_official_index(key, pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    return index
