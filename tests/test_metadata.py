"""articles.csv: each article's outlet, URL and publication time; a bad row is one warning
naming its line, and the rest of the file still counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.stages.metadata import ArticleMeta, outlet_of, parse_articles_csv

GOOD = (
    "file,outlet,url,published\n"
    "a.txt,Anadolu,https://example.org/a,2022-11-30\n"
    "b.txt,  Daily   Sabah ,,2022-11-30T14:05:00+03:00\n"
    "c.txt,,,\n"
)


def test_good_rows_give_outlet_url_and_published_time() -> None:
    meta = parse_articles_csv(GOOD.encode())
    assert meta.warnings == ()
    assert meta.articles["a.txt"] == ArticleMeta(
        "Anadolu", "https://example.org/a", "2022-11-30", line=2
    )
    assert meta.articles["b.txt"].outlet == "Daily Sabah"
    assert meta.articles["b.txt"].published == "2022-11-30T11:05:00Z"  # in UTC
    assert outlet_of("c.txt", meta.articles["c.txt"]) == "c"  # no outlet: the file's stem


def test_columns_in_any_order_and_case_with_a_byte_order_mark_and_semicolons() -> None:
    text = "\ufeffPublished;FILE;Outlet\n2023-01-02;x.txt;TRT\n"
    meta = parse_articles_csv(text.encode())
    assert meta.warnings == ()
    assert meta.articles["x.txt"] == ArticleMeta("TRT", "", "2023-01-02", line=2)


@pytest.mark.parametrize(
    ("row", "says"),
    [
        (",Anadolu,,", "`file` is empty"),
        ("../etc/passwd,x,,", "not a file name"),
        ("a.txt,x,javascript:alert(1),", "not an http(s) address"),
        ("a.txt,x,https://,", "not an http(s) address"),
        ("a.txt,x,,30/11/2022", "not a date"),
        ("a.txt,x,,2022-13-01", "not a date"),
        ("a.txt,x,,2022-11-30T14:05:00", "no time zone"),
        ("a.txt,x,,,extra", "5 cells but the header names 4 columns"),
        ('a.txt,"x\x07y",,', "control characters"),
        ("a.txt," + "o" * 201 + ",,", "201 characters long"),
    ],
)
def test_a_bad_row_is_a_warning_naming_its_line_and_the_others_count(row: str, says: str) -> None:
    text = f"file,outlet,url,published\nfirst.txt,One,,\n{row}\nlast.txt,Three,,\n"
    meta = parse_articles_csv(text.encode())
    assert len(meta.warnings) == 1
    assert meta.warnings[0].startswith("articles.csv line 3: ")
    assert says in meta.warnings[0] and meta.warnings[0].endswith("row ignored")
    assert set(meta.articles) == {"first.txt", "last.txt"}


def test_a_repeated_file_keeps_the_first_row() -> None:
    text = "file,outlet\na.txt,One\n\na.txt,Two\n"
    meta = parse_articles_csv(text.encode(), "corpus/articles.csv")
    assert meta.articles["a.txt"].outlet == "One"
    assert meta.warnings == (
        "corpus/articles.csv line 4: 'a.txt' is already described on line 2; row ignored",
    )


def test_a_quoted_cell_over_two_lines_names_the_line_its_row_starts_on() -> None:
    text = 'file,outlet\na.txt,"Two\nlines"\nb.txt,,,,\n'
    meta = parse_articles_csv(text.encode())
    assert meta.articles["a.txt"].outlet == "Two lines"
    assert meta.warnings[0].startswith("articles.csv line 4: ")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\xff\xfe f\x00i\x00", "not UTF-8"),
        (b"", "empty"),
        (b"name,outlet\na.txt,x\n", "no `file` column"),
    ],
)
def test_a_file_that_cannot_be_used_is_one_warning(data: bytes, says: str) -> None:
    meta = parse_articles_csv(data)
    assert meta.articles == {}
    assert len(meta.warnings) == 1 and says in meta.warnings[0]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_any_bytes_give_rows_and_warnings_never_an_exception(data: bytes) -> None:
    meta = parse_articles_csv(data)
    for name, row in meta.articles.items():
        assert name and "/" not in name and not name.startswith(".")
        assert row.url == "" or row.url.lower().startswith(("http://", "https://"))
        assert row.published == "" or row.published[:4].isdigit()
        assert len(row.outlet) <= 200
    assert all(w.startswith("articles.csv") for w in meta.warnings)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(min_size=1, max_size=20).filter(lambda s: s.strip() and "\x00" not in s),
            st.text(max_size=30),
        ),
        max_size=8,
    )
)
def test_rows_written_by_a_csv_writer_read_back_or_warn(rows: list[tuple[str, str]]) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["file", "outlet"])
    starts = []  # the line each row starts on, as the reader counts lines
    for row in rows:
        starts.append(len(io.StringIO(out.getvalue(), newline="").readlines()) + 1)
        writer.writerow(row)
    meta = parse_articles_csv(out.getvalue().encode())
    # every row is either read or named by one warning: nothing is dropped silently
    assert len(meta.articles) + len(meta.warnings) == len(rows)
    read = {article.line: name for name, article in meta.articles.items()}
    warned = [int(w.split(" line ", 1)[1].split(":", 1)[0]) for w in meta.warnings]
    assert sorted([*read, *warned]) == starts
    # an article is read from a row that names it, and every row before that one that names
    # it too was a warning
    named = {start: name.strip() for start, (name, _) in zip(starts, rows, strict=True)}
    for line, name in read.items():
        assert named[line] == name
        assert all(start in warned for start in starts if start < line and named[start] == name)
