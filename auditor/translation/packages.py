"""Translation models (edge): where Argos Translate packages live, and installing them.

An Argos package (``.argosmodel``) is a zip of one folder holding ``metadata.json``, a
CTranslate2 model in ``model/``, ``sentencepiece.model`` and a sentence splitter. Everything here
works on plain files, so listing, validating, installing and removing never import
argostranslate (with CTranslate2 and MiniSBD an import costs ~0.3 s and ~60 MB). Downloading is
`auditor.translation.download`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

__all__ = [
    "InstalledModel",
    "ModelError",
    "argos_packages_dir",
    "default_models_dir",
    "find_model",
    "install_from_file",
    "installed_models",
    "remove_model",
    "resolve_models_dir",
    "select_model",
    "validate_package",
]

MODELS_DIR_ENV = "AUDITOR_MODELS_DIR"
OFFLINE_HINT = (
    "Copy a .argosmodel file to this machine and use `auditor models install FILE.argosmodel`."
)
_SPLITTER_ADVICE = (
    "without one argostranslate downloads a splitter at the first translation, which an offline "
    "audit must not do; use a package that bundles minisbd/<language>.onnx"
)
_TEMP_PREFIX = ".auditor-"
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")


class ModelError(ValueError):
    """A translation model cannot be found, validated, installed or removed; the message says
    what was wrong and what to do."""


@dataclass(frozen=True)
class InstalledModel:
    """One installed Argos translation package."""

    from_code: str
    to_code: str
    #: package name, e.g. ``translate-tr_en``
    name: str
    #: ``package_version`` from metadata.json
    version: str
    #: the package folder
    path: Path
    size_bytes: int

    @property
    def model_id(self) -> str:
        """Name and version, e.g. ``translate-tr_en 1.9``: the `translation_model` of reports."""
        return f"{self.name} {self.version}" if self.version else self.name


# --- where packages live ---------------------------------------------------------------------


def argos_packages_dir() -> Path:
    """argostranslate's own packages folder, computed as its ``settings.py`` does (1.11):
    ``ARGOS_PACKAGES_DIR`` from the environment, else from its ``settings.json``, else
    ``$XDG_DATA_HOME/argos-translate/packages`` (``~/.local/share`` by default)."""
    home = Path(os.environ["SNAP_USER_DATA"]) if "SNAP" in os.environ else Path.home()
    data_dir = Path(os.getenv("XDG_DATA_HOME", default=home / ".local" / "share"))
    default = data_dir / "argos-translate" / "packages"
    from_env = os.getenv("ARGOS_PACKAGES_DIR")
    if from_env is not None:
        return Path(from_env)
    config_dir = Path(os.getenv("XDG_CONFIG_HOME", default=home / ".config"))
    from_file = _argos_settings_file(config_dir / "argos-translate" / "settings.json").get(
        "ARGOS_PACKAGES_DIR"
    )
    return Path(from_file) if isinstance(from_file, str) else default


def _argos_settings_file(path: Path) -> dict[str, Any]:
    """Contents of argostranslate's settings.json, or {} when absent or unreadable."""
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def default_models_dir() -> Path:
    """``AUDITOR_MODELS_DIR`` when set, else argostranslate's own packages folder."""
    from_env = os.environ.get(MODELS_DIR_ENV)
    return Path(from_env).expanduser() if from_env else argos_packages_dir()


def resolve_models_dir(option: Path | None) -> Path:
    """The models folder to use.

    option: the ``--models-dir`` value, if given; it wins over ``AUDITOR_MODELS_DIR`` and the
        default.
    """
    return Path(option).expanduser() if option is not None else default_models_dir()


# --- reading installed packages --------------------------------------------------------------


def models_fingerprint(models: Sequence[InstalledModel]) -> str:
    """What the installed models are, for cache keys: any change re-audits."""
    return ",".join(sorted(f"{m.model_id}@{m.size_bytes}" for m in models))


def installed_models(models_dir: Path) -> list[InstalledModel]:
    """Every translation package installed in models_dir, sorted by language pair.

    models_dir: the packages folder. Folders that are not valid packages (no or broken
    metadata.json, other package types, hidden folders) are skipped; a missing models_dir gives
    an empty list.
    """
    try:
        folders = sorted(p for p in Path(models_dir).iterdir() if p.is_dir())
    except OSError:
        return []
    found = [m for p in folders if not p.name.startswith(".") and (m := _read_model(p))]
    return sorted(found, key=lambda m: (m.from_code, m.to_code, version_key(m.version), m.name))


def _read_model(folder: Path) -> InstalledModel | None:
    """The package in folder, or None when folder holds no valid translation package."""
    try:
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(metadata, dict) or _metadata_problem(metadata) is not None:
        return None
    return _model_from_metadata(metadata, folder)


def _model_from_metadata(metadata: dict[str, Any], folder: Path) -> InstalledModel:
    """An InstalledModel for valid metadata of the package in folder."""
    from_code, to_code = metadata["from_code"], metadata["to_code"]
    name = metadata.get("name")
    if not isinstance(name, str) or not name:
        # argostranslate's own package name (argospm_package_name)
        name = f"translate-{from_code}_{to_code}"
    return InstalledModel(
        from_code=from_code,
        to_code=to_code,
        name=name,
        version=str(metadata["package_version"]),
        path=folder,
        size_bytes=_folder_size(folder),
    )


def _folder_size(folder: Path) -> int:
    """Total size in bytes of the files under folder (symbolic links not followed)."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for file in files:
            try:
                total += os.lstat(os.path.join(root, file)).st_size
            except OSError:
                continue
    return total


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders ``1.10`` after ``1.9``."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-_]", version))


def find_model(models_dir: Path, from_code: str, to_code: str) -> InstalledModel | None:
    """The installed from_code→to_code package (the newest when several are), or None.

    models_dir: the packages folder; from_code, to_code: ISO 639 codes, e.g. ``tr``, ``en``.
    """
    return select_model(installed_models(models_dir), from_code, to_code)


def select_model(
    models: Sequence[InstalledModel], from_code: str, to_code: str
) -> InstalledModel | None:
    """The from_code→to_code package among `models` as listed by `installed_models` (the
    newest when several are), or None."""
    matches = [m for m in models if (m.from_code, m.to_code) == (from_code, to_code)]
    return matches[-1] if matches else None


# --- validating a package file ---------------------------------------------------------------


def _metadata_problem(metadata: dict[str, Any]) -> str | None:
    """What makes metadata unusable for a translation package, or None."""
    package_type = metadata.get("type", "translate")  # argostranslate's default
    if package_type != "translate":
        return f"it is a {package_type!r} package, not a translation package"
    for key in ("from_code", "to_code", "package_version"):
        value = metadata.get(key)
        if not isinstance(value, str | int | float) or not str(value).strip():
            return f"metadata.json lacks {key}"
    if not isinstance(metadata["from_code"], str) or not isinstance(metadata["to_code"], str):
        return "metadata.json: from_code and to_code must be language codes such as 'tr'"
    return None


def _unsafe_member(name: str) -> bool:
    """True when an archive member would be written outside the extraction folder."""
    path = PurePosixPath(name)
    return (
        "\\" in name
        or name.startswith("/")
        or bool(_WINDOWS_DRIVE.match(name))
        or ".." in path.parts
        or "\x00" in name
    )


def _inspect(zip_path: Path) -> tuple[str, dict[str, Any]]:
    """Validate the package file; return its top-level folder name and its metadata."""
    import zipfile  # here and below: reading installed models (every run) needs none of them

    zip_path = Path(zip_path)
    label = zip_path.name
    if not zip_path.exists():
        raise ModelError(f"no such file: {zip_path}")
    if zip_path.is_dir():
        raise ModelError(f"{zip_path} is a folder; give the path of an .argosmodel file")
    try:
        with zipfile.ZipFile(zip_path) as archive:
            names = archive.namelist()
            for name in names:
                if _unsafe_member(name):
                    raise ModelError(
                        f"{label}: unsafe path in archive: {name!r} "
                        "(it would be written outside the package folder)"
                    )
            top = _top_folder(label, names)
            present = {n.rstrip("/") for n in names} | {
                str(parent) for n in names for parent in PurePosixPath(n).parents
            }
            if f"{top}/metadata.json" not in present:
                raise ModelError(f"{label}: missing metadata.json in {top}/")
            metadata = _load_metadata(label, archive.read(f"{top}/metadata.json"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise ModelError(
            f"{label}: not a zip file (an .argosmodel package is a zip archive)"
        ) from exc
    except OSError as exc:
        raise ModelError(f"{label}: cannot read the file: {exc}") from exc
    _check_contents(label, top, names, present)
    return top, metadata


def _top_folder(label: str, names: list[str]) -> str:
    """The archive's single top-level folder."""
    if not names:
        raise ModelError(f"{label}: the archive is empty")
    tops = sorted({PurePosixPath(n).parts[0] for n in names if PurePosixPath(n).parts})
    loose = sorted(n for n in names if len(PurePosixPath(n).parts) == 1 and not n.endswith("/"))
    if len(tops) != 1 or loose:
        found = ", ".join(tops)
        raise ModelError(f"{label}: must hold exactly one top-level folder, found: {found}")
    top = tops[0]
    if top.startswith("."):
        raise ModelError(f"{label}: the top-level folder {top!r} must not be hidden")
    return top


def _load_metadata(label: str, raw: bytes) -> dict[str, Any]:
    """Parsed and checked metadata.json."""
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except ValueError as exc:
        raise ModelError(f"{label}: metadata.json is not valid JSON: {exc}") from exc
    if not isinstance(metadata, dict):
        raise ModelError(f"{label}: metadata.json must hold a JSON object")
    problem = _metadata_problem(metadata)
    if problem is not None:
        raise ModelError(f"{label}: {problem}")
    return metadata


def _check_contents(label: str, top: str, names: list[str], present: set[str]) -> None:
    """Raise ModelError unless the model, the tokenizer and an offline splitter are there.

    The splitter rules follow argostranslate's ``Package``: a ``minisbd/`` folder wins and must
    hold an ``.onnx`` file; else ``stanza/`` is used (its resources.json must be bundled; the
    translator then needs the ``stanza`` extra). For a spaCy-only package, or for a stanza/
    one, argostranslate itself (argos-translate-lt 1.12) downloads a MiniSBD splitter.
    """
    if f"{top}/model/model.bin" not in present:
        raise ModelError(f"{label}: missing model/model.bin (the CTranslate2 model)")
    if f"{top}/sentencepiece.model" not in present:
        raise ModelError(f"{label}: missing sentencepiece.model (the tokenizer)")
    if f"{top}/minisbd" in present:
        onnx = [n for n in names if PurePosixPath(n).parent == PurePosixPath(top, "minisbd")]
        if not any(n.endswith(".onnx") for n in onnx):
            raise ModelError(
                f"{label}: minisbd/ holds no .onnx sentence splitter; {_SPLITTER_ADVICE}"
            )
    elif f"{top}/stanza" in present:
        if f"{top}/stanza/resources.json" not in present:
            raise ModelError(f"{label}: stanza/ lacks resources.json; {_SPLITTER_ADVICE}")
    else:
        raise ModelError(
            f"{label}: no sentence splitter (minisbd/*.onnx or stanza/); {_SPLITTER_ADVICE}"
        )


def validate_package(zip_path: Path) -> dict[str, Any]:
    """Check an ``.argosmodel`` file without installing it and return its metadata.

    zip_path: the package file. Raises ModelError saying what is wrong: not a zip file, an
    unsafe path (zip-slip), not exactly one top-level folder, missing metadata.json, model,
    sentencepiece.model or an offline sentence splitter.
    """
    return _inspect(zip_path)[1]


# --- installing and removing -----------------------------------------------------------------


def install_from_file(zip_path: Path, models_dir: Path) -> InstalledModel:
    """Validate and install a package file offline; return the installed model.

    zip_path: the ``.argosmodel`` file; models_dir: the packages folder (created if missing).
    The package is extracted next to its destination and renamed into place, so a reader never
    sees a half-extracted package; it replaces an installed package of the same folder name and
    any other installed package of the same language pair (one model per pair).
    """
    import shutil
    import tempfile
    import zipfile

    top, metadata = _inspect(zip_path)
    models_dir = Path(models_dir)
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX + "install-", dir=models_dir))
    except OSError as exc:
        raise ModelError(f"cannot write to the models folder {models_dir}: {exc}") from exc
    target = models_dir / top
    try:
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(staging / "new")
        replaced = [
            m.path
            for m in installed_models(models_dir)
            if (m.from_code, m.to_code) == (metadata["from_code"], metadata["to_code"])
            and m.path != target
        ]
        if target.exists():
            target.rename(staging / "old")
        try:
            (staging / "new" / top).rename(target)
        except OSError:
            if (staging / "old").exists():
                (staging / "old").rename(target)
            raise
        for old in replaced:
            _remove_folder(old)
    except zipfile.BadZipFile as exc:
        raise ModelError(f"{Path(zip_path).name}: the archive is corrupt: {exc}") from exc
    except OSError as exc:
        raise ModelError(f"cannot install into {models_dir}: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    model = _read_model(target)
    if model is None:  # pragma: no cover - validated above
        raise ModelError(f"the installed package in {target} cannot be read")
    return model


def _remove_folder(folder: Path) -> None:
    """Delete folder; it is first renamed to a hidden name so no reader sees half of it."""
    import shutil
    import tempfile

    doomed = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX + "remove-", dir=folder.parent))
    folder.rename(doomed / folder.name)
    shutil.rmtree(doomed)


def remove_model(models_dir: Path, from_code: str, to_code: str) -> InstalledModel:
    """Uninstall the from_code→to_code package and return it (the one in use).

    models_dir: the packages folder; from_code, to_code: ISO 639 codes. Every installed folder
    of the pair is removed. Raises ModelError when none is installed.
    """
    models_dir = Path(models_dir)
    model = find_model(models_dir, from_code, to_code)
    if model is None:
        raise ModelError(
            f"no {from_code}→{to_code} translation model is installed in {models_dir}; "
            "see `auditor models list`"
        )
    for other in installed_models(models_dir):
        if (other.from_code, other.to_code) == (from_code, to_code):
            try:
                _remove_folder(other.path)
            except OSError as exc:
                raise ModelError(f"cannot remove {other.path}: {exc}") from exc
    return model
