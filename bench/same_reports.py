"""Are the reports the same as those of another commit? Every CSV, cell for cell.

    python bench/same_reports.py REF [--articles 200] [--keep DIR]

Audits the bundled corpus and a generated one (`make_corpus.py`, N articles, 500 official
sentences) twice each — a cold run, then an unchanged one — with the auditor of commit REF
(`git archive`, run from a temporary folder) and with this working tree, and compares every CSV
of the two reports folders except the columns that hold a time or a version (`IGNORED`).
Prints one line per file and exits 1 when a file differs. A refactoring that must not change a
finding is checked with it: `python bench/same_reports.py main`.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.make_corpus import make_corpus  # noqa: E402

#: columns that differ between any two runs: when, by which run, by which version
IGNORED = frozenset(
    {"run_id", "run_at", "audited_at", "auditor_version", "first_seen", "last_seen"}
)
AUDIT = (
    "import sys\n"
    "from pathlib import Path\n"
    "import auditor\n"
    "from auditor.run.pipeline import audit_corpus\n"
    "assert Path(auditor.__file__).is_relative_to(Path(sys.argv[3])), auditor.__file__\n"
    "audit_corpus(Path(sys.argv[1]), Path(sys.argv[2]))\n"
)


def checkout(ref: str, into: Path) -> Path:
    """The `auditor` package of commit `ref`, extracted under `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "auditor"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def audit(code: Path, corpus: Path, reports: Path) -> None:
    """Audit `corpus` into `reports` with the auditor package found in `code`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_")}
    env["PYTHONPATH"] = str(code)
    subprocess.run(
        [sys.executable, "-c", AUDIT, str(corpus.resolve()), str(reports.resolve()), str(code)],
        check=True,
        env=env,
        cwd=code,  # `python -c` looks in its working folder first
    )


def table(path: Path) -> tuple[list[str], list[list[str]]]:
    """A CSV's header and rows, without the `IGNORED` columns."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    keep = [i for i, name in enumerate(rows[0]) if name not in IGNORED]
    return [rows[0][i] for i in keep], [[row[i] for i in keep] for row in rows[1:]]


def compare(before: Path, after: Path) -> list[str]:
    """One line per CSV of either folder: `same` or what differs."""
    lines = []
    names = sorted({p.name for p in [*before.glob("*.csv"), *after.glob("*.csv")]})
    for name in names:
        if not (before / name).exists() or not (after / name).exists():
            lines.append(f"{name}: only in {'after' if (after / name).exists() else 'before'}")
            continue
        (head_a, rows_a), (head_b, rows_b) = table(before / name), table(after / name)
        if head_a != head_b:
            lines.append(f"{name}: columns differ: {head_a} vs {head_b}")
        elif rows_a != rows_b:
            differ = sum(a != b for a, b in zip(rows_a, rows_b, strict=False))
            lines.append(
                f"{name}: {differ} of {len(rows_a)} rows differ ({len(rows_b)} rows after)"
            )
        else:
            lines.append(f"{name}: same ({len(rows_a)} rows, {len(head_a)} columns compared)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ref", help="the commit whose reports are the reference, e.g. main")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="a folder to keep the corpora and reports in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        ref_code = checkout(args.ref, work / "ref")
        corpora = {
            "bundled": ROOT / "corpus",
            f"generated-{args.articles}": make_corpus(args.articles, 500, work / "generated"),
        }
        same = True
        for label, corpus in corpora.items():
            for side, code in (("before", ref_code), ("after", ROOT)):
                for _ in range(2):  # cold, then unchanged
                    audit(code, corpus, work / label / side)
            print(f"{label} corpus, {args.ref} (before) vs the working tree (after):")
            for line in compare(work / label / "before", work / label / "after"):
                print("  " + line)
                same = same and ": same (" in line
        sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
