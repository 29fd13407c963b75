"""Command line (edge): parses options, shows progress, prints the end-of-run table.

The work is done by `auditor.run.pipeline.audit_corpus`; nothing heavy is imported at start-up
so that `auditor --help` answers at once. One module per command group: `audit`, `report`,
`models`; `commands.app` is the Typer application, `launch` the console entry point that answers an
unchanged cron run before Typer is imported (so this package imports nothing itself).
"""

from __future__ import annotations

TYPE_CHECKING = False  # as typing's, without importing typing: `auditor --help` stays quick
if TYPE_CHECKING:
    from auditor.cli.commands import app as app


def __getattr__(name: str) -> object:
    if name == "app":
        from auditor.cli.commands import app

        return app
    raise AttributeError(name)
