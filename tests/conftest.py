"""Shared fixtures: the bundled seed corpus and the language model, loaded once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditor.settings import Settings
from auditor.stages.language import Identifier, load_identifier

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
OFFICIAL = CORPUS / "official" / "nato-transcript-2022-11-30-bucharest-press-conference.txt"
TURKISH_OUTLET = CORPUS / "articles" / "turkish-outlet-2022-11-30-bucharest-press-conference.txt"
CYPRUS = CORPUS / "articles" / "cyprus-outlet-2022-11-29-aspen-gmf-forum-speech.txt"
RUSSIAN = CORPUS / "articles" / "russian-agency-2021-welt-am-sonntag-interview.txt"
SPANISH = CORPUS / "articles" / "spanish-report-2023-04-brussels-foreign-ministers.txt"
SEEDS = [OFFICIAL, TURKISH_OUTLET, CYPRUS, RUSSIAN, SPANISH]


@pytest.fixture(scope="session")
def identifier() -> Identifier:
    return load_identifier(Settings().language.languages)


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
