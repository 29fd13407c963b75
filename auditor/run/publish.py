"""What a run leaves behind (edge): the reports of its formats, all committed together, and the
history rows of the run, which count only once the reports they describe are committed (a run
killed before its commit leaves no row in history.csv)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.reports.formats import (
    APPENDED,
    DEFAULT_FORMATS,
    HISTORY_FILE,
    REPORT_FILES,
    RUNS_FILE,
    report_entries,
    write_reports,
)
from auditor.reports.history import changed, with_run
from auditor.run.keys import file_signature

if TYPE_CHECKING:  # an unchanged run appends history without them
    from auditor.reports.data import ResultSource, WordingSource
    from auditor.reports.findings import FindingCounts
    from auditor.reports.review import Review
    from auditor.reports.summary import ArticleSummary
    from auditor.settings import Settings
    from auditor.stages.wordings import WordingGroup
    from auditor.store.state import State

__all__ = ["HISTORY_FILE", "JOURNAL_FILE", "REPORT_FILES", "RUNS_FILE", "Publisher"]

JOURNAL_FILE = "commit.json"


class Publisher:
    """Writes one run's reports of `formats` into `reports`, recording the commit in `state`."""

    def __init__(
        self,
        reports: Path,
        journal: Path,
        state: State,
        run_id: str,
        run_at: str,
        formats: Sequence[str] = DEFAULT_FORMATS,
    ):
        self.reports, self.journal, self.state = reports, journal, state
        self.run_id, self.run_at = run_id, run_at
        self.formats = tuple(formats)
        #: called once the run's reports are committed, after the state says so
        self.on_commit: Callable[[], None] | None = None

    def reports_intact(self, reports_key: str) -> bool:
        """The committed reports are exactly the ones this run would write (checked by their
        recorded signatures, in case someone edited or deleted one)."""
        if self.state.get_meta("reports_key") != reports_key:
            return False
        recorded = self.state.report_hashes()
        for name in report_entries(self.formats):
            path = self.reports / name
            if name not in recorded or not path.exists():
                return False
            if file_signature(path) != recorded[name]:
                return False
        return True

    def append_history(
        self,
        rendered: Sequence[tuple[str, str, str]],
        counts: dict[str, int],
        found: FindingCounts | None = None,
    ) -> list[Path]:
        """An unchanged corpus: keep the reports, and append this run's history rows (rendered
        without their run columns: `reports.history.render`; none when no article's result
        changed, the usual case) and its row of runs.csv, with `found`, its findings' counts —
        in place (`auditor.reports.appended`): the cost does not grow with the runs before.
        (`found` is the row's: the caller recorded it with `Decisions.start_run`.)"""
        from auditor.store.appended import commit_replay

        state_rows, _ = with_run(self.run_id, self.run_at, rendered)
        self.state.finish_run_json(self.run_id, counts, state_rows)
        commit_replay(self.state, self.run_id)
        appended = self.sync_tables()
        others = [name for name in report_entries(self.formats) if name not in APPENDED]
        return [self.reports / name for name in others] + appended

    def stage_history(self, digests: Sequence[ArticleSummary]) -> None:
        """The history rows of some of the run's articles, kept aside until its reports are
        committed: a row only for an article whose result changed since its last row."""
        from auditor.reports.summary import history_row
        from auditor.store.stream import last_history, stage_history

        rows = [history_row(self.run_id, self.run_at, d) for d in digests]
        last = last_history(self.state, [d.article_id for d in digests])
        stage_history(self.state, self.run_id, changed(rows, list(last.values())))

    def write_reports(
        self,
        results: ResultSource,
        counts: dict[str, int],
        reports_key: str,
        settings: Settings,
        wordings: WordingSource | Sequence[WordingGroup] = (),
        review: Review | None = None,
    ) -> list[Path]:
        """All reports of the run's formats, committed together (`auditor.reports.formats`),
        read from `results` a batch at a time; once committed, the run's history rows (staged
        by `stage_history`) count and the entries' signatures are recorded, in one
        transaction; then history.csv and runs.csv are appended."""
        from auditor.reports.data import ReportData
        from auditor.store.stream import StoredHistory

        self.state.finish_run(self.run_id, counts, [])
        data = ReportData(
            results,
            settings,
            StoredHistory(self.state, self.run_id),
            self.formats,
            self.run_at,
            wordings,
            review,
        )
        kept = {n: h for n, h in self.state.report_hashes().items() if n in APPENDED}
        written = write_reports(
            self.reports,
            data,
            self.formats,
            self.journal,
            run_id=self.run_id,
            committed=lambda paths: self._committed(
                reports_key, {**kept, **{p.name: file_signature(p) for p in paths}}
            ),
        )
        return ordered([*written, *self.sync_tables()], self.formats)

    def sync_tables(self) -> list[Path]:
        """history.csv and runs.csv brought up to the committed rows (appended in place)."""
        return sync_tables(self.reports, self.state)

    def _committed(self, reports_key: str, hashes: dict[str, str]) -> None:
        self.state.commit_run(self.run_id, reports_key, hashes)
        if self.on_commit is not None:
            self.on_commit()


def ordered(paths: Sequence[Path], formats: Sequence[str]) -> list[Path]:
    """Report entries in the order a run with `formats` lists them."""
    order = report_entries(formats)
    return sorted(paths, key=lambda path: order.index(path.name))


def sync_tables(reports: Path, state: State) -> list[Path]:
    """history.csv and runs.csv brought up to the committed rows of `state`: appended in place
    past their recorded marks, or written again whole when a file is not as recorded
    (`auditor.reports.appended`); their marks and signatures recorded."""
    from auditor.reports.appended import sync
    from auditor.reports.history import HISTORY_TABLE, RUNS_TABLE
    from auditor.store import appended
    from auditor.store.decisions import Decisions

    Decisions(state.db)  # its run_findings table, which runs.csv reads
    marks = appended.marks(state)
    written = []
    for table, rows_after in (
        (HISTORY_TABLE, lambda last: appended.history_after(state, last)),
        (RUNS_TABLE, lambda last: appended.runs_after(state, last)),
    ):
        mark = sync(reports, table, marks.get(table.name), rows_after)
        if mark != marks.get(table.name) or table.name not in state.report_hashes():
            appended.record(state, table.name, mark, file_signature(reports / table.name))
        written.append(reports / table.name)
    return written
