"""`python -m auditor` runs the command line."""

from auditor.cli.commands import app

app()
