"""Rebuild the reports from the stored results, without auditing again (`auditor report`).

Under the audit lock of the reports folder, like an audit: an interrupted commit is completed
first (and the history rows of runs killed before theirs are dropped), then the stored result
of every article of the last audit is read from the state and the chosen formats are written
and committed together. The corpus is not read, so an article that could not be read as a file
at all (a folder, a permission error) — which has no stored result — appears after the next
audit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from auditor.reports import commit
from auditor.reports.data import ReportData
from auditor.reports.formats import DEFAULT_FORMATS, REPORT_FILES, write_reports
from auditor.run import paths
from auditor.run.keys import file_signature
from auditor.run.paths import FolderError
from auditor.run.publish import JOURNAL_FILE, ordered, sync_tables
from auditor.settings import Settings
from auditor.store.decisions import Decisions
from auditor.store.lock import LockHeld, audit_lock
from auditor.store.state import STATE_DIR, State, StateError, state_path
from auditor.store.stream import StoredHistory, StoredResults
from auditor.store.wordings import StoredWordings


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
        paths.check_state_folder(reports)
        with audit_lock(reports / STATE_DIR, wait):
            recovery = commit.finish_interrupted_commit(reports, journal, REPORT_FILES)
            state = State(state_path(reports))
            try:
                state.settle_history(recovery.run_id)
                written_at = datetime.now(UTC).replace(microsecond=0).isoformat()
                desk = Decisions(state.db)
                data = ReportData(
                    _stored_results(state, reports),
                    settings or Settings(),
                    StoredHistory(state),
                    tuple(formats),
                    written_at.replace("+00:00", "Z"),
                    StoredWordings(state),
                    desk.review(),
                )
                # the next audit keeps these files as long as nothing it reads changed
                reports_key = state.get_meta("reports_key") or ""
                kept = state.report_hashes()
                written = write_reports(
                    reports,
                    data,
                    formats,
                    journal,
                    committed=lambda paths: state.record_reports(
                        reports_key, {**kept, **{p.name: file_signature(p) for p in paths}}
                    ),
                )
                written = ordered([*written, *sync_tables(reports, state)], formats)
                desk.mark_reported(desk.fingerprint())
            finally:
                state.close()
    except (FolderError, LockHeld, StateError) as exc:
        raise ReportError(str(exc)) from exc
    except sqlite3.Error as exc:
        raise ReportError(
            f"cannot use the state {state_path(reports)}: {exc} (the reports are as they were)"
        ) from exc
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise ReportError(
            f"cannot write to the reports folder {reports}: {why}; the reports are as they were"
        ) from exc
    return written


def _stored_results(state: State, reports: Path) -> StoredResults:
    """Every stored result, by article name, read a batch at a time; ReportError when there is
    none or one does not read back (the next audit audits that article again) — checked
    first, a batch at a time, so that no report is half written."""
    ids = sorted(state.article_ids())
    if not ids:
        raise ReportError(f"no stored results in {reports}: run `auditor audit` first")
    source = StoredResults(state, ids)
    read = 0
    try:
        for _ in source.read(ids):
            read += 1
    except (ValueError, KeyError, TypeError) as exc:
        raise ReportError(
            f"the stored result of {ids[read]} cannot be read ({exc}): run `auditor audit`"
        ) from exc
    return source
