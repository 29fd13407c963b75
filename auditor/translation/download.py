"""Downloading a translation package (edge): the only code of the project that opens a network
connection, used only by `auditor models install FROM TO --download`."""

from __future__ import annotations

import json
from pathlib import Path

from auditor.translation.argos import configure_argos_environment
from auditor.translation.packages import (
    OFFLINE_HINT,
    InstalledModel,
    ModelError,
    install_from_file,
    version_key,
)

INDEX_TIMEOUT_SECONDS = 30


def install_download(from_code: str, to_code: str, models_dir: Path) -> InstalledModel:
    """Download the from_code→to_code package from the Argos package index and install it.

    The only code of the project that uses the network. from_code, to_code: ISO 639 codes;
    models_dir: the packages folder. Raises ModelError when the index cannot be reached, has no
    such package, or the download fails.
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
        return install_from_file(download, models_dir)
    finally:
        download.unlink(missing_ok=True)
