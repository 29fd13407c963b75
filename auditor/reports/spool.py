"""Rows written once and read back in order, as often as needed, from a file (edge): what a
report that orders rows across the whole corpus keeps instead of holding them.

A spool is an anonymous temporary file in the folder the report is written into (the reports'
staging folder: nothing is written outside the reports folder, and the file has no name, so a
killed run leaves nothing behind). `Buckets` keeps one spool per rank: rows added in article
order come back ordered by (rank, article order) — the order of a stable sort by rank, without
holding or sorting the rows.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Hashable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any


class Spool:
    """Records appended, then read back in order (any number of times)."""

    def __init__(self, folder: Path) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self.count = 0

    def add(self, record: Any) -> None:
        pickle.dump(record, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Any]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            # one unpickler per record: each was pickled with a memo of its own, which an
            # unpickler reused across records would mistake for the previous record's
            yield pickle.load(self._file)
        self._file.seek(0, 2)  # the next record goes at the end

    def close(self) -> None:
        self._file.close()


class Buckets:
    """One spool per rank, read in the order of `ranks`: records come back ordered by rank,
    those of one rank in the order they were added."""

    def __init__(self, folder: Path, ranks: Sequence[Hashable]) -> None:
        self.spools = {rank: Spool(folder) for rank in ranks}

    def add(self, rank: Hashable, record: Any) -> None:
        self.spools[rank].add(record)

    def __len__(self) -> int:
        return sum(len(spool) for spool in self.spools.values())

    def __iter__(self) -> Iterator[Any]:
        for spool in self.spools.values():
            yield from spool

    def close(self) -> None:
        for spool in self.spools.values():
            spool.close()
