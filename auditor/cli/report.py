"""`auditor report`: rebuild the reports from the stored results (edge: terminal)."""

from pathlib import Path
from typing import Annotated

import typer

from auditor.cli.audit import FORMATS_HELP, formats_option
from auditor.reports.formats import DEFAULT_FORMATS, parse_formats

EXIT_OK, EXIT_CANNOT_RUN = 0, 1


def report(
    reports: Annotated[
        Path,
        typer.Option(
            help="Folder of the reports (and of their stored results).", envvar="AUDITOR_REPORTS"
        ),
    ] = Path("reports"),
    formats: Annotated[
        str,
        typer.Option(help=FORMATS_HELP, envvar="AUDITOR_FORMATS", callback=formats_option),
    ] = ",".join(DEFAULT_FORMATS),
    open_index: Annotated[
        bool,
        typer.Option(
            "--open", help="Then open html/index.html in the default browser (a local file)."
        ),
    ] = False,
    wait: Annotated[
        float,
        typer.Option(
            help="Seconds to wait when an audit of the same reports folder is running.",
            envvar="AUDITOR_WAIT",
            min=0,
        ),
    ] = 0.0,
) -> None:
    """Rebuild the reports from the stored results of the last audit, without auditing again.

    Example: auditor report --formats xlsx,html --open

    Exit codes: 0 the reports were written; 1 they could not be (nothing stored yet, or
    another audit holds the lock); 2 usage error.
    """
    from rich.console import Console
    from rich.markup import escape

    from auditor.cli.safe import shown
    from auditor.run.report import ReportError, rebuild_reports

    chosen = parse_formats(formats)
    console = Console(stderr=True)
    notices: list[str] = []
    try:
        written = rebuild_reports(reports, chosen, wait=wait, notices=notices)
    except ReportError as exc:
        console.print(
            f"[red]auditor: cannot write the reports:[/red] {escape(shown(str(exc)))}",
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_CANNOT_RUN) from exc
    names = ", ".join(p.name + ("/" if p.is_dir() else "") for p in written)
    typer.echo(shown(f"wrote {names} to {reports}/"))
    for notice in notices:
        console.print(f"[yellow]note:[/yellow] {escape(shown(notice))}", soft_wrap=True)
    index = reports / "html" / "index.html"
    if open_index:
        import webbrowser

        if not index.is_file():
            console.print(
                f"[yellow]note:[/yellow] no {escape(shown(str(index)))}: add html to --formats",
                soft_wrap=True,
            )
        elif not webbrowser.open(index.resolve().as_uri()):
            console.print(
                f"no browser found; open {escape(shown(str(index)))} yourself", soft_wrap=True
            )
