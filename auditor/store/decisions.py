"""Review decisions and the findings they are about, kept in the state (edge: SQLite).

Four tables, made by the state's migrations 6 and 7 (`auditor.store.state`, where every table
is declared):

- `decisions`: a reviewer's decision on a finding id — `confirmed` or `dismissed`, a note, the
  reviewer, when, and the article's content hash at that moment (a decision on an article that
  changed since still applies to the same finding, and is shown as stale);
- `findings`: the findings of the last committed reports, each with when it was first seen —
  what `auditor review` lists, what an unchanged run counts without reading a result, and what
  the next run compares with to tell a new finding;
- `run_findings`: each run's counts (`runs.csv`), which count once its reports are committed
  (a run killed before that is left out of runs.csv, as its history rows are);
- `findings_staged`: the findings of the run being written, a batch of articles at a time,
  which replace `findings` when its reports are committed.

Decisions are the one thing of the state that is not rebuildable from the corpus: every
report writes them to `decisions.csv`, and a state that lost them (deleted, or set aside as
damaged) takes them back from that file (`restore`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Container, Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any

from auditor.reports.findings import DECISIONS, Decided, Decision, Finding, FindingCounts, Tally
from auditor.store.state import DamagedState, _transaction
from auditor.store.stream import Lookup

if TYPE_CHECKING:
    from auditor.reports.review import Review

#: a finding's fields, in order: its stored JSON (`asdict` without the deep copy; they are flat)
_FINDING_FIELDS = tuple(f.name for f in fields(Finding))

#: the state's meta key set by the migration that made the decisions table (a new, rebuilt
#: or older state): its decisions are taken back from decisions.csv once (`restored`)
TO_RESTORE = "decisions_to_restore"
#: the state's meta key naming the run whose findings the `findings` table holds
FINDINGS_RUN = "findings_run"
#: the state's meta key holding the fingerprint of the decisions the reports show
REPORTED_DECISIONS = "reported_decisions"
#: meta keys a decision makes stale: the record an unchanged run replays holds the counts
#: (`auditor.run.pipeline.RECORD_KEY`)
STALE_ON_DECISION = ("unchanged_record",)


@dataclass(frozen=True)
class Stored:
    """A finding of the last committed reports, as the state keeps it."""

    finding: Finding
    content_sha256: str
    first_seen: str  #: run time when it was first present


class Decisions:
    """The decisions and findings tables of one state connection (`State.db`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db  # its tables are the state's own (auditor.store.state, migration 6)
        row = db.execute("SELECT value FROM meta WHERE key = ?", (TO_RESTORE,)).fetchone()
        #: the state's decisions table is new (a new, rebuilt or older state): its decisions
        #: are to be taken back from decisions.csv (`auditor.run.review.restore`)
        self.created = row is not None

    def restored(self) -> None:
        """The decisions were taken back (or there were none to take): never again."""
        with _transaction(self.db):
            self.db.execute("DELETE FROM meta WHERE key = ?", (TO_RESTORE,))
        self.created = False

    # ------------------------------------------------------------ decisions

    def decisions(self) -> dict[str, Decision]:
        """Finding id → its decision; `DamagedState` when one does not read back (the state is
        then rebuilt, and the decisions taken back from decisions.csv: `restore`)."""
        rows = self.db.execute(
            "SELECT finding_id, article_id, decision, note, reviewer, decided_at, "
            "content_sha256, finding FROM decisions ORDER BY decided_at, finding_id"
        ).fetchall()
        for row in rows:
            if not all(isinstance(value, str) for value in row) or row[2] not in DECISIONS:
                raise DamagedState("the state's review decisions do not read back")
        return {row[0]: Decision(*row) for row in rows}

    def decide(self, decisions: Iterable[Decision]) -> int:
        """Record decisions (a later one on the same finding replaces it); how many."""
        rows = [tuple(asdict(d).values()) for d in decisions]
        for row in rows:
            if row[2] not in DECISIONS:
                raise ValueError(f"a decision is one of {', '.join(DECISIONS)}, not {row[2]!r}")
        with _transaction(self.db):
            self.db.executemany(
                "INSERT OR REPLACE INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows
            )
            self._forget_replay()
        return len(rows)

    def clear(self, finding_ids: Iterable[str]) -> int:
        """Forget the decisions on these findings (they are undecided again); how many."""
        ids = [(i,) for i in finding_ids]
        with _transaction(self.db):
            before = self.db.total_changes
            self.db.executemany("DELETE FROM decisions WHERE finding_id = ?", ids)
            cleared = self.db.total_changes - before
            self._forget_replay()
        return cleared

    def fingerprint(self) -> str:
        """Of every decision: the reports showing them are current while it is the same."""
        rows = sorted(tuple(asdict(d).values()) for d in self.decisions().values())
        text = json.dumps(rows, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def shown(self, content: Mapping[str, str] | None = None) -> dict[str, Decided]:
        """Finding id → the decision as the reports show it; `content`: each article's current
        content hash (stale decisions are those taken on other bytes)."""
        hashes = content if content is not None else self.content_hashes()
        return {i: d.shown(hashes.get(d.article_id)) for i, d in self.decisions().items()}

    # ------------------------------------------------------------ findings

    def findings(self) -> list[Stored]:
        """The findings of the last committed reports, by article and reading order;
        `DamagedState` when one does not read back."""
        rows = self.db.execute(
            "SELECT finding, content_sha256, first_seen FROM findings ORDER BY rowid"
        )
        return [Stored(_finding(f), _text(sha), _text(seen)) for f, sha, seen in rows]

    def tallies(self) -> list[Tally]:
        return [Tally.of(s.finding) for s in self.findings()]

    def content_hashes(self) -> dict[str, str]:
        """Article id → its content hash, as the last committed findings saw it."""
        return dict(self.db.execute("SELECT DISTINCT article_id, content_sha256 FROM findings"))

    def previous(self) -> Container[str] | None:
        """The ids of the last committed run's findings (looked up one at a time); None before
        any run recorded them."""
        if self._meta(FINDINGS_RUN) is None:
            return None
        return self.first_seen()

    def first_seen(self) -> Mapping[str, str]:
        """Finding id → when it was first present, looked up one at a time (a dictionary of
        every finding would grow with the corpus)."""
        return Lookup(
            self.db,
            "SELECT first_seen FROM findings WHERE finding_id = ?",
            "SELECT finding_id FROM findings",
            _text,
        )

    def stage_findings(
        self, findings: Iterable[Finding], content: Mapping[str, str], run_id: str
    ) -> None:
        """Some of the findings of the run `run_id` (a batch of its articles, in the corpus's
        order; `content`: their articles' hashes), kept aside until its reports are committed
        (`commit_staged`) — one transaction."""
        rows = [
            (
                f.finding_id,
                f.article_id,
                content.get(f.article_id, ""),
                None,
                json.dumps({n: getattr(f, n) for n in _FINDING_FIELDS}, ensure_ascii=False),
                run_id,
            )
            for f in findings
        ]
        with _transaction(self.db):
            self.db.execute("DELETE FROM findings_staged WHERE run_id != ?", (run_id,))
            self.db.executemany("INSERT INTO findings_staged VALUES (?, ?, ?, ?, ?, ?)", rows)

    def commit_staged(self, run_id: str, run_at: str) -> None:
        """The staged findings of `run_id` replace the findings of the last reports (a finding
        seen before keeps when it was first seen); the run counts — one transaction, in SQL
        (no finding passes through memory)."""
        with _transaction(self.db):
            self.db.execute(
                "UPDATE findings_staged SET first_seen = COALESCE((SELECT f.first_seen FROM "
                "findings f WHERE f.finding_id = findings_staged.finding_id), ?) WHERE run_id = ?",
                (run_at, run_id),
            )
            self.db.execute("DELETE FROM findings")
            self.db.execute(
                "INSERT OR REPLACE INTO findings SELECT finding_id, article_id, content_sha256, "
                "first_seen, finding FROM findings_staged WHERE run_id = ? ORDER BY rowid",
                (run_id,),
            )
            self.db.execute("DELETE FROM findings_staged")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (FINDINGS_RUN, run_id))
            self._committed(run_id)

    def start_run(self, run_id: str, counts: FindingCounts) -> None:
        """A run's counts, before its reports are written: they count once it is committed
        (`commit_staged`; `auditor.store.appended.commit_replay` for an unchanged run; `settle`
        for a commit the next run completed)."""
        with _transaction(self.db):
            self.db.execute(
                "INSERT OR REPLACE INTO run_findings VALUES (?, ?, 0)",
                (run_id, json.dumps(counts.as_json())),
            )

    def settle(self, committed_run: str | None) -> None:
        """At the start of a run: the run whose interrupted commit was just completed counts."""
        if committed_run:
            with _transaction(self.db):
                self._committed(committed_run)

    def _committed(self, run_id: str) -> None:
        self.db.execute("UPDATE run_findings SET committed = 1 WHERE run_id = ?", (run_id,))

    def run_rows(self, current: str = "") -> list[dict[str, Any]]:
        """Every committed run (and `current`), oldest first, with its findings' counts (none
        for a run of an auditor before them)."""
        rows = self.db.execute(
            "SELECT r.run_id, r.started_at, r.audited, r.unchanged, r.errors, r.removed, "
            "f.counts FROM runs r LEFT JOIN run_findings f ON f.run_id = r.run_id "
            "WHERE r.finished_at IS NOT NULL AND (f.run_id IS NULL OR f.committed = 1 "
            "OR r.run_id = ?) ORDER BY r.started_at, r.rowid",
            (current,),
        )
        out = []
        for run_id, run_at, audited, unchanged, errors, removed, counts in rows:
            row: dict[str, Any] = {
                "run_id": run_id,
                "run_at": run_at,
                "audited": audited,
                "unchanged": unchanged,
                "errors": errors,
                "removed": removed,
            }
            row.update(_counts(counts) if counts else {})
            out.append(row)
        return out

    # ------------------------------------------------------------ the reports' copy

    def review(self, run_at: str | None = None, run: Mapping[str, Any] | None = None) -> Review:
        """What the reports show of the review: `run_at`, the start of the run they are of
        (default: the run whose findings are stored); `run`, that run's row of runs.csv when
        it is not finished yet."""
        runs = self.run_rows(run["run_id"] if run is not None else "")
        if run_at is None:
            last = self._meta(FINDINGS_RUN)
            run_at = next((r["run_at"] for r in runs if r["run_id"] == last), "")
        if run is not None:
            runs = [r for r in runs if r["run_id"] != run["run_id"]] + [dict(run)]
        from auditor.reports.review import Review

        return Review(
            list(self.decisions().values()), self.first_seen(), run_at or "", runs, self.outlets()
        )

    def outlets(self) -> Mapping[str, str]:
        """Article id → its outlet, as the wording groups hold it (`auditor.store.wordings`),
        looked up one article at a time."""
        try:
            self.db.execute("SELECT article_id, outlet FROM wording_members LIMIT 1")
        except sqlite3.Error:
            return {}
        return Lookup(
            self.db,
            "SELECT outlet FROM wording_members WHERE article_id = ? LIMIT 1",
            "SELECT DISTINCT article_id FROM wording_members",
        )

    def reports_current(self) -> bool:
        """The committed reports show these decisions, and the findings they hold are
        recorded (an unchanged run may keep them)."""
        return self.previous() is not None and self.reported() == self.fingerprint()

    def reported(self) -> str | None:
        """The fingerprint of the decisions the committed reports show."""
        return self._meta(REPORTED_DECISIONS)

    def mark_reported(self, fingerprint: str) -> None:
        with _transaction(self.db):
            self.db.execute(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)", (REPORTED_DECISIONS, fingerprint)
            )

    def _forget_replay(self) -> None:
        self.db.executemany("DELETE FROM meta WHERE key = ?", [(k,) for k in STALE_ON_DECISION])

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None


def _finding(text: object) -> Finding:
    """A stored finding as `replace_findings` wrote it, else `DamagedState`."""
    try:
        data = json.loads(text)  # type: ignore[arg-type]
        data["segments"] = tuple(data["segments"])
        finding = Finding(**data)
    except (TypeError, ValueError, KeyError) as exc:
        raise DamagedState("the state's findings do not read back") from exc
    for name, kind in _FIELD_TYPES.items():
        value = getattr(finding, name)
        if not (isinstance(value, kind) or (name == "official_line" and value is None)):
            raise DamagedState("the state's findings do not read back")
    if not all(isinstance(s, int) for s in finding.segments):
        raise DamagedState("the state's findings do not read back")
    return finding


#: each field of a finding → the type of its value (`official_line` may also be None)
_FIELD_TYPES = {
    f.name: type(getattr(Finding("", "", "", "", "", (), "", 0, 0, 0, "", "", 0, ""), f.name))
    for f in fields(Finding)
}


def _text(value: object) -> str:
    """A stored text value, else `DamagedState`."""
    if not isinstance(value, str):
        raise DamagedState("the state's findings do not read back")
    return value


def _counts(text: object) -> dict[str, int]:
    """A run's stored counts (`FindingCounts.as_json`), else `DamagedState`."""
    try:
        counts = json.loads(text)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise DamagedState("the state's run counts do not read back") from exc
    if not isinstance(counts, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in counts.items()
    ):
        raise DamagedState("the state's run counts do not read back")
    return counts
