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
from auditor.store.state import (
    STATE_DIR,
    DamagedRow,
    State,
    StateError,
    environment_fault,
    set_aside,
    state_path,
)
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
    notices: list[str] | None = None,
) -> list[Path]:
    """Write the reports of `formats` into `reports` from the results its state holds; the
    files written. `wait`: seconds to wait for an audit that holds the lock; `notices`: where
    to add what the user should know (a damaged history row dropped).

    A damaged state is never left to fail again: a stored result that does not read back is
    removed (so that `auditor audit` audits that article again), a state that does not read
    back at all is moved aside (so that `auditor audit` rebuilds it) — and the error says so."""
    if not state_path(reports).is_file():
        raise ReportError(f"no stored results in {reports}: run `auditor audit` first")
    journal = reports / STATE_DIR / JOURNAL_FILE
    try:
        paths.check_state_folder(reports)
        with audit_lock(reports / STATE_DIR, wait):
            recovery = commit.finish_interrupted_commit(reports, journal, REPORT_FILES)
            state = State(state_path(reports))
            try:
                if state.rebuilt_from is not None:
                    raise ReportError(
                        f"the state in {reports} could not be read and was moved aside (as "
                        f"{state.rebuilt_from.name}): run `auditor audit` to audit every "
                        f"article again"
                    )
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
                if notices is not None:
                    notices.extend(state.repairs)
            finally:
                state.close()
    except (FolderError, LockHeld, StateError) as exc:
        raise ReportError(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        if environment_fault(exc):
            raise ReportError(
                f"cannot use the state {state_path(reports)}: {exc} (the reports are as they were)"
            ) from exc
        aside = set_aside(state_path(reports))
        raise ReportError(
            f"the state in {reports} is damaged ({exc}) and was moved aside (as {aside.name}): "
            f"run `auditor audit` to audit every article again (the reports are as they were)"
        ) from exc
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
    repairs = len(state.repairs)
    ids = sorted(state.article_ids())
    if len(state.repairs) > repairs:  # rows removed: the reports would lack their articles
        raise ReportError(
            f"{state.repairs[-1]}: run `auditor audit` to audit them again (the reports are "
            f"as they were)"
        )
    if not ids:
        raise ReportError(f"no stored results in {reports}: run `auditor audit` first")
    source = StoredResults(state, ids)
    try:
        for _ in source.read(ids):
            pass
    except Exception:  # whatever the stored text is, it is not our result: which ones?
        damaged = []
        for article_id in ids:
            try:
                state.result(article_id)
            except DamagedRow:
                damaged.append(article_id)
        if not damaged:
            raise
        state.drop_results(damaged)
        raise ReportError(
            f"the stored result of {', '.join(damaged)} did not read back and was removed from "
            f"the state: run `auditor audit` to audit {'it' if len(damaged) == 1 else 'them'} "
            f"again (the reports are as they were)"
        ) from None
    return source
