"""Following a quotation across outlets: a generated corpus where one official sentence is
quoted by five articles of three outlets in two drifted wordings; quotes.csv, the workbook and
the HTML page show the groups as built, and one more article updates exactly its group."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from auditor.run.pipeline import audit_corpus
from auditor.store.state import state_path

OFFICIAL = """\
Press statement by the Secretary General after the meeting of foreign ministers

Allies met today in Brussels to discuss support for Ukraine.
We will never accept the illegal annexation of Ukrainian land.
NATO will continue to stand with Ukraine for as long as it takes.
We must remain vigilant against cyber attacks on our critical infrastructure.
Ministers agreed to increase the production of ammunition across the Alliance.
Thank you.
"""
QUOTED = "We will never accept the illegal annexation of Ukrainian land."
#: wording A: two notable changes; one article writes it in other case and punctuation
WORDING_A = "We will never accept the unlawful annexation of Ukrainian territory."
SHOUTED_A = "we will never accept the UNLAWFUL annexation of Ukrainian territory!"
#: wording B: the negation dropped, a critical edit
WORDING_B = "We will accept the illegal annexation of Ukrainian lands."

#: file → (outlet, published, wording); Gamma's second article has no date: first seen counts
ARTICLES = {
    "alpha-1.txt": ("Alpha News", "2022-11-30T09:00:00Z", WORDING_A),
    "alpha-2.txt": ("Alpha News", "2022-11-30T12:30:00+01:00", SHOUTED_A),
    "beta-1.txt": ("Beta Daily", "2022-12-01", WORDING_A),
    "gamma-1.txt": ("Gamma Wire", "2022-11-29", WORDING_B),
    "gamma-2.txt": ("Gamma Wire", "", WORDING_B),
}


def _article(title: str, wording: str) -> str:
    return (
        f"{title}\n\nAllies met in Brussels on Tuesday to discuss support for Ukraine, the "
        f'Secretary General said.\n"{wording}" he said.\n'
    )


def _metadata(rows: dict[str, tuple[str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["file", "outlet", "url", "published"])
    for name, (outlet, published, _) in rows.items():
        writer.writerow([name, outlet, f"https://example.org/{name}", published])
    return out.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("outlets")
    corpus = root / "corpus"
    (corpus / "official").mkdir(parents=True)
    (corpus / "articles").mkdir()
    (corpus / "official" / "statement.txt").write_text(OFFICIAL, encoding="utf-8")
    for name, (outlet, _, wording) in ARTICLES.items():
        (corpus / "articles" / name).write_text(_article(f"{outlet} on Ukraine", wording))
    (corpus / "articles.csv").write_text(_metadata(ARTICLES), encoding="utf-8")
    audit_corpus(corpus, root / "reports", models_dir=root / "no-models")
    return root


def _quotes(reports: Path) -> pd.DataFrame:
    table = pd.read_csv(reports / "quotes.csv", encoding="utf-8-sig", keep_default_na=False)
    return table[table.official_text == QUOTED].set_index("wording")


def test_five_articles_of_three_outlets_make_two_wordings_of_the_sentence(built: Path) -> None:
    rows = _quotes(built / "reports")
    assert sorted(rows.index) == sorted([WORDING_A, WORDING_B])
    a, b = rows.loc[WORDING_A], rows.loc[WORDING_B]
    assert (a.articles, a.outlets, a.variants) == (3, 2, 2)  # case and "!" grouped together
    assert (b.articles, b.outlets, b.variants) == (2, 1, 1)
    assert (a.shared_across_outlets, b.shared_across_outlets) == ("yes", "no")
    assert a.outlet_names == "Alpha News; Beta Daily" and b.outlet_names == "Gamma Wire"
    assert a.article_ids == "alpha-1.txt; alpha-2.txt; beta-1.txt"  # earliest first
    assert (a.kind, a.category, b.category) == ("quote", "paraphrase", "drift")
    assert b.critical_edits == "negation: never → ∅"
    assert "wording: land → territory" in a.notable_changes and a.critical_edits == ""
    assert (a.wordings_of_official, b.wordings_of_official) == (2, 2)


def test_first_and_last_seen_come_from_published_dates_or_first_sight(built: Path) -> None:
    rows = _quotes(built / "reports")
    a, b = rows.loc[WORDING_A], rows.loc[WORDING_B]
    assert (a.first_seen, a.first_article, a.first_outlet) == (
        "2022-11-30T09:00:00Z",
        "alpha-1.txt",
        "Alpha News",
    )
    assert a.first_seen_from == "published"
    assert a.last_seen == "2022-12-01"
    assert (b.first_seen, b.first_article) == ("2022-11-29", "gamma-1.txt")
    # gamma-2 has no date: the time the auditor first saw it, recorded in the state
    with sqlite3.connect(state_path(built / "reports")) as db:
        (seen,) = db.execute(
            "SELECT first_seen FROM article_seen WHERE article_id = 'gamma-2.txt'"
        ).fetchone()
    assert b.last_seen == seen and seen.endswith("Z") and seen > "2023"


def test_one_more_article_updates_exactly_its_group(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "again"
    shutil.copytree(built, root)
    before = pd.read_csv(root / "reports" / "quotes.csv", encoding="utf-8-sig")
    # only the quotation: its title and "he said" align to nothing
    (root / "corpus" / "articles" / "delta-1.txt").write_text(
        f'Delta Post\n\n"{WORDING_B}" he said.\n'
    )
    with open(root / "corpus" / "articles.csv", "a", encoding="utf-8") as handle:
        handle.write("delta-1.txt,Delta Post,,2022-12-02\n")
    result = audit_corpus(root / "corpus", root / "reports", models_dir=root / "no-models")
    assert (result.audited, result.unchanged) == (1, 5)
    after = pd.read_csv(root / "reports" / "quotes.csv", encoding="utf-8-sig")
    changed = after.merge(before, how="outer", indicator=True).query("_merge != 'both'")
    # the B group's row is replaced; every other row is byte for byte the same
    assert sorted(changed.wording) == [WORDING_B, WORDING_B]
    b = after[after.wording == WORDING_B].iloc[0]
    assert (b.articles, b.outlets, b.shared_across_outlets) == (3, 2, "yes")
    # delta-1 was published before the auditor first saw gamma-2 (no date): between them
    assert b.article_ids == "gamma-1.txt; delta-1.txt; gamma-2.txt"
    assert b.first_article == "gamma-1.txt"
    assert b.last_seen == before[before.wording == WORDING_B].iloc[0].last_seen
    assert set(before.group_id) == set(after.group_id)


def test_a_deleted_article_leaves_its_group(built: Path, tmp_path: Path) -> None:
    root = tmp_path / "again"
    shutil.copytree(built, root)
    (root / "corpus" / "articles" / "beta-1.txt").unlink()
    audit_corpus(root / "corpus", root / "reports", models_dir=root / "no-models")
    a = _quotes(root / "reports").loc[WORDING_A]
    assert (a.articles, a.outlets, a.shared_across_outlets) == (2, 1, "no")


def test_a_changed_outlet_in_articles_csv_regroups_without_re_auditing(
    built: Path, tmp_path: Path
) -> None:
    root = tmp_path / "again"
    shutil.copytree(built, root)
    moved = dict(ARTICLES, **{"gamma-2.txt": ("Delta Post", "", WORDING_B)})
    (root / "corpus" / "articles.csv").write_text(_metadata(moved), encoding="utf-8")
    result = audit_corpus(root / "corpus", root / "reports", models_dir=root / "no-models")
    assert (result.audited, result.unchanged) == (0, 5)
    b = _quotes(root / "reports").loc[WORDING_B]
    assert (b.outlets, b.shared_across_outlets) == (2, "yes")


def test_bad_rows_of_articles_csv_are_warnings_and_the_audit_goes_on(
    built: Path, tmp_path: Path
) -> None:
    root = tmp_path / "again"
    shutil.copytree(built, root)
    with open(root / "corpus" / "articles.csv", "a", encoding="utf-8") as handle:
        handle.write("alpha-1.txt,Another,,\nnew.txt,X,ftp://nowhere,\nmissing.txt,Y,,\n")
    result = audit_corpus(root / "corpus", root / "reports", models_dir=root / "no-models")
    where = root / "corpus" / "articles.csv"
    notices = [n for n in result.notices if n.startswith(str(where))]
    assert notices == [
        f"{where} line 7: 'alpha-1.txt' is already described on line 2; row ignored",
        f"{where} line 8: `url` 'ftp://nowhere' is not an http(s) address; row ignored",
        f"{where} line 9: no article 'missing.txt' in articles/",
    ]
    assert len(result.articles) == 5 and result.errors == 0
    assert _quotes(root / "reports").loc[WORDING_A].outlet_names == "Alpha News; Beta Daily"


def test_the_workbook_sheet_and_the_html_page_hold_the_groups(built: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(built / "reports" / "audit.xlsx", read_only=True)
    sheet = book["Quotes"]
    rows = list(sheet.iter_rows(values_only=True))
    from auditor.reports.sheets import column_names

    header = column_names("Quotes", rows[0])
    wordings = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    mine = {r["wording"]: r for r in wordings if r["official_text"] == QUOTED}
    assert set(mine) == {WORDING_A, WORDING_B}
    assert mine[WORDING_A]["articles"] == 3 and mine[WORDING_A]["shared_across_outlets"] == "yes"
    page = (built / "reports" / "html" / "quotes.html").read_text(encoding="utf-8")
    assert WORDING_A in page and WORDING_B in page and "Gamma Wire" in page
    assert page.count(QUOTED) == 1  # each official wording once, its wordings beneath it
    index = (built / "reports" / "html" / "index.html").read_text(encoding="utf-8")
    assert 'href="quotes.html"' in index
