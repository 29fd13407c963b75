"""The README a newcomer finishes, and docs/ that stay true: the report reference is the one the
declarations write now, and every relative link of README.md and docs/*.md reaches a file (and,
into a Markdown page, one of its headings)."""

from __future__ import annotations

import csv
import dataclasses
import re
import unicodedata
from pathlib import Path

import pytest

from auditor.reports import dictionary
from auditor.reports.cells import Column
from auditor.stages import changes
from tests.derived_text import COMMAND, DOCS, README, REFERENCE, ROOT, reference

PAGES = [README, *sorted(DOCS.glob("*.md"))]
README_LIMIT = 10_000  #: characters (issue 25: a README a newcomer finishes)
SCREENSHOT = DOCS / "proof-page.png"

_FENCE = re.compile(r"^```.*?^```", re.M | re.S)
_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^)\s]+)\)")


def test_the_reference_is_what_the_declarations_write_now() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == reference(), (
        f"docs/reference.md is stale: run `{COMMAND}`"
    )


def test_the_reference_follows_a_new_column_and_a_new_edit_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = reference()
    extra = Column("outlet_country", "text", "", "the outlet's country", "TR")
    monkeypatch.setattr(dictionary, "SUMMARY", [*dictionary.SUMMARY, extra])
    with_column = reference()
    assert "| `outlet_country` | text |  | the outlet's country | `TR` |" in with_column
    assert "`outlet_country`" not in before
    last = changes.EDIT_TYPES[-1]
    renamed = dataclasses.replace(last, name="paraphrase", meaning="said otherwise")
    monkeypatch.setattr(dictionary, "EDIT_TYPES", [*changes.EDIT_TYPES, renamed])
    assert "| `paraphrase` | notable | said otherwise |" in reference()


def test_the_reference_lists_every_edit_type_and_column() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    for record in changes.EDIT_TYPES:
        assert f"| `{record.name}` | {record.level} | {record.meaning} |" in text
    for columns in (dictionary.SUMMARY, dictionary.SEGMENTS, dictionary.FINDINGS):
        for column in columns:
            assert f"| `{column.name}` |" in text


def test_the_readme_is_one_a_newcomer_finishes() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text) <= README_LIMIT, f"README.md is {len(text):,} characters"
    # the two set-up commands, as .ci/run and the Makefile know them
    assert "make audit\n" in text and "make test\n" in text
    assert "](docs/proof-page.png)" in text
    for page in ("guide", "reference", "operations", "design"):
        assert f"](docs/{page}.md)" in text


def _tour_table(text: str) -> dict[tuple[str, str], list[str]]:
    """The README tour's table: (name's start, name's end) → status, cover, chrF++, crit., frag."""
    rows = {}
    for line in text.splitlines():
        match = re.match(r"^ (\S+)…(\S+) +(\S+) +(.*)$", line)
        if match:
            head, tail, status, rest = match.groups()
            rows[(head, tail)] = [status, *rest.split()]
    return rows


@pytest.mark.slow
def test_the_tour_is_what_the_bundled_corpus_gives(tmp_path: Path) -> None:
    """The tour's table, its finding id and its counts are those of an audit of `corpus/`."""
    from auditor.run.pipeline import audit_corpus

    audit_corpus(ROOT / "corpus", tmp_path / "r", models_dir=tmp_path / "none", formats=["csv"])
    with (tmp_path / "r" / "summary.csv").open(encoding="utf-8-sig", newline="") as file:
        summary = list(csv.DictReader(file))
    expected = {}
    for row in summary:
        numbers = []
        if row["status"] == "ok":  # the others are not scored: blank cells
            numbers = [f"{float(row['official_coverage']):.0%}", f"{float(row['chrf']):.1f}"]
        # a count that is blank (not compared) is blank in the table too: no cell
        counts = [c for c in (row["critical_edits"], row["fragments"]) if c]
        expected[row["article_id"]] = [row["status"], *numbers, *counts]
    text = README.read_text(encoding="utf-8")
    table = _tour_table(text)
    assert len(table) == len(expected) == 4
    for (head, tail), cells in table.items():
        (name,) = [n for n in expected if n.startswith(head) and n.endswith(tail)]
        assert cells == expected[name], name
    (ok,) = [row for row in summary if row["status"] == "ok"]
    assert f"covers {float(ok['official_coverage']):.0%}".replace("%", " %") in text
    with (tmp_path / "r" / "findings.csv").open(encoding="utf-8-sig", newline="") as file:
        findings = list(csv.DictReader(file))
    (decided,) = [f for f in findings if f["finding_id"].startswith("4054b0")]
    assert "review confirm 4054b0 " in text
    assert (decided["level"], decided["finding"]) == ("critical", "modality: must → should")
    assert f"`{decided['finding']}`" in text


def test_the_tour_table_is_read_as_written() -> None:
    text = "```\n turkish-out…nference.txt   ok    54%     61.5       1       0\n```\n"
    assert _tour_table(text) == {("turkish-out", "nference.txt"): ["ok", "54%", "61.5", "1", "0"]}


def test_the_screenshot_is_a_small_png() -> None:
    data = SCREENSHOT.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) < 150_000


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower().replace("`", "")
    kept = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LN")
    return kept.replace(" ", "-")


def anchors(text: str) -> set[str]:
    found: set[str] = set()
    for line in _FENCE.sub("", text).splitlines():
        match = re.match(r"#{1,6} +(.*?) *#*$", line)
        if match:
            base = slug(match.group(1))
            name, n = base, 0
            while name in found:  # a repeated heading gets -1, -2, …
                n += 1
                name = f"{base}-{n}"
            found.add(name)
    return found


def broken_links(page: Path, text: str) -> list[str]:
    """The relative links of `text` (a page at `page`) that reach no file or no heading."""
    broken = []
    prose = _CODE.sub("", _FENCE.sub("", text))
    for target in _LINK.findall(prose):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:, …
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        markdown = file.suffix == ".md" and file.exists()
        headings = anchors(file.read_text(encoding="utf-8")) if markdown else set()
        if not file.exists() or (anchor and markdown and anchor not in headings):
            broken.append(target)
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_reaches_a_file_and_a_heading(page: Path) -> None:
    assert broken_links(page, page.read_text(encoding="utf-8")) == []


def test_the_link_check_finds_what_is_broken() -> None:
    text = (
        "[ok](docs/guide.md) [ok](docs/guide.md#command-line) [ok](bench/RESULTS.md) "
        "[gone](docs/nothing.md) [no heading](docs/guide.md#no-such-heading) "
        "![gone](docs/missing.png) [web](https://example.org/x) `[code](not/checked.md)`\n"
        "```\n[fenced](not/checked.md)\n```\n"
    )
    assert broken_links(README, text) == [
        "docs/nothing.md",
        "docs/guide.md#no-such-heading",
        "docs/missing.png",
    ]


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Set-up: two commands", "set-up-two-commands"),
        ("summary.csv — one row per article", "summarycsv--one-row-per-article"),
        ("Translation models (offline)", "translation-models-offline"),
        ("The reviewer's desk (issue 26)", "the-reviewers-desk-issue-26"),
        ("Report formats at 10,000 articles", "report-formats-at-10000-articles"),
        ("Where the code differs from `DESIGN.md`", "where-the-code-differs-from-designmd"),
    ],
)
def test_slug_is_github_s(heading: str, anchor: str) -> None:
    assert slug(heading) == anchor
