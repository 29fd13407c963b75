"""Reports: safe for spreadsheets, documented, replaced atomically."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from auditor.reports import commit, dictionary, formats
from auditor.reports.columns import FRAGMENTS, SEGMENTS, neutralise
from auditor.reports.commit import replace_files
from auditor.reports.data import ReportData
from auditor.reports.summary import HISTORY, SUMMARY
from auditor.reports.tables import csv_bytes
from auditor.settings import Settings
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("adversary → enemy", "adversary → enemy"),
        ("Türkçe ğış", "Türkçe ğış"),
        (-2.5, -2.5),  # numbers are not text: a negative number stays a number
        (None, None),
    ],
)
def test_formula_cells_are_neutralised_and_text_kept(cell: object, written: object) -> None:
    assert neutralise(cell) == written


def test_csv_is_utf8_with_bom() -> None:
    data = csv_bytes(pd.DataFrame({"text": ["Diğer Haberleri"]}))
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Diğer Haberleri".encode() in data


def test_replace_files_leaves_no_temporary_files(tmp_path: Path) -> None:
    (tmp_path / "summary.csv").write_text("old")
    replace_files(tmp_path, {"summary.csv": b"new", "segments.csv": b"rows"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["segments.csv", "summary.csv"]
    assert (tmp_path / "summary.csv").read_bytes() == b"new"


def test_a_failed_write_keeps_the_previous_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If any file of a run cannot be written, no report of that run replaces the old ones."""
    (tmp_path / "summary.csv").write_bytes(b"previous")
    real_write = commit._write_temp

    def write_or_fail(folder: Path, name: str, data: bytes) -> Path:
        if name == "segments.csv":
            raise OSError(28, "No space left on device")
        return real_write(folder, name, data)

    monkeypatch.setattr(commit, "_write_temp", write_or_fail)
    with pytest.raises(OSError):
        replace_files(tmp_path, {"summary.csv": b"new", "segments.csv": b"rows"})
    assert (tmp_path / "summary.csv").read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.csv"]


def test_data_dictionary_documents_every_column() -> None:
    text = dictionary.render(Settings())
    for columns in (SUMMARY, SEGMENTS, FRAGMENTS, HISTORY):
        for column in columns:
            assert f"| `{column.name}` |" in text


def test_the_verdict_columns_state_the_verdicts_thresholds() -> None:
    """summary.csv's verdict and score columns name the thresholds the verdict is given by
    (a score of 0.6 next to "unlikely" must not contradict the column's own text)."""
    from auditor.settings import BacktranslationSettings

    defaults = BacktranslationSettings()
    meaning = {c.name: c.meaning for c in SUMMARY}
    verdict, score = meaning["backtranslation_verdict"], meaning["backtranslation_score"]
    assert (
        f"`likely machine translation` (`backtranslation_score` ≥ {defaults.verdict_likely:g})"
        in verdict
    )
    assert f"`possible machine translation` (≥ {defaults.verdict_possible:g})" in verdict
    assert f"(below {defaults.verdict_possible:g}, scores from 0.5 included)" in verdict
    assert f"fewer than {defaults.classifier_min_sentences} English sentences" in verdict
    assert f"`possible` only from {defaults.verdict_possible:g}" in score


def test_bundled_reports_readme_is_the_rendered_dictionary() -> None:
    """reports/README.md in git is exactly what an audit writes (`python -m tests.derived_text`
    writes it again)."""
    assert (ROOT / "reports" / "README.md").read_text(encoding="utf-8") == dictionary.render(
        Settings()
    )


# ---------------------------------------------------------------- folders and formats


def _html(folder: Path, index: str, *pages: str) -> None:
    (folder / "html" / "articles").mkdir(parents=True)
    (folder / "html" / "index.html").write_text(index)
    for page in pages:
        (folder / "html" / "articles" / page).write_text(page)


def test_a_staged_folder_replaces_the_old_folder_whole(tmp_path: Path) -> None:
    reports, journal = tmp_path / "reports", tmp_path / "state" / "commit.json"
    journal.parent.mkdir()
    reports.mkdir()
    _html(reports, "old index", "removed-article.html")
    staged = commit.staging_folder(reports)
    _html(staged, "new index", "article.html")
    (staged / "audit.xlsx").write_bytes(b"workbook")

    written = replace_files(reports, {"summary.csv": b"rows"}, journal, staged=staged)

    assert sorted(p.name for p in written) == ["audit.xlsx", "html", "summary.csv"]
    assert (reports / "html" / "index.html").read_text() == "new index"
    assert [p.name for p in (reports / "html" / "articles").iterdir()] == ["article.html"]
    assert sorted(p.name for p in reports.iterdir()) == ["audit.xlsx", "html", "summary.csv"]
    assert not journal.exists()


def test_a_folder_commit_killed_half_way_is_completed_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after the old html/ was renamed aside and before the new one took its place:
    no html/ at all until the next run, which renames the staged one from the journal."""
    import json

    reports, journal = tmp_path / "reports", tmp_path / "commit.json"
    reports.mkdir()
    _html(reports, "old index")
    (reports / "summary.csv").write_bytes(b"old rows")
    staged = commit.staging_folder(reports)
    _html(staged, "new index", "article.html")
    (staged / "summary.csv").write_bytes(b"new rows")
    real = os.replace

    def replace(source: object, target: object) -> None:
        if Path(str(target)) == reports / "html":
            raise KeyboardInterrupt  # killed here
        real(source, target)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(commit.os, "replace", replace)
        with pytest.raises(KeyboardInterrupt):
            replace_files(reports, {}, journal, staged=staged)
    assert not (reports / "html").exists()
    # the journal names temporary siblings of report entries only, like a journal of files
    files = json.loads(journal.read_text())["files"]
    assert sorted(files) == ["html", "summary.csv"]
    assert all(commit._temp_of(name, temp) for name, temp in files.items())

    recovery = commit.finish_interrupted_commit(reports, journal, formats.REPORT_FILES)

    assert recovery.completed and not recovery.warning
    assert (reports / "html" / "index.html").read_text() == "new index"
    assert (reports / "summary.csv").read_bytes() == b"new rows"
    assert sorted(p.name for p in reports.iterdir()) == ["html", "summary.csv"]


def test_folders_of_a_run_killed_before_its_commit_are_removed(tmp_path: Path) -> None:
    reports, journal = tmp_path / "reports", tmp_path / "commit.json"
    reports.mkdir()
    _html(reports, "kept index")
    _html(commit.staging_folder(reports), "never committed")
    _html(reports / ".html.old_0123abcd.tmp", "renamed aside")
    (reports / ".notes.tmp").write_text("the user's own file")

    recovery = commit.finish_interrupted_commit(reports, journal, formats.REPORT_FILES)

    assert not recovery.completed
    assert sorted(p.name for p in reports.iterdir()) == [".notes.tmp", "html"]
    assert (reports / "html" / "index.html").read_text() == "kept index"


def test_a_format_that_fails_leaves_the_previous_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "summary.csv").write_bytes(b"previous")

    def broken(data: ReportData, out: Path) -> None:
        (out / "summary.csv").write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(formats.FORMATS, "csv", formats.FORMATS["csv"]._replace(write=broken))
    with pytest.raises(OSError):
        formats.write_reports(reports, ReportData([], Settings()), formats.DEFAULT_FORMATS)
    assert [p.name for p in reports.iterdir()] == ["summary.csv"]  # no staging folder left
    assert (reports / "summary.csv").read_bytes() == b"previous"


def test_formats_are_chosen_by_name_in_the_registrys_order() -> None:
    every = ",".join(reversed(formats.FORMATS)).upper()
    assert formats.parse_formats(every) == tuple(formats.FORMATS)
    # the default is every format the default install can write: not parquet (pyarrow)
    assert formats.DEFAULT_FORMATS == ("csv", "xlsx", "html")
    assert formats.parse_formats(" csv , csv ") == ("csv",)


@pytest.mark.parametrize("text", ["pdf", "csv,pdf", "", " , "])
def test_an_unknown_format_names_the_known_ones(text: str) -> None:
    with pytest.raises(ValueError, match="choose from " + ",".join(formats.FORMATS)):
        formats.parse_formats(text)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("ok", 0),  # compared, and nothing found: 0
        ("no_official_match", None),  # another event: nothing compared, so no count at all
        ("error", None),
    ],
)
def test_an_article_not_compared_has_no_counts_of_edits_only_of_what_it_holds(
    status: str, expected: int | None
) -> None:
    from auditor.records import ArticleResult, Status
    from auditor.reports.summary import ArticleSummary

    summary = ArticleSummary.of(ArticleResult("a.txt", Status(status), "0" * 64))
    compared = (
        summary.aligned_segments,
        summary.drifted_segments,
        summary.critical_edits,
        summary.notable_changes,
        summary.quotes_misquoted,
        summary.quotes_unmatched,
        summary.quotes_spliced,
        summary.drift_mt_explained,
    )
    assert compared == (expected,) * 8
    # what the article holds is counted whether or not it was compared
    assert summary.quotes == summary.fragments == (None if status == "error" else 0)
