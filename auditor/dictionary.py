"""The data dictionary `reports/README.md`, rendered from `auditor.columns` (pure)."""

from __future__ import annotations

from auditor import __version__
from auditor.columns import FRAGMENTS, SEGMENTS, SUMMARY, Column
from auditor.settings import Settings

_INTRO = """\
# Reports of `auditor` — data dictionary

Written by `auditor audit` (version {version}); do not edit by hand, the next audit replaces it.

Every CSV is UTF-8 with a byte-order mark (Excel keeps Turkish letters) and `\\r\\n` line ends.
A text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
or a carriage return) is written with a leading apostrophe `'`; the rest of the text is kept.
Lists inside one cell are separated by `; `. An empty cell means "does not apply" (for example,
no scores for an article that reports another event).

How to read them: open `summary.csv` first, one row per article. `status` says whether the
article was compared with an official document (`ok`), reports another event
(`no_official_match`: nothing is scored and no misquote is alleged) or could not be read
(`error`, with the reason in `error`). Then filter `segments.csv` on `article_id` to see each
sentence and quotation beside the official wording it aligns to. `fragments.csv` lists the
text that is not in English.

Untranslated fragments (`status` = `no_model`) need an offline translation package, e.g. for
Turkish: `auditor models install translate-tr_en.argosmodel` (a file you copied) or
`auditor models install tr en --download` (the only command that uses the network).
"""


def _table(columns: list[Column]) -> str:
    lines = ["| column | type | unit | meaning | example |", "|---|---|---|---|---|"]
    for c in columns:
        example = f"`{c.example}`" if c.example else ""
        lines.append(f"| `{c.name}` | {c.type} | {c.unit} | {c.meaning} | {example} |")
    return "\n".join(lines)


def render(settings: Settings) -> str:
    """Markdown text of the data dictionary for reports produced with `settings`."""
    sections = [
        _INTRO.format(version=__version__),
        "## summary.csv — one row per article\n\n" + _table(SUMMARY),
        "## segments.csv — one row per segment\n\n" + _table(SEGMENTS),
        "## fragments.csv — one row per segment not in English\n\n" + _table(FRAGMENTS),
        "## Settings of this audit\n\n```\n" + settings.signature() + "\n```",
    ]
    return "\n\n".join(sections) + "\n"
