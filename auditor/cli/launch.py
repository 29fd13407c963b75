"""The `auditor` command: an unchanged `auditor audit --json` (what cron runs) is answered
before Typer, Rich and the pipeline are imported, and so is a `--help` page (rendered by Typer
once: `cli/statichelp.py`); every other command line goes to the Typer application
(`auditor.cli.commands.app`) untouched.

The fast path understands a strict subset of `auditor audit`'s options, spelled as Typer
accepts them, and declines (hands the command line to Typer) on anything else: another
command, `--help`, `--full`, `--watch`, the table output, a value Typer would refuse or convert
differently, an AUDITOR_* variable it does not read. When the corpus turns out not to be
unchanged it has written nothing, and Typer runs the full audit (`auditor.run.unchanged`).
tests/test_launch.py checks that every command line it accepts means the same to Typer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

TYPE_CHECKING = False  # as typing's, without importing typing (mypy reads it the same)
if TYPE_CHECKING:  # a help page needs none of it
    from auditor.cli.job import QuickAudit

EXIT_OK, EXIT_CRITICAL = 0, 3

#: the help pages Typer rendered (`cli/statichelp.py`), and how they are kept
HELP_FILE = os.path.join(os.path.dirname(__file__), "help.txt")
RECORD, PAGE = "\x1e", "\x1f"
#: Click wraps help at min(terminal columns, 80) - 2: the same text in any terminal this wide
MIN_COLUMNS = 80

#: the option names the fast path reads, each taking a value
_VALUED = ("--reports", "--wait", "--fail-on", "--models-dir", "--workers", "--max-article-mb",
           "--formats")  # fmt: skip
#: AUDITOR_* variables of `auditor audit` that the fast path reads (any other that is set
#: sends the command line to Typer)
_READ_ENV = ("AUDITOR_CORPUS", "AUDITOR_REPORTS", "AUDITOR_FORMATS", "AUDITOR_MODELS_DIR")
_DECLINED_ENV = ("AUDITOR_FULL", "AUDITOR_WAIT", "AUDITOR_FAIL_ON", "AUDITOR_JSON",
                 "AUDITOR_INTERVAL", "AUDITOR_WORKERS", "AUDITOR_MAX_ARTICLE_MB",
                 "AUDITOR_ENGINE", "AUDITOR_SCHEDULER")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point (and `python -m auditor`)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if argv is None and args and args[-1] == "--help":
        page = static_help(args[:-1], os.environ, program_name())
        if page is not None:
            sys.stdout.write(page)
            sys.stdout.flush()
            raise SystemExit(EXIT_OK)
    quick = parse_quick(args, os.environ)
    if quick is not None:
        code = run_quick(quick)
        if code is not None:
            raise SystemExit(code)
    from auditor.cli import app

    if argv is None:
        app()
    else:
        app(args=args, prog_name="auditor")


def program_name() -> str:
    """What Click shows after "Usage:": the script's name, or `python -m PACKAGE` (Click's own
    rule, `_detect_program_name`, for the two ways auditor starts)."""
    package = getattr(sys.modules.get("__main__"), "__package__", None)
    script = os.path.basename(sys.argv[0])
    if not package:
        return script
    if os.path.splitext(script)[0] != "__main__":
        return ""  # a submodule run with -m: left to Typer
    return f"python -m {package}"


def static_help(words: Sequence[str], env: Mapping[str, str], program: str) -> str | None:
    """The `--help` page of the command `words` as Typer prints it, or None where it could
    differ: another program name, a terminal narrower than Click's widest wrapping, an
    AUDITOR_* variable set, options among the words."""
    if any(name.startswith("AUDITOR_") for name in env) or _columns(env) < MIN_COLUMNS:
        return None
    try:
        with open(HELP_FILE, encoding="utf-8") as handle:
            pages = read_pages(handle.read())
    except (OSError, ValueError):
        return None
    return pages.get(program, {}).get(" ".join(words))


def read_pages(text: str) -> dict[str, dict[str, str]]:
    """program → command words → page, from help.txt."""
    pages: dict[str, dict[str, str]] = {}
    for record in text.split(RECORD):
        program, words, page = record.split(PAGE)
        pages.setdefault(program, {})[words] = page
    return pages


def _columns(env: Mapping[str, str]) -> int:
    """The terminal width Click reads (`shutil.get_terminal_size`, without importing shutil)."""
    try:
        columns = int(env["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def parse_quick(args: Sequence[str], env: Mapping[str, str]) -> QuickAudit | None:
    """The job of `auditor audit ARGS` when the fast path understands all of it, else None."""
    if not args or args[0] != "audit" or any(name in env for name in _DECLINED_ENV):
        return None
    values: dict[str, str] = {}
    for name in _READ_ENV:
        if name in env:
            values[name] = env[name]
    option_values: dict[str, str] = {}
    corpus: str | None = None
    as_json = False
    rest = list(args[1:])
    while rest:
        token = rest.pop(0)
        if token == "--json":
            as_json = True
        elif token.split("=", 1)[0] in _VALUED:
            name, equals, value = token.partition("=")
            if not equals:
                if not rest:
                    return None
                value = rest.pop(0)
            option_values[name] = value  # the last one wins, as in Typer
        elif token.startswith("-") or corpus is not None:
            return None
        else:
            corpus = token
    if not as_json:
        return None
    return _build(corpus, option_values, values)


def _build(
    corpus: str | None, options: Mapping[str, str], env: Mapping[str, str]
) -> QuickAudit | None:
    import re
    from pathlib import Path

    from auditor.cli.job import Job, QuickAudit
    from auditor.reports.formats import DEFAULT_FORMATS, parse_formats

    decimal = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)\Z")
    count = re.compile(r"[1-9]\d*\Z")

    corpus = corpus if corpus is not None else env.get("AUDITOR_CORPUS", "corpus")
    reports = options.get("--reports", env.get("AUDITOR_REPORTS", "reports"))
    models_dir = options.get("--models-dir", env.get("AUDITOR_MODELS_DIR"))
    formats_text = options.get("--formats", env.get("AUDITOR_FORMATS"))
    paths = [corpus, reports] + ([models_dir] if models_dir is not None else [])
    if any(not p or p.startswith("-") or "\0" in p for p in paths):
        return None
    wait = options.get("--wait", "0")
    fail_on = options.get("--fail-on", "never")
    workers = options.get("--workers")
    max_mb = options.get("--max-article-mb")
    # an unchanged run has no new finding: with new-critical it never exits 3
    if not decimal.match(wait) or fail_on not in ("never", "critical", "new-critical"):
        return None
    if workers is not None and not count.match(workers):
        return None
    if max_mb is not None and not (decimal.match(max_mb) and float(max_mb) >= 0.001):
        return None
    try:
        formats = DEFAULT_FORMATS if formats_text is None else parse_formats(formats_text)
    except ValueError:
        return None
    job = Job(
        corpus=Path(corpus),
        reports=Path(reports),
        full=False,
        wait=float(wait),
        as_json=True,
        models_dir=Path(models_dir) if models_dir is not None else None,
        workers=int(workers) if workers is not None else None,
        max_article_mb=float(max_mb) if max_mb is not None else None,
        formats=formats,
    )
    return QuickAudit(job, fail_on_critical=fail_on == "critical")


def run_quick(quick: QuickAudit) -> int | None:
    """Answer an unchanged run (its exit code), or None: nothing was written, run Typer."""
    import json

    from auditor.run.unchanged import run_if_unchanged
    from auditor.translation.packages import resolve_models_dir

    job = quick.job
    replayed = run_if_unchanged(
        job.corpus,
        job.reports,
        settings=None if job.max_article_mb is None else job.settings(),
        models_dir=resolve_models_dir(job.models_dir),
        formats=job.formats,
    )
    if replayed is None:
        return None
    sys.stdout.write(json.dumps(replayed.summary()) + "\n")
    sys.stdout.flush()
    for notice in replayed.notices:
        sys.stderr.write(f"note: {notice}\n")
    if quick.fail_on_critical and replayed.critical_edits:
        return EXIT_CRITICAL
    return EXIT_OK
