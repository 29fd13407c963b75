"""One command line: Typer's. Every AUDITOR_* variable a text mentions is read by an option (or
declined by name); the help and the user guide (docs/guide.md) list the report formats and
engines from the plug-ins themselves; `--help` loads nothing of the audit."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable

import pytest
import typer.main
from typer.testing import CliRunner

from auditor.cli import app
from auditor.cli.commands import DECLINED_ENV
from auditor.reports import formats
from auditor.run import engines
from auditor.settings import IngestSettings
from tests.derived_text import COMMAND, DOCS, GUIDE, README, ROOT, blocks, derived

runner = CliRunner()
ENV_NAME = re.compile(r"\bAUDITOR_[A-Z0-9_]+\b")


def _commands() -> list[tuple[list[str], object]]:
    """Every command and group of the app, as the words that reach it, with its Click object."""
    found: list[tuple[list[str], object]] = []

    def walk(command: object, path: list[str]) -> None:
        found.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


def _help_pages() -> dict[str, str]:
    pages = {}
    for path, _ in _commands():
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        pages[" ".join(path)] = result.stdout
    return pages


def _read_by_options() -> set[str]:
    read = set()
    for _, command in _commands():
        for parameter in getattr(command, "params", []):
            envvar = parameter.envvar
            read.update([envvar] if isinstance(envvar, str) else envvar or [])
    return read


def unread(texts: Iterable[str]) -> set[str]:
    """The AUDITOR_* names `texts` mention that no option reads and none is declined."""
    mentioned = {name for text in texts for name in ENV_NAME.findall(text)}
    return mentioned - _read_by_options() - set(DECLINED_ENV)


def _sources() -> list[str]:
    return [
        path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "auditor").rglob("*"))
        if path.suffix in (".py", ".txt", ".md", ".html") and "__pycache__" not in path.parts
    ]


def test_every_auditor_variable_mentioned_is_read_by_an_option_or_declined() -> None:
    pages = [README, *sorted(DOCS.glob("*.md"))]
    texts = [*(p.read_text(encoding="utf-8") for p in pages), *_help_pages().values(), *_sources()]
    assert unread(texts) == set()
    assert unread(["set AUDITOR_REPORT=… (a typo for AUDITOR_REPORTS)"]) == {"AUDITOR_REPORT"}
    assert not set(DECLINED_ENV) & _read_by_options()
    assert all(why.strip() for why in DECLINED_ENV.values())


def test_every_option_s_variable_is_shown_by_its_help() -> None:
    shown = {name for page in _help_pages().values() for name in ENV_NAME.findall(page)}
    assert _read_by_options() <= shown
    assert "AUDITOR_MODELS_DIR" in shown and "AUDITOR_FORMATS" in shown


def test_the_help_lists_every_format_and_engine() -> None:
    page = " ".join(_help_pages()["audit"].split())
    for name, report_format in formats.FORMATS.items():
        assert f"{name} = {report_format.summary}" in page
    assert f"one of: {', '.join(engines.ENGINES)}." in page


def test_the_user_guide_lists_every_format_and_engine() -> None:
    guide = blocks(GUIDE.read_text(encoding="utf-8"))
    assert guide == derived(), f"a plug-in changed: run `{COMMAND}`"
    for name in formats.FORMATS:
        assert f"- `{name}`: " in str(guide["formats"])
    for name in engines.ENGINES:
        assert f"- `{name}`" in str(guide["engines"])


def test_a_new_format_changes_the_derived_text(monkeypatch: pytest.MonkeyPatch) -> None:
    before = derived()
    extra = formats.FORMATS["csv"]._replace(name="jsonl", entries=("jsonl",))
    monkeypatch.setitem(formats.FORMATS, "jsonl", extra)
    after = derived()
    assert after["engines"] == before["engines"]
    assert after["formats"].splitlines()[:-1] == before["formats"].splitlines()
    assert after["formats"].splitlines()[-1].startswith("- `jsonl`: tables for machines")


def test_the_help_states_the_size_limit_the_settings_hold() -> None:
    page = " ".join(_help_pages()["audit"].split())
    assert f"(default {IngestSettings().max_article_mb:g})" in page


def test_help_loads_typer_and_nothing_of_the_audit() -> None:
    probe = (
        "import sys\n"
        "sys.argv = ['auditor', *sys.argv[1:], '--help']\n"
        "from auditor.cli.commands import app\n"
        "try:\n"
        "    app()\n"
        "finally:\n"
        "    loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'pandas',\n"
        "        'numpy', 'sacrebleu', 'filelock', 'sqlite3')\n"
        "        or m in ('auditor.settings', 'auditor.records', 'auditor.run.pipeline'))\n"
        "    print('loaded=' + ','.join(loaded), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")}
    for words in ([], ["audit"], ["models", "install"]):
        done = subprocess.run(
            [sys.executable, "-c", probe, *words], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("Usage: auditor")
        assert "loaded=\n" in done.stderr + "\n", (words, done.stderr)
