"""Beyond Linux: nothing in the package needs `fcntl`, `os.uname` or `os.O_NONBLOCK` (Windows
has none of them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

#: run in a fresh interpreter: an `import fcntl` made by a module of the package fails, as on
#: Windows (the libraries keep theirs: sacrebleu's portalocker, for one, imports fcntl on POSIX
#: and msvcrt on Windows); then the lock is taken without `os.uname` too
WITHOUT_FCNTL = """
import builtins, importlib, json, os, pkgutil, sys
real_import = builtins.__import__
def without_fcntl(name, globals=None, locals=None, fromlist=(), level=0):
    if name == "fcntl" and (globals or {}).get("__name__", "").startswith("auditor"):
        raise ImportError("No module named 'fcntl'")
    return real_import(name, globals, locals, fromlist, level)
builtins.__import__ = without_fcntl
nonblock = os.O_NONBLOCK
del os.O_NONBLOCK, os.set_blocking  # Windows has neither flag nor call for files
import auditor
failed = []
for module in pkgutil.walk_packages(auditor.__path__, "auditor."):
    if module.name == "auditor.__main__":  # runs the command line
        continue
    try:
        importlib.import_module(module.name)
    except Exception as exc:
        failed.append(f"{module.name}: {type(exc).__name__}: {exc}")
from pathlib import Path

os.O_NONBLOCK = nonblock  # the package was imported without it: filelock's Unix backend uses it
from tests.conftest import ROOT
from auditor.store.lock import HOLDER_FILE, audit_lock
del os.uname
with audit_lock(Path(sys.argv[1]), 0):
    holder = json.loads((Path(sys.argv[1]) / HOLDER_FILE).read_text(encoding="utf-8"))
from auditor.stages.ingest import read_source
source = Path(sys.argv[1]) / "article.txt"
source.write_bytes(b"A source read without O_NONBLOCK.")
read = read_source(source, inside=[source.parent], max_bytes=100).decode()
imported = sorted(m for m in sys.modules if m.startswith("auditor."))
print(json.dumps({"failed": failed, "imported": imported, "holder": holder, "read": read}))
"""


def test_every_module_imports_and_the_lock_works_without_fcntl_or_uname(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_FCNTL, str(tmp_path / "state")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["failed"] == []
    every = {
        "auditor." + ".".join(path.relative_to(ROOT / "auditor").with_suffix("").parts)
        for path in (ROOT / "auditor").rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    }
    assert every <= set(report["imported"])  # the sweep reached every module
    assert set(report["holder"]) == {"pid", "host", "started_at"} and report["holder"]["host"]
    assert report["read"] == "A source read without O_NONBLOCK."


def test_the_blocker_catches_an_import_of_fcntl_in_the_package(tmp_path: Path) -> None:
    """The probe above can fail: a module of the package that imports fcntl is reported."""
    module = tmp_path / "auditor" / "needs_fcntl.py"
    module.parent.mkdir()
    module.write_text("import fcntl\n", encoding="utf-8")
    probe = WITHOUT_FCNTL.replace(
        "import auditor\n", f"import auditor\nauditor.__path__.append({str(module.parent)!r})\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "state")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["failed"] == [
        "auditor.needs_fcntl: ImportError: No module named 'fcntl'"
    ]
