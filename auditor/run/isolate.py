"""One article's failure is that article's row, never the run's end.

Whatever an article's audit raises (a bug, a pathological text) becomes an `ArticleResult`
with `status=error` and `error="internal error: <type>: <message>"`; the traceback goes to a
log beside the state (`.auditor/errors.log`), named in the end-of-run note. A stage batched
over the run (round trips through a pivot language) is retried article by article when the
batch raises, so only the article that makes it fail gets the error row.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from auditor.records import ArticleResult, Status

LOG_FILE = "errors.log"
#: longest message kept in the `error` cell (a message may quote a whole sentence)
MAX_MESSAGE = 300

Key = TypeVar("Key")
Item = TypeVar("Item")
Out = TypeVar("Out")


@dataclass(frozen=True)
class Failure:
    """What an article's audit raised: the reviewer's words and the developer's traceback."""

    error: str
    details: str

    @classmethod
    def of(cls, exc: BaseException) -> Failure:
        message = " ".join(str(exc).split())
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 1] + "…"
        name = type(exc).__name__
        return cls(
            f"internal error: {name}: {message}" if message else f"internal error: {name}",
            "".join(traceback.format_exception(exc)),
        )


def failed_result(
    article_id: str, content_sha256: str, failure: Failure, audited_at: str
) -> ArticleResult:
    return ArticleResult(
        article_id=article_id,
        status=Status.ERROR,
        content_sha256=content_sha256,
        error=failure.error,
        audited_at=audited_at,
    )


def per_article(
    batch: Callable[[Mapping[Key, Item]], Mapping[Key, Out]], items: Mapping[Key, Item]
) -> tuple[dict[Key, Out], dict[Key, Failure]]:
    """`batch(items)`; when it raises, `batch` of each item alone, so that only the items
    that make it fail are failures (the batch is the fast path, one call per run)."""
    try:
        return dict(batch(items)), {}
    except Exception as exc:
        if len(items) <= 1:
            return {}, {key: Failure.of(exc) for key in items}
    results: dict[Key, Out] = {}
    failures: dict[Key, Failure] = {}
    for key, item in items.items():
        try:
            results.update(batch({key: item}))
        except Exception as exc:
            failures[key] = Failure.of(exc)
    return results, failures


class FailureLog:
    """The tracebacks of a run's failed articles, appended to `.auditor/errors.log`."""

    def __init__(self, state_dir: Path, run_id: str) -> None:
        self.path = state_dir / LOG_FILE
        self.run_id = run_id
        self.count = 0

    def record(self, article_id: str, failure: Failure) -> None:
        self.count += 1
        try:
            with self.path.open("a", encoding="utf-8", errors="backslashreplace") as log:
                log.write(f"=== run {self.run_id}, article {article_id}\n{failure.details}\n")
        except OSError:
            pass  # the row already says what failed; the traceback is a courtesy

    def notice(self) -> str | None:
        if not self.count:
            return None
        return (
            f"{self.count} article(s) failed with an internal error (status=error); the "
            f"tracebacks are in {self.path}"
        )
