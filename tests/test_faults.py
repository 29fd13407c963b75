"""No input, path or fault stops the run: each probe (a tiny corpus made here, and the
command as a new user types it) ends in a row of summary.csv or in a one-line message with
the right exit code; the corpus is never modified and nothing outside the reports folder is
written."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from auditor.cli import app
from auditor.reports import commit
from auditor.run import publish
from auditor.run.pipeline import audit_corpus
from auditor.store.state import State, state_path
from tests.conftest import OFFICIAL, TURKISH_OUTLET

runner = CliRunner()
CSVS = ("summary.csv", "segments.csv", "fragments.csv", "history.csv")
#: what every probe's audit must finish within (a named pipe once blocked it for ever)
PROBE_SECONDS = 120


@pytest.fixture(autouse=True)
def _deadline() -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"the audit did not finish within {PROBE_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(PROBE_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _tiny_corpus(root: Path) -> Path:
    """The official transcript and one article that reports it (and a valid one to keep)."""
    corpus = root / "corpus"
    (corpus / "official").mkdir(parents=True)
    (corpus / "articles").mkdir()
    shutil.copy(OFFICIAL, corpus / "official" / OFFICIAL.name)
    shutil.copy(TURKISH_OUTLET, corpus / "articles" / "report.txt")
    return corpus


def _files(root: Path, skip: Path | None = None) -> dict[str, str]:
    """Every file under `root` (links not followed) with the hash of its bytes or link."""
    out = {}
    for path in sorted(root.rglob("*")):
        if skip is not None and (path == skip or path.is_relative_to(skip)):
            continue
        if path.is_symlink():
            out[str(path)] = "-> " + os.readlink(path)
        elif path.is_file():
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif not path.is_dir():
            out[str(path)] = "special"
    return out


def _summary(reports: Path) -> dict[str, tuple[str, str]]:
    df = pd.read_csv(
        reports / "summary.csv", encoding="utf-8-sig", keep_default_na=False, dtype=str
    )
    return {a: (s, e) for a, s, e in zip(df.article_id, df.status, df.error, strict=True)}


def _one_line(text: str) -> str:
    return " ".join(text.split())


Setup = Callable[[Path, Path, pytest.MonkeyPatch], list[str] | None]


@dataclass(frozen=True)
class Probe:
    """One way a run was broken, and what it must give now."""

    name: str
    setup: Setup  #: (corpus, reports, monkeypatch) → the command line, or None for the usual
    exit_code: int = 0
    message: str = ""  #: in the output
    #: article id → (status, start of error) in summary.csv
    rows: dict[str, tuple[str, str]] = field(default_factory=dict)
    prior_run: bool = False  #: audit once before the setup: those reports must survive


def _article(name: str, data: bytes) -> Setup:
    def setup(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        (corpus / "articles" / name).write_bytes(data)

    return setup


def _dated(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = TURKISH_OUTLET.read_text(encoding="utf-8")
    for number in ("30.11.2022", "1.2.3", "10.0.0.1", "1.000.000", "1,2,3"):
        changed = text.replace(
            "But we should not underestimate Russia.",
            f"But on {number} we should not underestimate Russia.",
        )
        assert changed != text
        (corpus / "articles" / f"dated-{number}.txt").write_text(changed, encoding="utf-8")


def _reports_at(relative: str) -> Setup:
    def setup(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
        (corpus / "articles" / "README.md").write_text("the user's own notes\n")
        (corpus / "README.md").write_text("the user's corpus notes\n")
        return ["audit", str(corpus), "--reports", str(corpus / relative)]

    return setup


def _reports_holding_foreign_readme(
    corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports.mkdir()
    (reports / "README.md").write_text("the user's own README, not auditor's\n")


def _containing_reports(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return ["audit", str(corpus), "--reports", str(corpus.parent)]


def _pipe(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.mkfifo(corpus / "articles" / "pipe.txt")


def _link(name: str, target: str) -> Setup:
    def setup(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        os.symlink(target, corpus / "articles" / name)

    return setup


def _undecodable_name(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = os.fsencode(corpus / "articles") + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(TURKISH_OUTLET.read_bytes())


def _state(change: Callable[[Path], None]) -> Setup:
    def setup(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        change(state_path(reports))

    return setup


def _with_args(setup: Setup, *extra: str) -> Setup:
    def with_args(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
        setup(corpus, reports, monkeypatch)
        return ["audit", str(corpus), "--reports", str(reports), *extra]

    return with_args


def _planted_link(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A link where auditor appends its tracebacks, to a file outside the reports folder."""
    outside = reports.parent / "outside.txt"
    outside.write_text("must stay as it is\n")
    os.symlink(outside, reports / ".auditor" / "errors.log")
    _touch_article(corpus)


def _corrupt_pages(path: Path) -> None:
    """Garbage over every page but the first: the header still says SQLite."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):
        data[start : start + page] = b"\xa5" * min(page, len(data) - start)
    path.write_bytes(bytes(data))


def _sql(statement: str) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        with sqlite3.connect(path) as db:
            db.execute(statement)
        db.close()

    return change


def _journal(content: object) -> Setup:
    def setup(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        journal = reports / ".auditor" / publish.JOURNAL_FILE
        if content == "escape":
            victim = reports.parent / "victim.txt"
            victim.write_text("a file outside the reports folder\n")
            plan = {"../../escaped.txt": str(victim), "summary.csv": str(victim)}
            journal.write_text(json.dumps(plan))
        else:
            journal.write_text(json.dumps(content))

    return setup


def _raise_in_commit(error: OSError, after: int = 1) -> Setup:
    """The n-th fsync of a report file fails (a full disk fails the write of a file)."""

    def setup(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        real = os.fsync
        calls = {"n": 0}

        def fsync(fd: int) -> None:
            calls["n"] += 1
            if calls["n"] > after:
                raise error
            real(fd)

        monkeypatch.setattr(commit.os, "fsync", fsync)
        _touch_article(corpus)

    return setup


def _touch_article(corpus: Path) -> None:
    """A changed article, so that the run must rewrite the reports."""
    with (corpus / "articles" / "report.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nNATO ministers met again.\n")


def _state_full(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(State, "save_result", full)
    _touch_article(corpus)


def _state_read_only(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(State, "start_run", read_only)


def _reports_is_a_file(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reports.write_text("not a folder\n")


def _state_dir_is_a_file(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reports.mkdir()
    (reports / ".auditor").write_text("not a folder\n")


def _reports_deleted_mid_run(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = publish.Publisher.write_reports

    def write_reports(self: publish.Publisher, *args: object, **kwargs: object) -> object:
        shutil.rmtree(reports)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(publish.Publisher, "write_reports", write_reports)
    _touch_article(corpus)


def _markup_paths(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    (corpus / "articles" / "[bold]b[red].txt").write_bytes(b"")
    return ["audit", str(corpus), "--reports", str(reports.parent / "out[/x]")]


def _internal_error(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.run import article

    real = article.finish_article

    def finish(prepared: article.PreparedArticle, *args: object, **kwargs: object) -> object:
        if prepared.document.doc_id == "crash.txt":
            raise RuntimeError("a bug met this article")
        return real(prepared, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(article, "finish_article", finish)
    shutil.copy(TURKISH_OUTLET, corpus / "articles" / "crash.txt")


def _large(corpus: Path, reports: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    (corpus / "articles" / "large.txt").write_bytes(TURKISH_OUTLET.read_bytes() * 20)
    return ["audit", str(corpus), "--reports", str(reports), "--max-article-mb", "0.02"]


UTF16 = "NATO Secretary General said: we must not underestimate Russia. Türkiye agreed.\n"
REPORT_OK = ("ok", "")

PROBES = [
    Probe(
        "dates-versions-addresses-in-matched-sentences",
        _dated,
        rows={f"dated-{n}.txt": REPORT_OK for n in ("30.11.2022", "1.2.3", "10.0.0.1")}
        | {"dated-1.000.000.txt": REPORT_OK, "dated-1,2,3.txt": REPORT_OK},
    ),
    Probe(
        "reports-equal-to-articles",
        _reports_at("articles"),
        exit_code=2,
        message="is inside the corpus's source folder",
    ),
    Probe("reports-equal-to-corpus", _reports_at("."), 2, "is the corpus folder itself"),
    Probe(
        "reports-inside-official",
        _reports_at("official"),
        exit_code=2,
        message="is inside the corpus's source folder",
    ),
    Probe("reports-containing-corpus", _containing_reports, 2, "contains the corpus"),
    Probe(
        "reports-holding-a-file-auditor-did-not-write",
        _reports_holding_foreign_readme,
        exit_code=2,
        message="is not an auditor reports folder",
    ),
    Probe(
        "named-pipe",
        _pipe,
        rows={"pipe.txt": ("error", "not a regular file (a named pipe)")}
        | {"report.txt": REPORT_OK},
    ),
    Probe(
        "link-to-dev-zero",
        _link("zero.txt", "/dev/zero"),
        rows={"zero.txt": ("error", "link points outside the corpus")},
    ),
    Probe(
        "link-outside-the-corpus",
        _link("passwd.txt", "/etc/passwd"),
        rows={"passwd.txt": ("error", "link points outside the corpus")},
    ),
    Probe(
        "link-inside-the-corpus",
        _link("copy.txt", "report.txt"),
        rows={"copy.txt": REPORT_OK},
    ),
    Probe("name-not-utf8", _undecodable_name, rows={"caf\\xe9.txt": REPORT_OK}),
    Probe(
        "state-corrupt-pages-intact-header",
        _state(_corrupt_pages),
        message="rebuilt",
        rows={"report.txt": REPORT_OK},
        prior_run=True,
    ),
    Probe(
        "state-corrupt-pages-full-run",
        _with_args(_state(_corrupt_pages), "--full"),
        message="rebuilt",
        rows={"report.txt": REPORT_OK},
        prior_run=True,
    ),
    Probe(
        "state-table-dropped",
        _state(_sql("DROP TABLE article_results")),
        message="rebuilt",
        rows={"report.txt": REPORT_OK},
        prior_run=True,
    ),
    Probe(
        "state-digest-broken",
        _state(_sql("UPDATE article_results SET digest = '{broken', result = '[1]'")),
        rows={"report.txt": REPORT_OK},
        prior_run=True,
    ),
    Probe(
        "journal-is-a-list",
        _journal([1, 2]),
        message="ignored the commit journal",
        rows={"report.txt": REPORT_OK},
        prior_run=True,
    ),
    Probe(
        "journal-is-null",
        _journal(None),
        message="ignored the commit journal",
        rows={"report.txt": REPORT_OK},
        prior_run=True,
    ),
    Probe(
        "journal-names-a-file-outside",
        _journal("escape"),
        message="ignored the commit journal",
        rows={"report.txt": REPORT_OK},
        prior_run=True,
    ),
    Probe(
        "reports-folder-read-only",
        _raise_in_commit(OSError(errno.EROFS, "Read-only file system"), after=0),
        exit_code=1,
        message="Read-only file system",
        prior_run=True,
    ),
    Probe(
        "disk-full-writing-reports",
        _raise_in_commit(OSError(errno.ENOSPC, "No space left on device")),
        exit_code=1,
        message="No space left on device",
        prior_run=True,
    ),
    Probe(
        "disk-full-writing-state",
        _state_full,
        exit_code=1,
        message="database or disk is full",
        prior_run=True,
    ),
    Probe(
        "state-read-only",
        _state_read_only,
        exit_code=1,
        message="attempt to write a readonly database",
        prior_run=True,
    ),
    Probe(
        "link-planted-in-the-state-folder",
        _planted_link,
        exit_code=1,
        message="holds links (errors.log)",
        prior_run=True,
    ),
    Probe("reports-path-is-a-file", _reports_is_a_file, 1, "the reports path is a file"),
    Probe("state-folder-is-a-file", _state_dir_is_a_file, 1, "is a file or a link, not auditor's"),
    Probe(
        "reports-folder-deleted-mid-run",
        _reports_deleted_mid_run,
        exit_code=1,
        message="cannot write to the reports folder",
        prior_run=True,
    ),
    Probe(
        "rich-markup-in-names-and-paths",
        _markup_paths,
        message="[bold]b[red].txt: file is empty",
        rows={"[bold]b[red].txt": ("error", "file is empty")},
    ),
    Probe(
        "internal-error-in-one-article",
        _internal_error,
        message="errors.log",
        rows={
            "crash.txt": ("error", "internal error: RuntimeError: a bug met this article"),
            "report.txt": REPORT_OK,
        },
    ),
    Probe(
        "article-too-large",
        _large,
        rows={"large.txt": ("error", "too large: 0.1 MB, limit 0.02 MB (--max-article-mb)")},
    ),
    Probe(
        "utf16-without-mark",
        _article("utf16.txt", UTF16.encode("utf-16-le")),
        rows={"utf16.txt": ("no_official_match", "")},
    ),
    Probe(
        "utf16-big-endian-without-mark",
        _article("utf16be.txt", UTF16.encode("utf-16-be")),
        rows={"utf16be.txt": ("no_official_match", "")},
    ),
]


@pytest.mark.parametrize("probe", PROBES, ids=lambda p: p.name)
def test_probe_gives_a_row_or_a_clean_message(
    probe: Probe, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _tiny_corpus(tmp_path)
    reports = tmp_path / "reports"
    usual = ["audit", str(corpus), "--reports", str(reports)]
    before_reports: dict[str, bytes] = {}
    if probe.prior_run:
        assert runner.invoke(app, usual).exit_code == 0
        before_reports = {name: (reports / name).read_bytes() for name in CSVS}
    args = probe.setup(corpus, reports, monkeypatch) or usual
    written = Path(args[args.index("--reports") + 1])
    corpus_before = _files(corpus)
    outside_before = _files(tmp_path, skip=written)

    result = runner.invoke(app, args, env={"COLUMNS": "200"})

    assert result.exit_code == probe.exit_code, result.output
    assert not isinstance(result.exception, TimeoutError)
    assert "Traceback" not in result.output
    assert _one_line(probe.message) in _one_line(result.output)
    assert _files(corpus) == corpus_before, "source files must never be modified"
    assert _files(tmp_path, skip=written) == outside_before, "written outside the reports"
    if probe.exit_code:
        assert len(result.output.strip().splitlines()) <= 3, result.output
        if before_reports and written.exists():
            now = {name: (written / name).read_bytes() for name in CSVS}
            assert now == before_reports, "the previous reports must be kept as they were"
            assert not list(written.glob(".*.tmp")), "no temporary file may be left"
        return
    rows = _summary(written)
    assert len(rows) == len(list((corpus / "articles").iterdir()))
    for article_id, (status, error) in probe.rows.items():
        assert rows[article_id][0] == status, rows[article_id]
        assert rows[article_id][1].startswith(error), rows[article_id]


# ---------------------------------------------------------------- history and kills


def _history_runs(reports: Path) -> int:
    """The runs whose reports were committed (runs.csv: one row per run; history.csv has rows
    only where an article's result changed)."""
    runs = pd.read_csv(reports / "runs.csv", encoding="utf-8-sig")
    return int(runs.run_id.nunique())


def test_a_run_killed_before_its_commit_leaves_no_history_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _tiny_corpus(tmp_path)
    reports = tmp_path / "reports"
    audit_corpus(corpus, reports)
    _touch_article(corpus)

    def killed(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # the run ended after its history rows, before its reports

    with monkeypatch.context() as patch:
        patch.setattr(commit, "replace_files", killed)
        with pytest.raises(KeyboardInterrupt):
            audit_corpus(corpus, reports)
    audit_corpus(corpus, reports)
    assert _history_runs(reports) == 2


def test_a_run_killed_between_two_renames_is_completed_with_its_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _tiny_corpus(tmp_path)
    reports = tmp_path / "reports"
    audit_corpus(corpus, reports)
    _touch_article(corpus)
    real = os.replace
    renamed = []

    def replace(source: object, target: object) -> None:
        # the renames of the commit onto report entries (a staged entry is first moved to a
        # temporary sibling, before the journal: not a rename of the commit)
        onto_report = Path(str(target)) in {reports / name for name in publish.REPORT_FILES}
        if onto_report and len(renamed) == 1:
            raise KeyboardInterrupt  # after the first report file was renamed
        real(source, target)  # type: ignore[arg-type]
        if onto_report:
            renamed.append(target)

    with monkeypatch.context() as patch:
        patch.setattr(commit.os, "replace", replace)
        with pytest.raises(KeyboardInterrupt):
            audit_corpus(corpus, reports)
    result = audit_corpus(corpus, reports)
    assert any("completed the report files" in n for n in result.notices)
    assert _history_runs(reports) == 3  # the completed run's reports describe it
    segments = pd.read_csv(reports / "segments.csv", encoding="utf-8-sig")
    assert "NATO ministers met again." in set(segments.text)


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_workers_die_with_a_killed_audit(tmp_path: Path) -> None:
    from tests.test_reaudit import _audit_process, _generated_corpus

    corpus = _generated_corpus(tmp_path, 150)
    process = _audit_process(corpus, tmp_path / "reports", "--workers", "2")
    deadline = time.monotonic() + 90
    first_seen: dict[int, float] = {}
    children: list[int] = []
    while time.monotonic() < deadline and len(children) < 2:
        assert process.poll() is None, "the audit ended before its workers started"
        now = time.monotonic()
        current = _children(process.pid)
        first_seen = {pid: first_seen.get(pid, now) for pid in current}
        # a worker lives through the run; a short-lived fork (a helper exec'd at start) does not
        children = [pid for pid, seen in first_seen.items() if now - seen > 1.5]
        time.sleep(0.05)
    assert len(children) >= 2, "the workers did not start"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(map(_alive, children)):
        time.sleep(0.1)
    orphans = [c for c in children if _alive(c)]
    for orphan in orphans:  # do not leave them running when the test fails
        os.kill(orphan, signal.SIGKILL)
    assert not orphans, "orphan workers outlived the audit"


@pytest.mark.slow
def test_watch_does_not_re_audit_its_own_reports_inside_the_corpus(tmp_path: Path) -> None:
    from tests.test_reaudit import _audit_process

    corpus = _tiny_corpus(tmp_path)
    reports = corpus / "reports"  # beside official/ and articles/: allowed, and not a source
    watcher = _audit_process(corpus, reports, "--watch", "--interval", "0.2")
    try:
        deadline = time.monotonic() + 120
        while not (reports / "history.csv").exists() and time.monotonic() < deadline:
            assert watcher.poll() is None, watcher.communicate()
            time.sleep(0.2)
        time.sleep(3)  # fifteen checks of the corpus
        assert _history_runs(reports) == 1
    finally:
        watcher.kill()
        watcher.wait()


# ---------------------------------------------------------------- generated articles


def _official_sentences() -> list[str]:
    from auditor.records import Kind
    from auditor.stages.segment import segment_document

    text = OFFICIAL.read_text(encoding="utf-8")
    return [s.text for s in segment_document(text) if s.kind is Kind.SENTENCE]


SENTENCES = _official_sentences()
number_like = st.one_of(
    st.from_regex(r"\d{1,4}([.,]\d{1,4}){0,4}%?", fullmatch=True),
    st.sampled_from(["30.11.2022", "1.2.3", "10.0.0.1", "1.000.000", "1,2,3", "½", "٣.١١"]),
)
inserted = st.one_of(
    number_like,
    st.sampled_from([*"“”\"'‘’«»„.,;:!?()[]-–—…/", "he said.", "not", "n't", "never"]),
)


@st.composite
def similar_article(draw: st.DrawFn) -> str:
    """Consecutive official sentences with number-like tokens, punctuation and quotes put in."""
    start = draw(st.integers(0, len(SENTENCES) - 1))
    count = draw(st.integers(1, 12))
    sentences = []
    for sentence in SENTENCES[start : start + count]:
        words = sentence.split()
        for _ in range(draw(st.integers(0, 4))):
            words.insert(draw(st.integers(0, len(words))), draw(inserted))
        quoted = draw(st.booleans())
        sentences.append(f"“{' '.join(words)}”" if quoted else " ".join(words))
    return draw(st.sampled_from(["\n\n", " ", "\n"])).join(sentences) + "\n"


@pytest.mark.slow
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(similar_article(), min_size=1, max_size=4))
def test_generated_articles_similar_to_the_official_text_each_get_one_row(
    articles: list[str],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        corpus = _tiny_corpus(Path(folder))
        for n, text in enumerate(articles):
            (corpus / "articles" / f"generated-{n}.txt").write_text(text, encoding="utf-8")
        reports = Path(folder) / "reports"
        result = runner.invoke(app, ["audit", str(corpus), "--reports", str(reports)])
        assert result.exit_code == 0, result.output
        rows = _summary(reports)
        assert len(rows) == len(articles) + 1
        assert not [r for r in rows.values() if r[1].startswith("internal error")], rows


# ---------------------------------------------------------------- size


class _CountingText(str):
    """A document's text that counts how often one of its characters is looked up."""

    lookups = 0

    def __getitem__(self, key: object) -> str:
        type(self).lookups += 1
        return str.__getitem__(self, key)  # type: ignore[index]


def _paragraph_of_quotations(size: int) -> str:
    """One long paragraph of official sentences, every other one quoted with "He said"."""
    out: list[str] = []
    while sum(map(len, out)) < size:
        sentence = SENTENCES[len(out) % len(SENTENCES)]
        out.append(f"He said, “{sentence}”" if len(out) % 2 else sentence)
    return " ".join(out)


def test_a_long_paragraph_of_quotations_costs_lookups_linear_in_its_length() -> None:
    """Each sentence used to look at every quotation of its paragraph: a 1 MB paragraph cost
    minutes. Doubling the paragraph must not quadruple the characters looked at."""
    from auditor.stages.segment import segment_document

    counts = []
    for size in (20_000, 40_000):
        text = _CountingText(_paragraph_of_quotations(size))
        _CountingText.lookups = 0
        segments = segment_document(text)
        assert sum(1 for s in segments if s.kind.value == "quote") > size // 400
        counts.append(_CountingText.lookups)
    assert counts[1] < 2.5 * counts[0], counts


def test_an_unreadable_articles_folder_is_one_line_naming_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _tiny_corpus(tmp_path)
    real = os.scandir  # a folder is listed by os.scandir (source_entries); root reads any mode
    folder = corpus / "articles"

    def scandir(path: Any = ".") -> Any:
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(app, ["audit", str(corpus), "--reports", str(tmp_path / "reports")])
    assert result.exit_code == 1, result.output
    assert "cannot read the corpus: Permission denied" in _one_line(result.output)
