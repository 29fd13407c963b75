"""Rebuild the reports from the stored results, without auditing again (`auditor report`).

Under the audit lock of the reports folder, like an audit: the stored result of every article
of the last audit is read from the state and the chosen formats are written and committed
together. The corpus is not read, so an article that could not be read as a file at all (a
folder, a permission error) — which has no stored result — appears after the next audit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from auditor.reports import commit
from auditor.reports.formats import DEFAULT_FORMATS, ReportData, write_reports
from auditor.run.keys import file_signature
from auditor.run.pipeline import JOURNAL_FILE
from auditor.settings import Settings
from auditor.store.lock import LockHeld, audit_lock
from auditor.store.state import STATE_DIR, State, StateError, state_path


class ReportError(Exception):
    """The reports cannot be rebuilt (nothing stored, another run holds the lock, …)."""


def rebuild_reports(
    reports: Path,
    formats: Sequence[str] = DEFAULT_FORMATS,
    settings: Settings | None = None,
    *,
    wait: float = 0.0,
) -> list[Path]:
    """Write the reports of `formats` into `reports` from the results its state holds; the
    files written. `wait`: seconds to wait for an audit that holds the lock."""
    if not state_path(reports).is_file():
        raise ReportError(f"no stored results in {reports}: run `auditor audit` first")
    journal = reports / STATE_DIR / JOURNAL_FILE
    try:
        with audit_lock(reports / STATE_DIR, wait):
            commit.finish_interrupted_commit(reports, journal)
            state = State(state_path(reports))
            try:
                ids = sorted(state.article_ids())
                if not ids:
                    raise ReportError(f"no stored results in {reports}: run `auditor audit` first")
                written_at = datetime.now(UTC).replace(microsecond=0).isoformat()
                data = ReportData(
                    [state.result(article_id) for article_id in ids],
                    settings or Settings(),
                    state.history(),
                    tuple(formats),
                    written_at.replace("+00:00", "Z"),
                )
                written = write_reports(reports, data, formats, journal)
                # the next audit keeps these files as long as nothing it reads changed
                hashes = {**state.report_hashes(), **{p.name: file_signature(p) for p in written}}
                state.record_reports(state.get_meta("reports_key") or "", hashes)
            finally:
                state.close()
    except (LockHeld, StateError) as exc:
        raise ReportError(str(exc)) from exc
    return written
