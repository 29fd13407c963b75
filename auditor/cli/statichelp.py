"""Every `--help` page of the command line, rendered by Typer once and kept in `help.txt`, so
that `auditor … --help` answers without importing Typer (`auditor.cli.launch`).

Regenerate after changing a command, an option or a docstring:

    python -m auditor.cli.statichelp

tests/test_launch.py fails while `help.txt` differs from what Typer renders now. A page is
kept for the two ways the command is started (`auditor`, `python -m auditor`), at the width
Click uses in any terminal of 80 columns or more; anything else is left to Typer.
"""

from __future__ import annotations

from pathlib import Path

from auditor.cli.launch import HELP_FILE, MIN_COLUMNS, PAGE, RECORD, read_pages

#: the program names Click shows in "Usage:": the console script, and `python -m auditor`
PROGRAMS = ("auditor", "python -m auditor")


def command_paths() -> list[tuple[str, ...]]:
    """Every command and group, as the words that reach it: (), ("audit",), ("models", "list")."""
    import typer.main

    from auditor.cli.commands import app

    paths: list[tuple[str, ...]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        paths.append(path)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return paths


def render() -> dict[str, dict[str, str]]:
    """program → "the command words" → the page Typer prints for `PROGRAM WORDS --help`."""
    from typer.testing import CliRunner

    from auditor.cli.commands import app

    runner = CliRunner()
    pages: dict[str, dict[str, str]] = {}
    for program in PROGRAMS:
        pages[program] = {}
        for path in command_paths():
            result = runner.invoke(
                app,
                [*path, "--help"],
                prog_name=program,
                env={"COLUMNS": str(MIN_COLUMNS)},
                terminal_width=MIN_COLUMNS - 2,  # what Click computes from those columns
            )
            if result.exit_code != 0:
                raise RuntimeError(f"{program} {' '.join(path)} --help: {result.output}")
            pages[program][" ".join(path)] = result.stdout
    return pages


def stored() -> dict[str, dict[str, str]]:
    return read_pages(Path(HELP_FILE).read_text(encoding="utf-8"))


def write() -> None:
    """help.txt: one record per page, `program PAGE words PAGE text` between RECORD marks
    (control characters no help text holds: reading it needs no json or re)."""
    records = [
        f"{program}{PAGE}{words}{PAGE}{text}"
        for program, pages in sorted(render().items())
        for words, text in sorted(pages.items())
    ]
    Path(HELP_FILE).write_text(RECORD.join(records), encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {HELP_FILE}")
