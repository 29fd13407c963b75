"""What a worker sends back is what the run stores and counts (`auditor.run.audited`): the
driver keeps an audited article without encoding it or deriving its summary, findings and
wordings again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from auditor.reports.findings import findings_of
from auditor.reports.summary import ArticleSummary
from auditor.run import batch
from auditor.run.audited import Audited, audited, wordings_of
from auditor.run.pipeline import audit_corpus
from auditor.stages.wordings import contributions
from auditor.store.serial import result_from_json, result_to_json
from auditor.store.state import State, state_path
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """(stored text, stored summary) of every bundled article, and an unreadable file's."""
    root = tmp_path_factory.mktemp("audited")
    shutil.copytree(CORPUS, root / "corpus")
    (root / "corpus" / "articles" / "zz-binary.txt").write_bytes(b"\x00\x01" * 50)
    audit_corpus(root / "corpus", root / "reports", formats=("csv",), workers=1)
    db = State(state_path(root / "reports"))
    try:
        return list(db.db.execute("SELECT result, digest FROM article_results ORDER BY 1"))
    finally:
        db.close()


def test_an_audited_article_is_its_result_in_every_form_a_run_keeps(
    results: list[tuple[str, str]],
) -> None:
    statuses = set()
    for stored, digest in results:
        result = result_from_json(stored)
        kept = audited(result)
        statuses.add(kept.status.value)
        assert kept.stored == result_to_json(result) == stored
        assert kept.summary == ArticleSummary.of(result)
        assert kept.summary.to_json() == digest
        assert list(kept.findings) == findings_of(result)
        assert kept.contributions == contributions(result)
        assert kept.fragments == tuple(
            (r.segment.language, r.segment.text) for r in result.segments if r.segment.is_fragment
        )
        assert (kept.article_id, kept.status, kept.error, kept.content_sha256) == (
            result.article_id,
            result.status,
            result.error,
            result.content_sha256,
        )
        reused = audited(result, stored=stored)  # read from the state: not encoded again
        assert reused.stored is stored
        assert reused.contributions is None  # the state holds its wordings
        assert wordings_of(reused) == wordings_of(kept) == contributions(result)
        assert reused._replace(contributions=kept.contributions) == kept
    assert statuses >= {"ok", "error"}
    assert any(audited(result_from_json(s)).fragments for s, _ in results)
    assert any(audited(result_from_json(s)).findings for s, _ in results)


def test_the_driver_stores_what_the_worker_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--workers 1` audits in this process, through the worker's own function: the batch
    (the driver) makes no `Audited` of its own for an article audited there — only for the
    unreadable file, whose error row is the driver's."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    (tmp_path / "corpus" / "articles" / "zz-binary.txt").write_bytes(b"\x00\x01" * 50)
    made: list[str] = []

    def on_the_driver(result: object, stored: str | None = None) -> Audited:
        made.append(result.article_id)  # type: ignore[attr-defined]
        return audited(result, stored)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "audited", on_the_driver)
    audit_corpus(tmp_path / "corpus", tmp_path / "reports", formats=("csv",), workers=1)
    assert made == ["zz-binary.txt"]
    db = State(state_path(tmp_path / "reports"))
    try:
        rows = dict(db.db.execute("SELECT article_id, result FROM article_results"))
    finally:
        db.close()
    articles = sorted(p.name for p in (CORPUS / "articles").iterdir())
    assert sorted(rows) == sorted([*articles, "zz-binary.txt"])
    for article_id, stored in rows.items():
        result = result_from_json(stored)
        assert result.article_id == article_id
        assert result.audited_at  # the run's time travelled with the bytes
        assert json.loads(stored)["audited_at"] == result.audited_at
        assert result_to_json(result) == stored
