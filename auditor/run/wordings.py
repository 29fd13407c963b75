"""The wording groups of a run (edge glue): each article's outlet and time from articles.csv or
the state, and the groups updated for the articles whose contribution changed — those audited
in this run, those whose outlet or date changed, those removed. Unchanged articles cost a look-up
of their signature."""

from __future__ import annotations

from collections.abc import Sequence

from auditor.run.audited import Audited, wordings_of
from auditor.run.batch import Entry
from auditor.run.keys import fingerprint
from auditor.stages.metadata import Metadata, outlet_of
from auditor.stages.wordings import (
    FIRST_SEEN,
    PUBLISHED,
    ArticleWordings,
)
from auditor.store.state import State
from auditor.store.wordings import StoredWordings, Update, WordingStore


class WordingUpdate:
    """Brings the stored groups up to date a batch of articles at a time: replaces the
    contributions of the articles whose result, outlet or time changed (those audited in this
    run, those whose outlet or date changed)."""

    def __init__(self, state: State, metadata: Metadata, run_at: str) -> None:
        self.state, self.metadata, self.run_at = state, metadata, run_at
        self.store = WordingStore(state)
        self.update = Update()

    def add(self, pairs: Sequence[tuple[Entry, Audited]]) -> None:
        """Some of the run's articles, each with its result."""
        ids = [entry.article_id for entry, _ in pairs]
        first_seen = self.state.first_seen(ids, self.run_at)
        stored = self.store.signatures_of(ids)
        changed = []
        for entry, result in pairs:
            article_id = entry.article_id
            meta = self.metadata.articles.get(article_id)
            outlet = outlet_of(article_id, meta)
            if meta is not None and meta.published:
                seen, seen_from = meta.published, PUBLISHED
            else:
                seen, seen_from = first_seen.get(article_id, self.run_at), FIRST_SEEN
            signature = fingerprint(
                entry.key,
                result.content_sha256,
                result.status,
                result.error,
                outlet,
                seen,
                seen_from,
            )
            if stored.get(article_id) == signature:
                continue
            wordings = ArticleWordings(article_id, outlet, seen, seen_from, wordings_of(result))
            changed.append((wordings, signature))
        done = self.store.replace(changed)
        self.update.articles += done.articles
        self.update.members += done.members
        self.update.groups |= done.groups


def finish_wordings(state: State, gone: Sequence[str]) -> StoredWordings:
    """Remove the contributions of the articles gone; every group, for the reports (read a
    batch at a time)."""
    WordingStore(state).remove(gone)
    return StoredWordings(state)
