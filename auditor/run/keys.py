"""What a stored result is keyed by (pure, plus reading the package's own files): a result is
reused only when the article's bytes, the official documents, the settings, the installed
models and the auditor's own code are all the same; a run's reports are kept only when the
one key over everything they were made of is the same (`corpus_key`)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import auditor
from auditor import __version__


def fingerprint(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


def corpus_key(
    corpus: Path,
    reports: Path,
    sources: Iterable[tuple[str, str, str]],
    settings: str,
    models: str,
    formats: Sequence[str],
) -> str:
    """One key over everything a run's reports are made of: `sources` is (role, id, SHA-256
    of the raw bytes) of every official document, article and articles.csv; `settings`, the
    settings' fingerprint; `models`, the installed translation packages'
    (`translation.packages.models_fingerprint`); `formats`, the report formats written."""
    return fingerprint(
        os.path.realpath(corpus),
        os.path.realpath(reports),
        sorted(sources),
        settings,
        __version__,
        code_fingerprint(),
        sacrebleu_version(),
        models,
        tuple(formats),
    )


@cache
def sacrebleu_version() -> str:
    """The installed sacrebleu's version: its scores are part of every stored result."""
    from importlib.metadata import version

    return version("sacrebleu")


def file_signature(path: Path) -> str:
    """Size and modification time of a report file as written by the last run: if either
    differs, someone edited, replaced or restored it, and the reports are rebuilt. For a
    folder (`html/`), those of the folder and of each entry directly in it: a page added or
    removed, or the index edited (its pages are not read, to keep an unchanged run cheap)."""
    if not path.is_dir():
        return _stat_signature(path)
    children = (f"{p.name}={_stat_signature(p)}" for p in sorted(path.iterdir()))
    return ",".join([_stat_signature(path), *children])


def _stat_signature(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


#: what the code fingerprint hashes: the package's source and data, not its caches
_CODE_SUFFIXES = (".py", ".txt", ".tsv", ".json", ".html", ".css", ".js")


@cache
def code_fingerprint() -> str:
    """`package_fingerprint` of the installed auditor, computed once per process."""
    return package_fingerprint(Path(auditor.__file__).parent)


def package_fingerprint(root: Path) -> str:
    """Hash of the auditor's own code and data under `root` — every module of every
    sub-package and every word list: a stored result is reused only by the code that made it,
    even between two releases with the same version number."""
    digest = hashlib.sha256(__version__.encode())
    files = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        relative = Path(folder).relative_to(root).as_posix()
        prefix = "" if relative == "." else relative + "/"
        files += [(prefix + name, folder) for name in names if name.endswith(_CODE_SUFFIXES)]
    for name, folder in sorted(files):
        path = os.path.join(folder, os.path.basename(name))
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                digest.update(name.encode() + b"\0" + handle.read())
    return digest.hexdigest()
