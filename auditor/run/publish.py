"""What a run leaves behind (edge): the reports of its formats, all committed together, and the
history rows of the run, which count only once the reports they describe are committed (a run
killed before its commit leaves no row in history.csv)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.reports import commit
from auditor.reports.formats import (
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
    from auditor.records import ArticleResult
    from auditor.reports.findings import FindingCounts
    from auditor.reports.review import Review
    from auditor.reports.summary import ArticleSummary
    from auditor.settings import Settings
    from auditor.stages.wordings import WordingGroup
    from auditor.store.state import State

__all__ = ["HISTORY_FILE", "JOURNAL_FILE", "REPORT_FILES", "Publisher"]

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
        """An unchanged corpus: keep the reports, append this run's history rows (rendered
        without their run columns: `reports.history.render`; none when no article's result
        changed, the usual case) and its row of runs.csv, with `found`, its findings' counts."""
        from auditor.reports.findings import FindingCounts
        from auditor.reports.review import RUNS, table_csv
        from auditor.store.decisions import Decisions

        state_rows, lines = with_run(self.run_id, self.run_at, rendered)
        self.state.finish_run_json(self.run_id, counts, state_rows)
        desk = Decisions(self.state.db)
        found = found or FindingCounts()
        run_row = {"run_id": self.run_id, "run_at": self.run_at, **counts, **found.as_json()}
        contents = {RUNS_FILE: table_csv(desk.review(self.run_at, run_row).runs, RUNS)}
        if lines:
            contents[HISTORY_FILE] = (self.reports / HISTORY_FILE).read_bytes() + lines.encode()
        reports_key = self.state.get_meta("reports_key") or ""
        kept = self.state.report_hashes()
        self.on_commit = lambda: desk.record_run(self.run_id)
        written = self._commit(
            contents,
            lambda paths: {**kept, **{p.name: file_signature(p) for p in paths}},
            reports_key,
        )
        others = [name for name in report_entries(self.formats) if name not in contents]
        return [self.reports / name for name in others] + written

    def write_reports(
        self,
        results: list[ArticleResult],
        digests: list[ArticleSummary],
        counts: dict[str, int],
        reports_key: str,
        settings: Settings,
        wordings: Sequence[WordingGroup] = (),
        review: Review | None = None,
    ) -> list[Path]:
        """All reports of the run's formats, committed together (`auditor.reports.formats`);
        once committed, the run's history rows count and the entries' signatures are
        recorded, in one transaction. History has a row only for an article whose result
        changed since its last row (runs.csv has one for every run)."""
        from auditor.reports.data import ReportData
        from auditor.reports.summary import history_row

        rows = [history_row(self.run_id, self.run_at, d) for d in digests]
        self.state.finish_run(self.run_id, counts, changed(rows, self.state.history()))
        data = ReportData(
            results,
            settings,
            self.state.history(self.run_id),
            self.formats,
            self.run_at,
            wordings,
            review,
        )
        return write_reports(
            self.reports,
            data,
            self.formats,
            self.journal,
            run_id=self.run_id,
            committed=lambda paths: self._committed(
                reports_key, {p.name: file_signature(p) for p in paths}
            ),
        )

    def _committed(self, reports_key: str, hashes: dict[str, str]) -> None:
        self.state.commit_run(self.run_id, reports_key, hashes)
        if self.on_commit is not None:
            self.on_commit()

    def _commit(
        self,
        contents: dict[str, bytes],
        hashes: Callable[[list[Path]], dict[str, str]],
        reports_key: str,
    ) -> list[Path]:
        """Replace the files together; once renamed, the run's history rows count and the
        files' signatures are recorded, in one transaction."""
        return commit.replace_files(
            self.reports,
            contents,
            self.journal,
            run_id=self.run_id,
            committed=lambda paths: self._committed(reports_key, hashes(paths)),
        )
