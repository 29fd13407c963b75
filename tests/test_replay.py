"""A run in which nothing changed (`auditor.run.pipeline`): one key over what the last run's
reports were made of; when it is the same, the run appends the history rows that run recorded
and rebuilds nothing — the same rows and notes the full unchanged path gives — and whenever
anything differs, the run audits what changed (`auditor.run.incremental`)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from auditor.cli import app
from auditor.run import incremental, keys
from auditor.run.pipeline import RECORD_KEY, AuditError, AuditResult, audit_corpus
from auditor.run.publish import Publisher
from auditor.settings import IngestSettings, Settings
from auditor.store.lock import audit_lock
from auditor.store.state import STATE_DIR, state_path

runner = CliRunner()


@pytest.fixture()
def full_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ids of the runs that took the full path (`Incremental.audit`); a replay is not
    among them."""
    seen: list[str] = []
    audit = incremental.Incremental.audit

    def counted(self: incremental.Incremental, clock: float) -> AuditResult:
        seen.append(self.run.run_id)
        return audit(self, clock)

    monkeypatch.setattr(incremental.Incremental, "audit", counted)
    yield seen


def _replayed(result: AuditResult, full_runs: list[str]) -> bool:
    return result.run_id not in full_runs


def _history(reports: Path) -> pd.DataFrame:
    return pd.read_csv(reports / "history.csv", encoding="utf-8-sig", keep_default_na=False)


def _state_rows(reports: Path, run_id: str) -> list[dict[str, Any]]:
    """The history rows of `run_id` in the state, without their run columns."""
    db = sqlite3.connect(state_path(reports))
    try:
        rows = db.execute(
            "SELECT committed, row FROM history_rows WHERE run_id = ? ORDER BY rowid", (run_id,)
        ).fetchall()
    finally:
        db.close()
    out = []
    for committed, row in rows:
        assert committed == 1
        data = json.loads(row)
        assert (data.pop("run_id"), len(data.pop("run_at"))) == (run_id, 20)
        out.append(data)
    return out


def _drop_record(reports: Path) -> None:
    db = sqlite3.connect(state_path(reports))
    db.execute("DELETE FROM meta WHERE key = ?", (RECORD_KEY,))
    db.commit()
    db.close()


# ---------------------------------------------------------------- the same run, cheaper


def test_a_replay_appends_what_the_full_unchanged_path_appends(
    corpus_copy: Path, tmp_path: Path, full_runs: list[str]
) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    files = {p.name: p.read_bytes() for p in reports.iterdir() if p.is_file()}

    replay = audit_corpus(corpus_copy, reports)
    _drop_record(reports)  # the full path's own unchanged branch (stored summaries)
    slow = audit_corpus(corpus_copy, reports)

    assert _replayed(replay, full_runs) and not _replayed(slow, full_runs)
    assert replay.summary().keys() == slow.summary().keys()
    for name in ("audited", "unchanged", "errors", "removed", "reports"):
        assert replay.summary()[name] == slow.summary()[name], name
    assert (replay.unchanged, replay.audited, replay.errors) == (4, 0, 0)
    assert (replay.critical_edits, replay.notices) == (slow.critical_edits, slow.notices)
    assert replay.critical_edits > 0  # the bundled corpus has critical edits
    assert replay.articles == slow.articles  # the stored summaries, in corpus order
    assert replay.reports == slow.reports
    # no article's result changed: neither run adds a history row, each adds its runs.csv row
    assert _state_rows(reports, replay.run_id) == _state_rows(reports, slow.run_id) == []
    assert set(_history(reports).run_id) == {first_run_id(reports)}
    runs = pd.read_csv(reports / "runs.csv", encoding="utf-8-sig")
    assert list(runs.run_id)[-2:] == [replay.run_id, slow.run_id]
    for name, data in files.items():  # nothing but the run's records changed
        if name not in ("history.csv", "runs.csv"):
            assert (reports / name).read_bytes() == data, name


def first_run_id(reports: Path) -> str:
    return str(pd.read_csv(reports / "runs.csv", encoding="utf-8-sig").run_id.iloc[0])


def test_without_summaries_a_replay_still_counts_everything(
    corpus_copy: Path, tmp_path: Path, full_runs: list[str]
) -> None:
    reports = tmp_path / "reports"
    full = audit_corpus(corpus_copy, reports)
    lean = audit_corpus(corpus_copy, reports, summaries=False)
    assert _replayed(lean, full_runs)
    assert lean.articles == [] and lean.officials == []
    assert (lean.unchanged, lean.errors, lean.critical_edits) == (
        4,
        0,
        sum(a.critical_edits or 0 for a in full.articles),
    )


def test_the_cron_command_line_replays_and_exits_3_on_a_critical_edit(
    corpus_copy: Path, tmp_path: Path, full_runs: list[str]
) -> None:
    reports = tmp_path / "reports"
    first = audit_corpus(corpus_copy, reports)
    args = ["audit", str(corpus_copy), "--reports", str(reports), "--json"]
    critical = runner.invoke(app, [*args, "--fail-on", "critical", "--wait", "600"])
    assert critical.exit_code == 3, critical.output
    out = json.loads(critical.stdout)
    assert (out["unchanged"], out["audited"]) == (4, 0)
    assert full_runs == [first.run_id]  # the command line replayed
    assert critical.stderr.splitlines() == [f"note: {n}" for n in first.notices]
    assert runner.invoke(app, args).exit_code == 0


def test_an_unchanged_cron_run_imports_none_of_the_audit(corpus_copy: Path, tmp_path: Path) -> None:
    """What an unchanged `auditor audit --json` needs is hashing, SQLite and Typer: not the
    modules that decode, segment, align, score or write reports, nor Rich."""
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['auditor', 'audit', sys.argv[1], '--reports', sys.argv[2], '--json']\n"
        "try:\n"
        "    runpy.run_module('auditor', run_name='__main__')\n"
        "finally:\n"
        "    heavy = sorted(m for m in sys.modules if m.split('.')[0] in (\n"
        "        'rich', 'pandas', 'numpy', 'sacrebleu', 'rapidfuzz', 'jinja2', 'xlsxwriter',\n"
        "        'py3langid', 'syntok', 'ctranslate2') or m in (\n"
        "        'auditor.run.incremental', 'auditor.records', 'auditor.run.batch',\n"
        "        'auditor.settings',\n"
        "        'auditor.stages.segment', 'auditor.reports.summary', 'auditor.reports.tables'))\n"
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


# ---------------------------------------------------------------- anything else: the full path


@pytest.mark.parametrize(
    "spoil",
    [
        "edited report",
        "deleted report",
        "commit journal",
        "other formats",
        "other max size",
        "new file",
        "changed article",
        "no record",
        "new model",
        "other code",
        "other sacrebleu",
        "other settings",
        "full",
    ],
)
def test_anything_that_differs_takes_the_full_path(
    corpus_copy: Path,
    tmp_path: Path,
    spoil: str,
    monkeypatch: pytest.MonkeyPatch,
    full_runs: list[str],
) -> None:
    reports, models = tmp_path / "reports", tmp_path / "models"
    models.mkdir()
    audit_corpus(corpus_copy, reports, models_dir=models)
    options: dict[str, Any] = {"models_dir": models}
    assert _replayed(audit_corpus(corpus_copy, reports, **options), full_runs)  # before
    if spoil == "edited report":
        (reports / "summary.csv").write_bytes((reports / "summary.csv").read_bytes() + b"x")
    elif spoil == "deleted report":
        (reports / "segments.csv").unlink()
    elif spoil == "commit journal":
        (reports / STATE_DIR / "commit.json").write_text("{}", encoding="utf-8")
    elif spoil == "other formats":
        options["formats"] = ("csv",)
    elif spoil == "other max size":
        options["settings"] = Settings(ingest=IngestSettings(max_article_mb=3))
    elif spoil == "new file":
        (corpus_copy / "articles" / "new.txt").write_text("A new article.\n", encoding="utf-8")
    elif spoil == "changed article":
        article = next((corpus_copy / "articles").iterdir())
        article.write_bytes(article.read_bytes() + b"\nOne more sentence.\n")
    elif spoil == "no record":
        _drop_record(reports)
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
    elif spoil == "other code":
        monkeypatch.setattr(keys, "code_fingerprint", lambda: "another auditor")
    elif spoil == "other sacrebleu":
        monkeypatch.setattr(keys, "sacrebleu_version", lambda: "9.9.9")
    elif spoil == "other settings":
        monkeypatch.setattr(Settings, "fingerprint", lambda self: "other settings")
        options["settings"] = Settings()
    elif spoil == "full":
        options["full"] = True
    assert not _replayed(audit_corpus(corpus_copy, reports, **options), full_runs)
    options.pop("full", None)
    assert _replayed(audit_corpus(corpus_copy, reports, **options), full_runs)  # recorded


def test_a_run_with_other_settings_is_not_replayed_by_one_with_the_defaults(
    corpus_copy: Path, tmp_path: Path, full_runs: list[str]
) -> None:
    reports = tmp_path / "reports"
    larger = Settings(ingest=IngestSettings(max_article_mb=3))
    audit_corpus(corpus_copy, reports, larger)
    assert _replayed(audit_corpus(corpus_copy, reports, larger), full_runs)
    defaults = audit_corpus(corpus_copy, reports)  # nothing recorded for the defaults
    assert not _replayed(defaults, full_runs) and defaults.audited == 4
    assert _replayed(audit_corpus(corpus_copy, reports, Settings()), full_runs)


def test_a_run_holding_the_lock_is_waited_for_or_named(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    with audit_lock(reports / STATE_DIR, 0), pytest.raises(AuditError, match="another audit"):
        audit_corpus(corpus_copy, reports, wait=0.2)


def test_articles_csv_is_part_of_what_a_run_was_made_of(
    corpus_copy: Path, tmp_path: Path, full_runs: list[str]
) -> None:
    reports = tmp_path / "reports"
    names = sorted(p.name for p in (corpus_copy / "articles").iterdir())
    metadata = corpus_copy / "articles.csv"
    lines = ["file,outlet,url,published", f"{names[0]},Agency,https://a.example/1,2022-11-30"]
    lines += [f"{names[1]},Agency,not a url,yesterday", "missing.txt,Other,,2022-12-01"]
    metadata.write_text("\n".join(lines) + "\n", encoding="utf-8")
    full = audit_corpus(corpus_copy, reports)
    warnings = [n for n in full.notices if "articles.csv" in n]
    # a url that is not one, and a row naming no article
    assert [w.removeprefix(f"{metadata} ").split(":")[0] for w in warnings] == ["line 3", "line 4"]
    replay = audit_corpus(corpus_copy, reports)
    assert _replayed(replay, full_runs)
    assert replay.notices == full.notices
    metadata.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")  # an outlet less
    changed = audit_corpus(corpus_copy, reports)
    assert not _replayed(changed, full_runs) and changed.audited == 0  # the reports rebuilt
    metadata.unlink()
    assert not _replayed(audit_corpus(corpus_copy, reports), full_runs)


def test_a_run_that_fails_half_way_leaves_no_record(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full_runs: list[str]
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
    again = audit_corpus(corpus_copy, reports)
    assert not _replayed(again, full_runs)  # the stale record went first
    assert again.audited == 0
    assert _replayed(audit_corpus(corpus_copy, reports), full_runs)


def test_an_article_that_does_not_read_means_no_record(
    corpus_copy: Path, tmp_path: Path, full_runs: list[str]
) -> None:
    reports = tmp_path / "reports"
    os.symlink("missing.txt", corpus_copy / "articles" / "broken.txt")
    assert audit_corpus(corpus_copy, reports).errors == 1
    again = audit_corpus(corpus_copy, reports)
    assert not _replayed(again, full_runs)
    assert (again.unchanged, again.errors, again.audited) == (4, 1, 0)  # stored summaries


def test_an_article_that_reads_but_does_not_decode_is_replayed_as_its_error_row(
    corpus_copy: Path, tmp_path: Path, full_runs: list[str]
) -> None:
    reports = tmp_path / "reports"
    (corpus_copy / "articles" / "binary.txt").write_bytes(bytes(range(256)) * 40)
    assert audit_corpus(corpus_copy, reports).errors == 1
    replay = audit_corpus(corpus_copy, reports, summaries=False)
    assert _replayed(replay, full_runs)
    assert (replay.errors, replay.unchanged) == (1, 4)
    history = _history(reports)  # the error row is the first run's: nothing changed since
    assert replay.run_id not in set(history.run_id)
    assert history.set_index("article_id").loc["binary.txt", "status"] == "error"


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
