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


#: an article whose name, title and text carry markup and formulas: the Turkish outlet's report
#: with a script in its headline, an image that runs code, a formula and Turkish letters
HOSTILE = "<img src=x onerror=alert(1)>.txt"
HOSTILE_LINES = (
    "<script>window.pwned=1</script> Chinese message from Stoltenberg",
    '=HYPERLINK("http://evil.example","click") is what the page said.',
    'Levent ÖZADAM\'dan: <img src=x onerror="window.pwned=2"> ığdır şüphe.',
)


@pytest.fixture(scope="session")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus plus the hostile article, audited once with every report format: the
    reports folder (read it, never write to it)."""
    from auditor.run.pipeline import audit_corpus

    root = tmp_path_factory.mktemp("reviewed")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    title, formula, byline = HOSTILE_LINES
    body = TURKISH_OUTLET.read_text(encoding="utf-8").split("\n", 1)[1]
    (corpus / "articles" / HOSTILE).write_text(
        f"{title}\n{body}\n{formula}\n\n{byline}\n", encoding="utf-8"
    )
    audit_corpus(corpus, root / "reports", models_dir=root / "no-models")  # fragments stay Turkish
    return root / "reports"
