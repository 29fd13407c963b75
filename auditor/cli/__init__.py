"""Command line (edge): parses options, shows progress, prints the end-of-run table.

The work is done by `auditor.run.pipeline.audit_corpus`; a command imports what it needs when
it runs, so that `auditor --help` and an unchanged cron run import little beyond Typer. One
module per command group: `audit`, `report`, `models`; `commands.app` is the Typer application
and the console entry point. The command modules do without `from __future__ import
annotations`: Typer would evaluate every option's annotation from its text at each start.
"""

from auditor.cli.commands import app

__all__ = ["app"]
