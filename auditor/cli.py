"""Command line (edge): parses options, shows progress, prints the end-of-run table.

The work is done by `auditor.pipeline.audit_corpus`; nothing heavy is imported at start-up so
that `auditor --help` answers at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from auditor import __version__

EXIT_OK, EXIT_CANNOT_RUN, EXIT_USAGE, EXIT_CRITICAL = 0, 1, 2, 3

app = typer.Typer(
    name="auditor",
    help="Audit articles against the official English wording they report.\n\n"
    "Example: auditor audit corpus/ --reports reports/",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Audit articles against the official English wording they report."""


@app.command()
def audit(
    corpus: Annotated[
        Path,
        typer.Argument(
            help="Folder with official/ (authoritative texts) and articles/ (texts to audit).",
            envvar="AUDITOR_CORPUS",
        ),
    ] = Path("corpus"),
    reports: Annotated[
        Path,
        typer.Option(help="Folder for the CSV reports.", envvar="AUDITOR_REPORTS"),
    ] = Path("reports"),
) -> None:
    """Audit every article of CORPUS and write summary.csv, segments.csv and fragments.csv.

    Example: auditor audit corpus/ --reports reports/

    Exit codes: 0 the audit ran (an unreadable article is a finding, status=error);
    1 it could not run (no corpus, no official document); 2 usage error.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from auditor.pipeline import AuditError, audit_corpus

    console = Console(stderr=True)
    with Progress(
        TextColumn("[bold]auditing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def on_article(article_id: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=article_id)

        try:
            result = audit_corpus(corpus, reports, progress=on_article)
        except AuditError as exc:
            console.print(f"[red]auditor: cannot audit:[/red] {exc}")
            raise typer.Exit(EXIT_CANNOT_RUN) from exc
    from auditor.table import print_summary

    print_summary(result)
