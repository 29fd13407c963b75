"""The official index kept in the state: loaded by a run whose official documents, settings
and code are those it was built from, built again when any of them changed or its row does not
read back; the reports are the same whether it was built or loaded."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from auditor.records import Document, Role
from auditor.run import article
from auditor.run.official_index import index_key, official_index
from auditor.run.pipeline import audit_corpus
from auditor.settings import Settings
from auditor.store.state import State, state_path

TEXT = "Allies met in Bucharest on Tuesday. They agreed to do more for Ukraine.\n"


def _official(text: str = TEXT, doc_id: str = "nato") -> Document:
    return Document(doc_id, Role.OFFICIAL, text, "utf-8", f"sha-of-{text}")


@pytest.fixture()
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times an index is built (one entry per build)."""
    counted: list[int] = []
    build = article.build_index

    def counting(officials: list[Document], settings: Settings) -> object:
        counted.append(len(officials))
        return build(officials, settings)

    monkeypatch.setattr(article, "build_index", counting)
    return counted


def test_a_second_run_with_the_same_officials_loads_the_index(
    tmp_path: Path, builds: list[int]
) -> None:
    state = State(tmp_path / "state.sqlite")
    first = official_index([_official()], Settings(), state)
    second = official_index([_official()], Settings(), state)
    assert builds == [1]
    assert second is not first
    assert [second.sentence_count(d) for d in second.doc_ids()] == [2]
    assert second.doc_ids() == first.doc_ids()


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param(lambda: ([_official(TEXT + "They met again.\n")], Settings()), id="text"),
        pytest.param(lambda: ([_official(doc_id="other")], Settings()), id="name"),
        pytest.param(lambda: ([_official(), _official(doc_id="two")], Settings()), id="a file"),
        pytest.param(
            lambda: (
                [_official()],
                replace(Settings(), align=replace(Settings().align, sure_chrf=56.0)),
            ),
            id="a threshold",
        ),
    ],
)
def test_anything_the_index_is_built_from_changed_builds_it_again(
    tmp_path: Path, builds: list[int], changed: object
) -> None:
    state = State(tmp_path / "state.sqlite")
    official_index([_official()], Settings(), state)
    officials, settings = changed()  # type: ignore[operator]
    assert index_key(officials, settings) != index_key([_official()], Settings())
    official_index(officials, settings, state)
    assert len(builds) == 2
    official_index(officials, settings, state)  # now the kept one: the last built
    assert len(builds) == 2
    count = state.db.execute("SELECT count(*) FROM official_index").fetchone()[0]
    assert count == 1  # one index per state


def test_the_same_bytes_decoded_otherwise_are_another_index() -> None:
    one = _official("Ministers met.\n")
    other = Document(one.doc_id, one.role, "Ministers met!\n", one.encoding, one.content_sha256)
    assert index_key([one], Settings()) != index_key([other], Settings())


@pytest.mark.parametrize("damage", [b"not a pickle", b"\x80\x05K\x01.", b""])
def test_a_row_that_does_not_read_back_is_built_again(
    tmp_path: Path, builds: list[int], damage: bytes
) -> None:
    state = State(tmp_path / "state.sqlite")
    official_index([_official()], Settings(), state)
    key = index_key([_official()], Settings())
    state.save_official_index(key, damage)  # b"\x80\x05K\x01.": the pickle of 1, not an index
    index = official_index([_official()], Settings(), state)
    assert builds == [1, 1]
    assert index.sentence_count("nato") == 2
    assert state.official_index(key) != damage  # the rebuilt one replaced it


def test_a_new_state_has_no_index_until_a_run_keeps_one(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    state = State(path)  # an older state gains the table by migration 8 (test_state_schema)
    assert state.official_index("any") is None
    state.save_official_index("k", b"data")
    state.save_official_index("k2", b"other")  # one index per state: the last one built
    assert state.official_index("k") is None
    state.close()
    assert State(path).official_index("k2") == b"other"


def test_without_a_state_the_index_is_built_and_kept_nowhere(builds: list[int]) -> None:
    official_index([_official()], Settings(), None)
    official_index([_official()], Settings(), None)
    assert builds == [1, 1]


def test_reports_are_the_same_whether_the_index_was_built_or_loaded(
    corpus_copy: Path, tmp_path: Path, builds: list[int]
) -> None:
    built, loaded = tmp_path / "built", tmp_path / "loaded"
    audit_corpus(corpus_copy, built, workers=1)
    assert len(builds) == 1
    audit_corpus(corpus_copy, loaded, workers=1)  # a new state: built again
    assert len(builds) == 2
    names = ("segments.csv", "fragments.csv")
    reference = {name: (built / name).read_bytes() for name in names}
    audit_corpus(corpus_copy, built, workers=1, full=True)  # every article again, index kept
    assert len(builds) == 2
    assert {name: (built / name).read_bytes() for name in names} == reference
    assert {name: (loaded / name).read_bytes() for name in names} == reference
    with sqlite3.connect(state_path(built)) as db:
        assert db.execute("SELECT count(*) FROM official_index").fetchone() == (1,)
