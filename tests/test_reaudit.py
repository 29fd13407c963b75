"""Scheduled re-audit: only new work, history over runs, safe under kill and concurrency."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import auditor
from auditor.cli import app
from auditor.reports import commit
from auditor.run import keys
from auditor.run.keys import files_signature, package_fingerprint
from auditor.run.pipeline import AuditError, audit_corpus
from auditor.settings import Settings, VerdictSettings
from auditor.store.state import SCHEMA_VERSION, state_path

runner = CliRunner()
CSVS = ("summary.csv", "segments.csv", "fragments.csv")


def _files(reports: Path, names: tuple[str, ...] = CSVS) -> dict[str, bytes]:
    """Each file's bytes; for a folder, the names and bytes of its files."""
    out = {}
    for name in names:
        path = reports / name
        if path.is_dir():
            out[name] = b"\0".join(p.name.encode() + p.read_bytes() for p in sorted(path.iterdir()))
        else:
            out[name] = path.read_bytes()
    return out


def test_unchanged_corpus_is_not_audited_again_and_reports_are_identical(
    corpus_copy: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    first = audit_corpus(corpus_copy, reports)
    before = _files(reports)
    second = audit_corpus(corpus_copy, reports)
    assert (first.audited, first.unchanged) == (4, 0)
    assert (second.audited, second.unchanged, second.removed) == (0, 4, 0)
    assert _files(reports) == before  # audited_at is the time of the audit, so bytes match
    # history.csv: a row per article whose result changed, so none for the second run;
    # runs.csv: a row per run
    history = pd.read_csv(reports / "history.csv", encoding="utf-8-sig")
    assert len(history) == 4 and set(history.run_id) == {first.run_id}
    runs = pd.read_csv(reports / "runs.csv", encoding="utf-8-sig")
    assert list(runs.run_id) == [first.run_id, second.run_id]
    assert list(runs.unchanged) == [0, 4] and list(runs.critical) == [1, 1]


def test_a_new_article_costs_one_audit(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    (corpus_copy / "articles" / "new.txt").write_text(
        "Ministers agreed that we must continue our efforts to counter this threat.\n"
    )
    result = audit_corpus(corpus_copy, reports)
    assert (result.audited, result.unchanged) == (1, 4)


def test_changing_an_official_document_re_audits_every_article(
    corpus_copy: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    official = next((corpus_copy / "official").iterdir())
    official.write_bytes(official.read_bytes() + b"\nThank you.\n")
    result = audit_corpus(corpus_copy, reports)
    assert (result.audited, result.unchanged) == (4, 0)


def test_changed_settings_and_full_re_audit_everything(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    assert (
        audit_corpus(
            corpus_copy, reports, Settings(verdict=VerdictSettings(min_coverage=0.3))
        ).audited
        == 4
    )
    assert (
        audit_corpus(
            corpus_copy, reports, Settings(verdict=VerdictSettings(min_coverage=0.3))
        ).audited
        == 0
    )
    assert (
        audit_corpus(
            corpus_copy, reports, Settings(verdict=VerdictSettings(min_coverage=0.3)), full=True
        ).audited
        == 4
    )


def test_a_removed_article_leaves_the_reports_and_stays_in_history(
    corpus_copy: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    gone = next((corpus_copy / "articles").iterdir())
    gone.unlink()
    result = audit_corpus(corpus_copy, reports)
    assert (result.audited, result.unchanged, result.removed) == (0, 3, 1)
    summary = pd.read_csv(reports / "summary.csv", encoding="utf-8-sig")
    history = pd.read_csv(reports / "history.csv", encoding="utf-8-sig")
    assert gone.name not in set(summary.article_id)
    assert (history.article_id == gone.name).sum() == 1


def test_json_summary_for_scripts(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    result = runner.invoke(app, ["audit", str(corpus_copy), "--reports", str(reports), "--json"])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.stdout)  # notes for people go to stderr
    assert set(data) == {
        "audited",
        "unchanged",
        "errors",
        "removed",
        "critical",
        "misquoted",
        "unmatched",
        "new",
        "new_critical",
        "confirmed",
        "dismissed",
        "reports",
        "run_id",
        "seconds",
    }
    # the seeds' one critical edit (the quotation's must → should), new in a first run
    assert (data["critical"], data["misquoted"], data["new_critical"]) == (1, 1, 1)
    assert data["audited"] == 4 and data["reports"] == str(reports)


def test_fail_on_critical_exits_3(corpus_copy: Path, tmp_path: Path) -> None:
    args = ["audit", str(corpus_copy), "--reports", str(tmp_path / "r")]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, [*args, "--fail-on", "critical"]).exit_code == 3


# ---------------------------------------------------------------- state that cannot be used


@pytest.mark.parametrize(
    "content",
    [b"this is not a database\n" * 20, b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["garbage", "truncated"],
)
def test_unreadable_state_is_moved_aside_and_rebuilt(
    corpus_copy: Path, tmp_path: Path, content: bytes
) -> None:
    reports = tmp_path / "reports"
    path = state_path(reports)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    result = audit_corpus(corpus_copy, reports)
    assert result.audited == 4
    assert any("rebuilt" in n for n in result.notices)
    assert list(path.parent.glob("state.sqlite.unreadable-*"))


def test_a_foreign_database_is_not_used(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    path = state_path(reports)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices (id INTEGER)")
    result = audit_corpus(corpus_copy, reports)
    assert result.audited == 4 and any("rebuilt" in n for n in result.notices)


def test_a_state_from_a_newer_auditor_is_left_alone(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    with sqlite3.connect(state_path(reports)) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(AuditError, match="newer auditor"):
        audit_corpus(corpus_copy, reports)
    result = runner.invoke(app, ["audit", str(corpus_copy), "--reports", str(reports)])
    assert result.exit_code == 1 and "newer auditor" in result.output


# ---------------------------------------------------------------- commits and kills


def test_an_interrupted_commit_is_completed_by_the_next_run(tmp_path: Path) -> None:
    """The state a SIGKILL leaves between two renames: the journal lists both temporary files,
    the first is already renamed. The next run renames the second before anything else."""
    import json

    journal = tmp_path / ".auditor" / "commit.json"
    journal.parent.mkdir()
    (tmp_path / "summary.csv").write_bytes(b"old summary")
    (tmp_path / "segments.csv").write_bytes(b"old segments")
    temps = {}
    for name in ("summary.csv", "segments.csv"):
        temps[name] = tmp_path / f".{name}.x1.tmp"
        temps[name].write_bytes(b"new " + name.encode())
    journal.write_text(json.dumps({k: str(v) for k, v in temps.items()}))
    os.replace(temps["summary.csv"], tmp_path / "summary.csv")  # killed after this rename
    (tmp_path / ".fragments.csv.x2.tmp").write_bytes(b"a temp of a run killed earlier")

    recovery = commit.finish_interrupted_commit(tmp_path, journal, CSVS)
    assert recovery.completed and not recovery.warning
    assert (tmp_path / "summary.csv").read_bytes() == b"new summary.csv"
    assert (tmp_path / "segments.csv").read_bytes() == b"new segments.csv"
    assert not journal.exists() and not list(tmp_path.glob(".*.tmp"))


def test_nothing_to_complete_without_a_journal(tmp_path: Path) -> None:
    (tmp_path / "summary.csv").write_bytes(b"kept")
    assert not commit.finish_interrupted_commit(tmp_path, tmp_path / "commit.json", CSVS).completed
    assert (tmp_path / "summary.csv").read_bytes() == b"kept"


def _generated_corpus(tmp_path: Path, n: int) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.make_corpus import make_corpus

    return make_corpus(n, 120, tmp_path / "generated")


def _audit_process(corpus: Path, reports: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "auditor", "audit", str(corpus), "--reports", str(reports), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_sigkill_at_any_point_keeps_the_previous_reports(tmp_path: Path) -> None:
    corpus = _generated_corpus(tmp_path, 150)
    reports = tmp_path / "reports"
    assert _audit_process(corpus, reports).wait(timeout=600) == 0
    # the workbook and the pages too: html/ is replaced as a folder, in the same commit
    names = (*CSVS, "history.csv", "audit.xlsx", "html/index.html", "html/articles")
    before = _files(reports, names)
    for delay in (0.3, 0.9, 1.6, 2.5):  # the audit of 150 articles takes ~8 s here
        process = _audit_process(corpus, reports, "--full")
        time.sleep(delay)
        assert process.poll() is None, "the audit ended before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _files(reports, names) == before, f"reports changed after a kill at {delay} s"
        with sqlite3.connect(state_path(reports)) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    final = _audit_process(corpus, reports)
    _, err = final.communicate(timeout=600)
    assert final.returncode == 0, err
    summary = pd.read_csv(reports / "summary.csv", encoding="utf-8-sig")
    assert len(summary) == 150
    runs = pd.read_csv(reports / "runs.csv", encoding="utf-8-sig")
    assert runs.run_id.nunique() == 2, "a killed run left a row in runs.csv"
    history = pd.read_csv(reports / "history.csv", encoding="utf-8-sig")
    assert history.run_id.nunique() == 1, "history.csv has rows only where a result changed"
    fresh = tmp_path / "fresh"
    assert _audit_process(corpus, fresh).wait(timeout=600) == 0
    columns = ["article_id", "status", "official_id", "chrf", "critical_edits"]
    expected = pd.read_csv(fresh / "summary.csv", encoding="utf-8-sig")[columns]
    pd.testing.assert_frame_equal(summary[columns], expected)


@pytest.mark.slow
def test_two_audits_at_once_one_runs_and_the_other_says_why(
    corpus_copy: Path, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    first = _audit_process(corpus_copy, reports, "--full")
    second = _audit_process(corpus_copy, reports, "--full")
    results = [p.communicate(timeout=600) for p in (first, second)]
    codes = sorted(p.returncode for p in (first, second))
    assert codes in ([0, 0], [0, 1])
    if codes == [0, 1]:
        refused = next(
            err for (_, err), p in zip(results, (first, second), strict=True) if p.returncode == 1
        )
        assert "another audit is running" in refused
        # the holder writes who it is just after taking the lock: refused in between, the
        # message says so rather than naming a pid it cannot know
        assert "pid" in refused or "its details are not recorded" in refused
    waiting = [_audit_process(corpus_copy, reports, "--full", "--wait", "120") for _ in range(2)]
    assert [p.wait(timeout=600) for p in waiting] == [0, 0]
    for name in (*CSVS, "history.csv"):
        pd.read_csv(reports / name, encoding="utf-8-sig")
    with sqlite3.connect(state_path(reports)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_a_lock_left_by_a_killed_process_is_taken_over(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    (reports / ".auditor").mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); "
            "print('locked', flush=True); time.sleep(600)",
            str(reports / ".auditor" / "audit.lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    refused = runner.invoke(app, ["audit", str(corpus_copy), "--reports", str(reports)])
    assert refused.exit_code == 1 and "another audit is running" in refused.output
    holder.kill()
    holder.wait()
    taken = runner.invoke(app, ["audit", str(corpus_copy), "--reports", str(reports)])
    assert taken.exit_code == 0, taken.output


def test_two_workers_give_the_same_reports_as_one(corpus_copy: Path, tmp_path: Path) -> None:
    one = runner.invoke(app, ["audit", str(corpus_copy), "--reports", str(tmp_path / "one")])
    two = runner.invoke(
        app, ["audit", str(corpus_copy), "--reports", str(tmp_path / "two"), "--workers", "2"]
    )
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    for name in ("segments.csv", "fragments.csv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    summaries = [
        pd.read_csv(tmp_path / folder / "summary.csv", encoding="utf-8-sig").drop(
            columns=["audited_at"]
        )
        for folder in ("one", "two")
    ]
    pd.testing.assert_frame_equal(*summaries)


@pytest.mark.slow
def test_watch_audits_again_when_an_article_is_added(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    watcher = _audit_process(corpus_copy, reports, "--watch", "--interval", "0.3")
    try:
        summary = reports / "summary.csv"
        deadline = time.monotonic() + 120
        while not summary.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert summary.exists(), "the first audit of --watch did not finish"
        (corpus_copy / "articles" / "added.txt").write_text(
            "Ministers agreed that we must continue our efforts to counter this threat.\n"
        )
        while time.monotonic() < deadline:
            if "added.txt" in summary.read_text(encoding="utf-8-sig"):
                break
            time.sleep(0.2)
        assert "added.txt" in summary.read_text(encoding="utf-8-sig")
    finally:
        watcher.kill()
        watcher.wait()


def test_an_unreadable_article_costs_no_re_audit(corpus_copy: Path, tmp_path: Path) -> None:
    """A binary or empty article is a finding stored like any other: the next run over the
    unchanged corpus neither audits it again nor rebuilds the reports."""
    reports = tmp_path / "reports"
    (corpus_copy / "articles" / "empty.txt").write_bytes(b"")
    (corpus_copy / "articles" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    first = audit_corpus(corpus_copy, reports)
    before = _files(reports, (*CSVS, "audit.xlsx", "html/index.html"))
    second = audit_corpus(corpus_copy, reports)
    assert (first.audited, first.errors) == (4, 2)
    assert (second.audited, second.unchanged, second.errors) == (0, 4, 2)
    # the reports were not rebuilt (only history.csv and runs.csv were appended)
    assert _files(reports, (*CSVS, "audit.xlsx", "html/index.html")) == before
    errors = {a.article_id: a.error for a in second.articles if a.error}
    assert errors["empty.txt"] == "file is empty"
    assert errors["image.txt"].startswith("not text")


@pytest.mark.parametrize(
    "changed",
    [
        "stages/changes/negation.py",  # a module of a sub-package of a sub-package
        "run/pipeline.py",
        "data/negators.txt",  # a word list
        "data/reporting_verbs.txt",
    ],
)
def test_the_code_fingerprint_covers_every_sub_package_and_word_list(
    tmp_path: Path, changed: str
) -> None:
    """A stored result is reused only by the same code: a change anywhere in the package,
    its sub-packages or its data files makes every article be audited again."""
    package = tmp_path / "auditor"
    shutil.copytree(
        Path(auditor.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    before = package_fingerprint(package)
    (package / "stages" / "__pycache__").mkdir(exist_ok=True)
    (package / "stages" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"cache")
    assert package_fingerprint(package) == before  # caches are not code
    with (package / changed).open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert package_fingerprint(package) != before


def test_a_stored_result_is_the_json_of_every_field_and_reads_back(
    corpus_copy: Path, tmp_path: Path
) -> None:
    """The state's text of a result is what `dataclasses.asdict` would give, byte for byte
    (results stored before the faster encoder stay valid), and reads back to the same result."""
    import json
    from dataclasses import asdict

    from auditor.store.serial import result_from_json, result_to_json
    from auditor.store.state import State

    audit_corpus(corpus_copy, tmp_path / "reports")
    state = State(state_path(tmp_path / "reports"))
    try:
        results = [state.result(article_id) for article_id in sorted(state.article_ids())]
    finally:
        state.close()
    assert len(results) == 4
    for result in results:
        text = result_to_json(result)
        assert text == json.dumps(asdict(result), ensure_ascii=False, sort_keys=True)
        assert result_from_json(text) == result


@pytest.mark.parametrize("changed", ["run/pipeline.py", "data/negators.txt"])
def test_the_files_signature_changes_when_a_file_is_rewritten_and_not_for_caches(
    tmp_path: Path, changed: str
) -> None:
    """`files_signature` stands for `package_fingerprint` on an unchanged run: a rewritten
    module or word list (same size even) must change it; a cache written beside them must not."""
    package = tmp_path / "auditor"
    shutil.copytree(
        Path(auditor.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    before = files_signature([package])
    (package / "stages" / "__pycache__").mkdir(exist_ok=True)
    (package / "stages" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"cache")
    assert files_signature([package]) == before
    path = package / changed
    data = path.read_bytes()
    path.unlink()  # a new file of the same bytes: an install replaces files this way
    path.write_bytes(data[:-1] + (b"x" if data[-1:] != b"x" else b"y"))
    assert files_signature([package]) != before


@pytest.mark.parametrize(
    ("stored", "adopted"),
    [
        ({"signature": "S", "code": "stored code", "sacrebleu": "0.0"}, True),
        ({"signature": "other", "code": "stored code", "sacrebleu": "0.0"}, False),
        ({"signature": "S", "code": 7, "sacrebleu": "0.0"}, False),
        ({"signature": "S", "code": "stored code"}, False),
        ("not json {", False),
        (None, False),
        (["S"], False),
    ],
)
def test_the_code_identity_is_taken_from_the_state_only_under_the_same_signature(
    monkeypatch: pytest.MonkeyPatch, stored: object, adopted: bool
) -> None:
    monkeypatch.setattr(keys, "_identity", {})
    monkeypatch.setattr(keys, "package_fingerprint", lambda root: "computed code")
    text = stored if isinstance(stored, str) or stored is None else json.dumps(stored)
    returned = keys.adopt(text, "S")
    if adopted:
        assert returned is None
        assert (keys.code_fingerprint(), keys.sacrebleu_version()) == ("stored code", "0.0")
    else:
        assert keys.code_fingerprint() == "computed code"
        assert returned is not None
        assert json.loads(returned) == {
            "signature": "S",
            "code": "computed code",
            "sacrebleu": keys.sacrebleu_version(),
        }
        assert keys.sacrebleu_version() != "0.0"


def test_an_unchanged_run_takes_the_code_identity_from_the_state(
    corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second run reads neither the package's modules nor sacrebleu's metadata, and still
    replays; a different stored identity under the same signature would make it audit again."""
    reports = tmp_path / "reports"
    audit_corpus(corpus_copy, reports)
    monkeypatch.setattr(keys, "_identity", {})

    def unread(root: Path) -> str:
        raise AssertionError("the package was read on an unchanged run")

    monkeypatch.setattr(keys, "package_fingerprint", unread)
    assert audit_corpus(corpus_copy, reports).unchanged > 0


def test_a_process_stores_its_code_under_the_signature_taken_before_the_code_was_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The files change after this process read its code (an upgrade under a long-lived
    process): what it stores names the old files, so the next process computes again."""
    monkeypatch.setattr(keys, "_identity", {})
    seen = iter(["files as read", "files after an upgrade"])
    monkeypatch.setattr(keys, "_files_now", lambda: next(seen))
    monkeypatch.setattr(keys, "package_fingerprint", lambda root: "the code this process runs")
    assert keys.code_fingerprint() == "the code this process runs"
    stored = keys.adopt(None, keys.installed_signature())
    assert stored is not None
    assert json.loads(stored)["signature"] == "files as read"
