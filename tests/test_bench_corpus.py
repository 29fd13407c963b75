"""bench/make_corpus.py: the generated corpora the benchmarks measure on."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.make_corpus import make_corpus


def _texts(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def test_reported_keeps_the_same_articles_against_a_larger_archive(tmp_path: Path) -> None:
    """With `reported`, growing the archive adds official documents and changes no article:
    the per-article cost measured at each size is the archive's alone."""
    small = make_corpus(12, 200, tmp_path / "small", reported=100)
    large = make_corpus(12, 1000, tmp_path / "large", reported=100)
    assert _texts(small / "articles") == _texts(large / "articles")
    official_small, official_large = _texts(small / "official"), _texts(large / "official")
    assert len(official_large) > len(official_small)
    assert official_small.items() <= official_large.items()  # the archive grows by addition
    # without it, the articles follow the archive (as the benchmarks measured before)
    other = make_corpus(12, 1000, tmp_path / "other")
    assert _texts(other / "articles") != _texts(large / "articles")


def test_reported_cannot_exceed_the_archive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="reported"):
        make_corpus(2, 100, tmp_path / "c", reported=500)
