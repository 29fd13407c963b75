"""The reports opened where reviewers look: audit.xlsx in a Turkish-locale LibreOffice, the HTML
pages in a real headless browser after their scripts ran.

They need Debian's `libreoffice-calc-nogui` and `chromium` (`.ci/run` installs both): locally
they skip without them, in CI they fail (`tests/system_tools.py`).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor.reports.html import INDEX, page_path
from tests import system_tools
from tests.browser import Browser
from tests.conftest import HOSTILE, HOSTILE_LINES
from tests.test_xlsx import HOSTILE_CELLS, _article, _synthetic

TURKISH = "turkish-outlet-2022-11-30-bucharest-press-conference.txt"

# ---------------------------------------------------------------- LibreOffice

#: CSV export: `;` separated, `"` quoted, UTF-8 (76), from row 1, default language, text
#: quoted, no special numbers, cells as shown, no formulas, no trimming, every sheet (-1)
CSV_EXPORT = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,true,false,true,false,false,-1"
_FIELD = re.compile(r'(?:^|;)("(?:[^"]|"")*"|[^;"]*)')


def _soffice(args: list[str], tmp_path: Path, locale: str = "tr_TR.UTF-8") -> None:
    """Run LibreOffice headless in `locale`, with a profile of its own (a shared profile
    makes a second instance return at once without doing anything). A locale the system
    lacks is compiled into the test's folder (glibc's localedef), so it is really in force."""
    profile = (tmp_path / "lo-profile").resolve().as_uri()
    env = {**os.environ, "LC_ALL": locale, "LANG": locale, "HOME": str(tmp_path)}
    env.update(_locale_path(locale, tmp_path))
    command = [system_tools.soffice(), f"-env:UserInstallation={profile}", "--headless", *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr


def _locale_path(locale: str, tmp_path: Path) -> dict[str, str]:
    """{"LOCPATH": …} when `locale` must be compiled first, else {}."""
    installed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
    wanted = locale.lower().replace("utf-8", "utf8")
    if wanted in installed.stdout.lower().split():
        return {}
    folder = tmp_path / "locales"
    folder.mkdir(exist_ok=True)  # localedef makes the locale's folder, not its parent
    language, charset = locale.split(".")
    made = subprocess.run(
        ["localedef", "-i", language, "-f", charset, str(folder / locale)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (folder / locale).is_dir(), made.stderr
    return {"LOCPATH": str(folder)}


def _fields(path: Path) -> list[list[str]]:
    """Each line's fields as written: a quoted field keeps its quotes (text), a bare one not."""
    return [_FIELD.findall(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _by_column(rows: list[list[str]], sheet: str = "") -> list[dict[str, str]]:
    """Rows by column name (a workbook `sheet`'s header shows plain words: read back)."""
    header = [name.strip('"') for name in rows[0]]
    if sheet:
        from auditor.reports.sheets import column_names

        header = column_names(sheet, header)
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


@pytest.mark.slow
@pytest.mark.libreoffice
def test_numbers_stay_numbers_in_a_turkish_libreoffice(reviewed: Path, tmp_path: Path) -> None:
    (tmp_path / "made").mkdir()
    hostile = tmp_path / "hostile.xlsx"
    _synthetic(tmp_path / "made", _article("hostile.txt", HOSTILE_CELLS)).rename(hostile)
    workbook = tmp_path / "audit.xlsx"
    workbook.write_bytes((reviewed / "audit.xlsx").read_bytes())
    out = tmp_path / "out"
    _soffice(
        ["--convert-to", CSV_EXPORT, "--outdir", str(out), str(workbook), str(hostile)], tmp_path
    )

    rows = _by_column(_fields(out / "audit-Summary.csv"), "Summary")
    summary = {r["article_id"].strip('"'): r for r in rows}
    turkish = summary[TURKISH]
    # bare (a number cell) with a decimal comma: Turkish Calc shows 0.543 as 54,3%, not 543
    assert re.fullmatch(r"\d{1,2},\d%", turkish["official_coverage"]), turkish["official_coverage"]
    for name in ("chrf", "bleu", "ter"):
        assert re.fullmatch(r"\d{1,3},\d{2}", turkish[name]), (name, turkish[name])
    assert turkish["critical_edits"] == "1"  # an integer cell: no decimal comma
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", turkish["audited_at"])  # a date cell
    assert turkish["status"] == '"ok"'  # text stays text

    segments = _by_column(_fields(out / "audit-Segments.csv"), "Segments")
    formula = HOSTILE_LINES[1].replace('"', '""')
    assert f'"{formula}"' in [row["text"] for row in segments]  # shown as written, no apostrophe
    assert any("ÖZADAM'dan" in row["text"] and "ığdır" in row["text"] for row in segments)

    texts = [row["text"] for row in _by_column(_fields(out / "hostile-Segments.csv"), "Segments")]
    assert texts == ['"' + cell.replace('"', '""') + '"' for cell in HOSTILE_CELLS]
    # "0.985", "-2" and "2026-05-12" stay text: quoted, not turned into a number or a date


@pytest.mark.slow
@pytest.mark.libreoffice
def test_the_readme_way_to_import_a_csv_in_a_comma_decimal_locale(
    reviewed: Path, tmp_path: Path
) -> None:
    """summary.csv imported as docs/guide.md says (UTF-8, comma, language English (USA)) in a
    Turkish LibreOffice: 0.543 stays 0,543 — the default import reads 543."""
    out = tmp_path / "out"
    csv_import = "CSV:44,34,76,1,,1033,false,true"
    _soffice(
        [
            "--infilter=" + csv_import,
            "--convert-to",
            CSV_EXPORT,
            "--outdir",
            str(out),
            str(reviewed / "summary.csv"),
        ],
        tmp_path,
    )
    rows = _by_column(_fields(out / "summary-summary.csv"))
    turkish = next(r for r in rows if r["article_id"] == f'"{TURKISH}"')
    assert re.fullmatch(r"0,\d{3}", turkish["official_coverage"]), turkish["official_coverage"]
    assert rows[0]["article_id"].startswith('"') and "ï»¿" not in "".join(rows[0])


# ---------------------------------------------------------------- the browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser(system_tools.chromium()) as opened:
        yield opened


def _open(browser: Browser, page: Path) -> None:
    browser.load(page)
    ready = browser.js("document.documentElement.dataset.ready")
    assert ready == "1", "the page's script did not run"
    assert browser.errors() == [], browser.errors()  # a refused script or style shows here
    assert browser.requests() == [page.resolve().as_uri()], "the page asked for something else"


def _control(browser: Browser, element: str, value: str | bool) -> None:
    """Type into a field or tick a box, as a reviewer does (the page hears the event)."""
    what = "checked" if isinstance(value, bool) else "value"
    event = "change" if isinstance(value, bool) else "input"
    browser.js(
        f"(e => {{ e.{what} = {str(value).lower() if isinstance(value, bool) else repr(value)}; "
        f"e.dispatchEvent(new Event('{event}')); }})(document.getElementById('{element}'))"
    )


HEADERS = "[...document.querySelectorAll('#articles th')]"
ROWS = "[...document.querySelectorAll('#articles tbody tr')]"


@pytest.mark.browser
def test_the_index_sorts_and_filters_and_asks_for_nothing(reviewed: Path, browser: Browser) -> None:
    _open(browser, reviewed / "html" / INDEX)
    column = browser.js(f"{HEADERS}.findIndex(th => th.textContent === 'closeness (chrF++)')")

    def scores() -> list[float | None]:
        values = browser.js(f"{ROWS}.map(r => r.cells[{column}].dataset.value)")
        return [float(v) if v else None for v in values]

    browser.js(f"{HEADERS}[{column}].click()")
    ascending = scores()
    numbers = [v for v in ascending if v is not None]
    assert numbers == sorted(numbers) and len(numbers) == 2 and ascending[-1] is None
    browser.js(f"{HEADERS}[{column}].click()")
    assert [v for v in scores() if v is not None] == sorted(numbers, reverse=True)
    assert browser.js(f"{HEADERS}[{column}].getAttribute('aria-sort')") == "descending"

    _control(browser, "filter-text", "cyprus")
    assert browser.js("document.getElementById('shown').textContent") == "1"
    _control(browser, "filter-text", "")
    _control(browser, "filter-findings", True)
    visible = browser.js(f"{ROWS}.filter(r => !r.hidden).map(r => r.querySelector('a').text)")
    assert sorted(visible) == sorted([HOSTILE, TURKISH])
    assert browser.requests() == [(reviewed / "html" / INDEX).resolve().as_uri()]


@pytest.mark.browser
def test_the_misquoted_words_are_marked_in_the_rendered_page(
    reviewed: Path, browser: Browser
) -> None:
    _open(browser, reviewed / "html" / page_path(TURKISH))
    marked = browser.js(
        "[...document.querySelectorAll('#proof .quote.misquoted .chg.critical')]"
        ".map(e => [e.textContent, e.title, getComputedStyle(e).outlineStyle])"
    )
    assert marked == [["should", "modality: must → should", "solid"]]
    official = browser.js(
        "[...document.querySelectorAll('#s11 .cmp .chg.critical')]"
        ".map(e => e.textContent + ' ' + e.nextElementSibling.textContent)"
    )
    assert official == ["must modality"]
    assert browser.js("document.querySelectorAll('#proof .quote.not-found').length") == 6
    # "only rows with findings" hides the others; the misquote's row stays
    _control(browser, "only-findings", True)
    display = "getComputedStyle(document.getElementById('{}')).display"
    assert browser.js(display.format("s11")) != "none"
    assert browser.js(display.format("s0")) == "none"


@pytest.mark.browser
def test_an_article_with_a_script_runs_nothing(reviewed: Path, browser: Browser) -> None:
    _open(browser, reviewed / "html" / page_path(HOSTILE))  # <img src=x> would ask for …/x
    assert browser.js("typeof window.pwned") == "undefined"
    body = browser.js("document.body.textContent")
    assert "<script>window.pwned=1</script>" in body
    assert '<img src=x onerror="window.pwned=2">' in body
    assert browser.js("document.querySelectorAll('script').length") == 1
    assert browser.js("document.querySelectorAll('img').length") == 0


@pytest.mark.browser
def test_the_browser_checks_can_fail(tmp_path: Path, browser: Browser) -> None:
    """Negative controls: an unescaped script runs, and a request is seen (and stopped)."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<!doctype html><title>x</title><script>window.pwned = 1;"
        "fetch('https://example.invalid/x').catch(() => {})</script>"
        '<img src="http://127.0.0.1:9/beacon.png">',
        encoding="utf-8",
    )
    browser.load(page, settle=0.5)
    assert browser.js("window.pwned") == 1
    assert len([u for u in browser.requests() if not u.startswith("file:")]) == 2


def test_a_missing_program_fails_in_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="in CI this test must run"):
        system_tools.require(None, "chromium")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y chromium"):
        system_tools.require(None, "chromium")
    assert system_tools.require("/usr/bin/x", "chromium") == "/usr/bin/x"


# ---------------------------------------------------------------- the workbook printed


def _poppler(program: str, *args: str) -> str:
    path = system_tools.require(shutil.which(program), "poppler-utils")
    done = subprocess.run([path, *args], capture_output=True, text=True, check=True, timeout=60)
    return done.stdout


@pytest.mark.slow
@pytest.mark.libreoffice
def test_the_workbook_prints_landscape_whole_and_in_a_turkish_libreoffice(
    reviewed: Path, tmp_path: Path
) -> None:
    import pandas as pd

    from auditor.reports.sheets import SUMMARY_SHEET, label

    workbook = tmp_path / "audit.xlsx"
    workbook.write_bytes((reviewed / "audit.xlsx").read_bytes())
    _soffice(["--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(workbook)], tmp_path)
    pdf = tmp_path / "pdf" / "audit.pdf"
    info = _poppler("pdfinfo", "-f", "1", "-l", "999", str(pdf))
    sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
    pages = int(re.search(r"Pages: +(\d+)", info).group(1))  # type: ignore[union-attr]
    assert len(sizes) == pages and pages < 40  # not 91 portrait pages
    assert all(float(w) > float(h) for w, h in sizes), "every page landscape"
    assert {(round(float(w)), round(float(h))) for w, h in sizes} == {(842, 595)}  # A4

    text = [_poppler("pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-")
            for n in range(1, pages + 1)]  # fmt: skip
    assert not any("###" in page for page in text), "a number or date too wide for its column"
    summary = text[0]
    assert summary.splitlines()[0].split()[0] == "Summary"
    # the Summary fits the page's width: every printed column and every article on page 1
    flat = " ".join(summary.split())
    for column in SUMMARY_SHEET.ordered()[: SUMMARY_SHEET.printed]:
        for word in label(SUMMARY_SHEET, column.name).split():
            assert word in flat, (column.name, word)
    articles = pd.read_csv(reviewed / "summary.csv", encoding="utf-8-sig").article_id
    for article_id in articles:
        assert article_id in summary, f"{article_id} cut or missing on the Summary page"
    # each sheet starts on a page of its own, its header repeated on every page
    starts = [page.splitlines()[0].split()[0] for page in text if page.strip()]
    for sheet in ("Findings", "Segments", "Quotes", "History", "Runs"):
        assert sheet in starts, sheet
    # the settings after the dictionary, on pages headed by their own title only
    settings = [page for page in text if "Settings of this audit" in page]
    assert settings and all(
        page.split()[:4] == ["Settings", "of", "this", "audit"] for page in settings
    )
    assert not any("column (CSV)" in page for page in settings)
    segments = [page for page in text if page.startswith("Segments")]
    assert all("Verdict" in page and "The official words" in page for page in segments)
    # the Read me's legend: each value whole beside its meaning
    assert any(re.search(r"no_official_match +Summary: the article", page) for page in text)
    # dates as dates, whole: the History sheet's run times
    history = next(page for page in text if page.startswith("History"))
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", history)


# ---------------------------------------------------------------- the index at 1366 px


@pytest.mark.browser
def test_the_index_is_readable_on_a_1366_pixel_screen(reviewed: Path, browser: Browser) -> None:
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": False},
        session=True,
    )
    _open(browser, reviewed / "html" / INDEX)
    wide = "document.querySelector('.wide')"
    assert browser.js(f"{wide}.scrollWidth <= {wide}.clientWidth"), "the table scrolls sideways"
    widths = browser.js(f"{HEADERS}.map(th => th.getBoundingClientRect().width)")
    assert min(widths) >= 40  # no column squeezed to nothing
    # every score and label explained: a tooltip on each number's header, and the legend
    titled = browser.js(f"{HEADERS}.filter(th => th.classList.contains('n')).every(th => th.title)")
    assert titled
    assert browser.js("document.querySelectorAll('details.terms dt').length") >= 15
    corpus = reviewed / "html" / "corpus.html"
    _open(browser, corpus)
    assert browser.js("document.querySelectorAll('svg.chart').length") >= 1
    assert browser.errors() == []  # the charts draw under the page's Content-Security-Policy
