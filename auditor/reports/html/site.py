"""Writes reports/html/ (edge): the index and one proof page per article, rendered by the
Jinja2 templates of `templates/` with autoescape on — every string from an article, a file
name or a note is escaped, so an article that contains `<script>` shows it as text.

The pages are static and offline: the style and the script are inlined, and each page's
Content-Security-Policy allows nothing else — no request (`default-src 'none'`), and no script
or style but the page's own, named by its hash (an injected one would not run).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from auditor import __version__
from auditor.records import Status
from auditor.reports.columns import GROUPING
from auditor.reports.data import ReportData
from auditor.reports.html import ARTICLES, INDEX, QUOTES, page_path
from auditor.reports.html.proof import proof
from auditor.reports.summary import ArticleSummary
from auditor.stages.wordings import WordingGroup


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("auditor.reports.html", "templates"),
        autoescape=True,  # every template: no page is written without escaping
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def content_security_policy(env: Environment) -> str:
    """Nothing may load; only the page's own style and script (by hash) may apply or run."""
    style = _hash(env.get_template("style.css").render())
    script = _hash(env.get_template("script.js").render())
    return (
        f"default-src 'none'; style-src '{style}'; script-src '{script}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def write_site(data: ReportData, folder: Path) -> None:
    """index.html and articles/*.html of `data` into `folder` (created), one page at a time."""
    env = environment()
    common = {
        "csp": content_security_policy(env),
        "version": __version__,
        "written_at": data.written_at,
    }
    (folder / ARTICLES).mkdir(parents=True)
    page = env.get_template("article.html")
    rows = []
    for article, summary in data.in_review_order:
        path = page_path(article.article_id)
        marked = None if article.status is Status.ERROR else proof(article, data.settings.changes)
        html = page.render(s=summary, proof=marked, index="../" + INDEX, **common)
        _write(folder / path, html)
        rows.append((summary, path))
    index = env.get_template("index.html")
    _write(folder / INDEX, index.render(rows=rows, totals=_totals(s for s, _ in rows), **common))
    quotes = env.get_template("quotes.html")
    _write(
        folder / QUOTES,
        quotes.render(
            sections=_by_official(data.wordings),
            groups=len(data.wordings),
            grouping=GROUPING,
            index=INDEX,
            **common,
        ),
    )


#: links to articles listed per wording on quotes.html (the rest are counted)
MAX_LINKS = 50


def _by_official(
    groups: Sequence[WordingGroup],
) -> list[tuple[WordingGroup, list[tuple[WordingGroup, list[tuple[str, str]]]]]]:
    """The groups under their official wording (the report order keeps them together), each
    with links to the proof pages of its first articles."""
    sections: list[tuple[WordingGroup, list[tuple[WordingGroup, list[tuple[str, str]]]]]] = []
    for group in groups:
        same = sections and (sections[-1][0].official_id, sections[-1][0].official_text) == (
            group.official_id,
            group.official_text,
        )
        if not same:
            sections.append((group, []))
        pages = [(a, page_path(a)) for a in group.article_ids[:MAX_LINKS]]
        sections[-1][1].append((group, pages))
    return sections


def _totals(summaries: Iterable[ArticleSummary]) -> dict[str, Any]:
    totals = dict.fromkeys(
        (
            "ok",
            "no_official_match",
            "error",
            "quotes_misquoted",
            "critical_edits",
            "notable_changes",
            "fragments_untranslated",
        ),
        0,
    )
    for s in summaries:
        totals[s.status.value] += 1
        for name in (
            "quotes_misquoted",
            "critical_edits",
            "notable_changes",
            "fragments_untranslated",
        ):
            totals[name] += getattr(s, name) or 0
    return totals


def _write(path: Path, html: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(html)
