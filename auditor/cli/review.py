"""`auditor review`: list, confirm or dismiss the findings of the last audit, and import the
decisions typed into the workbook (edge: terminal). The work is `auditor.run.review`'s."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from auditor.cli.safe import shown as shown_text

EXIT_OK, EXIT_CANNOT_RUN, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")

review_app = typer.Typer(
    help="List the findings of the last audit; confirm or dismiss them (a dismissed finding "
    "leaves every count, the exit code and --fail-on); import the decisions typed into "
    "audit.xlsx.\n\nExample: auditor review dismiss 3f9a2c --note 'said at the press "
    "conference' --reviewer 'A. Smith'",
    no_args_is_help=True,
    rich_markup_mode=None,
)

Reports = Annotated[
    Path,
    typer.Option(help="Folder of the reports (and of their state).", envvar="AUDITOR_REPORTS"),
]
Reviewer = Annotated[
    str | None,
    typer.Option(
        help="Who decides (default: your user name).",
        envvar="AUDITOR_REVIEWER",
        show_default=False,
    ),
]
Note = Annotated[str, typer.Option(help="Why: kept with the decision, shown in every report.")]
Wait = Annotated[
    float,
    typer.Option(
        help="Seconds to wait for a running audit before rebuilding the reports.",
        envvar="AUDITOR_WAIT",
        min=0,
    ),
]
Ids = Annotated[
    list[str],
    typer.Argument(help="Finding ids, or their first characters (at least 4).", show_default=False),
]


@review_app.command("list")
def list_findings(
    reports: Reports = Path("reports"),
    article: Annotated[
        str | None, typer.Option(help="Only articles whose name contains this.")
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(help="Only one level: critical, unmatched or notable."),
    ] = None,
    undecided: Annotated[
        bool, typer.Option("--undecided", help="Only findings no reviewer decided.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per finding, one per line.")
    ] = False,
) -> None:
    """List the findings of the last audit, most serious first, with their decisions.

    Example: auditor review list --level critical --undecided
    """
    import json

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from auditor.reports.findings import LEVELS
    from auditor.run.review import findings

    if level is not None and level not in LEVELS:
        raise typer.BadParameter(f"choose from {', '.join(LEVELS)}", param_hint="--level")
    items = _or_exit(lambda: findings(reports))
    shown = [
        i
        for i in items
        if (article is None or article in i.stored.finding.article_id)
        and (level is None or i.stored.finding.level == level)
        and (not undecided or i.decided is None)
    ]
    if as_json:
        for item in shown:
            f = item.stored.finding
            typer.echo(
                json.dumps(
                    {
                        "finding_id": f.finding_id,
                        "article_id": f.article_id,
                        "level": f.level,
                        "finding": f.text,
                        "where": f.where,
                        "article_text": f.quoted,
                        "official_line": f.official_line,
                        "new": item.new,
                        "decision": item.decided.decision if item.decided else "",
                        "decided": str(item.decided) if item.decided else "",
                    },
                    ensure_ascii=False,
                )
            )
        return
    table = Table(title=f"{len(shown)} of {len(items)} findings", title_justify="left")
    for name in ("id", "level", "finding", "where", "article", "decision"):
        table.add_column(name, overflow="fold")
    for item in shown:
        f = item.stored.finding
        decision = str(item.decided) if item.decided else ("new" if item.new else "")
        table.add_row(
            f.finding_id,
            f.level,
            escape(shown_text(f"{f.text} · “{_short(f.quoted)}”")),
            f.where,
            escape(shown_text(f.article_id)),
            escape(shown_text(decision)),
            style="dim" if item.decided and item.decided.decision == "dismissed" else None,
        )
    Console().print(table)


@review_app.command()
def confirm(
    finding_ids: Ids,
    note: Note = "",
    reviewer: Reviewer = None,
    reports: Reports = Path("reports"),
    wait: Wait = 0.0,
) -> None:
    """Confirm findings: the charge stands (it keeps counting).

    Example: auditor review confirm 4054b0 --note 'checked against the video'
    """
    _decide(finding_ids, "confirmed", note, reviewer, reports, wait)


@review_app.command()
def dismiss(
    finding_ids: Ids,
    note: Note = "",
    reviewer: Reviewer = None,
    reports: Reports = Path("reports"),
    wait: Wait = 0.0,
) -> None:
    """Dismiss findings: shown greyed, out of every count, the exit code and --fail-on, for as
    long as the finding stands (a re-audit keeps the decision).

    Example: auditor review dismiss 5b42b3 --note 'said at the press conference, not here'
    """
    _decide(finding_ids, "dismissed", note, reviewer, reports, wait)


@review_app.command()
def clear(finding_ids: Ids, reports: Reports = Path("reports"), wait: Wait = 0.0) -> None:
    """Forget the decisions on findings: they are undecided again.

    Example: auditor review clear 5b42b3
    """
    from auditor.run.review import clear as clear_decisions

    cleared = _or_exit(lambda: clear_decisions(reports, finding_ids))
    typer.echo(f"cleared {cleared} decision(s)")
    _rebuild(reports, wait)


@review_app.command("import")
def import_file(
    path: Annotated[
        Path,
        typer.Argument(
            help="audit.xlsx (its Findings sheet) or a CSV with finding_id and decision "
            "columns (findings.csv, decisions.csv).",
            exists=True,
            dir_okay=False,
        ),
    ],
    reviewer: Reviewer = None,
    reports: Reports = Path("reports"),
    wait: Wait = 0.0,
) -> None:
    """Record the decisions typed into the workbook's Decision column (or a CSV): confirmed,
    dismissed, or clear; an empty cell leaves a finding as it is.

    Example: auditor review import reports/audit.xlsx --reviewer 'A. Smith'
    """
    from rich.console import Console
    from rich.markup import escape

    from auditor.run.review import import_decisions

    done = _or_exit(lambda: import_decisions(reports, path, reviewer or getpass.getuser()))
    console = Console(stderr=True)
    for warning in done.warnings:
        console.print(f"[yellow]note:[/yellow] {escape(shown_text(warning))}", soft_wrap=True)
    typer.echo(
        f"recorded {done.recorded} decision(s), cleared {done.cleared}, {done.kept} unchanged"
    )
    if done.recorded or done.cleared:
        _rebuild(reports, wait)


def _decide(
    finding_ids: list[str],
    decision: str,
    note: str,
    reviewer: str | None,
    reports: Path,
    wait: float,
) -> None:
    from auditor.run.review import decide

    who = reviewer or getpass.getuser()
    decided = _or_exit(lambda: decide(reports, finding_ids, decision, note=note, reviewer=who))
    for stored in decided:
        f = stored.finding
        typer.echo(shown_text(f"{decision} {f.finding_id} {f.article_id} {f.where}: {f.text}"))
    _rebuild(reports, wait)


def _rebuild(reports: Path, wait: float) -> None:
    """The reports rebuilt to show the decisions; a note when they cannot be (yet)."""
    from rich.console import Console
    from rich.markup import escape

    from auditor.run.report import ReportError
    from auditor.run.review import rebuild

    try:
        written = rebuild(reports, wait)
    except ReportError as exc:
        Console(stderr=True).print(
            f"[yellow]note:[/yellow] the decisions are recorded; the reports show them after "
            f"the next audit ({escape(shown_text(str(exc)))})",
            soft_wrap=True,
        )
        return
    names = ", ".join(p.name + ("/" if p.is_dir() else "") for p in written)
    typer.echo(shown_text(f"rebuilt {names} in {reports}/"))


def _or_exit(call: Callable[[], T]) -> T:
    from rich.console import Console
    from rich.markup import escape

    from auditor.run.review import ReviewError

    try:
        return call()
    except ReviewError as exc:
        Console(stderr=True).print(
            f"[red]auditor: {escape(shown_text(str(exc)))}[/red]", soft_wrap=True
        )
        raise typer.Exit(EXIT_CANNOT_RUN) from exc


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
