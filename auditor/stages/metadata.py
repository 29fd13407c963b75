"""Article metadata (pure): the optional `corpus/articles.csv` → each article's outlet, URL and
publication time.

The file is untrusted text that people edit in spreadsheets: every row is checked, a bad row is
one warning naming its line and is ignored (its article keeps the defaults), and nothing in the
file can stop the audit. Columns, by header name in any case and order: `file` (the article's
file name in `articles/`, required), `outlet`, `url` (http or https), `published` (`2022-11-30`,
or a time with its zone: `2022-11-30T14:05:00+03:00`, `…Z`). A file exported by a spreadsheet
set to a comma-decimal language, separated by `;`, is read as well.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import PurePosixPath

ARTICLES_CSV = "articles.csv"
#: articles.csv larger than this is not read (a line per article: 10,000 articles are ~1 MB)
MAX_METADATA_BYTES = 64 * 10**6
COLUMNS = ("file", "outlet", "url", "published")
#: longest outlet name kept (a cell pasted by mistake is not an outlet)
MAX_OUTLET = 200
MAX_URL = 2000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ArticleMeta:
    """What articles.csv says of one article (empty: not given)."""

    outlet: str = ""
    url: str = ""
    #: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SSZ` in UTC
    published: str = ""
    line: int = 0  #: the row's line in articles.csv


@dataclass(frozen=True)
class Metadata:
    """The valid rows of articles.csv by file name, and a warning per bad row."""

    articles: Mapping[str, ArticleMeta]
    warnings: tuple[str, ...] = ()


class _BadRow(ValueError):
    """A row that cannot be used; the message says why."""


def parse_articles_csv(data: bytes, where: str = ARTICLES_CSV) -> Metadata:
    """The articles.csv bytes `data` → its valid rows and one warning per bad row; `where`
    names the file in the warnings."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Metadata({}, (f"{where}: not UTF-8 text (byte {exc.start}); ignored",))
    rows = _rows(text)
    warnings: list[str] = []
    header: list[str] | None = None
    articles: dict[str, ArticleMeta] = {}
    for line, row in rows:
        if isinstance(row, str):
            warnings.append(f"{where} line {line}: {row}; row ignored")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in row]
            if "file" not in header:
                named = ", ".join(f"`{c}`" for c in COLUMNS)
                warnings.append(
                    f"{where} line {line}: the header has no `file` column (expected {named}); "
                    f"the file is ignored"
                )
                return Metadata({}, tuple(warnings))
            unknown = [c for c in header if c not in COLUMNS]
            if unknown:
                warnings.append(
                    f"{where} line {line}: unknown column {', '.join(map(repr, unknown))} ignored"
                )
            continue
        try:
            name, meta = _article(header, row, line)
        except _BadRow as exc:
            warnings.append(f"{where} line {line}: {exc}; row ignored")
            continue
        if name in articles:
            first = articles[name].line
            warnings.append(
                f"{where} line {line}: {name!r} is already described on line {first}; row ignored"
            )
            continue
        articles[name] = meta
    if header is None:
        warnings.append(f"{where}: empty, no header row; ignored")
    return Metadata(articles, tuple(warnings))


def _rows(text: str) -> Iterator[tuple[int, list[str] | str]]:
    """(line where the row starts, its cells) or (line, why it cannot be read)."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, f"cannot be read as CSV ({exc})"
            if reader.line_num < start:  # nothing consumed: stop rather than loop
                return
            start = reader.line_num + 1
            continue
        yield start, row
        start = reader.line_num + 1


def _article(header: list[str], row: list[str], line: int) -> tuple[str, ArticleMeta]:
    if len(row) > len(header):
        raise _BadRow(f"{len(row)} cells but the header names {len(header)} columns")
    cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
    name = _file_name(cells.get("file", ""))
    return name, ArticleMeta(
        outlet=_outlet(cells.get("outlet", "")),
        url=_url(cells.get("url", "")),
        published=_published(cells.get("published", "")),
        line=line,
    )


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text)


def _file_name(value: str) -> str:
    if not value:
        raise _BadRow("`file` is empty")
    if "/" in value or "\\" in value or value in (".", "..") or value.startswith("."):
        raise _BadRow(f"`file` {value!r} is not a file name in articles/ (no folders)")
    if _has_control(value):
        raise _BadRow("`file` holds control characters")
    return str(PurePosixPath(value))


def _outlet(value: str) -> str:
    value = _SPACE.sub(" ", value)
    if _has_control(value):
        raise _BadRow("`outlet` holds control characters")
    if len(value) > MAX_OUTLET:
        raise _BadRow(f"`outlet` is {len(value):,} characters long (at most {MAX_OUTLET})")
    return value


def _url(value: str) -> str:
    if not value:
        return ""
    bad = _BadRow(f"`url` {value[:80]!r} is not an http(s) address")
    if len(value) > MAX_URL or _has_control(value) or any(ch.isspace() for ch in value):
        raise bad
    try:
        from urllib.parse import urlsplit  # only when a row has a URL

        parts = urlsplit(value)
    except ValueError:
        raise bad from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise bad
    return value


def _published(value: str) -> str:
    """`YYYY-MM-DD` as it is; a time with its zone → UTC `YYYY-MM-DDTHH:MM:SSZ`."""
    if not value:
        return ""
    bad = _BadRow(
        f"`published` {value[:40]!r} is not a date (2022-11-30) or a time with its zone "
        f"(2022-11-30T14:05:00+03:00)"
    )
    if _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise bad from None
    match = _TIME.fullmatch(value)
    if not match:
        raise bad
    if not match.group(3):
        raise _BadRow(f"`published` {value!r} has no time zone (add Z for UTC, or +03:00)")
    try:
        moment = datetime.fromisoformat(value.replace(" ", "T", 1)).astimezone(UTC)
    except (ValueError, OverflowError):
        raise bad from None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def outlet_of(article_id: str, meta: ArticleMeta | None) -> str:
    """The article's outlet: articles.csv's, or the file's name without its extension."""
    if meta is not None and meta.outlet:
        return meta.outlet
    return PurePosixPath(article_id).stem or article_id
