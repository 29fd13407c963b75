"""The unchanged cron run without Typer (`auditor.cli.launch`, `auditor.run.unchanged`): it
means what Typer means, appends what the full unchanged path appends, and declines — writing
nothing — whenever the full pipeline must decide."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import auditor.cli.audit as audit_command
from auditor.cli import app
from auditor.cli.job import Job, QuickAudit
from auditor.cli.launch import main, parse_quick, run_quick
from auditor.run import unchanged
from auditor.run.pipeline import audit_corpus
from auditor.run.publish import Publisher
from auditor.store.lock import audit_lock
from auditor.store.state import STATE_DIR, state_path

runner = CliRunner()


def _quick(corpus: Path, reports: Path, *extra: str) -> QuickAudit:
    quick = parse_quick(["audit", str(corpus), "--reports", str(reports), "--json", *extra], {})
    assert quick is not None
    return quick


def _history(reports: Path) -> pd.DataFrame:
    return pd.read_csv(reports / "history.csv", encoding="utf-8-sig", keep_default_na=False)


def _state_rows(reports: Path) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(state_path(reports))
    try:
        return db.execute(
            "SELECT run_id, committed, row FROM history_rows ORDER BY rowid"
        ).fetchall()
    finally:
        db.close()


def _run_rows(reports: Path) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(state_path(reports))
    try:
        return db.execute(
            "SELECT run_id, audited, unchanged, errors, removed, finished_at IS NOT NULL "
            "FROM runs ORDER BY rowid"
        ).fetchall()
    finally:
        db.close()


def _without_run(rows: list[tuple[Any, ...]], run_id: str) -> list[dict[str, Any]]:
    out = []
    for row_run, committed, row in rows:
        if row_run == run_id:
            assert committed == 1
            data = json.loads(row)
            assert (data.pop("run_id"), len(data.pop("run_at"))) == (run_id, 20)
            out.append(data)
    return out


# ---------------------------------------------------------------- the same run, cheaper


def test_the_fast_path_appends_what_the_full_unchanged_path_appends(
    corpus_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    reports_before = {p.name: p.read_bytes() for p in reports.iterdir() if p.is_file()}

    assert run_quick(_quick(corpus_copy, reports)) == 0  # answered without the pipeline
    quick_out = capsys.readouterr()
    quick = json.loads(quick_out.out)

    full = runner.invoke(app, ["audit", str(corpus_copy), "--reports", str(reports), "--json"])
    assert full.exit_code == 0, full.output
    slow = json.loads(full.stdout)

    assert {k: v for k, v in quick.items() if k not in ("run_id", "seconds")} == {
        k: v for k, v in slow.items() if k not in ("run_id", "seconds")
    }
    assert quick["unchanged"] == 4 and quick["audited"] == 0
    assert quick_out.err.splitlines() == [
        line for line in full.stderr.splitlines() if line.startswith("note:")
    ]
    rows = _state_rows(reports)
    # no article's result changed: neither run adds a history row
    assert _without_run(rows, quick["run_id"]) == _without_run(rows, slow["run_id"]) == []
    runs = {r[0]: r[1:] for r in _run_rows(reports)}
    assert runs[quick["run_id"]] == runs[slow["run_id"]] == (0, 4, 0, 0, 1)
    ran = pd.read_csv(reports / "runs.csv", encoding="utf-8-sig").set_index("run_id")
    columns = [c for c in ran.columns if c != "run_at"]
    assert list(ran.loc[quick["run_id"], columns]) == list(ran.loc[slow["run_id"], columns])
    assert set(_history(reports).run_id) == {r for r in runs if r not in quick.values()} - {
        slow["run_id"]
    }
    # nothing but runs.csv changed
    for name, data in reports_before.items():
        if name != "runs.csv":
            assert (reports / name).read_bytes() == data, name


def test_the_console_entry_point_answers_and_exits_3_on_a_critical_edit(
    corpus_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    args = ["audit", str(corpus_copy), "--reports", str(reports), "--json"]
    with pytest.raises(SystemExit) as exit_info:
        main([*args, "--fail-on", "critical"])
    assert exit_info.value.code == 3  # the bundled corpus has critical edits
    assert json.loads(capsys.readouterr().out)["unchanged"] == 4
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 0


def test_python_dash_m_auditor_takes_the_fast_path_without_importing_typer(
    corpus_copy: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['auditor', 'audit', sys.argv[1], '--reports', sys.argv[2], '--json']\n"
        "try:\n"
        "    runpy.run_module('auditor', run_name='__main__')\n"
        "finally:\n"
        "    heavy = sorted(m for m in ('typer', 'rich', 'pandas', 'sacrebleu', 'pydantic',\n"
        "                              'auditor.run.pipeline') if m in sys.modules)\n"
        "    print('heavy=' + ','.join(heavy), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(corpus_copy), str(reports)],
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")},
    )
    assert done.returncode == 0, done.stderr
    assert "heavy=\n" in done.stderr + "\n", done.stderr
    assert json.loads(done.stdout)["unchanged"] == 4


# ---------------------------------------------------------------- declining, writing nothing


def _snapshot(reports: Path) -> tuple[object, ...]:
    files = {
        p.relative_to(reports).as_posix(): p.read_bytes()
        for p in sorted(reports.rglob("*"))
        if p.is_file() and not p.name.startswith("state.sqlite") and "lock" not in p.name
    }
    return files, _state_rows(reports), _run_rows(reports)


def test_a_changed_article_is_left_to_the_pipeline_which_records_again(
    corpus_copy: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    article = next((corpus_copy / "articles").iterdir())
    article.write_bytes(article.read_bytes() + b"\nOne more sentence.\n")
    before = _snapshot(reports)
    assert run_quick(_quick(corpus_copy, reports)) is None
    assert _snapshot(reports) == before
    result = audit_corpus(corpus_copy, reports)
    assert result.audited == 1
    assert run_quick(_quick(corpus_copy, reports)) == 0


@pytest.mark.parametrize(
    "spoil",
    [
        "edited report",
        "deleted report",
        "commit journal",
        "lock held",
        "other formats",
        "other max size",
        "new file",
        "no record",
        "new model",
        "other code",
        "other sacrebleu",
        "other settings",
    ],
)
def test_the_fast_path_declines_and_writes_nothing(
    corpus_copy: Path, tmp_path: Path, spoil: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, models = tmp_path / "reports", tmp_path / "models"
    models.mkdir()
    audit_corpus(corpus_copy, reports, models_dir=models)
    extra: tuple[str, ...] = ("--models-dir", str(models))
    assert run_quick(_quick(corpus_copy, reports, *extra)) == 0  # before the change
    if spoil == "edited report":
        (reports / "summary.csv").write_bytes((reports / "summary.csv").read_bytes() + b"x")
    elif spoil == "deleted report":
        (reports / "segments.csv").unlink()
    elif spoil == "commit journal":
        (reports / STATE_DIR / "commit.json").write_text("{}", encoding="utf-8")
    elif spoil == "other formats":
        extra += ("--formats", "csv")
    elif spoil == "other max size":
        extra += ("--max-article-mb", "3")
    elif spoil == "new model":
        (models / "translate-xx_yy").mkdir()
        metadata = {
            "type": "translate",
            "package_version": "1",
            "argos_version": "1.9",
            "from_code": "xx",
            "to_code": "yy",
            "from_name": "X",
            "to_name": "Y",
        }
        (models / "translate-xx_yy" / "metadata.json").write_text(json.dumps(metadata))
        assert unchanged.models_fingerprint(models)  # a package the auditor would list
    elif spoil == "other code":
        monkeypatch.setattr(unchanged, "code_fingerprint", lambda: "another auditor")
    elif spoil == "other sacrebleu":
        monkeypatch.setattr(unchanged, "dist_version", lambda name: "9.9.9")
    elif spoil == "other settings":
        from auditor.settings import Settings

        # settings built from the options (the defaults come from the record: same code,
        # same defaults)
        assert run_quick(_quick(corpus_copy, reports, *extra, "--max-article-mb", "2")) == 0
        before_history = _state_rows(reports)
        monkeypatch.setattr(Settings, "fingerprint", lambda self: "other settings")
        extra += ("--max-article-mb", "2")
        assert _state_rows(reports) == before_history
    elif spoil == "new file":
        (corpus_copy / "articles" / "new.txt").write_text("A new article.\n", encoding="utf-8")
    elif spoil == "no record":
        db = sqlite3.connect(state_path(reports))
        db.execute("DELETE FROM meta WHERE key = ?", (unchanged.RECORD_KEY,))
        db.commit()
        db.close()
    before = _snapshot(reports)
    if spoil == "lock held":
        with audit_lock(reports / STATE_DIR, 0):
            assert run_quick(_quick(corpus_copy, reports)) is None
    else:
        assert run_quick(_quick(corpus_copy, reports, *extra)) is None
    assert _snapshot(reports) == before


def test_articles_csv_is_part_of_what_a_run_was_made_of(
    corpus_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    names = sorted(p.name for p in (corpus_copy / "articles").iterdir())
    metadata = corpus_copy / "articles.csv"
    lines = ["file,outlet,url,published", f"{names[0]},Agency,https://a.example/1,2022-11-30"]
    lines += [f"{names[1]},Agency,not a url,yesterday", "missing.txt,Other,,2022-12-01"]
    metadata.write_text("\n".join(lines) + "\n", encoding="utf-8")
    full = audit_corpus(corpus_copy, reports)
    warnings = [n for n in full.notices if "articles.csv" in n]
    assert len(warnings) >= 2  # a bad row and a row naming no article
    assert run_quick(_quick(corpus_copy, reports)) == 0
    said = capsys.readouterr().err.splitlines()
    assert said == [f"note: {n}" for n in audit_corpus(corpus_copy, reports).notices]
    assert [n for n in said if "articles.csv" in n] == [f"note: {n}" for n in warnings]
    metadata.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")  # an outlet less
    assert run_quick(_quick(corpus_copy, reports)) is None
    assert audit_corpus(corpus_copy, reports).audited == 0  # the reports are rebuilt
    metadata.unlink()
    assert run_quick(_quick(corpus_copy, reports)) is None


@pytest.mark.parametrize("name", ["sacrebleu", "typer", "pandas", "hypothesis"])
def test_a_version_read_from_the_dist_info_folder_is_importlib_s(name: str) -> None:
    from importlib.metadata import version

    assert unchanged.dist_version(name) == version(name)


def test_a_run_that_fails_half_way_leaves_no_record(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    (corpus_copy / "articles" / "new.txt").write_text("A new article.\n", encoding="utf-8")

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("killed while writing the reports")

    with monkeypatch.context() as patch:
        patch.setattr(Publisher, "write_reports", crash)
        with pytest.raises(RuntimeError):
            audit_corpus(corpus_copy, reports)
    (corpus_copy / "articles" / "new.txt").unlink()  # back to the recorded corpus
    assert run_quick(_quick(corpus_copy, reports)) is None  # the stale record went first
    assert audit_corpus(corpus_copy, reports).audited == 0
    assert run_quick(_quick(corpus_copy, reports)) == 0


def test_an_article_that_does_not_read_means_no_record(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    os.symlink("missing.txt", corpus_copy / "articles" / "broken.txt")
    assert audit_corpus(corpus_copy, reports).errors == 1
    assert run_quick(_quick(corpus_copy, reports)) is None
    assert audit_corpus(corpus_copy, reports).unchanged == 4  # the full unchanged path


def test_an_article_that_reads_but_does_not_decode_is_replayed_as_its_error_row(
    corpus_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    (corpus_copy / "articles" / "binary.txt").write_bytes(bytes(range(256)) * 40)
    assert audit_corpus(corpus_copy, reports).errors == 1
    assert run_quick(_quick(corpus_copy, reports)) == 0
    quick = json.loads(capsys.readouterr().out)
    assert (quick["errors"], quick["unchanged"]) == (1, 4)
    # its error row stands in history.csv from the run that first met it (an unchanged run
    # adds no row), and the replay is a row of runs.csv
    history = _history(reports).set_index("article_id")
    assert history.loc["binary.txt", "status"] == "error"
    runs = pd.read_csv(reports / "runs.csv", encoding="utf-8-sig").set_index("run_id")
    assert runs.loc[quick["run_id"], "errors"] == 1


# ---------------------------------------------------------------- what the command line means

TOKENS = [
    "--json", "--reports", "r", "--reports=x", "--reports=", "--wait", "1", "1.", ".5", "-1",
    "nan", "inf", "+2", "abc", "--fail-on", "critical", "never", "CRITICAL", "new-critical",
    "--formats", "csv",
    "csv,html", "pdf", " xlsx ", "--workers", "0", "2", "02", "--max-article-mb", "0.0001", "3",
    "--full", "--watch", "--interval", "corpus2", "--", "--models-dir", "m", "", "--help", "-x",
    "--json=1", "--formats=csv,xlsx", "--wait=2.5", "--fail-on=critical",
]  # fmt: skip
ENV = {
    "AUDITOR_CORPUS": st.sampled_from(["c", "", "-c"]),
    "AUDITOR_REPORTS": st.sampled_from(["rep", ""]),
    "AUDITOR_FORMATS": st.sampled_from(["csv", "nope", "html,csv"]),
    "AUDITOR_MODELS_DIR": st.sampled_from(["models", "~/models"]),
    "AUDITOR_WAIT": st.sampled_from(["1", "x"]),
    "AUDITOR_JSON": st.sampled_from(["1", "true"]),
    "AUDITOR_FAIL_ON": st.sampled_from(["critical"]),
}


class _Parsed(Exception):
    pass


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    args=st.lists(st.sampled_from(TOKENS), max_size=7),
    env=st.fixed_dictionaries({}, optional=ENV),
)
def test_every_command_line_the_fast_path_accepts_means_the_same_to_typer(
    args: list[str], env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["audit", *args]
    quick = parse_quick(argv, env)
    if quick is None:
        return  # Typer handles it, as before
    seen: list[Job] = []

    class Critical:
        critical_edits = 1

    def capture(job: Job) -> Critical:
        seen.append(job)
        return Critical()

    for name in list(os.environ):
        if name.startswith("AUDITOR_"):
            monkeypatch.delenv(name)
    monkeypatch.setattr(audit_command, "_run_once", capture)
    result = runner.invoke(app, argv, env=env)
    assert result.exit_code in (0, 3), (argv, env, result.output)
    assert seen == [quick.job], (argv, env)
    assert (result.exit_code == 3) == quick.fail_on_critical


@pytest.mark.parametrize(
    "argv",
    [
        ["audit"],  # the table: Typer prints it
        ["audit", "--json", "--full"],
        ["audit", "--json", "--watch"],
        ["audit", "--json", "--help"],
        ["report", "--json"],
        ["models", "list"],
        [],
    ],
)
def test_what_the_fast_path_leaves_to_typer(argv: list[str]) -> None:
    assert parse_quick(argv, {}) is None


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(
        st.one_of(
            st.none(),
            st.floats(allow_nan=False),
            st.integers(),
            st.text(alphabet=st.sampled_from(["a", '"', ",", "=", "+", "\n", "\r", "ğ", "€", " "])),
        ),
        min_size=1,
        max_size=4,
    ),
    article_id=st.text(min_size=1, max_size=8),
)
def test_rows_rendered_once_are_the_rows_rendered_per_run(
    values: list[object], article_id: str
) -> None:
    from auditor.reports.history import history_csv, render, with_run

    fields = ["status", "bleu", "chrf", "ter"][: len(values)]
    cells = dict(zip(fields, values, strict=True))
    row = {"run_id": "", "run_at": "", "article_id": article_id, **cells}
    run_id, run_at = "20261202T033925Z-f0c800", "2026-12-02T03:39:25Z"
    full = {**row, "run_id": run_id, "run_at": run_at}
    state_rows, lines = with_run(run_id, run_at, render([row]))
    assert state_rows == [(article_id, json.dumps(full, ensure_ascii=False))]
    assert lines.encode("utf-8") == history_csv([full], b"")


# ---------------------------------------------------------------- help pages without Typer


def test_the_stored_help_pages_are_what_typer_renders_now() -> None:
    from auditor.cli import statichelp

    assert statichelp.stored() == statichelp.render(), (
        "a command's help changed: run `python -m auditor.cli.statichelp`"
    )


_HELP_PROBE = (
    "import sys\n"
    "sys.argv = ['auditor', *sys.argv[1:]]\n"
    "from auditor.cli.launch import main\n"
    "try:\n"
    "    main()\n"
    "finally:\n"
    "    print('typer' in sys.modules, file=sys.stderr)\n"
)


@pytest.mark.parametrize("words", [[], ["audit"], ["models", "install"], ["report"]])
@pytest.mark.parametrize("how", ["script", "python -m"])
def test_a_help_page_is_typer_s_without_typer(words: list[str], how: str) -> None:
    def run(extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")}
        env.update({"COLUMNS": "120", **extra_env})
        command = (
            [sys.executable, "-c", _HELP_PROBE, *words, "--help"]
            if how == "script"
            else [sys.executable, "-m", "auditor", *words, "--help"]
        )
        return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)

    fast, typer_run = run({}), run({"AUDITOR_NO_FAST_HELP": "1"})  # any AUDITOR_*: Typer
    assert fast.returncode == typer_run.returncode == 0, fast.stderr + typer_run.stderr
    assert fast.stdout == typer_run.stdout
    assert fast.stdout.startswith("Usage: " + ("auditor" if how == "script" else "python -m"))
    if how == "script":
        assert fast.stderr.strip() == "False" and typer_run.stderr.strip() == "True"


def test_a_narrow_terminal_gets_typer_s_own_wrapping() -> None:
    from auditor.cli.launch import static_help

    wide = {"COLUMNS": "80"}
    assert static_help(["audit"], wide, "auditor") is not None
    assert static_help(["audit"], {**wide, "AUDITOR_REPORTS": "r"}, "auditor") is None
    assert static_help(["audit", "--json"], wide, "auditor") is None
    assert static_help(["audit"], wide, "python -m auditor.cli") is None
    assert static_help(["audit"], {"COLUMNS": "79"}, "auditor") is None
