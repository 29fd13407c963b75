"""Texts derived from the plug-ins' and the columns' own descriptions, kept in docs/:

    python -m tests.derived_text     # rewrite them all

- docs/guide.md, between markers: the report formats and the engines, one line each
  (tests/test_command_line.py fails while a block differs from what the plug-ins say now);
- docs/reference.md, the whole file: every report column and edit type, written by the data
  dictionary's own sections (`auditor.reports.dictionary.sections`) with the default settings
  (tests/test_docs.py fails while it differs);
- reports/README.md, the data dictionary an audit with the default settings writes into its
  reports folder (tests/test_report.py fails while it differs).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
GUIDE = DOCS / "guide.md"
REFERENCE = DOCS / "reference.md"
REPORTS_README = ROOT / "reports" / "README.md"
COMMAND = "python -m tests.derived_text"

_REFERENCE_INTRO = f"""\
# Report reference

Every column of every CSV (the workbook's sheets hold the same columns, a reviewer's first),
how segments are scored, and every edit type. Written from the column declarations
(`auditor/reports/columns.py`, `summary.py`, `review.py`; each column an
`auditor.reports.cells.Column`) and the edit-type records (`EDIT_TYPES` in
`auditor/stages/changes/__init__.py`) by `{COMMAND}`; do not edit it by hand
(`tests/test_docs.py` fails while it differs from what they say). The same sections are in the
`README.md` that every audit writes into its reports folder, and in the workbook's "Read me"
sheet, with the settings of that audit. How to open the reports, and what each file is for:
the [user guide](guide.md#reading-the-reports)."""


def derived() -> dict[str, str]:
    """Block name → its text: the report formats and the engines, one line each."""
    from auditor.reports import formats
    from auditor.run import engines

    return {"formats": formats.listing(), "engines": engines.listing()}


def reference() -> str:
    """docs/reference.md: the data dictionary's sections with the default settings."""
    from auditor.reports import dictionary
    from auditor.settings import Settings

    settings = Settings()
    defaults = settings.signature().replace("|", "\n")
    return (
        "\n\n".join(
            [
                _REFERENCE_INTRO,
                *dictionary.sections(settings),
                "## Default settings\n\nEvery threshold the audit uses (`auditor/settings.py`), "
                "as the reports' signature names it:\n\n```\n" + defaults + "\n```",
            ]
        )
        + "\n"
    )


def _block(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- {name}: derived[^\n]*-->\n)(.*?)(\n<!-- /{name} -->)", re.DOTALL)


def blocks(text: str) -> dict[str, str | None]:
    """The text of each derived block in `text` (None: no such block)."""
    found = {name: _block(name).search(text) for name in derived()}
    return {name: match.group(2) if match else None for name, match in found.items()}


def update(text: str) -> str:
    for name, body in derived().items():
        text = _block(name).sub(lambda m, body=body: m.group(1) + body + m.group(3), text)
    return text


if __name__ == "__main__":
    GUIDE.write_text(update(GUIDE.read_text(encoding="utf-8")), encoding="utf-8")
    REFERENCE.write_text(reference(), encoding="utf-8")
    from auditor.reports import dictionary
    from auditor.settings import Settings

    REPORTS_README.write_text(dictionary.render(Settings()), encoding="utf-8")
    names = (GUIDE, REFERENCE, REPORTS_README)
    print("updated " + ", ".join(str(p.relative_to(ROOT)) for p in names))
