"""Tables appended in place (history.csv, runs.csv) and the spools the sorted reports use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditor.reports import appended
from auditor.reports.appended import Mark, Table, sync
from auditor.reports.spool import Buckets, Spool
from auditor.run.pipeline import audit_corpus
from tests.conftest import CORPUS

TABLE = Table(
    "t.csv",
    b"\xef\xbb\xbfn,word\r\n",
    lambda rows: b"".join(f"{r['n']},{r['word']}\r\n".encode() for r in rows),
)


def _rows(count: int) -> list[tuple[int, dict[str, object]]]:
    return [(n, {"n": n, "word": f"w{n}"}) for n in range(1, count + 1)]


def _after(rows: list[tuple[int, dict[str, object]]]):  # type: ignore[no-untyped-def]
    return lambda last: [(n, row) for n, row in rows if n > last]


def _expected(count: int) -> bytes:
    return TABLE.header + b"".join(f"{n},w{n}\r\n".encode() for n in range(1, count + 1))


def test_a_table_is_written_whole_then_only_appended(tmp_path: Path) -> None:
    mark = sync(tmp_path, TABLE, None, _after(_rows(3)))
    assert (tmp_path / "t.csv").read_bytes() == _expected(3)
    assert (mark.last, mark.size) == (3, len(_expected(3)))
    inode = (tmp_path / "t.csv").stat().st_ino
    again = sync(tmp_path, TABLE, mark, _after(_rows(3)))
    assert again == mark  # nothing new: the file is not touched
    grown = sync(tmp_path, TABLE, mark, _after(_rows(5)))
    assert (tmp_path / "t.csv").read_bytes() == _expected(5)
    assert (tmp_path / "t.csv").stat().st_ino == inode  # appended in place, not replaced
    assert (grown.last, grown.size) == (5, len(_expected(5)))


def test_a_partial_append_is_cut_back_before_appending(tmp_path: Path) -> None:
    mark = sync(tmp_path, TABLE, None, _after(_rows(2)))
    with open(tmp_path / "t.csv", "ab") as handle:
        handle.write(b"3,w")  # a run killed mid-append
    sync(tmp_path, TABLE, mark, _after(_rows(4)))
    assert (tmp_path / "t.csv").read_bytes() == _expected(4)


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.unlink(),
        lambda p: p.write_bytes(p.read_bytes()[:-4]),  # shortened
        lambda p: p.write_bytes(p.read_bytes().replace(b"w1", b"x1")),  # edited
    ],
    ids=["removed", "shortened", "edited"],
)
def test_a_file_not_as_recorded_is_written_again_whole(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    mark = sync(tmp_path, TABLE, None, _after(_rows(3)))
    damage(tmp_path / "t.csv")
    again = sync(tmp_path, TABLE, mark, _after(_rows(3)))
    assert (tmp_path / "t.csv").read_bytes() == _expected(3)
    assert again.size == len(_expected(3))


def test_large_appends_go_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(appended, "CHUNK", 2)
    mark = sync(tmp_path, TABLE, None, _after(_rows(5)))
    mark = sync(tmp_path, TABLE, mark, _after(_rows(9)))
    assert (tmp_path / "t.csv").read_bytes() == _expected(9)
    assert mark.last == 9


def test_marks_read_back_or_are_refused() -> None:
    assert Mark.of([3, 10, "ab"]) == Mark(3, 10, "ab")
    assert Mark.of([3, 10]) is None
    assert Mark.of(["3", 10, "ab"]) is None
    assert Mark.of({"last": 3}) is None


def test_spools_read_back_every_record_in_order_any_number_of_times(tmp_path: Path) -> None:
    """A record that holds one object twice is pickled with a back-reference into its own memo:
    read with an unpickler of its own, not one carried over from the record before."""
    spool = Spool(tmp_path)
    records = []
    for n in range(300):
        text = f"cell {n}"
        records.append({"n": n, "values": {"a": text, "b": text}, "looks": [{"x": 1}] * 2})
    for record in records:
        spool.add(record)
    assert list(spool) == records
    spool.add({"n": 300})
    assert len(list(spool)) == 301 == len(spool)
    spool.close()
    assert list(tmp_path.iterdir()) == []  # anonymous: nothing left behind


def test_buckets_give_a_stable_sort_by_rank(tmp_path: Path) -> None:
    buckets = Buckets(tmp_path, [0, 1, 2])
    items = [(2, "a"), (0, "b"), (1, "c"), (0, "d"), (2, "e")]
    for rank, item in items:
        buckets.add(rank, item)
    assert list(buckets) == [i for _, i in sorted(items, key=lambda x: x[0])]
    buckets.close()


def test_cron_runs_append_history_and_runs_in_place(tmp_path: Path) -> None:
    corpus, reports = tmp_path / "corpus", tmp_path / "reports"
    shutil.copytree(CORPUS, corpus)
    audit_corpus(corpus, reports)
    history = (reports / "history.csv").read_bytes()
    runs = (reports / "runs.csv").read_bytes()
    inode = (reports / "runs.csv").stat().st_ino
    audit_corpus(corpus, reports)  # unchanged: a row of runs.csv, no history row
    assert (reports / "history.csv").read_bytes() == history
    grown = (reports / "runs.csv").read_bytes()
    assert grown.startswith(runs) and grown.count(b"\r\n") == runs.count(b"\r\n") + 1
    assert (reports / "runs.csv").stat().st_ino == inode
    (reports / "runs.csv").write_bytes(grown[:-10])  # damaged by hand
    audit_corpus(corpus, reports)
    again = (reports / "runs.csv").read_bytes()
    assert again.startswith(grown) and again.count(b"\r\n") == grown.count(b"\r\n") + 1
