"""The reviewer's desk: findings with stable ids, decisions that persist across re-audits and
appear in every report, and a scheduled run that alerts only on what is new."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from auditor.cli import app
from auditor.records import (
    ArticleResult,
    Category,
    Change,
    Kind,
    Level,
    NotFound,
    Segment,
    SegmentResult,
    Status,
)
from auditor.reports.findings import Decided, Tally, count, findings_of
from auditor.reports.html import page_path
from auditor.reports.review import TYPED, decided_summary, typed_decisions
from auditor.reports.sheets import FINDINGS_SHEET, column_names, labels
from auditor.reports.summary import ArticleSummary
from auditor.run.pipeline import AuditError, audit_corpus
from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "data" / "hostile"
runner = CliRunner()
TRIBUNE = "tribune-reversed-quotes.txt"
DAILY = "daily-partial-quotes.txt"
NEW = "new-wire.txt"
#: the article the cron run meets for the first time: one reversed quotation
NEW_TEXT = (
    "NATO warns on Russia\n\n"
    'BRUSSELS — "But we must underestimate Russia," Stoltenberg told reporters on Wednesday.\n'
)


# ---------------------------------------------------------------- finding ids


def _segment(
    index: int, text: str, line: int, kind: Kind = Kind.QUOTE, **fields: object
) -> Segment:
    return Segment(index, kind, text, index * 100, index * 100 + len(text), line=line, **fields)  # type: ignore[arg-type]


def _article(*rows: SegmentResult, sha: str = "a" * 64) -> ArticleResult:
    return ArticleResult("a.txt", Status.OK, sha, segments=rows)


NEGATION = Change("negation", "not", "∅")
QUOTE = SegmentResult(
    _segment(1, "We see China as an adversary", 3),
    official_id="o.txt",
    official_text="We do not see China as an adversary.",
    official_line=34,
    category=Category.DRIFT,
    changes=(NEGATION,),
)


def test_a_finding_keeps_its_id_when_the_article_changes_elsewhere() -> None:
    before = findings_of(_article(QUOTE))
    moved = replace(QUOTE, segment=_segment(7, "We see China as an adversary", 9))
    headline = SegmentResult(_segment(0, "A headline", 1, Kind.TITLE))
    after = findings_of(_article(headline, moved, sha="b" * 64))
    assert [f.finding_id for f in before] == [f.finding_id for f in after]
    assert (after[0].line, after[0].sentence, after[0].where) == (9, 1, "line 9, sentence 1")


@pytest.mark.parametrize(
    "other",
    [
        replace(QUOTE, changes=(Change("negation", "never", "∅"),)),  # another change
        replace(QUOTE, official_text="We do not see Russia as an adversary."),  # another span
        replace(QUOTE, segment=_segment(1, "We see China as an adversary", 3, Kind.SENTENCE)),
    ],
)
def test_another_finding_has_another_id(other: SegmentResult) -> None:
    assert findings_of(_article(QUOTE))[0].finding_id != findings_of(_article(other))[0].finding_id


def test_a_quotation_not_found_over_several_sentences_is_one_finding() -> None:
    parts = [
        SegmentResult(
            _segment(i, f"Part {i} of what was never said.", 11, quotation=1),
            category=Category.UNMATCHED,
            not_found=NotFound.QUOTATION,
        )
        for i in (1, 2, 3)
    ]
    sentences = [
        SegmentResult(_segment(i + 10, f"Part {i} of what was never said.", 11, Kind.SENTENCE))
        for i in (1, 2, 3)
    ]
    parts = [
        replace(p, segment=replace(p.segment, in_sentence=s.segment.index, start=s.segment.start))
        for p, s in zip(parts, sentences, strict=True)
    ]
    (found,) = findings_of(_article(*sentences, *parts))
    assert found.level == "unmatched" and found.segments == (1, 2, 3)
    assert found.where == "line 11, sentences 1–3"
    assert found.quoted.startswith("Part 1") and found.quoted.endswith(
        "Part 3 of what was never said."
    )


def test_an_article_about_another_event_has_no_finding() -> None:
    other = ArticleResult("a.txt", Status.NO_OFFICIAL_MATCH, "a" * 64, segments=(QUOTE,))
    assert findings_of(other) == []


# ---------------------------------------------------------------- counting under decisions


def _tally(fid: str, level: str = "critical", segment: int = 1, misquote: bool = True) -> Tally:
    return Tally(fid, "a.txt", level, "negation", (segment,), misquote)


DISMISS, CONFIRM = Decided("dismissed"), Decided("confirmed")


@pytest.mark.parametrize(
    ("decisions", "previous", "expected"),
    [
        # (critical, misquoted, unmatched, new, new_critical, confirmed, dismissed)
        ({}, None, (2, 1, 1, 3, 2, 0, 0)),  # a first run: everything is new
        ({}, frozenset({"c1", "c2", "u1"}), (2, 1, 1, 0, 0, 0, 0)),  # nothing new
        ({}, frozenset({"c1", "u1"}), (2, 1, 1, 1, 1, 0, 0)),  # c2 is new
        ({"c2": CONFIRM}, frozenset({"c1", "u1"}), (2, 1, 1, 0, 0, 1, 0)),  # decided: not new
        ({"c1": DISMISS}, None, (1, 1, 1, 2, 1, 0, 1)),  # one of the quotation's two edits
        ({"c1": DISMISS, "c2": DISMISS}, None, (0, 0, 1, 1, 0, 0, 2)),  # no longer misquoted
        ({"u1": DISMISS}, None, (2, 1, 0, 2, 2, 0, 1)),
    ],
)
def test_dismissed_findings_leave_every_count(
    decisions: dict[str, Decided], previous: frozenset[str] | None, expected: tuple[int, ...]
) -> None:
    tallies = [_tally("c1"), _tally("c2"), _tally("u1", "unmatched", 5, False)]
    counts = count(tallies, decisions, previous)
    assert (
        counts.critical,
        counts.misquoted,
        counts.unmatched,
        counts.new,
        counts.new_critical,
        counts.confirmed,
        counts.dismissed,
    ) == expected


def test_an_article_summary_without_its_dismissed_findings() -> None:
    article = _article(QUOTE)
    raw = ArticleSummary.of(article)
    (finding,) = findings_of(article)
    assert (raw.critical_edits, raw.quotes_misquoted) == (1, 1)
    kept = decided_summary(raw, [finding], {finding.finding_id: CONFIRM})
    assert (kept.critical_edits, kept.quotes_misquoted, kept.findings_confirmed) == (1, 1, 1)
    gone = decided_summary(raw, [finding], {finding.finding_id: DISMISS})
    assert (gone.critical_edits, gone.quotes_misquoted, gone.findings_dismissed) == (0, 0, 1)


# ---------------------------------------------------------------- decisions typed into a table


def test_decisions_typed_under_the_workbook_s_headers() -> None:
    names = {label: name for name, label in labels(FINDINGS_SHEET).items()}
    header = ["Decision (confirmed / dismissed)", "Reviewer's note", "Reviewer", "Finding id"]
    rows = [
        header,
        ["Dismissed", "said at the press conference", "A. Smith", "abc123"],
        [None, "", "", "def456"],  # left alone
        ["maybe", "", "", "fff000"],  # not a decision
        ["clear", "", "", "0a0b0c"],
    ]
    typed, warnings = typed_decisions(rows, "audit.xlsx Findings", names)
    assert [(t.finding_id, t.decision, t.note, t.reviewer) for t in typed] == [
        ("abc123", "dismissed", "said at the press conference", "A. Smith"),
        ("0a0b0c", "", "", ""),
    ]
    assert warnings == [
        "audit.xlsx Findings row 4: decision 'maybe' is not one of "
        + ", ".join(sorted(TYPED))
        + "; row ignored"
    ]
    assert typed_decisions([["a", "b"]], "x.csv", names)[1] == [
        "x.csv: no finding id and decision columns in its first row"
    ]


# ---------------------------------------------------------------- end to end


def _hostile_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "articles").mkdir(parents=True)
    shutil.copytree(CORPUS / "official", corpus / "official")
    for path in HOSTILE.glob("*.txt"):
        shutil.copy(path, corpus / "articles" / path.name)
    return corpus


def _cron(corpus: Path, reports: Path) -> subprocess.CompletedProcess[str]:
    """What the scheduled job runs (the recipe of docs/operations.md), in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "auditor", "audit", str(corpus), "--reports", str(reports),
         "--fail-on", "new-critical", "--wait", "60", "--json"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


def _review(*args: str) -> str:
    result = runner.invoke(app, ["review", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _listed(reports: Path) -> list[dict[str, object]]:
    out = _review("list", "--reports", str(reports), "--json")
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.slow
def test_decisions_persist_and_cron_alerts_only_on_the_new_article(tmp_path: Path) -> None:
    corpus = _hostile_corpus(tmp_path)
    reports = tmp_path / "reports"
    first = _cron(corpus, reports)
    assert first.returncode == 3, first.stderr  # a first run: every critical edit is new
    line = json.loads(first.stdout)
    assert line["critical"] == line["new_critical"] > 0 and line["dismissed"] == 0

    listed = _listed(reports)
    critical = [f for f in listed if f["level"] == "critical"]
    tribune = [f for f in critical if f["article_id"] == TRIBUNE]
    daily = [f for f in critical if f["article_id"] == DAILY]
    dismissed = [str(tribune[0]["finding_id"]), str(daily[0]["finding_id"])]
    confirmed = str(tribune[1]["finding_id"])
    _review("dismiss", dismissed[0][:6], dismissed[1], "--reports", str(reports),
            "--note", "checked against the video", "--reviewer", "A. Smith")  # fmt: skip
    _review("confirm", confirmed, "--reports", str(reports), "--reviewer", "B. Jones")

    # nothing new: the next scheduled run says so, and exits 0
    quiet = _cron(corpus, reports)
    assert quiet.returncode == 0, quiet.stderr
    counts = json.loads(quiet.stdout)
    assert (counts["new"], counts["new_critical"], counts["dismissed"], counts["confirmed"]) == (
        0, 0, 2, 1,
    )  # fmt: skip
    assert counts["critical"] == line["critical"] - 2

    # one new article with a reversed quotation: the alert is about it alone
    (corpus / "articles" / NEW).write_text(NEW_TEXT, encoding="utf-8")
    alert = _cron(corpus, reports)
    assert alert.returncode == 3, alert.stderr
    counts = json.loads(alert.stdout)
    new_critical = [
        f for f in _listed(reports) if f["new"] and f["level"] == "critical" and not f["decision"]
    ]
    assert counts["new_critical"] == len(new_critical) >= 1
    assert {f["article_id"] for f in new_critical} == {NEW}
    assert any("negation" in str(f["finding"]) for f in new_critical)
    assert (counts["audited"], counts["dismissed"], counts["confirmed"]) == (1, 2, 1)
    again = _cron(corpus, reports)
    assert again.returncode == 0 and json.loads(again.stdout)["new_critical"] == 0

    # every report shows the decisions
    decisions = pd.read_csv(reports / "decisions.csv", encoding="utf-8-sig")
    assert sorted(decisions.finding_id) == sorted([*dismissed, confirmed])
    assert set(decisions.present) == {"yes"} and set(decisions.stale) == {"no"}
    findings = pd.read_csv(reports / "findings.csv", encoding="utf-8-sig").set_index("finding_id")
    assert list(findings.loc[dismissed, "decision"]) == ["dismissed", "dismissed"]
    assert findings.loc[confirmed, "reviewer"] == "B. Jones"
    summary = pd.read_csv(reports / "summary.csv", encoding="utf-8-sig").set_index("article_id")
    assert summary.loc[TRIBUNE, "findings_dismissed"] == 1
    assert summary.loc[TRIBUNE, "findings_confirmed"] == 1
    assert summary.loc[DAILY, "findings_dismissed"] == 1
    segments = pd.read_csv(reports / "segments.csv", encoding="utf-8-sig")
    said = " ".join(segments.decisions.dropna())
    assert f"{dismissed[0]} dismissed by A. Smith" in said and "checked against the video" in said

    book = load_workbook(reports / "audit.xlsx")
    ws = book["Findings"]
    header = column_names("Findings", [c.value for c in ws[1]])
    rows = [dict(zip(header, row, strict=False)) for row in ws.iter_rows(min_row=2)]
    by_id = {r["finding_id"].value: r for r in rows}
    assert by_id[dismissed[0]]["decision"].value == "dismissed"
    assert by_id[dismissed[0]]["finding"].font.strike  # greyed, struck through
    assert rows[-1]["decision"].value == "dismissed"  # dismissed findings last
    assert by_id[confirmed]["decision"].value == "confirmed"

    page = (reports / "html" / page_path(TRIBUNE)).read_text(encoding="utf-8")
    assert "dismissed by A. Smith" in page and "confirmed by B. Jones" in page
    index = (reports / "html" / "index.html").read_text(encoding="utf-8")
    assert "1 dismissed" in index and "1 confirmed" in index
    new_page = (reports / "html" / page_path(NEW)).read_text(encoding="utf-8")
    assert 'class="badge new"' in new_page

    # the article changes elsewhere: the decision stands, shown as stale
    with (corpus / "articles" / TRIBUNE).open("a", encoding="utf-8") as handle:
        handle.write("\nMore coverage follows.\n")
    edited = _cron(corpus, reports)
    assert json.loads(edited.stdout)["dismissed"] == 2
    decisions = pd.read_csv(reports / "decisions.csv", encoding="utf-8-sig").set_index("finding_id")
    assert decisions.loc[dismissed[0], "stale"] == "yes"
    assert decisions.loc[dismissed[1], "stale"] == "no"

    # the state lost: the decisions come back from decisions.csv
    shutil.rmtree(reports / ".auditor")
    restored = _cron(corpus, reports)
    assert "took 3 review decision(s) back" in restored.stderr
    assert json.loads(restored.stdout)["dismissed"] == 2


@pytest.mark.slow
def test_decisions_typed_into_the_workbook_are_imported(tmp_path: Path) -> None:
    corpus = _hostile_corpus(tmp_path)
    reports = tmp_path / "reports"
    audit_corpus(corpus, reports)
    book = load_workbook(reports / "audit.xlsx")
    ws = book["Findings"]
    header = column_names("Findings", [c.value for c in ws[1]])
    decision, note = header.index("decision") + 1, header.index("note") + 1
    ws.cell(2, decision, "dismissed")  # the first finding: a critical edit
    ws.cell(2, note, "a typo the outlet corrected")
    ws.cell(3, decision, "Confirmed")
    first = ws.cell(2, header.index("finding_id") + 1).value
    typed = tmp_path / "typed.xlsx"
    book.save(typed)  # as the reviewer saves it

    result = runner.invoke(
        app, ["review", "import", str(typed), "--reports", str(reports), "--reviewer", "C. Doe"]
    )
    assert result.exit_code == 0, result.output
    assert "recorded 2 decision(s), cleared 0, 0 unchanged" in result.stdout
    again = runner.invoke(app, ["review", "import", str(typed), "--reports", str(reports)])
    assert "recorded 0 decision(s), cleared 0, 2 unchanged" in again.stdout
    findings = pd.read_csv(reports / "findings.csv", encoding="utf-8-sig").set_index("finding_id")
    assert findings.loc[first, "decision"] == "dismissed"
    assert findings.loc[first, "note"] == "a typo the outlet corrected"
    assert findings.loc[first, "reviewer"] == "C. Doe"
    # findings.csv is a table to type into as well
    data = (reports / "findings.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    next(r for r in rows if r["finding_id"] == first)["decision"] = "clear"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    (tmp_path / "typed.csv").write_text(out.getvalue(), encoding="utf-8")
    cleared = runner.invoke(
        app, ["review", "import", str(tmp_path / "typed.csv"), "--reports", str(reports)]
    )
    assert "cleared 1" in cleared.stdout, cleared.output


def test_an_unknown_or_ambiguous_finding_id_is_refused(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    audit_corpus(_hostile_corpus(tmp_path), reports)
    for wanted, message in (("zzzzzz", "no finding 'zzzzzz'"), ("ab", "too short")):
        result = runner.invoke(app, ["review", "dismiss", wanted, "--reports", str(reports)])
        assert result.exit_code == 1 and message in result.output
    empty = runner.invoke(app, ["review", "list", "--reports", str(tmp_path / "none")])
    assert empty.exit_code == 1 and "run `auditor audit` first" in empty.output
    assert not (tmp_path / "none").exists()


# ---------------------------------------------------------------- what a run leaves


def test_an_audit_that_cannot_start_creates_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "official").mkdir()
    (corpus / "articles" / "a.txt").write_text("NATO said something.\n", encoding="utf-8")
    with pytest.raises(AuditError, match="no usable official document"):
        audit_corpus(corpus, tmp_path / "reports")
    assert not (tmp_path / "reports").exists()


def test_no_report_file_is_executable(corpus_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    old = os.umask(0o022)
    try:
        audit_corpus(corpus_copy, reports)
    finally:
        os.umask(old)
    for path in [reports, *reports.rglob("*")]:
        if path.is_file():
            mode = stat.S_IMODE(path.stat().st_mode)
            assert not mode & 0o111, f"{path.name} is executable ({oct(mode)})"
    assert stat.S_IMODE((reports / ".auditor-reports").stat().st_mode) == 0o644


def test_level_words_cover_every_level() -> None:
    from auditor.reports.findings import LEVEL_WORDS, LEVELS

    assert set(LEVEL_WORDS) == set(LEVELS)
    assert Level.CRITICAL.value in LEVELS


def test_a_staged_finding_is_stored_as_its_fields_in_order(tmp_path: Path) -> None:
    """The staged JSON of a finding is `asdict`'s: every field, in order, segments as a list."""
    from dataclasses import asdict

    from auditor.reports.findings import Finding
    from auditor.store.decisions import Decisions
    from auditor.store.state import State

    finding = Finding(
        finding_id="f1", article_id="a.txt", level="critical", type="negation",
        text="negation: not → ∅", segments=(3, 4), kind="quote", line=2, sentence=1,
        last_sentence=2, quoted="“We will not”", official_id="o.txt", official_line=7,
        official_text="We will", misquote=True,
    )  # fmt: skip
    state = State(tmp_path / "state.sqlite")
    try:
        Decisions(state.db).stage_findings([finding], {"a.txt": "abc"}, "run-1")
        (stored,) = state.db.execute("SELECT finding FROM findings_staged").fetchone()
    finally:
        state.close()
    assert stored == json.dumps(asdict(finding), ensure_ascii=False)
    assert json.loads(stored)["segments"] == [3, 4]
