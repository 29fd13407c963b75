"""`--formats parquet`: the CSVs' tables, typed, and the queries of docs/parquet.md."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from auditor.reports import parquet
from auditor.reports.formats import DEFAULT_FORMATS, REPORT_FILES, parse_formats
from auditor.reports.tables import TABLES
from auditor.run.pipeline import audit_corpus

DOCS = Path(__file__).resolve().parent.parent / "docs" / "parquet.md"
TURKISH = "turkish-outlet-2022-11-30-bucharest-press-conference"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus audited into `<tmp>/reports` with CSV and Parquet, parts of 50 rows
    in row groups of 20 (so that a table is several files)."""
    import shutil

    from tests.conftest import CORPUS

    root = tmp_path_factory.mktemp("parquet")
    shutil.copytree(CORPUS, root / "corpus")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parquet, "PART_ROWS", 50)
        patch.setattr(parquet, "ROW_GROUP", 20)
        audit_corpus(root / "corpus", root / "reports", formats=("csv", "parquet"))
    return root / "reports"


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _as_csv_cell(value: object, kind: pa.DataType) -> str:
    """A Parquet value written as the CSV writes it."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if pa.types.is_list(kind):
        return "; ".join(str(v) for v in value)  # type: ignore[attr-defined]
    if pa.types.is_boolean(kind):
        return "yes" if value else "no"
    if pa.types.is_timestamp(kind):
        return str(value)
    if pa.types.is_floating(kind):
        return repr(float(value))  # type: ignore[arg-type]
    return str(value)


def test_every_table_has_the_csvs_rows_and_columns_typed(reports: Path) -> None:
    for name, columns in TABLES.items():
        table = name.removesuffix(".csv")
        parts = sorted((reports / "parquet" / table).glob("part-*.parquet"))
        assert parts, table
        read = pa.concat_tables([pq.read_table(p) for p in parts])
        csv = _csv(reports / name)
        assert read.column_names == list(csv.columns) == [c.name for c in columns]
        assert read.num_rows == len(csv), table
        for column in columns:
            kind = read.schema.field(column.name).type
            assert kind == parquet.arrow_type(column)
            values = read.column(column.name).to_pylist()
            for value, cell in zip(values, csv[column.name], strict=True):
                if pa.types.is_timestamp(kind):
                    expected = pd.to_datetime(cell, utc=True) if cell else None
                    assert (None if value is None else pd.Timestamp(value)) == expected
                elif pa.types.is_floating(kind):
                    assert (value is None and cell == "") or float(cell) == value
                else:
                    assert _as_csv_cell(value, kind) == cell, (table, column.name)


def test_a_large_table_is_several_parts_each_in_row_groups(reports: Path) -> None:
    parts = sorted((reports / "parquet" / "segments").glob("part-*.parquet"))
    rows = [pq.ParquetFile(p).metadata.num_rows for p in parts]
    assert len(parts) == -(-sum(rows) // 50) > 1
    assert all(n == 50 for n in rows[:-1])
    assert pq.ParquetFile(parts[0]).metadata.num_row_groups == 3  # 20 + 20 + 10


def test_the_types_of_the_columns_a_query_needs() -> None:
    types = {c.name: parquet.arrow_type(c) for c in TABLES["segments.csv"]}
    assert types["critical_edits"] == pa.list_(pa.string())
    assert types["quotations"] == pa.list_(pa.int64())
    assert types["segment_index"] == pa.int64()
    assert types["chrf"] == pa.float64()
    assert types["mt_explained"] == pa.bool_()
    assert types["text"] == pa.string()
    summary = {c.name: parquet.arrow_type(c) for c in TABLES["summary.csv"]}
    assert summary["critical_edits"] == pa.int64()  # a count there, a list in segments
    assert summary["audited_at"] == pa.timestamp("ms", tz="UTC")
    assert parquet._listed("", False) == []
    assert parquet._listed(None, True) is None
    assert parquet._listed("3; 5", True) == [3, 5]


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)


def test_the_docs_duckdb_queries_answer_on_the_bundled_corpus(
    reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(reports.parent)
    queries = _blocks("sql")
    assert len(queries) == 4
    con = duckdb.connect()

    def run(query: str) -> list[tuple[object, ...]]:
        relation = con.sql(query)
        texts = ", ".join(
            f'CAST("{c}" AS VARCHAR) AS "{c}"' if "TIME ZONE" in str(t) else f'"{c}"'
            for c, t in zip(relation.columns, relation.types, strict=True)
        )
        return con.sql(f"SELECT {texts} FROM ({query.rstrip().rstrip(';')})").fetchall()

    outlets = run(queries[0])
    assert outlets == [
        (
            "But we should not underestimate Russia.",
            ["modality: must → should"],
            [],
            [TURKISH],
            1,
        )
    ]
    weekly = run(queries[1])
    assert [(outlet, edits, wordings) for outlet, _, edits, wordings in weekly] == [(TURKISH, 1, 1)]
    undecided = run(queries[2])
    assert [(a, f) for a, f, *_ in undecided] == [(TURKISH + ".txt", "modality: must → should")]
    drifted = run(queries[3])
    assert [row[0] for row in drifted] == [TURKISH + ".txt"]  # the one article compared


def test_the_docs_pandas_code_answers_on_the_bundled_corpus(
    reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(reports.parent)
    blocks = _blocks("python")
    assert len(blocks) == 2
    first: dict[str, object] = {}
    exec(blocks[0], first)
    answer = first["answer"]
    assert isinstance(answer, pd.DataFrame)
    assert answer.values.tolist() == [
        [TURKISH, "But we should not underestimate Russia.", ["modality: must → should"]]
    ]
    second: dict[str, object] = {}
    exec(blocks[1], second)
    weekly = second["answer"]
    assert isinstance(weekly, pd.Series)
    assert weekly.tolist() == [1]
    assert weekly.index.get_level_values(0).tolist() == [TURKISH]


def test_parquet_is_a_format_to_ask_for_and_needs_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "parquet" not in DEFAULT_FORMATS
    assert "parquet" in REPORT_FILES  # an audit may replace it
    assert parse_formats("parquet,csv") == ("csv", "parquet")
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "pyarrow" else real(name)
    )
    with pytest.raises(ValueError, match=r"needs pyarrow: pip install 'auditor\[parquet\]'"):
        parse_formats("csv,parquet")
    assert parse_formats("csv") == ("csv",)
