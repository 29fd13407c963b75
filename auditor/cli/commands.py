"""The Typer application: `auditor audit`, `auditor report`, `auditor models …`."""

from typing import Annotated

import typer

from auditor import __version__
from auditor.cli.audit import audit
from auditor.cli.models import models_app
from auditor.cli.report import report
from auditor.cli.review import review_app

#: AUDITOR_* names that no option reads, each with the reason (tests/test_command_line.py checks
#: that every such name the README, a help page or the code mentions is read or listed here)
DECLINED_ENV: dict[str, str] = {}

app = typer.Typer(
    name="auditor",
    help="Audit articles against the official English wording they report.\n\n"
    "Example: auditor audit corpus/ --reports reports/",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


app.add_typer(models_app, name="models")
app.add_typer(review_app, name="review")


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Audit articles against the official English wording they report."""


app.command()(audit)
app.command()(report)
