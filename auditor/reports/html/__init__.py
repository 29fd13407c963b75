"""reports/html/: one page per article, under names the workbook's links rely on."""

from __future__ import annotations

import hashlib
import re

INDEX = "index.html"
ARTICLES = "articles"
_SAFE = re.compile(r"[a-z0-9][a-z0-9._-]{0,120}")


def page_path(article_id: str) -> str:
    """Where an article's page lies under html/, e.g. `articles/turkish-outlet.txt.html`: the
    file name itself when it is safe in any file system and URL (lowercase letters, digits,
    `.`, `_`, `-`), otherwise a safe form of it plus a short hash, so no two pages collide."""
    if _SAFE.fullmatch(article_id):
        return f"{ARTICLES}/{article_id}.html"
    safe = re.sub(r"[^a-z0-9._-]+", "_", article_id.lower()).strip("._-")[:80] or "article"
    digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:10]
    return f"{ARTICLES}/{safe}-{digest}.html"
