"""Downloading a translation package (edge): the only code of the project that opens a network
connection, used only by `auditor models install FROM TO --download`.

The packages of the Argos index bundle Stanza's splitter (``stanza/``), which needs Stanza and
PyTorch, not installed by default. argostranslate (argos-translate-lt 1.12) does not use it
either: it splits with MiniSBD and downloads MiniSBD's model for the source language at the
first translation. Here that model is downloaded with the package instead and added to it as
``minisbd/<model>.onnx``, so that translating stays offline and needs no Stanza.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from auditor.translation.argos import configure_argos_environment
from auditor.translation.packages import (
    OFFLINE_HINT,
    InstalledModel,
    ModelError,
    install_from_file,
    version_key,
)

INDEX_TIMEOUT_SECONDS = 30
SPLITTER_TIMEOUT_SECONDS = 60

#: argostranslate's MiniSBDSentencizer.LANGUAGE_CODE_MAPPING (argos-translate-lt 1.12): the
#: MiniSBD model it uses for a source language; one not in MiniSBD's list falls back to "en"
MINISBD_MODEL_FOR = {
    "zt": "zh-hant",
    "zh": "zh-hans",
    "pb": "pt",
    "az": "tr",
    "bn": "hi",
    "eo": "en",
    "ms": "en",
    "tl": "en",
}


def install_download(from_code: str, to_code: str, models_dir: Path) -> InstalledModel:
    """Download the from_code→to_code package from the Argos package index and install it.

    The only code of the project that uses the network. from_code, to_code: ISO 639 codes;
    models_dir: the packages folder. A package without ``minisbd/*.onnx`` gets MiniSBD's model
    for from_code added (`add_minisbd_splitter`) before it is installed. Raises ModelError when
    the index cannot be reached, has no such package, or a download fails; then nothing is
    installed.
    """
    import urllib.request

    configure_argos_environment(Path(models_dir))
    import argostranslate.package as argos_package
    import argostranslate.settings as argos_settings

    # argostranslate's update_package_index logs and swallows errors and has no timeout, so
    # the index is fetched here, where a failure can be reported.
    url = argos_settings.remote_package_index
    try:
        with urllib.request.urlopen(url, timeout=INDEX_TIMEOUT_SECONDS) as response:
            index = response.read()
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ModelError(
            f"could not reach the Argos package index at {url} ({reason}): no network? "
            + OFFLINE_HINT
        ) from exc
    try:
        if not isinstance(json.loads(index), list):
            raise ValueError("not a list of packages")
        local_index = Path(argos_settings.local_package_index)
        local_index.parent.mkdir(parents=True, exist_ok=True)
        local_index.write_bytes(index)
        available = argos_package.get_available_packages()
    except (OSError, ValueError) as exc:
        raise ModelError(f"the Argos package index from {url} is unusable: {exc}") from exc
    wanted = [p for p in available if (p.from_code, p.to_code) == (from_code, to_code)]
    if not wanted:
        pairs = sorted(
            {
                f"{p.from_code} {p.to_code}"
                for p in available
                if from_code in (p.from_code, p.to_code)
            }
        )
        raise ModelError(
            f"the Argos package index has no {from_code}→{to_code} package "
            f"(pairs with {from_code}: {'; '.join(pairs) or 'none'})"
        )
    newest = max(wanted, key=lambda p: version_key(str(p.package_version)))
    try:
        download = Path(newest.download())
    except Exception as exc:  # argostranslate raises a bare Exception on a failed download
        raise ModelError(
            f"download of the {from_code}→{to_code} package failed ({exc}): no network? "
            + OFFLINE_HINT
        ) from exc
    try:
        add_minisbd_splitter(download, from_code)
        return install_from_file(download, models_dir)
    finally:
        download.unlink(missing_ok=True)


def minisbd_model_name(from_code: str) -> str:
    """The MiniSBD model argostranslate splits from_code (an ISO 639 code) with, e.g. ``tr``."""
    from minisbd import models as minisbd_models

    name = MINISBD_MODEL_FOR.get(from_code, from_code)
    return name if name in minisbd_models.list_models() else "en"


def add_minisbd_splitter(package_file: Path, from_code: str) -> str | None:
    """Add MiniSBD's model for from_code to a package file that bundles no ``minisbd/*.onnx``.

    package_file: a downloaded ``.argosmodel`` (changed in place); from_code: its source
    language. Downloads the model argostranslate would download at its first translation
    (`minisbd_model_name`, from MiniSBD's release URL), checks that ONNX Runtime loads it, and
    adds it as ``minisbd/<model>.onnx``. Returns the model name added, or None when the package
    already bundles one or is no zip of one folder (`install_from_file` then says what is
    wrong). Raises ModelError when the download fails or gives no usable model.
    """
    import urllib.request

    from minisbd import SBDetect
    from minisbd import models as minisbd_models

    try:
        with zipfile.ZipFile(package_file) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return None
    tops = {PurePosixPath(n).parts[0] for n in names if PurePosixPath(n).parts}
    if len(tops) != 1:
        return None
    top = tops.pop()
    if any(
        PurePosixPath(n).parent == PurePosixPath(top, "minisbd") and n.endswith(".onnx")
        for n in names
    ):
        return None
    name = minisbd_model_name(from_code)
    url = minisbd_models.REPO_URL + minisbd_models.MODELS[name]
    try:
        with urllib.request.urlopen(url, timeout=SPLITTER_TIMEOUT_SECONDS) as response:
            onnx = response.read()
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ModelError(
            f"the package bundles no MiniSBD sentence splitter, so MiniSBD's splitter for "
            f"{from_code} is downloaded with it, and that failed ({reason}; {url}): no network? "
            "Nothing was installed. " + OFFLINE_HINT
        ) from exc
    with tempfile.TemporaryDirectory(prefix=".auditor-minisbd-") as scratch:
        model_file = Path(scratch) / f"{name}.onnx"
        model_file.write_bytes(onnx)
        try:
            SBDetect(str(model_file), use_gpu=False)
        except Exception as exc:  # ONNX Runtime and MiniSBD raise bare or untyped exceptions
            raise ModelError(
                f"MiniSBD's sentence splitter from {url} is unusable ({exc}); try again later"
            ) from exc
    with zipfile.ZipFile(package_file, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{top}/minisbd/{name}.onnx", onnx)
    return name
