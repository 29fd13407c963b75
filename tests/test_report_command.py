"""Formats chosen by the user, and `auditor report` over the stored results."""

from __future__ import annotations

import json
import shutil
import webbrowser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app

runner = CliRunner()


def test_formats_choose_what_an_audit_writes(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    result = runner.invoke(
        app, ["audit", str(corpus_copy), "--reports", str(reports), "--formats", "xlsx"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in reports.iterdir()) == [
        ".auditor",
        ".auditor-reports",
        "README.md",
        "audit.xlsx",
        "decisions.csv",
        "history.csv",
        "runs.csv",
    ]
    refused = runner.invoke(app, ["audit", str(corpus_copy), "--formats", "csv,pdf"])
    assert refused.exit_code == 2 and "choose from csv,xlsx,html" in refused.output


def test_report_rebuilds_from_the_stored_results_without_the_corpus(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = tmp_path / "reports"
    audit = ["audit", str(corpus_copy), "--reports", str(reports), "--json"]
    assert runner.invoke(app, [*audit, "--formats", "csv"]).exit_code == 0
    summary = (reports / "summary.csv").read_bytes()
    assert not (reports / "html").exists()
    moved = tmp_path / "elsewhere"
    shutil.move(corpus_copy, moved)  # nothing is audited: the corpus is not even read
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)

    result = runner.invoke(
        app, ["report", "--reports", str(reports), "--formats", "xlsx,html", "--open"]
    )

    assert result.exit_code == 0, result.output
    assert "wrote audit.xlsx, html/, README.md, history.csv, decisions.csv, runs.csv" in (
        result.output
    )
    index = reports / "html" / "index.html"
    assert opened == [index.resolve().as_uri()]
    assert "turkish-outlet-2022-11-30-bucharest-press-conference.txt" in index.read_text()
    assert (reports / "summary.csv").read_bytes() == summary

    # the next audit in csv finds nothing changed: the rebuilt files are recorded as current
    shutil.move(moved, corpus_copy)
    again = runner.invoke(app, [*audit, "--formats", "csv"])
    assert json.loads(again.stdout.splitlines()[0])["audited"] == 0
    assert index.is_file()


def test_report_without_stored_results_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "--reports", str(tmp_path / "none")])
    assert result.exit_code == 1 and "run `auditor audit` first" in result.output
    assert not (tmp_path / "none").exists()
