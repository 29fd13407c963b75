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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from auditor import __version__
from auditor.records import Status
from auditor.reports.columns import GROUPING
from auditor.reports.data import ReportData
from auditor.reports.findings import DISMISSED, Decided, Finding, groups, sentence_places
from auditor.reports.html import ARTICLES, CORPUS, INDEX, QUOTES, charts, page_path, words
from auditor.reports.html.proof import proof
from auditor.reports.review import Review
from auditor.reports.spool import Spool
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
    """index.html and articles/*.html of `data` into `folder` (created), one page at a time:
    the articles are read once, in review order, and the index's rows go to a spool beside
    `folder` (`auditor.reports.spool`) until every page is written."""
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
    rows = Spool(folder.parent)
    sections = Spool(folder.parent)
    try:
        last_run = review.run_at or data.written_at
        for article, summary, found in data.articles("review"):
            path = page_path(article.article_id)
            marked = (
                None if article.status is Status.ERROR else proof(article, data.settings.changes)
            )
            scores = charts.over_runs(
                data.past.of(article.article_id),
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
            rows.add((summary, path))
        totals = data.index.totals
        _stream(
            env.get_template("index.html"),
            folder / INDEX,
            rows=iter(rows),
            count=len(rows),
            totals={**totals.statuses, **totals.counted},
            **common,
        )
        moved = charts.moved_of(data.past.by_article(), charts.MAX_BARS)
        # an article gone from the corpus keeps its history, and has no page
        current = data.source.content_hashes(article_id for article_id, _ in moved)
        corpus = env.get_template("corpus.html")
        _write(
            folder / CORPUS,
            corpus.render(
                recurring=charts.bars(
                    charts.recurring_bars(totals.recurring, page_path),
                    caption="changes that recur across articles, by outlets",
                ),
                outlets=charts.bars(charts.outlet_bars(totals.outlets), 100, "drift per outlet"),
                moved=[
                    (
                        article_id,
                        change,
                        page_path(article_id) if article_id in current else "",
                        charts.over_runs(data.past.of(article_id), last_run),
                    )
                    for article_id, change in moved
                ],
                index=INDEX,
                **common,
            ),
        )
        groups = 0
        for section in _by_official(data.wordings):
            sections.add(section)
            groups += len(section[1])
        _stream(
            env.get_template("quotes.html"),
            folder / QUOTES,
            sections=iter(sections),
            section_count=len(sections),
            groups=groups,
            grouping=GROUPING,
            index=INDEX,
            **common,
        )
    finally:
        rows.close()
        sections.close()


#: links to articles listed per wording on quotes.html (the rest are counted)
MAX_LINKS = 50


Section = tuple[WordingGroup, list[tuple[WordingGroup, list[tuple[str, str]]]]]


def _by_official(groups: Iterable[WordingGroup]) -> Iterator[Section]:
    """The groups under their official wording (the report order keeps them together), each
    with links to the proof pages of its first articles; one official wording at a time."""
    section: Section | None = None
    for group in groups:
        same = section is not None and (section[0].official_id, section[0].official_text) == (
            group.official_id,
            group.official_text,
        )
        if section is not None and not same:
            yield section
        if section is None or not same:
            section = (group, [])
        pages = [(a, page_path(a)) for a in group.article_ids[:MAX_LINKS]]
        section[1].append((group, pages))
    if section is not None:
        yield section


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


def _stream(template: Template, path: Path, **context: Any) -> None:
    """A page written as it is rendered (its rows come from a spool, never all in memory)."""
    with open(path, "wb") as handle:
        template.stream(**context).dump(handle, encoding="utf-8")
