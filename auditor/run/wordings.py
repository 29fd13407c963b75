"""The wording groups of a run (edge glue): each article's outlet and time from articles.csv or
the state, and the groups updated for the articles whose contribution changed — those audited
in this run, those whose outlet or date changed, those removed. Unchanged articles cost a look-up
of their signature."""

from __future__ import annotations

from collections.abc import Sequence

from auditor.records import ArticleResult
from auditor.run.batch import Entry
from auditor.run.keys import fingerprint
from auditor.stages.metadata import Metadata, outlet_of
from auditor.stages.wordings import (
    FIRST_SEEN,
    PUBLISHED,
    ArticleWordings,
    WordingGroup,
    contributions,
)
from auditor.store.state import State
from auditor.store.wordings import Update, WordingStore


def update_wordings(
    state: State,
    entries: Sequence[Entry],
    results: Sequence[ArticleResult],
    metadata: Metadata,
    gone: Sequence[str],
    run_at: str,
) -> list[WordingGroup]:
    """Bring the stored groups up to date with this run's articles; every group, for the
    reports."""
    apply_changes(state, entries, results, metadata, gone, run_at)
    return WordingStore(state).groups()


def apply_changes(
    state: State,
    entries: Sequence[Entry],
    results: Sequence[ArticleResult],
    metadata: Metadata,
    gone: Sequence[str],
    run_at: str,
) -> Update:
    """Replace the contributions of the articles whose result, outlet or time changed and
    remove those of the articles gone; what changed."""
    first_seen = state.first_seen((e.article_id for e in entries), run_at)
    store = WordingStore(state)
    stored = store.signatures()
    changed = []
    for entry, result in zip(entries, results, strict=True):
        article_id = entry.article_id
        meta = metadata.articles.get(article_id)
        outlet = outlet_of(article_id, meta)
        if meta is not None and meta.published:
            seen, seen_from = meta.published, PUBLISHED
        else:
            seen, seen_from = first_seen.get(article_id, run_at), FIRST_SEEN
        signature = fingerprint(
            entry.key, result.content_sha256, result.status, result.error, outlet, seen, seen_from
        )
        if stored.get(article_id) == signature:
            continue
        wordings = ArticleWordings(article_id, outlet, seen, seen_from, contributions(result))
        changed.append((wordings, signature))
    update = store.replace(changed)
    removed = store.remove(gone)
    update.groups |= removed.groups
    return update
