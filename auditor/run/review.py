"""The review desk as importable calls: list the findings of the last audit, confirm or dismiss
them, import the decisions a reviewer typed into the workbook or findings.csv, and rebuild the
reports so that they show them. `auditor review` is a thin layer over these.

A decision is kept in the state against the finding's id (`auditor.reports.findings`), so it
survives re-audits while the finding stands. Recording one needs no lock (one SQLite
transaction); rebuilding the reports takes the audit lock like `auditor report`.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from auditor.reports.findings import DECISIONS, Decided, Decision, describe
from auditor.reports.formats import DECISIONS_FILE
from auditor.reports.review import Typed, typed_decisions
from auditor.store.decisions import Decisions, Stored
from auditor.store.state import State, StateError, environment_fault, set_aside, state_path

#: shortest prefix of a finding id accepted on the command line
MIN_PREFIX = 4


class ReviewError(Exception):
    """The review cannot proceed (no audit yet, an unknown or ambiguous finding id, …)."""


@dataclass(frozen=True)
class Item:
    """A finding of the last audit, with its decision."""

    stored: Stored
    decided: Decided | None
    new: bool  #: first found by the last audit


@contextmanager
def desk(reports: Path) -> Iterator[Decisions]:
    """The decisions of the state of `reports` (which must exist: nothing is created)."""
    path = state_path(reports)
    if not path.is_file():
        raise ReviewError(f"no audit in {reports}: run `auditor audit` first")
    try:
        state = State(path)
    except StateError as exc:  # a link in the state folder, a newer auditor's state
        raise ReviewError(str(exc)) from exc
    damaged: sqlite3.DatabaseError | None = None
    try:
        if state.rebuilt_from is not None:  # no decision goes into a state rebuilt empty:
            raise ReviewError(  # the next audit takes them back from decisions.csv
                f"the state in {reports} could not be read and was moved aside (as "
                f"{state.rebuilt_from.name}): run `auditor audit` to audit every article again "
                f"(the decisions come back from {DECISIONS_FILE})"
            )
        yield Decisions(state.db)
    except sqlite3.DatabaseError as exc:
        if environment_fault(exc):
            raise ReviewError(f"cannot use the state {path}: {exc}") from exc
        damaged = exc
    finally:
        state.close()
    if damaged is not None:
        aside = set_aside(path)
        raise ReviewError(
            f"the state in {reports} is damaged ({damaged}) and was moved aside (as "
            f"{aside.name}): run `auditor audit` to audit every article again (the decisions "
            f"come back from {DECISIONS_FILE})"
        ) from damaged


def findings(reports: Path) -> list[Item]:
    """The findings of the last audit, most serious first, with their decisions."""
    with desk(reports) as d:
        stored = d.findings()
        shown = d.shown()
        review = d.review()  # reads the state as it is asked: used before the desk closes
        items = [
            Item(s, shown.get(s.finding.finding_id), review.is_new(s.finding.finding_id))
            for s in stored
        ]
    return sorted(items, key=lambda i: i.stored.finding.severity)


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def resolve(stored: Sequence[Stored], wanted: Sequence[str]) -> list[Stored]:
    """The findings named by ids or unique prefixes of at least `MIN_PREFIX` characters."""
    out = []
    for text in wanted:
        key = text.strip().lower()
        if len(key) < MIN_PREFIX:
            raise ReviewError(
                f"finding id {text!r} is too short: give at least {MIN_PREFIX} characters"
            )
        hits = [s for s in stored if s.finding.finding_id.startswith(key)]
        if not hits:
            raise ReviewError(
                f"no finding {text!r} in the last audit (`auditor review list` shows them)"
            )
        if len(hits) > 1:
            raise ReviewError(
                f"finding id {text!r} is ambiguous: "
                + ", ".join(s.finding.finding_id for s in hits[:5])
            )
        out.append(hits[0])
    return out


def decide(
    reports: Path,
    finding_ids: Sequence[str],
    decision: str,
    *,
    note: str = "",
    reviewer: str = "",
    at: str | None = None,
) -> list[Stored]:
    """Confirm or dismiss findings of the last audit; the findings decided."""
    if decision not in DECISIONS:
        raise ReviewError(f"a decision is one of {', '.join(DECISIONS)}, not {decision!r}")
    when = at or now()
    with desk(reports) as d:
        chosen = resolve(d.findings(), finding_ids)
        d.decide(_decision(s, decision, note, reviewer, when) for s in chosen)
    return chosen


def clear(reports: Path, finding_ids: Sequence[str]) -> int:
    """Forget the decisions on these findings (full ids, or prefixes of current findings)."""
    with desk(reports) as d:
        decided = set(d.decisions())
        current = {s.finding.finding_id for s in d.findings()}
        ids = []
        for text in finding_ids:
            key = text.strip().lower()
            hits = sorted(
                i for i in decided | current if len(key) >= MIN_PREFIX and i.startswith(key)
            )
            if len(hits) != 1:
                raise ReviewError(f"no single finding {text!r} to clear ({len(hits)} match)")
            ids.append(hits[0])
        return d.clear(ids)


def _decision(stored: Stored, decision: str, note: str, reviewer: str, at: str) -> Decision:
    f = stored.finding
    return Decision(
        f.finding_id, f.article_id, decision, note, reviewer, at, stored.content_sha256, describe(f)
    )


# ---------------------------------------------------------------- typed into a table


@dataclass
class Imported:
    """What an import did."""

    recorded: int = 0  #: decisions recorded or changed
    cleared: int = 0  #: decisions cleared
    kept: int = 0  #: rows that say what is already recorded
    warnings: list[str] = field(default_factory=list)


def import_decisions(
    reports: Path, path: Path, reviewer: str = "", at: str | None = None
) -> Imported:
    """Record the decisions typed into `path`: the workbook (its Findings sheet) or a CSV with
    `finding_id` and `decision` columns (findings.csv, decisions.csv). A row whose decision
    cell is empty is left alone; `clear` or `undecided` forgets a decision; a row naming a
    finding the last audit does not have is a warning."""
    typed, warnings = read_typed(path)
    done = Imported(warnings=warnings)
    when = at or now()
    with desk(reports) as d:
        stored = {s.finding.finding_id: s for s in d.findings()}
        known = d.decisions()
        recorded: list[Decision] = []
        cleared: list[str] = []
        for row in typed:
            current = known.get(row.finding_id)
            if row.decision == "":
                if current is not None:
                    cleared.append(row.finding_id)
                continue
            who = row.reviewer or reviewer
            same = current is not None and (current.decision, current.note) == (
                row.decision,
                row.note,
            )
            if same and current is not None and row.reviewer in ("", current.reviewer):
                done.kept += 1  # as recorded (a row naming no reviewer keeps who decided)
                continue
            if row.finding_id not in stored:
                done.warnings.append(
                    f"{row.where}: no finding {row.finding_id!r} in the last audit; row ignored"
                )
                continue
            recorded.append(_decision(stored[row.finding_id], row.decision, row.note, who, when))
        done.recorded = d.decide(recorded) if recorded else 0
        done.cleared = d.clear(cleared) if cleared else 0
    return done


def read_typed(path: Path) -> tuple[list[Typed], list[str]]:
    """The decisions typed into a workbook or a CSV."""
    from auditor.reports.sheets import FINDINGS_SHEET, labels

    names = {label: name for name, label in labels(FINDINGS_SHEET).items()}
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
            try:
                if FINDINGS_SHEET.name not in book.sheetnames:
                    raise ReviewError(f"{path} has no {FINDINGS_SHEET.name} sheet")
                rows = list(book[FINDINGS_SHEET.name].iter_rows(values_only=True))
            finally:
                book.close()
            return typed_decisions(rows, f"{path.name} {FINDINGS_SHEET.name}", names)
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise ReviewError(f"cannot read {path}: {exc}") from exc
    dialect = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    return typed_decisions(csv.reader(io.StringIO(text), delimiter=dialect), path.name, names)


def restore(d: Decisions, path: Path) -> int:
    """Take decisions back from a reports folder's decisions.csv into a state that has none;
    how many (0 when there is no such file, or it does not read)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return 0
    decisions = []
    for row in csv.DictReader(io.StringIO(text)):
        try:
            decision = Decision(
                row["finding_id"],
                row["article_id"],
                row["decision"],
                _plain(row["note"]),
                _plain(row["reviewer"]),
                row["decided_at"],
                row.get("article_sha256") or "",
                _plain(row["finding"]),
            )
        except KeyError:
            return 0
        if decision.decision in DECISIONS and decision.finding_id:
            decisions.append(decision)
    return d.decide(decisions) if decisions else 0


def _plain(text: str) -> str:
    """A cell as written before the CSV neutralised it (a leading apostrophe before a formula
    start is the CSV's own)."""
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text


# ---------------------------------------------------------------- the reports


def rebuild(reports: Path, wait: float = 0.0) -> list[Path]:
    """Rebuild the reports of the formats the last audit wrote, so that they show the
    decisions (`auditor.run.report.rebuild_reports`)."""
    from auditor.reports.formats import DEFAULT_FORMATS, FORMATS
    from auditor.run.report import rebuild_reports

    present = [n for n, f in FORMATS.items() if all((reports / e).exists() for e in f.entries)]
    return rebuild_reports(reports, tuple(present) or DEFAULT_FORMATS, wait=wait)
