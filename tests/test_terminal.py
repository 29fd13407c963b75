"""The terminal at the end of a run: notes that stay while they apply, names never ambiguous."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from auditor.cli import app
from auditor.cli.table import shown_names
from auditor.run.pipeline import audit_corpus

runner = CliRunner()


def test_the_untranslated_note_is_repeated_while_fragments_stay_untranslated(
    corpus_copy: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    note = "6 fragment(s) in 'tr' untranslated: no tr→en model; install with: "
    # no model: an explicit empty folder (a translation test may have pointed argostranslate's
    # own folder, read from the environment, at one with a tiny tr→en model)
    models = tmp_path / "no-models"
    first = audit_corpus(corpus_copy, reports, models_dir=models, formats=("csv",))
    second = audit_corpus(corpus_copy, reports, models_dir=models, formats=("csv",))
    assert second.audited == 0  # the unchanged path, which reads no stored result
    for run in (first, second):
        assert [n for n in run.notices if n.startswith(note)], run.notices


SIBLINGS = [
    "turkish-outlet-2022-11-30-bucharest-press-conference.txt",
    "turkish-outlet-2022-12-01-bucharest-press-conference.txt",
    "turkish-outlet-2022-11-30-bucharest-press-conference-2.txt",
    "cyprus-outlet-2022-11-29-aspen-gmf-forum-speech.txt",
    "short.txt",
]


def test_article_names_in_the_table_are_never_cut_into_ambiguity() -> None:
    shown = shown_names(SIBLINGS, 24)
    assert len(set(shown)) == len(shown)
    assert shown[-1] == "short.txt"
    # cut to 24 characters where that tells it apart, else whole (over several lines)
    assert all(
        len(short) <= 24 or short == name for name, short in zip(SIBLINGS, shown, strict=True)
    )
    assert "11-30" in shown[0] and "2022-12" in shown[1]


@given(
    st.lists(
        st.text(alphabet="ab-.0123456789çğ", min_size=1, max_size=60), unique=True, max_size=30
    ),
    st.integers(min_value=8, max_value=40),
)
def test_a_shown_name_stands_for_one_article(names: list[str], width: int) -> None:
    shown = shown_names(names, width)
    assert len(set(shown)) == len(names)
    for name, short in zip(names, shown, strict=True):
        if short != name:
            head, tail = short.split("…")
            assert len(short) == width and name.startswith(head) and name.endswith(tail)
            others = [n for n in names if n != name and len(n) > width]
            assert not [n for n in others if n.startswith(head) and n.endswith(tail)]


def test_the_end_of_run_table_in_80_columns(corpus_copy: Path, tmp_path: Path) -> None:
    for name in SIBLINGS[1:3]:
        shutil.copy(
            corpus_copy / "articles" / "turkish-outlet-2022-11-30-bucharest-press-conference.txt",
            corpus_copy / "articles" / name,
        )
    result = runner.invoke(
        app,
        ["audit", str(corpus_copy), "--reports", str(tmp_path / "r"), "--formats", "csv"],
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("───")) + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    table = lines[start:end]
    assert all(len(line) <= 80 for line in table)
    names = [line[:27].strip() for line in table if " ok " in line]
    assert len(names) == len(set(names)) == 3  # a cut name or the start of a whole one


def test_the_end_of_run_table_lists_the_most_urgent_articles_and_counts_the_rest(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.cli import table as end_table
    from auditor.cli.safe import shown

    monkeypatch.setattr(end_table, "TABLE_ROWS", 2)
    reports = tmp_path / "r"
    result = runner.invoke(
        app, ["audit", str(corpus_copy), "--reports", str(reports), "--formats", "csv"],
        env={"COLUMNS": "200"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    every = sorted(audit_corpus(corpus_copy, reports).articles, key=end_table.review_order)
    assert len(every) > 2
    lines = result.output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("───")) + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    listed = [line.split()[0] for line in lines[start:end]]
    assert listed == [shown(a.article_id) for a in every[:2]]
    assert f"… and {len(every) - 2} more articles" in result.output
