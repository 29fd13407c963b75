"""What `auditor audit` was asked to do (typer-free: `auditor.cli.launch` builds it too)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.reports.formats import DEFAULT_FORMATS
from auditor.run.engines import DEFAULT_ENGINE

if TYPE_CHECKING:
    from auditor.settings import Settings


@dataclass(frozen=True)
class Job:
    """The options of one `auditor audit`, parsed."""

    corpus: Path
    reports: Path
    full: bool
    wait: float
    as_json: bool
    models_dir: Path | None
    workers: int | None = None
    max_article_mb: float | None = None
    formats: tuple[str, ...] = DEFAULT_FORMATS
    engine: str = DEFAULT_ENGINE
    scheduler: str | None = None

    def settings(self) -> Settings:
        from auditor.settings import IngestSettings, Settings

        if self.max_article_mb is None:
            return Settings()
        return Settings(ingest=IngestSettings(max_article_mb=self.max_article_mb))


@dataclass(frozen=True)
class QuickAudit:
    """An `auditor audit --json` command line the fast path may answer (`cli.launch`)."""

    job: Job
    fail_on_critical: bool
