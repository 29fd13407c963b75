"""The short end-of-run table printed by `auditor audit` (edge: terminal).

Every string that comes from the user's files or paths is escaped: a name like `a[/x].txt`
is text, never rich markup."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from auditor.records import Status
from auditor.run.pipeline import AuditResult
from auditor.stages.score import signatures


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def print_summary(result: AuditResult, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(
        title=f"auditor run {escape(result.run_id)}",
        title_justify="left",
        box=box.SIMPLE,
        pad_edge=False,
    )
    # the numbers must survive an 80-column terminal: only the article name is shortened
    wide = console.width >= 110
    table.add_column("article", no_wrap=True, overflow="ellipsis", max_width=None if wide else 24)
    table.add_column("status", no_wrap=True, min_width=17)
    for name in ("cover", "chrF++", "crit.", "frag."):
        table.add_column(name, no_wrap=True, justify="right")
    for article in result.articles:
        coverage = article.official_coverage
        table.add_row(
            escape(article.article_id),
            article.status.value,
            "" if coverage is None else f"{coverage:.0%}",
            _fmt(article.chrf),
            _fmt(article.critical_edits),
            _fmt(article.fragments),
        )
    console.print(table)
    console.print(
        f"audited {result.audited}, unchanged {result.unchanged}, errors {result.errors}, "
        f"removed {result.removed}"
    )
    for notice in result.notices:
        console.print(f"[yellow]note:[/yellow] {escape(notice)}")
    for article in result.articles:
        if article.status is Status.ERROR:
            console.print(f"[red]error[/red] {escape(article.article_id)}: {escape(article.error)}")
    for error in result.official_errors:
        console.print(
            f"[yellow]official document skipped[/yellow] {escape(error.doc_id)}: "
            f"{escape(error.error)}"
        )
    console.print(
        "signatures: " + " | ".join(f"{k} {v}" for k, v in signatures().items()),
        style="dim",
        soft_wrap=True,
    )
    csvs = ", ".join(p.name for p in result.reports if p.suffix == ".csv")
    folder = result.reports[0].parent if result.reports else ""
    console.print(
        f"{len(result.articles)} articles in {result.seconds:.1f} s; wrote {escape(csvs)} to "
        f"{escape(str(folder))}/"
    )
