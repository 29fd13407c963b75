"""End to end through the command line, over the bundled seed corpus."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from auditor import __version__
from auditor.cli import app
from auditor.reports.columns import FRAGMENTS, SEGMENTS, names
from auditor.reports.summary import SUMMARY
from tests.test_language import CYPRUS_FOOTER

runner = CliRunner()


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)


def test_audit_of_the_seed_corpus(corpus_copy: Path, tmp_path: Path) -> None:
    articles = corpus_copy / "articles"
    (articles / "formula.txt").write_text(
        '=HYPERLINK("http://evil.example","click")\n\n'
        "NATO ministers met in Bucharest and discussed support for Ukraine.\n",
        encoding="utf-8",
    )
    (articles / "empty.txt").write_bytes(b"")
    (articles / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    before = _hashes(corpus_copy)
    reports = tmp_path / "reports"

    result = runner.invoke(
        app, ["audit", str(corpus_copy), "--reports", str(reports)], env={"COLUMNS": "200"}
    )

    assert result.exit_code == 0, result.output
    assert "turkish-outlet-2022-11-30-bucharest-press-conference.txt" in result.output
    assert "empty.txt: file is empty" in result.output
    assert _hashes(corpus_copy) == before, "source files must never be modified"

    summary = _read(reports / "summary.csv")
    segments = _read(reports / "segments.csv")
    fragments = _read(reports / "fragments.csv")
    assert list(summary.columns) == names(SUMMARY)
    assert list(segments.columns) == names(SEGMENTS)
    assert list(fragments.columns) == names(FRAGMENTS)
    assert (reports / "summary.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    status = dict(zip(summary.article_id, summary.status, strict=True))
    errors = dict(zip(summary.article_id, summary.error, strict=True))
    assert status["empty.txt"] == "error" and errors["empty.txt"] == "file is empty"
    assert status["image.txt"] == "error" and errors["image.txt"].startswith("not text")
    assert len(summary) == 7

    cyprus = "cyprus-outlet-2022-11-29-aspen-gmf-forum-speech.txt"
    assert list(fragments.text) == CYPRUS_FOOTER
    assert set(fragments.article_id) == {cyprus}
    assert set(fragments.language) == {"tr"}
    assert summary.set_index("article_id").loc[cyprus, "fragments"] == "6"

    # drift: the Turkish outlet's report is compared with the transcript, the other events not
    turkish = "turkish-outlet-2022-11-30-bucharest-press-conference.txt"
    assert status[turkish] == "ok"
    for other in (
        cyprus,
        "russian-agency-2021-welt-am-sonntag-interview.txt",
        "spanish-report-2023-04-brussels-foreign-ministers.txt",
    ):
        assert status[other] == "no_official_match"
        assert set(segments[segments.article_id == other].critical_edits) == {""}
    # the misquote is on the quotation's row; its sentence links to it and repeats nothing
    rows = segments[
        (segments.article_id == turkish)
        & (segments.text == "But we should not underestimate Russia.")
    ]
    sentence = rows[rows.kind == "sentence"].iloc[0]
    quote = rows[rows.kind == "quote"].iloc[0]
    assert quote.official_text == "But we must not underestimate Russia."
    assert quote.critical_edits == "modality: must → should"
    assert (quote.category, quote.alignment) == ("drift", "strong")
    assert quote.in_sentence == sentence.segment_index
    assert sentence.quotations == quote.segment_index and sentence.critical_edits == ""

    formula_rows = segments[segments.article_id == "formula.txt"]
    assert formula_rows.text.iloc[0] == '\'=HYPERLINK("http://evil.example","click")'


def test_no_corpus_exits_1_with_a_clear_message(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "corpus folder not found" in result.output


def test_no_official_document_exits_1(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "official").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Some article.\n")
    result = runner.invoke(app, ["audit", str(tmp_path), "--reports", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert "no usable official document" in result.output


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["audit", "--no-such-option"]).exit_code == 2


def test_version_and_help() -> None:
    assert runner.invoke(app, ["--version"]).output.strip() == f"auditor {__version__}"
    help_text = runner.invoke(app, ["audit", "--help"]).output
    assert "Example: auditor audit" in help_text


def test_start_up_does_not_import_heavy_modules() -> None:
    """`auditor --help` must answer at once: no argostranslate/torch/pandas at start-up."""
    code = (
        "import sys; from auditor.cli import app\n"
        "heavy = ('argostranslate', 'torch', 'pandas', 'sacrebleu')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
