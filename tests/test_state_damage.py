"""State damage of any kind never wedges a reports folder: a value that does not read back is
dropped (a history row), re-audited (a stored result) or the state is moved aside and rebuilt,
with a note — never a traceback — and `auditor report` only advises a command that fixes it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.run.pipeline import audit_corpus
from auditor.store.state import STATE_DIR, STATE_FILE
from tests.conftest import CORPUS

TURKISH = "turkish-outlet-2022-11-30-bucharest-press-conference.txt"


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("audited")
    shutil.copytree(CORPUS, root / "corpus")
    for _ in range(2):  # two runs: two history rows per article, and the unchanged record
        audit_corpus(root / "corpus", root / "reports", models_dir=root / "no-models")
    return root


def _sql(statement: str) -> Callable[[Path], None]:
    def damage(state: Path) -> None:
        db = sqlite3.connect(state)
        db.execute(statement)
        db.commit()
        db.close()

    return damage


def _folder_at(suffix: str) -> Callable[[Path], None]:
    def damage(state: Path) -> None:
        part = Path(str(state) + suffix)
        if part.exists():
            part.unlink()
        part.mkdir()

    return damage


def _replace_by_folder(path: Path) -> None:
    if path.exists():
        path.unlink()
    path.mkdir()


def _overwrite(offset: int, size: int) -> Callable[[Path], None]:
    def damage(state: Path) -> None:
        with open(state, "r+b") as handle:
            handle.seek(offset)
            handle.write(b"\xa5" * size)

    return damage


FIRST_HISTORY_ROW = "rowid = (SELECT min(rowid) FROM history_rows)"
DAMAGE: dict[str, Callable[[Path], None]] = {
    "a history row that is not JSON": _sql(
        f"UPDATE history_rows SET row = 'not json' WHERE {FIRST_HISTORY_ROW}"
    ),
    "a history row that is JSON but no row": _sql(
        f"UPDATE history_rows SET row = '[]' WHERE {FIRST_HISTORY_ROW}"
    ),
    "a history row of the wrong shape": _sql("UPDATE history_rows SET row = '{\"x\": [1]}'"),
    "a history row with text for a number": _sql(
        "UPDATE history_rows SET row = json_set(row, '$.bleu', 'abc')"
    ),
    "a stored result that is not JSON": _sql(
        f"UPDATE article_results SET result = 'not json' WHERE article_id = '{TURKISH}'"
    ),
    "a stored result of the wrong shape": _sql(
        f"UPDATE article_results SET result = json_set(result, '$.segments', json('[1]')) "
        f"WHERE article_id = '{TURKISH}'"
    ),
    "a stored summary that is JSON but no summary": _sql(
        f"UPDATE article_results SET digest = '[]' WHERE article_id = '{TURKISH}'"
    ),
    "a stored summary with text for a number": _sql(
        "UPDATE article_results SET digest = json_set(digest, '$.chrf', 'abc')"
    ),
    "wording groups whose edits are not JSON": _sql(
        "UPDATE wording_groups SET critical_edits = 'not json'"
    ),
    "wording groups whose counts are text": _sql("UPDATE wording_groups SET articles = 'x'"),
    "an older auditor's schema version that is text": _sql(
        "CREATE TABLE schema_version AS SELECT 'abc' AS version"
    ),
    "no schema version": _sql("PRAGMA user_version = 0"),
    "a cached translation that is a blob": _sql("UPDATE translations SET text_en = x'00ff'"),
    "a stored result without an article name": _sql(
        f"UPDATE article_results SET article_id = NULL WHERE article_id = '{TURKISH}'"
    ),
    # the review desk's tables (`auditor.store.decisions`) and the unchanged run's record
    "a stored finding that is not JSON": _sql(
        "UPDATE findings SET finding = 'not json' WHERE rowid = (SELECT min(rowid) FROM findings)"
    ),
    "a stored finding with text for a number": _sql(
        "UPDATE findings SET finding = json_set(finding, '$.line', 'x')"
    ),
    "a finding's first sighting that is a blob": _sql("UPDATE findings SET first_seen = x'00ff'"),
    "run counts that are not JSON": _sql("UPDATE run_findings SET counts = 'not json'"),
    "run counts of the wrong shape": _sql("UPDATE run_findings SET counts = '[1]'"),
    "a decision that is neither confirmed nor dismissed": _sql(
        "INSERT INTO decisions SELECT finding_id, article_id, 'maybe', '', 'A. Smith', "
        "'2026-12-01T00:00:00Z', content_sha256, 'x' FROM findings LIMIT 1"
    ),
    "a decision whose note is a blob": _sql(
        "INSERT INTO decisions SELECT finding_id, article_id, 'dismissed', x'00ff', 'A. Smith', "
        "'2026-12-01T00:00:00Z', content_sha256, 'x' FROM findings LIMIT 1"
    ),
    "an unchanged record that is not JSON": _sql(
        "UPDATE meta SET value = 'not json' WHERE key = 'unchanged_record'"
    ),
    "an unchanged record with text for a count": _sql(
        "UPDATE meta SET value = json_set(value, '$.findings.critical', 'x') "
        "WHERE key = 'unchanged_record'"
    ),
    "an unchanged record with a count it does not know": _sql(
        "UPDATE meta SET value = json_set(value, '$.findings.bogus', 1) "
        "WHERE key = 'unchanged_record'"
    ),
    "a damaged page": _overwrite(8192, 4096),
    "a damaged header": _overwrite(0, 100),
    "a folder where the state file is": _folder_at(""),
    "a folder where the shared-memory file is": _folder_at("-shm"),
    "a folder where the lock is": lambda state: _replace_by_folder(state.parent / "audit.lock"),
    "a folder where the lock's holder is": lambda state: _replace_by_folder(
        state.parent / "audit.lock.json"
    ),
}


def _invoke(*words: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(words))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{' '.join(words)} raised {result.exception!r}\n{result.output}")
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damage_is_repaired_with_a_note_and_never_wedges_the_folder(
    audited: Path, tmp_path: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "case"
    shutil.copytree(audited, root)
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(root / "no-models"))
    DAMAGE[damage](root / "reports" / STATE_DIR / STATE_FILE)
    corpus, reports = str(root / "corpus"), str(root / "reports")

    code, said = _invoke("report", "--reports", reports)
    if code != 0:
        # a damaged state is repaired as far as report can, and the advice fixes the rest
        assert code == 1 and "run `auditor audit`" in said, said
        code, said = _invoke("audit", corpus, "--reports", reports, "--json")
        assert code == 0, said
        code, said = _invoke("report", "--reports", reports)
    assert code == 0, said
    for words in (["--json"], ["--full"]):  # the unchanged run, then one that rebuilds all
        code, said = _invoke("audit", corpus, "--reports", reports, *words)
        assert code == 0, said
    code, said = _invoke("report", "--reports", reports)
    assert code == 0, said
    summary = (root / "reports" / "summary.csv").read_text(encoding="utf-8-sig")
    assert summary.count("\n") == 1 + len(os.listdir(CORPUS / "articles"))


def test_a_history_row_that_does_not_read_back_is_dropped_with_a_note(
    audited: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "case"
    shutil.copytree(audited, root)
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(root / "no-models"))
    history = root / "reports" / "history.csv"
    rows_before = history.read_text(encoding="utf-8-sig").count("\n")
    DAMAGE["a history row that is not JSON"](root / "reports" / STATE_DIR / STATE_FILE)
    code, said = _invoke("report", "--reports", str(root / "reports"))
    assert code == 0
    assert "1 history row(s) in the state did not read back and were dropped" in said
    # history.csv is appended in place: the row was written when it read back, and stays
    assert history.read_text(encoding="utf-8-sig").count("\n") == rows_before
    code, said = _invoke("report", "--reports", str(root / "reports"))
    assert "history row" not in said  # dropped once, for good


def test_a_damaged_stored_result_is_audited_again_after_report_says_so(
    audited: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "case"
    shutil.copytree(audited, root)
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(root / "no-models"))
    corpus, reports = str(root / "corpus"), str(root / "reports")
    DAMAGE["a stored result that is not JSON"](root / "reports" / STATE_DIR / STATE_FILE)
    code, said = _invoke("report", "--reports", reports)
    assert code == 1
    assert f"the stored result of {TURKISH} did not read back" in " ".join(said.split())
    code, said = _invoke("audit", corpus, "--reports", reports, "--json")
    assert code == 0 and '"audited": 1' in said, said


def test_damaged_findings_tables_say_so_in_review_and_audit_rebuilds_them(
    audited: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "case"
    shutil.copytree(audited, root)
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(root / "no-models"))
    corpus, reports = str(root / "corpus"), str(root / "reports")
    DAMAGE["a stored finding that is not JSON"](root / "reports" / STATE_DIR / STATE_FILE)
    code, said = _invoke("review", "list", "--reports", reports)
    assert code == 1 and "run `auditor audit`" in said, said
    code, said = _invoke("audit", corpus, "--reports", reports, "--json")
    assert code == 0, said
    code, said = _invoke("review", "list", "--reports", reports)
    assert code == 0, said


def test_a_decision_in_a_damaged_state_comes_back_from_decisions_csv(
    audited: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "case"
    shutil.copytree(audited, root)
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(root / "no-models"))
    corpus, reports = str(root / "corpus"), str(root / "reports")
    state = root / "reports" / STATE_DIR / STATE_FILE
    db = sqlite3.connect(state)
    (finding_id,) = db.execute("SELECT finding_id FROM findings LIMIT 1").fetchone()
    db.close()
    code, said = _invoke(
        "review", "dismiss", finding_id, "--note", "said so", "--reviewer", "A. Smith",
        "--reports", reports,
    )  # fmt: skip
    assert code == 0, said
    _sql("UPDATE decisions SET reviewer = x'00ff'")(state)
    code, said = _invoke("audit", corpus, "--reports", reports, "--json")
    assert code == 0, said
    assert "took 1 review decision(s) back" in said, said
    db = sqlite3.connect(state)
    kept = db.execute("SELECT finding_id, decision, note, reviewer FROM decisions").fetchall()
    db.close()
    assert kept == [(finding_id, "dismissed", "said so", "A. Smith")]
