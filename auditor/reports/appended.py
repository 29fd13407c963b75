"""Tables that only grow — history.csv and runs.csv — appended in place (edge).

Each is a projection of committed rows of the state, in the order they were stored. The state
records how far each file goes (`Mark`: the last row written, the file's size, a hash of its
last bytes), so a run appends only its own rows — an unchanged cron run costs the same after a
thousand runs as after one — and never rewrites the file.

The rows are appended *after* the run's reports are committed (`auditor.reports.commit`): the
file only ever holds rows that count. A run killed while appending leaves at most a partial last
line, and one killed between its commit and its append leaves its rows out; the next run (or
`auditor report`) truncates the file back to the recorded size and appends every committed row
past the mark. A file that is not as recorded — removed, shortened, its last bytes changed —
is written again whole from the state, as a replaced report is: to a temporary sibling, then
renamed over it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.reports import commit

#: bytes before the recorded end whose hash tells that the file is still the one written
TAIL = 4096
#: rows rendered and written at once
CHUNK = 2000


@dataclass(frozen=True)
class Mark:
    """How far a file goes: the last row it holds (the state's row id), its size in bytes, and
    the SHA-256 of its last `TAIL` bytes."""

    last: int
    size: int
    tail: str

    def as_list(self) -> list[object]:
        return [self.last, self.size, self.tail]

    @classmethod
    def of(cls, value: object) -> Mark | None:
        if not isinstance(value, list) or len(value) != 3:
            return None
        last, size, tail = value
        if not (isinstance(last, int) and isinstance(size, int) and isinstance(tail, str)):
            return None
        return cls(last, size, tail)


@dataclass(frozen=True)
class Table:
    """An appended table: its file name, its header (BOM and column names, as bytes), and how
    to render rows (each a (row id, row) pair, by row id) as its lines."""

    name: str
    header: bytes
    render: Callable[[list[dict[str, object]]], bytes]


def tail_hash(path: Path, size: int) -> str:
    """SHA-256 of the `TAIL` bytes before `size` in `path`."""
    with open(path, "rb") as handle:
        handle.seek(max(0, size - TAIL))
        return hashlib.sha256(handle.read(min(size, TAIL))).hexdigest()


def sync(
    folder: Path,
    table: Table,
    mark: Mark | None,
    rows_after: Callable[[int], Iterable[tuple[int, dict[str, object]]]],
) -> Mark:
    """Bring `folder/table.name` up to the committed rows: append the rows past `mark` (after
    cutting a partial append back), or write the file again when it is not the one `mark`
    describes. Returns the new mark."""
    path = folder / table.name
    if mark is not None and _as_marked(path, mark):
        return _append(path, table, mark, rows_after)
    return _rewrite(folder, table, rows_after)


def _as_marked(path: Path, mark: Mark) -> bool:
    """The file is the one `mark` describes (perhaps with a partial append after it)."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size < mark.size:
            return False
        return tail_hash(path, mark.size) == mark.tail
    except OSError:
        return False


def _append(
    path: Path,
    table: Table,
    mark: Mark,
    rows_after: Callable[[int], Iterable[tuple[int, dict[str, object]]]],
) -> Mark:
    last, size = mark.last, mark.size
    with open(path, "r+b") as handle:
        if os.fstat(handle.fileno()).st_size != size:
            handle.truncate(size)  # a partial append of a killed run
        handle.seek(size)
        wrote = False
        for chunk in _chunks(rows_after(last)):
            data = table.render([row for _, row in chunk])
            handle.write(data)
            size += len(data)
            last = chunk[-1][0]
            wrote = True
        if wrote or os.fstat(handle.fileno()).st_size != mark.size:
            handle.flush()
            os.fsync(handle.fileno())
    if not wrote:
        return mark
    return Mark(last, size, tail_hash(path, size))


def _rewrite(
    folder: Path,
    table: Table,
    rows_after: Callable[[int], Iterable[tuple[int, dict[str, object]]]],
) -> Mark:
    """Write the whole file again: a temporary sibling, renamed over it."""
    last = 0

    def parts() -> Iterator[bytes]:
        nonlocal last
        yield table.header
        for chunk in _chunks(rows_after(0)):
            yield table.render([row for _, row in chunk])
            last = chunk[-1][0]

    path = commit.write_replacing(folder, table.name, parts())
    size = path.stat().st_size
    return Mark(last, size, tail_hash(path, size))


def _chunks(
    rows: Iterable[tuple[int, dict[str, object]]],
) -> Iterator[list[tuple[int, dict[str, object]]]]:
    chunk: list[tuple[int, dict[str, object]]] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
