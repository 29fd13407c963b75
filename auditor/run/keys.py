"""What a stored result is keyed by (pure, plus reading the package's own files): a result is
reused only when the article's bytes, the official documents, the settings, the installed
models and the auditor's own code are all the same; a run's reports are kept only when the
one key over everything they were made of is the same (`corpus_key`)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
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


#: the code's identity once known in this process: "signature" (`installed_signature`),
#: "code" (`code_fingerprint`) and "sacrebleu" (`sacrebleu_version`), computed, or the last two
#: adopted from the state (`adopt`)
_identity: dict[str, str] = {}


def sacrebleu_version() -> str:
    """The installed sacrebleu's version: its scores are part of every stored result."""
    if "sacrebleu" not in _identity:
        from importlib.metadata import version

        _identity["sacrebleu"] = version("sacrebleu")
    return _identity["sacrebleu"]


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


def code_fingerprint() -> str:
    """`package_fingerprint` of the installed auditor, computed once per process (or adopted
    from the state by `adopt`), after the process's `installed_signature`."""
    if "code" not in _identity:
        installed_signature()  # first: a signature is never newer than the code it stands for
        _identity["code"] = package_fingerprint(Path(auditor.__file__).parent)
    return _identity["code"]


def installed_signature() -> str:
    """What the installed code looks like on disk, without reading it: the size, modification
    time and inode of every file `package_fingerprint` hashes, and of sacrebleu's installed
    files (an upgrade rewrites them). Cheap (stat calls only), like the signature Python keeps
    for its bytecode: the same signature means the same `code_fingerprint` and
    `sacrebleu_version`, which `adopt` then takes from the state instead of reading every
    module and sacrebleu's metadata again on each unchanged run. Taken once per process,
    before its code is read: a process that outlives an upgrade stores its identity under
    the old files' signature, never the new one's."""
    if "signature" not in _identity:
        _identity["signature"] = _files_now()
    return _identity["signature"]


def _files_now() -> str:
    import importlib.util

    roots = [Path(auditor.__file__).parent]
    spec = importlib.util.find_spec("sacrebleu")
    if spec is not None and spec.origin is not None:
        roots.append(Path(spec.origin).parent)
    return files_signature(roots)


def files_signature(roots: Iterable[Path]) -> str:
    """Hash of the path, size, modification time and inode of every code or data file under
    each of `roots` (caches left out); no file is read."""
    parts = [__version__]
    for root in roots:
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
            for name in sorted(names):
                if name.endswith(_CODE_SUFFIXES):
                    info = os.stat(os.path.join(folder, name))
                    parts.append(f"{folder}/{name}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}")
    return fingerprint(*parts)


def adopt(stored: str | None, signature: str) -> str | None:
    """Take the code's identity from `stored` (the JSON `adopt` returned on an earlier run)
    when it was recorded under the same `signature`; otherwise compute it and return the JSON
    to store (None when nothing needs storing)."""
    try:
        record = json.loads(stored) if stored else {}
    except ValueError:
        record = {}
    if (
        isinstance(record, dict)
        and record.get("signature") == signature
        and isinstance(record.get("code"), str)
        and isinstance(record.get("sacrebleu"), str)
    ):
        _identity.setdefault("code", record["code"])
        _identity.setdefault("sacrebleu", record["sacrebleu"])
        return None
    return json.dumps(
        {"signature": signature, "code": code_fingerprint(), "sacrebleu": sacrebleu_version()}
    )


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
