"""Model management: where packages live, validating and installing ``.argosmodel`` files,
removing them, and the ``auditor models`` commands. Nothing here uses the network."""

from __future__ import annotations

import functools
import http.server
import json
import socket
import sys
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from auditor.cli.models import models_app
from auditor.translation.packages import (
    InstalledModel,
    ModelError,
    argos_packages_dir,
    default_models_dir,
    find_model,
    install_from_file,
    installed_models,
    remove_model,
    resolve_models_dir,
    validate_package,
)

pytest_plugins = ("tests.fixtures.models_fixtures",)  # tiny_tr_en_file, argos_home

TOP = "translate-tr_en-0_0_1"
SPLITTER_ADVICE = (
    "without one argostranslate downloads a splitter at the first translation, which an offline "
    "audit must not do; use a package that bundles minisbd/<language>.onnx"
)

runner = CliRunner()
app = typer.Typer()
app.add_typer(models_app, name="models")


@app.callback()
def _root() -> None:
    """The main CLI mounts models_app the same way."""


def repack(
    source: Path,
    target: Path,
    *,
    drop: tuple[str, ...] = (),
    metadata: dict[str, Any] | None = None,
    top: str = TOP,
    extra: dict[str, bytes] | None = None,
) -> Path:
    """Copy the package zip source to target with entries changed.

    drop: paths inside the package folder to leave out (a folder drops everything under it);
    metadata: replaces metadata.json; top: the new top-level folder name; extra: entries to add,
    by their full name in the archive.
    """
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            inner = info.filename.removeprefix(TOP + "/")
            if any(inner == d or inner.startswith(d.rstrip("/") + "/") for d in drop):
                continue
            data = old.read(info)
            if inner == "metadata.json" and metadata is not None:
                data = json.dumps(metadata).encode()
            new.writestr(f"{top}/{inner}" if inner else f"{top}/", data)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def tiny_metadata(**changes: Any) -> dict[str, Any]:
    """The tiny package's metadata.json with changes applied (None removes a key)."""
    metadata: dict[str, Any] = {
        "name": "translate-tr_en",
        "type": "translate",
        "package_version": "0.0.1",
        "argos_version": "1.9",
        "from_code": "tr",
        "from_name": "Turkish",
        "to_code": "en",
        "to_name": "English",
    }
    metadata.update(changes)
    return {k: v for k, v in metadata.items() if v is not None}


def test_an_installed_package_is_listed_with_languages_version_size_and_folder(
    tiny_tr_en_file: Path,
    tmp_path: Path,
) -> None:
    models_dir = tmp_path / "models"

    model = install_from_file(tiny_tr_en_file, models_dir)

    folder = models_dir / TOP
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    expected = InstalledModel("tr", "en", "translate-tr_en", "0.0.1", folder, size)
    assert model == expected
    assert installed_models(models_dir) == [expected]
    assert find_model(models_dir, "tr", "en") == expected
    assert find_model(models_dir, "en", "tr") is None
    assert model.model_id == "translate-tr_en 0.0.1"
    assert 250_000 < size < 400_000
    assert sorted(p.name for p in models_dir.iterdir()) == [TOP], "no staging folder is left"
    assert (folder / "minisbd" / "tr.onnx").is_file()


def test_validation_returns_the_metadata_without_installing(tiny_tr_en_file: Path) -> None:
    metadata = validate_package(tiny_tr_en_file)
    assert (metadata["from_code"], metadata["to_code"], metadata["package_version"]) == (
        "tr",
        "en",
        "0.0.1",
    )


BROKEN_PACKAGES = {
    "missing metadata": (
        {"drop": ("metadata.json",)},
        f"broken.argosmodel: missing metadata.json in {TOP}/",
    ),
    "missing tokenizer": (
        {"drop": ("sentencepiece.model",)},
        "broken.argosmodel: missing sentencepiece.model (the tokenizer)",
    ),
    "missing model": (
        {"drop": ("model/model.bin",)},
        "broken.argosmodel: missing model/model.bin (the CTranslate2 model)",
    ),
    "missing splitter": (
        {"drop": ("minisbd",)},
        f"broken.argosmodel: no sentence splitter (minisbd/*.onnx or stanza/); {SPLITTER_ADVICE}",
    ),
    "splitter folder without onnx": (
        {"drop": ("minisbd/tr.onnx",)},
        f"broken.argosmodel: minisbd/ holds no .onnx sentence splitter; {SPLITTER_ADVICE}",
    ),
    "spaCy splitter only (argostranslate would still download MiniSBD)": (
        {"drop": ("minisbd",), "extra": {f"{TOP}/spacy/config.cfg": b"[nlp]\n"}},
        f"broken.argosmodel: no sentence splitter (minisbd/*.onnx or stanza/); {SPLITTER_ADVICE}",
    ),
    "stanza splitter without its resources.json (Stanza would fetch it)": (
        {"drop": ("minisbd",), "extra": {f"{TOP}/stanza/tr/tokenize/imst.pt": b"x"}},
        f"broken.argosmodel: stanza/ lacks resources.json; {SPLITTER_ADVICE}",
    ),
    "zip-slip with ..": (
        {"extra": {f"{TOP}/../../evil.sh": b"echo owned\n"}},
        f"broken.argosmodel: unsafe path in archive: '{TOP}/../../evil.sh' "
        "(it would be written outside the package folder)",
    ),
    "zip-slip with an absolute path": (
        {"extra": {"/tmp/evil.sh": b"echo owned\n"}},
        "broken.argosmodel: unsafe path in archive: '/tmp/evil.sh' "
        "(it would be written outside the package folder)",
    ),
    "two top-level folders": (
        {"extra": {"other/README.md": b"hello\n"}},
        f"broken.argosmodel: must hold exactly one top-level folder, found: other, {TOP}",
    ),
    "a loose file beside the folder": (
        {"extra": {"README.md": b"hello\n"}},
        f"broken.argosmodel: must hold exactly one top-level folder, found: README.md, {TOP}",
    ),
    "not a translation package": (
        {"metadata": tiny_metadata(type="sbd")},
        "broken.argosmodel: it is a 'sbd' package, not a translation package",
    ),
    "no source language": (
        {"metadata": tiny_metadata(from_code=None)},
        "broken.argosmodel: metadata.json lacks from_code",
    ),
    "no version": (
        {"metadata": tiny_metadata(package_version="")},
        "broken.argosmodel: metadata.json lacks package_version",
    ),
}


@pytest.mark.parametrize("change, message", BROKEN_PACKAGES.values(), ids=BROKEN_PACKAGES.keys())
def test_a_broken_package_is_refused_with_the_reason_and_nothing_is_installed(
    change: dict[str, Any],
    message: str,
    tiny_tr_en_file: Path,
    tmp_path: Path,
) -> None:
    broken = repack(tiny_tr_en_file, tmp_path / "broken.argosmodel", **change)
    models_dir = tmp_path / "models"

    with pytest.raises(ModelError) as refused:
        install_from_file(broken, models_dir)

    assert str(refused.value) == message
    assert not models_dir.exists() or not any(models_dir.iterdir())
    assert not (tmp_path / "evil.sh").exists()


def test_a_package_with_a_bundled_stanza_splitter_is_accepted(
    tiny_tr_en_file: Path, tmp_path: Path
) -> None:
    stanza = repack(
        tiny_tr_en_file,
        tmp_path / "stanza.argosmodel",
        drop=("minisbd",),
        extra={f"{TOP}/stanza/resources.json": b"{}", f"{TOP}/stanza/tr/tokenize/imst.pt": b"x"},
    )
    assert validate_package(stanza)["from_code"] == "tr"


def test_a_file_that_is_no_zip_or_no_file_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.argosmodel"
    text.write_text("this is not a package\n", encoding="utf-8")
    bad_json = tmp_path / "json.argosmodel"
    with zipfile.ZipFile(bad_json, "w") as archive:
        archive.writestr(f"{TOP}/metadata.json", "{not json")

    with pytest.raises(ModelError, match=r"^notes\.argosmodel: not a zip file \(an \.argosmodel"):
        validate_package(text)
    with pytest.raises(ModelError, match=r"^no such file: .*missing\.argosmodel$"):
        validate_package(tmp_path / "missing.argosmodel")
    with pytest.raises(ModelError, match=r"is a folder; give the path of an \.argosmodel file$"):
        validate_package(tmp_path)
    with pytest.raises(ModelError, match=r"^json\.argosmodel: metadata\.json is not valid JSON"):
        validate_package(bad_json)


def test_a_new_version_replaces_the_installed_package_of_the_same_pair(
    tiny_tr_en_file: Path,
    tmp_path: Path,
) -> None:
    models_dir = tmp_path / "models"
    install_from_file(tiny_tr_en_file, models_dir)
    install_from_file(tiny_tr_en_file, models_dir)  # the same file again: still one install
    newer = repack(
        tiny_tr_en_file,
        tmp_path / "newer.argosmodel",
        top="translate-tr_en-0_0_2",
        metadata=tiny_metadata(package_version="0.0.2"),
    )

    model = install_from_file(newer, models_dir)

    assert model.version == "0.0.2"
    assert [m.model_id for m in installed_models(models_dir)] == ["translate-tr_en 0.0.2"]
    assert sorted(p.name for p in models_dir.iterdir()) == ["translate-tr_en-0_0_2"]


def test_remove_uninstalls_the_pair_and_says_when_there_is_none(
    tiny_tr_en_file: Path,
    tmp_path: Path,
) -> None:
    models_dir = tmp_path / "models"
    installed = install_from_file(tiny_tr_en_file, models_dir)

    assert remove_model(models_dir, "tr", "en") == installed
    assert installed_models(models_dir) == []
    assert not installed.path.exists()
    with pytest.raises(ModelError) as refused:
        remove_model(models_dir, "tr", "en")
    assert str(refused.value) == (
        f"no tr→en translation model is installed in {models_dir}; see `auditor models list`"
    )


def test_listing_skips_folders_that_are_not_translation_packages(
    tiny_tr_en_file: Path,
    tmp_path: Path,
) -> None:
    models_dir = tmp_path / "models"
    install_from_file(tiny_tr_en_file, models_dir)
    (models_dir / "empty").mkdir()
    (models_dir / "broken-json").mkdir()
    (models_dir / "broken-json" / "metadata.json").write_text("{", encoding="utf-8")
    (models_dir / "a-list").mkdir()
    (models_dir / "a-list" / "metadata.json").write_text("[1, 2]", encoding="utf-8")
    (models_dir / "sbd").mkdir()
    (models_dir / "sbd" / "metadata.json").write_text('{"type": "sbd"}', encoding="utf-8")
    (models_dir / ".auditor-install-x").mkdir()
    (models_dir / "stray-file.txt").write_text("x", encoding="utf-8")

    assert [m.path.name for m in installed_models(models_dir)] == [TOP]
    assert installed_models(tmp_path / "does-not-exist") == []
    assert installed_models(models_dir / "stray-file.txt") == []


def test_models_folder_option_then_environment_then_argostranslate_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("AUDITOR_MODELS_DIR", "ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "SNAP"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))

    assert argos_packages_dir() == tmp_path / "home/.local/share/argos-translate/packages"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert argos_packages_dir() == tmp_path / "data/argos-translate/packages"
    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "json")}), "utf-8")
    assert argos_packages_dir() == tmp_path / "json"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos"))
    assert default_models_dir() == argos_packages_dir() == tmp_path / "argos"
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(tmp_path / "auditor"))
    assert default_models_dir() == resolve_models_dir(None) == tmp_path / "auditor"
    assert resolve_models_dir(tmp_path / "option") == tmp_path / "option"


# --- the command line ------------------------------------------------------------------------


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    """Run ``auditor models ARGS`` through the test runner."""
    return runner.invoke(app, ["models", *args], env={"COLUMNS": "250", **(env or {})})


def test_models_commands_install_list_and_remove(
    tiny_tr_en_file: Path,
    tmp_path: Path,
) -> None:
    models_dir = tmp_path / "models"
    where = ["--models-dir", str(models_dir)]

    empty = invoke("list", *where)
    assert empty.exit_code == 0, empty.output
    assert empty.stdout.strip() == (
        f"no translation models installed in {models_dir}; "
        "install one with: auditor models install FILE.argosmodel"
    )

    installed = invoke("install", str(tiny_tr_en_file), *where)
    assert installed.exit_code == 0, installed.output
    assert installed.stdout.startswith("installed translate-tr_en 0.0.1 (tr → en, ")

    listed = invoke("list", *where)
    assert listed.exit_code == 0, listed.output
    row = next(line for line in listed.stdout.splitlines() if "translate-tr_en" in line)
    cells = [cell.strip() for cell in row.strip("│ ").split("│")]
    assert cells[:4] == ["tr", "en", "translate-tr_en", "0.0.1"]
    assert cells[4].endswith(" KB")
    assert cells[5] == str(models_dir / TOP)

    removed = invoke("remove", "tr", "en", *where)
    assert removed.exit_code == 0, removed.output
    assert removed.stdout.startswith("removed translate-tr_en 0.0.1")
    assert installed_models(models_dir) == []

    again = invoke("remove", "tr", "en", *where)
    assert again.exit_code == 1
    assert "auditor: cannot remove: no tr→en translation model is installed" in again.stderr


def test_models_folder_is_read_from_the_environment(tiny_tr_en_file: Path, tmp_path: Path) -> None:
    env = {"AUDITOR_MODELS_DIR": str(tmp_path / "from-env")}

    assert invoke("install", str(tiny_tr_en_file), env=env).exit_code == 0
    listed = invoke("list", env=env)

    assert (tmp_path / "from-env" / TOP / "metadata.json").is_file()
    assert "translate-tr_en" in listed.stdout


def test_installing_a_broken_file_exits_1_with_the_reason(
    tiny_tr_en_file: Path,
    tmp_path: Path,
) -> None:
    broken = repack(tiny_tr_en_file, tmp_path / "broken.argosmodel", drop=("minisbd",))

    result = invoke("install", str(broken), "--models-dir", str(tmp_path / "models"))

    assert result.exit_code == 1
    assert result.stderr.startswith(
        "auditor: cannot install: broken.argosmodel: no sentence splitter"
    )


@pytest.mark.parametrize(
    "args",
    [("install", "tr", "en"), ("install", "tr", "--download"), ("remove", "tr"), ("nonsense",)],
    ids=["two codes without --download", "--download with one code", "one code", "no command"],
)
def test_usage_errors_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    result = invoke(*args, "--models-dir", str(tmp_path))
    assert result.exit_code == 2, result.output


@pytest.mark.parametrize("command", ["list", "install", "remove"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example: auditor models " + command in result.stdout
    assert "--models-dir" in result.stdout


def test_download_without_network_says_what_to_do_and_exits_1(
    argos_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    attempts: list[object] = []

    def unreachable(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket.socket, "connect", unreachable)
    monkeypatch.setattr(socket, "create_connection", unreachable)
    monkeypatch.setattr(socket, "getaddrinfo", unreachable)

    result = invoke("install", "tr", "en", "--download", "--models-dir", str(tmp_path / "m"))

    assert result.exit_code == 1, result.output
    assert "could not reach the Argos package index" in result.stderr
    assert "no network?" in result.stderr
    assert "auditor models install FILE.argosmodel" in result.stderr
    assert attempts, "the download path must have tried the network"
    assert not (tmp_path / "m").exists() or not any((tmp_path / "m").iterdir())


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request; records the paths asked for in requested."""

    requested: list[str]

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing."""

    def send_head(self) -> Any:
        """Record the path, then serve as usual."""
        self.requested.append(self.path)
        return super().send_head()


@dataclass
class PackageServer:
    """A localhost server standing in for the Argos package index and MiniSBD's releases."""

    base: str
    #: the served folder: index.json, tiny.argosmodel (the tiny tr→en package), minisbd/
    served: Path
    #: the paths requested so far
    requested: list[str]


@pytest.fixture()
def local_package_index(
    argos_home: Path, tiny_tr_en_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PackageServer]:
    """An Argos package index served on localhost, listing the tiny tr→en package; MiniSBD's
    models are looked for in its minisbd/ folder (empty unless a test puts one there)."""
    import argostranslate.settings as argos_settings
    from minisbd import models as minisbd_models

    served = tmp_path / "served"
    (served / "minisbd").mkdir(parents=True)
    (served / "tiny.argosmodel").write_bytes(tiny_tr_en_file.read_bytes())
    requested: list[str] = []
    handler = functools.partial(
        type("Handler", (QuietHandler,), {"requested": requested}), directory=str(served)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    entry = tiny_metadata(links=[f"{base}/tiny.argosmodel"])
    (served / "index.json").write_text(json.dumps([entry]), encoding="utf-8")
    monkeypatch.setattr(argos_settings, "remote_package_index", f"{base}/index.json")
    monkeypatch.setattr(minisbd_models, "REPO_URL", f"{base}/minisbd/")
    for variable in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield PackageServer(base, served, requested)
    server.shutdown()
    server.server_close()


def test_download_installs_the_package_the_index_lists(
    local_package_index: PackageServer, tmp_path: Path
) -> None:
    models_dir = tmp_path / "models"

    result = invoke("install", "tr", "en", "--download", "--models-dir", str(models_dir))
    missing = invoke("install", "xx", "en", "--download", "--models-dir", str(models_dir))

    assert result.exit_code == 0, result.output
    assert [m.model_id for m in installed_models(models_dir)] == ["translate-tr_en 0.0.1"]
    assert missing.exit_code == 1
    assert "the Argos package index has no xx→en package (pairs with xx: none)" in missing.stderr
    assert not any(p.startswith("/minisbd/") for p in local_package_index.requested), (
        "a package that bundles minisbd/*.onnx needs no splitter download"
    )


def stanza_only(tiny_tr_en_file: Path, target: Path) -> Path:
    """The tiny package as the Argos index packages are: a stanza/ splitter, no minisbd/."""
    return repack(
        tiny_tr_en_file,
        target,
        drop=("minisbd",),
        extra={f"{TOP}/stanza/resources.json": b"{}", f"{TOP}/stanza/tr/tokenize/imst.pt": b"x"},
    )


def test_download_of_a_stanza_only_package_adds_minisbds_splitter_so_no_stanza_is_needed(
    local_package_index: PackageServer,
    tiny_tr_en_file: Path,
    tiny_tr_en: InstalledModel,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from auditor.translation.argos import ArgosTranslator
    from tests.fixtures.tiny_argos import build_minisbd_onnx
    from tests.test_language import CYPRUS_FOOTER

    served = local_package_index.served
    stanza_only(tiny_tr_en_file, served / "tiny.argosmodel")
    (served / "minisbd" / "tr.onnx").write_bytes(build_minisbd_onnx("tr"))
    models_dir = tmp_path / "models"

    result = invoke("install", "tr", "en", "--download", "--models-dir", str(models_dir))

    assert result.exit_code == 0, result.output
    assert local_package_index.requested.count("/minisbd/tr.onnx") == 1
    model = find_model(models_dir, "tr", "en")
    assert model is not None
    assert (model.path / "minisbd" / "tr.onnx").read_bytes() == build_minisbd_onnx("tr")
    assert (model.path / "stanza" / "resources.json").is_file(), "the package is kept as it was"
    bundled = ArgosTranslator().translate_batch(tiny_tr_en, CYPRUS_FOOTER)
    monkeypatch.setitem(sys.modules, "stanza", None)  # `import stanza` would fail
    english = ArgosTranslator().translate_batch(model, CYPRUS_FOOTER)
    assert english == bundled, "split by MiniSBD as the package that bundles it splits"


@pytest.mark.parametrize(
    ("served_model", "reason"),
    [
        (None, "MiniSBD's splitter for tr is downloaded with it, and that failed ("),
        (b"not an onnx model", "MiniSBD's sentence splitter from"),
    ],
    ids=["missing", "broken"],
)
def test_a_failed_splitter_download_installs_nothing_and_says_why(
    local_package_index: PackageServer,
    tiny_tr_en_file: Path,
    tmp_path: Path,
    served_model: bytes | None,
    reason: str,
) -> None:
    served = local_package_index.served
    stanza_only(tiny_tr_en_file, served / "tiny.argosmodel")
    if served_model is not None:
        (served / "minisbd" / "tr.onnx").write_bytes(served_model)
    models_dir = tmp_path / "models"

    result = invoke("install", "tr", "en", "--download", "--models-dir", str(models_dir))

    assert result.exit_code == 1, result.output
    assert reason in result.stderr
    assert f"{local_package_index.base}/minisbd/tr.onnx" in result.stderr
    assert installed_models(models_dir) == []


def test_the_minisbd_model_of_a_language_is_the_one_argostranslate_uses(argos_home: Path) -> None:
    from argostranslate.sbd import MiniSBDSentencizer  # argos-translate-lt imports no Stanza

    from auditor.translation.download import MINISBD_MODEL_FOR, minisbd_model_name

    assert MINISBD_MODEL_FOR == MiniSBDSentencizer.LANGUAGE_CODE_MAPPING
    assert [minisbd_model_name(c) for c in ("tr", "zt", "az", "xx")] == [
        "tr",
        "zh-hant",
        "tr",
        "en",  # no MiniSBD model for the language: argostranslate falls back to English
    ]
