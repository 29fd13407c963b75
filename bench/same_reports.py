"""Are the reports the same as those of another commit? Every CSV and every sheet of audit.xlsx,
cell for cell; every HTML page, its times and run ids masked.

    python bench/same_reports.py REF [--articles 200] [--keep DIR]

Audits the bundled corpus and a generated one (`make_corpus.py`, N articles, 500 official
sentences) twice each — a cold run, then an unchanged one — with the auditor of commit REF
(`git archive`, run from a temporary folder) and with this working tree, and compares every CSV
of the two reports folders except the columns that hold a time or a version (`IGNORED`), every
sheet of their workbooks (values, the same columns left out) and every page of their HTML
(times and run ids masked: `MASKS`).
Prints one line per file and exits 1 when a file differs. A refactoring that must not change a
finding is checked with it: `python bench/same_reports.py main`.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
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
#: what differs between the HTML pages of any two runs: times and run ids
MASKS = (
    re.compile(rb"\d{8}T\d{6}Z-[0-9a-f]{6}"),
    re.compile(rb"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?Z?"),
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


def sheets(path: Path) -> dict[str, tuple[list[str], list[list[str]]]]:
    """Each sheet of a workbook: its header and rows (values as text, times and run ids
    masked), without the `IGNORED` columns."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    out = {}
    try:
        for ws in book.worksheets:
            rows = [[_masked(v) for v in row] for row in ws.iter_rows(values_only=True)]
            head = rows[0] if rows else []
            keep = [i for i, name in enumerate(head) if name not in IGNORED]
            out[ws.title] = (
                [head[i] for i in keep],
                [[r[i] for i in keep if i < len(r)] for r in rows[1:]],
            )
    finally:
        book.close()
    return out


def _masked(value: object) -> str:
    """A cell's value as text, its times and run ids masked (`MASKS`)."""
    data = b"" if value is None else str(value).encode("utf-8")
    for mask in MASKS:
        data = mask.sub(b"#", data)
    return data.decode("utf-8")


def pages(folder: Path) -> dict[str, bytes]:
    """Each HTML page under `folder`, its times and run ids masked."""
    out = {}
    for path in sorted(folder.rglob("*.html")):
        data = path.read_bytes()
        for mask in MASKS:
            data = mask.sub(b"#", data)
        out[str(path.relative_to(folder))] = data
    return out


def compare_more(before: Path, after: Path) -> list[str]:
    """One line for audit.xlsx (every sheet) and one for html/ (every page)."""
    lines = []
    if (before / "audit.xlsx").exists() and (after / "audit.xlsx").exists():
        a, b = sheets(before / "audit.xlsx"), sheets(after / "audit.xlsx")
        differ = [name for name in sorted(set(a) | set(b)) if a.get(name) != b.get(name)]
        rows = sum(len(rows) for _, rows in a.values())
        lines.append(
            f"audit.xlsx: sheets differ: {', '.join(differ)}"
            if differ
            else f"audit.xlsx: same ({len(a)} sheets, {rows} rows compared)"
        )
    if (before / "html").is_dir() and (after / "html").is_dir():
        a_pages, b_pages = pages(before / "html"), pages(after / "html")
        differ = [
            n for n in sorted(set(a_pages) | set(b_pages)) if a_pages.get(n) != b_pages.get(n)
        ]
        lines.append(
            f"html: {len(differ)} of {len(a_pages)} pages differ ({', '.join(differ[:5])})"
            if differ
            else f"html: same ({len(a_pages)} pages compared)"
        )
    return lines


def compare(before: Path, after: Path) -> list[str]:
    """One line per CSV of either folder, and for the workbook and the HTML: `same` or what
    differs."""
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
    return lines + compare_more(before, after)


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
