"""What every report table is made of (pure, light: an unchanged run appends its history and
runs rows with it alone): a column's declaration, the list separator inside a cell, and the
neutralising of cells a spreadsheet would run as formulas (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

#: separator of the items of a list inside one cell
LIST_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Column(NamedTuple):
    name: str
    type: str  #: `text`, `number` or `integer`
    unit: str
    meaning: str
    example: str
    digits: int | None = None  #: a number column is rounded to this many decimals


def names(columns: list[Column]) -> list[str]:
    return [c.name for c in columns]


def neutralise(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would run as a formula; keep everything else."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def table_csv(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[Column], header: bool = True
) -> bytes:
    """A small table's CSV without pandas: UTF-8 with BOM, `\\r\\n`, formulas
    neutralised, as every CSV of the reports (`header` False: the rows' lines only)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    heads = names(list(columns))
    if header:
        out.write("\ufeff")
        writer.writerow(heads)
    for row in rows:
        writer.writerow(["" if row.get(n) is None else neutralise(row.get(n)) for n in heads])
    return out.getvalue().encode("utf-8")
