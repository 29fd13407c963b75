"""reports/html/ (edge): an index of every article and one proof page per article, static files
that open from file:// with no server and no network (inline CSS and script, nothing fetched).

`proof` (pure) marks the words of each comparison; `site` renders the Jinja2 templates of
`templates/` (autoescape: article text is untrusted) and writes the files.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.reports.data import ReportData

INDEX = "index.html"
QUOTES = "quotes.html"  #: the wordings of each official wording across outlets
CORPUS = "corpus.html"  #: pictures of the corpus: recurring changes, outlets, runs
ARTICLES = "articles"
_SAFE = re.compile(r"[a-z0-9][a-z0-9._-]{0,120}")


def page_path(article_id: str) -> str:
    """Where an article's page lies under html/, e.g. `articles/daily-news.txt.html`: the
    file name itself when it is safe in any file system and URL (lowercase letters, digits,
    `.`, `_`, `-`), otherwise a safe form of it plus a short hash, so no two pages collide."""
    if _SAFE.fullmatch(article_id):
        return f"{ARTICLES}/{article_id}.html"
    safe = re.sub(r"[^a-z0-9._-]+", "_", article_id.lower()).strip("._-")[:80] or "article"
    digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:10]
    return f"{ARTICLES}/{safe}-{digest}.html"


def write_site(data: ReportData, folder: Path) -> None:
    """index.html and articles/*.html of `data`, into `folder` (created)."""
    from auditor.reports.html.site import write_site as write

    write(data, folder)
