"""Mutation check of the heuristics: does some test fail when a threshold or a word list moves?

    python bench/mutants.py [--only align,changes] [--lists] [--settings] [--jobs 1]

Each mutant is a copy of the repository with one change — a `Settings` default moved by about
a fifth either way (an integer by one), one word-list entry removed (lists of at most
`MAX_SAMPLED_ENTRIES` entries), or a whole list emptied —
and the tests that cover that stage are run on it (`pytest -x`, fast tests only). A mutant
that no test kills is a heuristic no test pins: a change to it could change findings silently.
Prints one line per mutant and a list of survivors. Takes minutes; not a test.
"""

from __future__ import annotations

import argparse
import ast
import random
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "auditor" / "settings.py"
DATA = ROOT / "auditor" / "data"

#: the tests that cover each settings class (fast tests; slow end-to-end ones excluded)
TESTS_FOR = {
    "IngestSettings": ["tests/test_pins_ingest_language.py", "tests/test_ingest.py"],
    "LanguageSettings": ["tests/test_pins_ingest_language.py", "tests/test_language.py"],
    "SegmentSettings": [
        "tests/test_pins_segment.py",
        "tests/test_segment.py",
        "tests/test_drift.py",
    ],
    "AlignSettings": [
        "tests/test_pins_align.py",
        "tests/test_align.py",
        "tests/test_quotations.py",
        "tests/test_drift.py",
    ],
    "ChangeSettings": [
        "tests/test_pins_changes.py",
        "tests/test_pins_lists.py",
        "tests/test_changes.py",
        "tests/test_drift.py",
    ],
    "BacktranslationSettings": [
        "tests/test_pins_backtranslation.py",
        "tests/test_backtranslation.py",
        "tests/test_backtranslation_verdict.py",
    ],
    "VerdictSettings": [
        "tests/test_pins_verdict.py",
        "tests/test_drift.py",
    ],
    "ScoreSettings": ["tests/test_bootstrap.py", "tests/test_score.py"],
}
LIST_TESTS = [
    "tests/test_pins_lists.py",
    "tests/test_pins_changes.py",
    "tests/test_pins_align.py",
    "tests/test_pins_ingest_language.py",
    "tests/test_pins_segment.py",
    "tests/test_pins_backtranslation.py",
    "tests/test_changes.py",
    "tests/test_changes_precision.py",
    "tests/test_edit_types.py",
    "tests/test_drift.py",
    "tests/test_segment.py",
    "tests/test_language.py",
    "tests/test_backtranslation.py",
    "tests/test_quotations.py",
]

#: lists longer than this only have the "empty" mutant (see `list_mutants`)
MAX_SAMPLED_ENTRIES = 200


@dataclass(frozen=True)
class Mutant:
    label: str
    path: Path  #: file relative to the repository
    old: str  #: exact text replaced (first occurrence)
    new: str
    tests: tuple[str, ...]


def settings_mutants() -> list[Mutant]:
    tree = ast.parse(SETTINGS.read_text(encoding="utf-8"))
    source = SETTINGS.read_text(encoding="utf-8").splitlines(keepends=True)
    out = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or node.name not in TESTS_FOR:
            continue
        for item in node.body:
            if not (isinstance(item, ast.AnnAssign) and isinstance(item.value, ast.Constant)):
                continue
            value = item.value.value
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            line = source[item.lineno - 1]
            name = item.target.id  # type: ignore[attr-defined]
            if isinstance(value, int):
                moved = [value - 1, value + 1] if value > 1 else [value + 1]
            else:
                moved = [round(value * 0.8, 4), round(value * 1.2, 4)]
            for new in moved:
                out.append(
                    Mutant(
                        f"{node.name}.{name} {value} → {new}",
                        SETTINGS.relative_to(ROOT),
                        line,
                        line.replace(f"= {value!r}", f"= {new!r}", 1),
                        tuple(TESTS_FOR[node.name]),
                    )
                )
    return out


def list_mutants(per_list: int, seed: int) -> list[Mutant]:
    rng = random.Random(seed)
    out = []
    for path in sorted(DATA.glob("*.t*")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        entries = [line for line in lines[1:] if line.strip() and not line.startswith("#")]
        if not entries:
            continue
        rel = path.relative_to(ROOT)
        # a derived table of thousands of entries (wordnet_*.tsv, bench/derive_lexicon.py) is
        # pinned by a handful of behaviours, not entry by entry: only emptying it is a mutant
        sampled = [] if len(entries) > MAX_SAMPLED_ENTRIES else entries
        for entry in rng.sample(sampled, min(per_list, len(sampled))):
            out.append(
                Mutant(
                    f"{path.name}: drop {entry.strip()!r}",
                    rel,
                    "\n" + entry,
                    "\n",
                    tuple(LIST_TESTS),
                )
            )
        whole = "".join(lines[1:])
        out.append(Mutant(f"{path.name}: empty", rel, whole, "", tuple(LIST_TESTS)))
    return out


def run(mutant: Mutant) -> bool:
    """Whether some test fails on the mutant (it is killed)."""
    with tempfile.TemporaryDirectory(prefix="mutant-") as tmp:
        copy = Path(tmp) / "repo"
        shutil.copytree(ROOT / "auditor", copy / "auditor")
        shutil.copytree(ROOT / "tests", copy / "tests")
        shutil.copytree(ROOT / "corpus", copy / "corpus")
        shutil.copytree(ROOT / "reports", copy / "reports", ignore=shutil.ignore_patterns(".*"))
        shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
        target = copy / mutant.path
        text = target.read_text(encoding="utf-8")
        if mutant.old not in text:
            raise ValueError(f"{mutant.label}: text to mutate not found")
        target.write_text(text.replace(mutant.old, mutant.new, 1), encoding="utf-8")
        tests = [t for t in mutant.tests if (copy / t).exists()]
        pytest = [sys.executable, "-m", "pytest", "-x", "-q", "-m", "not slow"]
        done = subprocess.run(
            [*pytest, "-p", "no:cacheprovider", *tests],
            cwd=copy,
            env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin", "HOME": tmp},
            capture_output=True,
            text=True,
        )
        return done.returncode != 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="settings classes or list names to keep")
    parser.add_argument("--lists", action="store_true", help="word-list mutants only")
    parser.add_argument("--settings", action="store_true", help="settings mutants only")
    parser.add_argument("--per-list", type=int, default=2, help="entries dropped per list")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    mutants = []
    if not args.lists:
        mutants += settings_mutants()
    if not args.settings:
        mutants += list_mutants(args.per_list, args.seed)
    if args.only:
        keys = args.only.lower().split(",")
        mutants = [m for m in mutants if any(k in m.label.lower() for k in keys)]
    survivors = []
    with ThreadPoolExecutor(args.jobs) as pool:
        for mutant, killed in zip(mutants, pool.map(run, mutants), strict=True):
            print(f"{'killed ' if killed else 'SURVIVED'}  {mutant.label}", flush=True)
            if not killed:
                survivors.append(mutant.label)
    print(f"\n{len(mutants) - len(survivors)} of {len(mutants)} mutants killed; survivors:")
    for label in survivors:
        print("  " + label)


if __name__ == "__main__":
    main()
