"""history.csv (pure): one row per article per run, appended — without pandas, so that an
unchanged re-audit costs little more than hashing the corpus."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from auditor.reports.columns import names, neutralise
from auditor.reports.summary import HISTORY

BOM = "\ufeff"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(neutralise(value))


def history_csv(rows: Sequence[Mapping[str, Any]], existing: bytes | None = None) -> bytes:
    """`existing` history.csv bytes (or a new header) followed by `rows`, UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if existing is None:
        out.write(BOM)
        writer.writerow(names(HISTORY))
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in names(HISTORY)])
    return (existing or b"") + out.getvalue().encode("utf-8")
