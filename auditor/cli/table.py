"""The short end-of-run table printed by `auditor audit` (edge: terminal).

Every string that comes from the user's files or paths is escaped: a name like `a[/x].txt`
is text, never rich markup, and an ESC sequence or a bidi override in it is shown as an
escape, never sent to the terminal (`auditor.cli.safe`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from auditor.cli.safe import shown
from auditor.records import Status

if TYPE_CHECKING:
    from auditor.reports.summary import ArticleSummary
    from auditor.run.pipeline import AuditResult


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


#: terminal columns the status and number columns of the table take, padding included
OTHER_COLUMNS = 56
#: articles the end-of-run table lists, most urgent first (`review_order`); the others are
#: counted below it (summary.csv and the workbook list every one): a scroll of ten thousand
#: rows helps no reviewer, and rendering it was a fifth of the driver's work per article
TABLE_ROWS = 50


def shown_names(names: Sequence[str], width: int) -> list[str]:
    """Each name as the table shows it in `width` characters: whole when it fits, else its
    beginning and its end around "…", cut where no other name has the same beginning and end
    (two articles of one outlet differ in the middle: the date). A name that cannot be told
    apart in `width` is shown whole, over several lines."""
    shown = {name: name for name in names if len(name) <= width}
    long = [name for name in names if len(name) > width]
    pending = list(long)
    heads = sorted(range(1, width - 1), key=lambda head: (abs(head - (width - 1) // 2), head))
    for head in heads:
        if not pending:
            break
        tail = width - 1 - head
        counts = Counter((name[:head], name[-tail:]) for name in long)
        still = []
        for name in pending:
            if counts[(name[:head], name[-tail:])] == 1:
                shown[name] = name[:head] + "…" + name[-tail:]
            else:
                still.append(name)
        pending = still
    shown.update((name, name) for name in pending)
    return [shown[name] for name in names]


def _text(value: object) -> str:
    """A value from the user's files or paths, as the terminal may show it."""
    return escape(shown(str(value)))


def review_order(article: ArticleSummary) -> tuple[object, ...]:
    """Articles to read first, first (as the workbook and the index order them): compared
    ones, then by misquoted quotations, critical edits, quotations not found, notable changes;
    then by name."""
    rank = {Status.OK: 0, Status.NO_OFFICIAL_MATCH: 1, Status.ERROR: 2}
    counts = (
        article.quotes_misquoted,
        article.critical_edits,
        article.quotes_unmatched,
        article.notable_changes,
    )
    return (rank[article.status], *(-(c or 0) for c in counts), article.article_id)


def print_summary(result: AuditResult, console: Console | None = None) -> None:
    from auditor.stages.score import signatures  # sacrebleu and numpy: only for the table

    console = console or Console()
    table = Table(
        title=f"auditor run {_text(result.run_id)}",
        title_justify="left",
        box=box.SIMPLE,
        pad_edge=False,
    )
    # the numbers must survive an 80-column terminal: only the article name is shortened,
    # and never into a name that another article could have
    width = max(20, console.width - OTHER_COLUMNS)
    ordered = sorted(result.articles, key=review_order)
    articles, rest = ordered[:TABLE_ROWS], ordered[TABLE_ROWS:]
    names = shown_names([shown(a.article_id) for a in articles], width)
    table.add_column("article", overflow="fold", max_width=width)
    table.add_column("status", no_wrap=True, min_width=17)
    for name in ("cover", "chrF++", "crit.", "frag."):
        table.add_column(name, no_wrap=True, justify="right")
    for article, name in zip(articles, names, strict=True):
        coverage = article.official_coverage
        table.add_row(
            escape(name),
            article.status.value,
            "" if coverage is None else f"{coverage:.0%}",
            _fmt(article.chrf),
            _fmt(article.critical_edits),
            _fmt(article.fragments),
        )
    console.print(table)
    if rest:
        console.print(
            f"… and {len(rest)} more articles (in review order; summary.csv lists every one)"
        )
    console.print(
        f"audited {result.audited}, unchanged {result.unchanged}, errors {result.errors}, "
        f"removed {result.removed}"
    )
    found = result.findings
    console.print(
        f"findings: {found.critical} critical edits ({found.new_critical} new), "
        f"{found.misquoted} misquoted quotations, {found.unmatched} quotations not found; "
        f"reviewed: {found.confirmed} confirmed, {found.dismissed} dismissed"
    )
    for notice in result.notices:
        console.print(f"[yellow]note:[/yellow] {_text(notice)}")
    for article in result.articles:
        if article.status is Status.ERROR:
            console.print(f"[red]error[/red] {_text(article.article_id)}: {_text(article.error)}")
    for error in result.official_errors:
        console.print(
            f"[yellow]official document skipped[/yellow] {_text(error.doc_id)}: "
            f"{_text(error.error)}"
        )
    console.print(
        "signatures: " + " | ".join(f"{k} {v}" for k, v in signatures().items()),
        style="dim",
        soft_wrap=True,
    )
    written = ", ".join(p.name + ("/" if p.is_dir() else "") for p in result.reports)
    folder = result.reports[0].parent if result.reports else Path()
    console.print(
        f"{len(result.articles)} articles in {result.seconds:.1f} s; wrote {_text(written)} to "
        f"{_text(folder)}/"
    )
    for name, what in (("audit.xlsx", "the workbook"), ("html/index.html", "each change in place")):
        if result.reports and (folder / name).is_file():
            console.print(f"review: {_text(folder / name)}  ({what})", soft_wrap=True)
