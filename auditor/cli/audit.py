"""`auditor audit`: options, progress bar, end-of-run table, `--watch` (edge: terminal)."""

import json
import math
import time
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from auditor.reports.formats import DEFAULT_FORMATS, FORMATS, parse_formats
from auditor.run.engines import DEFAULT_ENGINE, ENGINES

if TYPE_CHECKING:
    from auditor.run.pipeline import AuditResult
    from auditor.settings import Settings

EXIT_OK, EXIT_CANNOT_RUN, EXIT_USAGE, EXIT_CRITICAL = 0, 1, 2, 3


def positive_finite(value: float | None) -> float | None:
    """Typer callback: a finite number above 0 (`inf`, `1e309` and `nan` are usage errors)."""
    if value is not None and not (math.isfinite(value) and value > 0):
        raise typer.BadParameter(f"{value} is not a finite number above 0")
    return value


def formats_option(value: str) -> str:
    """Typer callback: `csv,xlsx,html` or a subset, else a usage error (exit 2)."""
    try:
        parse_formats(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    return value


FORMATS_HELP = "Report formats, comma-separated: " + "; ".join(
    f"{f.name} = {f.summary}" for f in FORMATS.values()
)


#: the size limit the help states: `IngestSettings().max_article_mb`, written out so that a help
#: page does not import the settings (tests/test_command_line.py checks that the two agree)
MAX_ARTICLE_MB_HELP = "2"


class FailOn(StrEnum):
    NEVER = "never"
    CRITICAL = "critical"
    NEW_CRITICAL = "new-critical"


@dataclass(frozen=True)
class Job:
    """The options of one `auditor audit`, parsed."""

    corpus: Path
    reports: Path
    full: bool
    wait: float
    as_json: bool
    models_dir: Path | None
    workers: int | None = None
    max_article_mb: float | None = None
    formats: tuple[str, ...] = DEFAULT_FORMATS
    engine: str = DEFAULT_ENGINE
    scheduler: str | None = None

    def settings(self) -> "Settings | None":
        """The settings the options ask for; None: the defaults (which an unchanged run need
        not build)."""
        if self.max_article_mb is None:
            return None
        from auditor.settings import IngestSettings, Settings

        return Settings(ingest=IngestSettings(max_article_mb=self.max_article_mb))


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
        typer.Option(help="Folder for the reports.", envvar="AUDITOR_REPORTS"),
    ] = Path("reports"),
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Audit every article again, not only new and changed ones.",
            envvar="AUDITOR_FULL",
        ),
    ] = False,
    wait: Annotated[
        float,
        typer.Option(
            help="Seconds to wait when another audit of the same reports folder is "
            "running (0: exit 1 at once).",
            envvar="AUDITOR_WAIT",
            min=0,
        ),
    ] = 0.0,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            help="'critical': exit 3 when any critical edit is found, unless a reviewer "
            "dismissed it; 'new-critical': only for undecided critical edits the previous run "
            "did not have (for cron: alert once, on what is new).",
            envvar="AUDITOR_FAIL_ON",
        ),
    ] = FailOn.NEVER,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print the run's numbers as one JSON object instead of the table.",
            envvar="AUDITOR_JSON",
        ),
    ] = False,
    watch: Annotated[
        bool,
        typer.Option("--watch", help="Keep running: re-audit whenever the corpus changes."),
    ] = False,
    interval: Annotated[
        float,
        typer.Option(
            help="With --watch: seconds between checks of the corpus.",
            envvar="AUDITOR_INTERVAL",
            min=0.1,
        ),
    ] = 60.0,
    models_dir: Annotated[
        Path | None,
        typer.Option(
            help="Folder of installed translation packages (default: argostranslate's own).",
            envvar="AUDITOR_MODELS_DIR",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Processes that audit articles in parallel (results are the same); with "
            "--engine dask and no --scheduler, the local cluster's worker processes. "
            "Default: one per core, when there are enough articles to audit to pay for it.",
            envvar="AUDITOR_WORKERS",
            min=1,
            show_default=False,
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option(
            help=f"Where articles are audited, one of: {', '.join(ENGINES)}. 'processes' on "
            "this machine, 'dask' on a Dask cluster (results are the same; this machine keeps "
            "the state and writes the reports).",
            envvar="AUDITOR_ENGINE",
        ),
    ] = DEFAULT_ENGINE,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="With --engine dask: the address of a running Dask scheduler "
            "(tcp://host:8786); without it, a local cluster of --workers processes.",
            envvar="AUDITOR_SCHEDULER",
            show_default=False,
        ),
    ] = None,
    max_article_mb: Annotated[
        float | None,
        typer.Option(
            help="Largest source file read, in MB; a larger one is a row with status=error "
            f"(default {MAX_ARTICLE_MB_HELP}).",
            envvar="AUDITOR_MAX_ARTICLE_MB",
            min=0.001,
            callback=positive_finite,
            show_default=False,
        ),
    ] = None,
    formats: Annotated[
        str,
        typer.Option(help=FORMATS_HELP, envvar="AUDITOR_FORMATS", callback=formats_option),
    ] = ",".join(DEFAULT_FORMATS),
) -> None:
    """Audit the articles of CORPUS against its official documents and write the reports.

    Only new and changed articles are audited; the others reuse their stored results
    (reports/.auditor/state.sqlite). Writes audit.xlsx (for people: open it in any
    spreadsheet), html/index.html (each change marked in place), summary.csv, segments.csv,
    fragments.csv (for machines), history.csv and README.md (the data dictionary) into
    REPORTS; `auditor report` rebuilds them without auditing.

    Example: auditor audit corpus/ --reports reports/ --fail-on critical

    On a Dask cluster: auditor audit corpus/ --engine dask --scheduler tcp://host:8786

    Exit codes: 0 the audit ran (an unreadable article is a finding, status=error);
    1 it could not run (no corpus, no official document, another audit holds the lock, a
    full disk or read-only reports folder, a Dask cluster that cannot be reached, refuses a
    worker or is lost); 2 usage error (also: a reports folder that
    overlaps the corpus, or holds files auditor did not write); 3 with --fail-on critical,
    a critical edit was found that no reviewer dismissed (`auditor review`); with --fail-on
    new-critical, one that is also new since the previous run and undecided.
    """
    from auditor.run.pipeline import AuditError

    job = Job(
        corpus,
        reports,
        full,
        wait,
        as_json,
        models_dir,
        workers,
        max_article_mb,
        parse_formats(formats),
        engine,
        scheduler,
    )
    try:
        if watch:
            _watch(job, interval)
            return
        result = _run_once(job)
    except AuditError as exc:
        _say_cannot_audit(exc)
        raise typer.Exit(EXIT_USAGE if exc.usage else EXIT_CANNOT_RUN) from exc
    if fail_on is FailOn.CRITICAL and result.critical_edits:
        raise typer.Exit(EXIT_CRITICAL)
    if fail_on is FailOn.NEW_CRITICAL and result.new_critical:
        raise typer.Exit(EXIT_CRITICAL)


def _say_cannot_audit(exc: Exception) -> None:
    from rich.console import Console
    from rich.markup import escape

    from auditor.cli.safe import shown

    Console(stderr=True).print(
        f"[red]auditor: cannot audit:[/red] {escape(shown(str(exc)))}", soft_wrap=True
    )


def _run_once(job: Job) -> "AuditResult":
    from auditor.cli.safe import shown
    from auditor.run.pipeline import audit_corpus

    audit_job = partial(
        audit_corpus,
        job.corpus,
        job.reports,
        job.settings(),
        full=job.full,
        wait=job.wait,
        models_dir=job.models_dir,
        workers=job.workers,
        formats=job.formats,
        engine=job.engine,
        scheduler=job.scheduler,
    )
    if job.as_json:  # for scripts and cron: no progress bar, no table, no Rich
        result = audit_job(summaries=False)
        typer.echo(json.dumps(result.summary()))
        for notice in result.notices:
            typer.echo(f"note: {shown(notice)}", err=True)
        return result
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from auditor.cli.table import print_summary

    with Progress(
        TextColumn("[bold]auditing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def on_article(article_id: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=escape(shown(article_id)))

        result = audit_job(progress=on_article)
    print_summary(result)
    return result


def _watch(job: Job, interval: float) -> None:
    """Poll the corpus; audit at start and whenever a file is added, changed or removed. Only
    official/ and articles/ are watched, never the reports folder: writing the reports is not
    a change. After the first run, a run that cannot proceed (another audit holds the lock) is
    reported and retried at the next change or check."""
    from auditor.run.pipeline import AuditError

    seen: tuple[tuple[str, int, int], ...] | None = None
    first = True
    while True:
        now = _corpus_snapshot(job.corpus, job.reports)
        if now != seen:
            try:
                _run_once(job)
                seen = now
            except AuditError as exc:
                if first:
                    raise
                _say_cannot_audit(exc)
            first = False
            job = replace(job, full=False, wait=max(job.wait, interval))
        time.sleep(interval)


def _corpus_snapshot(corpus: Path, reports: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of every source entry (cheap change detection)."""
    from auditor.run.paths import watched_files

    entries = []
    for path in watched_files(corpus, reports):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)
