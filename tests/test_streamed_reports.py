"""Reports written a batch at a time from the state are those of every row at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditor import batches
from auditor.reports import tables
from auditor.reports.data import ReportData
from auditor.reports.tables import TABLES, build_frames, csv_bytes, write_tables
from auditor.run.pipeline import audit_corpus
from auditor.settings import Settings
from auditor.store.state import State, state_path
from auditor.store.stream import StoredHistory, StoredResults
from auditor.store.wordings import StoredWordings
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("streamed")
    shutil.copytree(CORPUS, root / "corpus")
    audit_corpus(root / "corpus", root / "reports", formats=("csv",))
    return root / "reports"


def _data(state: State, stored: bool) -> ReportData:
    ids = sorted(state.article_ids())
    results = StoredResults(state, ids) if stored else [state.result(i) for i in ids]
    history = StoredHistory(state) if stored else state.history()
    wordings = StoredWordings(state) if stored else list(StoredWordings(state))
    return ReportData(results, Settings(), history, ("csv",), "2026-01-01T00:00:00Z", wordings)


@pytest.mark.parametrize("batch", [1, 3, 200])
def test_csvs_written_a_batch_at_a_time_are_those_of_one_frame(
    state: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    monkeypatch.setattr(tables, "batched", lambda items, size=batch: batches.batched(items, batch))
    db = State(state_path(state))
    try:
        streamed, whole = tmp_path / "streamed", tmp_path / "whole"
        streamed.mkdir()
        whole.mkdir()
        write_tables(_data(db, stored=True), streamed)
        frames = build_frames(_data(db, stored=False))
    finally:
        db.close()
    for name in TABLES:
        assert (streamed / name).read_bytes() == csv_bytes(frames[name]), name
        if name != "findings.csv":  # the audit's has the review desk's columns
            assert (streamed / name).read_bytes() == (state / name).read_bytes(), name
    assert csv_bytes(frames["segments.csv"]).count(b"\r\n") > 100  # rows across batches


def test_the_review_order_and_totals_are_one_pass_over_the_state(state: Path) -> None:
    db = State(state_path(state))
    try:
        index = _data(db, stored=True).index
        results = [db.result(i) for i in sorted(db.article_ids())]
    finally:
        db.close()
    assert sorted(index.review_order) == sorted(r.article_id for r in results)
    assert index.review_order[0] == "turkish-outlet-2022-11-30-bucharest-press-conference.txt"
    assert sum(index.totals.statuses.values()) == len(results) == 4
    assert index.totals.segments == sum(len(r.segments) for r in results)
    assert index.totals.counted["critical_edits"] == 1
