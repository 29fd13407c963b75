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
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from auditor import __version__
from auditor.records import Status
from auditor.reports.columns import GROUPING
from auditor.reports.data import ReportData
from auditor.reports.findings import DISMISSED, Decided, Finding, groups, sentence_places
from auditor.reports.html import ARTICLES, CORPUS, INDEX, QUOTES, charts, page_path, words
from auditor.reports.html.proof import proof
from auditor.reports.review import Review
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
    review = data.review or Review()
    common = {
        "csp": content_security_policy(env),
        "version": __version__,
        "written_at": data.written_at,
        "terms": words.TERMS,
        "legend": words.LEGEND,
        "explain": words.explain,
    }
    (folder / ARTICLES).mkdir(parents=True)
    page = env.get_template("article.html")
    rows = []
    last_run = review.run_at or data.written_at
    for article, summary in data.in_review_order:
        path = page_path(article.article_id)
        marked = None if article.status is Status.ERROR else proof(article, data.settings.changes)
        found = data.findings[article.article_id]
        scores = charts.over_runs(
            charts.series(data.history, article.article_id),
            last_run,
            f"{article.article_id}: scores over the runs that changed them",
        )
        html = page.render(
            s=summary,
            proof=marked,
            index="../" + INDEX,
            findings=_findings(found, data.decided, review),
            dismissed=sum(1 for f in found if _is_dismissed(f, data.decided)),
            scores=scores,
            sentences=sentence_places(article.segments),
            **common,
        )
        _write(folder / path, html)
        rows.append((summary, path))
    index = env.get_template("index.html")
    _write(folder / INDEX, index.render(rows=rows, totals=_totals(s for s, _ in rows), **common))
    everything = [f for found in data.findings.values() for f in found]
    outlets = {a.article_id: review.outlet(a.article_id) for a in data.results}
    pages = {a.article_id: page_path(a.article_id) for a in data.results}
    moved = charts.moved(data.history)[: charts.MAX_BARS]
    corpus = env.get_template("corpus.html")
    _write(
        folder / CORPUS,
        corpus.render(
            recurring=charts.bars(
                charts.recurring(everything, data.decided, outlets, pages),
                caption="changes that recur across articles, by outlets",
            ),
            outlets=charts.bars(charts.by_outlet(data.summaries, outlets), 100, "drift per outlet"),
            moved=[
                (
                    article_id,
                    change,
                    pages.get(article_id, ""),
                    charts.over_runs(charts.series(data.history, article_id), last_run),
                )
                for article_id, change in moved
            ],
            index=INDEX,
            **common,
        ),
    )
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


_COUNTED = (
    "quotes_misquoted",
    "critical_edits",
    "notable_changes",
    "quotes_unmatched",
    "fragments_untranslated",
    "findings_confirmed",
    "findings_dismissed",
)


def _totals(summaries: Iterable[ArticleSummary]) -> dict[str, Any]:
    totals = dict.fromkeys(("ok", "no_official_match", "error", *_COUNTED), 0)
    for s in summaries:
        totals[s.status.value] += 1
        for name in _COUNTED:
            totals[name] += getattr(s, name) or 0
    return totals


@dataclass(frozen=True)
class Place:
    """One place a finding stands, as the findings list shows it."""

    finding: Finding
    decided: Decided | None
    new: bool

    @property
    def dismissed(self) -> bool:
        return self.decided is not None and self.decided.decision == DISMISSED


@dataclass(frozen=True)
class Group:
    """Findings that say the same, with every place they stand."""

    level: str
    text: str
    type: str
    meaning: str
    places: tuple[Place, ...]

    @property
    def dismissed(self) -> bool:
        return all(p.dismissed for p in self.places)


def _findings(found: list[Finding], decided: dict[str, Decided], review: Review) -> list[Group]:
    """The findings list of a page: repeated findings once, with each place and its words;
    most serious first, the groups a reviewer dismissed entirely last."""
    out = []
    for same in groups(found):
        first = same[0]
        places = tuple(
            Place(f, decided.get(f.finding_id), review.is_new(f.finding_id)) for f in same
        )
        meaning = words.EDIT_MEANINGS.get(first.type, "")
        out.append(Group(first.level, first.text, first.type, meaning, places))
    return sorted(out, key=lambda g: g.dismissed)  # stable: severity order inside


def _is_dismissed(finding: Finding, decided: dict[str, Decided]) -> bool:
    d = decided.get(finding.finding_id)
    return d is not None and d.decision == DISMISSED


def _write(path: Path, html: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(html)
