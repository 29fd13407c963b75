"""Texts derived from the plug-ins' own descriptions, kept in the README between markers.

    python -m tests.derived_text     # rewrite the README's derived blocks

tests/test_command_line.py fails while a block differs from what the plug-ins say now (a format
or an engine added, renamed or described anew).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def derived() -> dict[str, str]:
    """Block name → its text: the report formats and the engines, one line each."""
    from auditor.reports import formats
    from auditor.run import engines

    return {"formats": formats.listing(), "engines": engines.listing()}


def _block(name: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- {name}: derived[^\n]*-->\n)(.*?)(\n<!-- /{name} -->)", re.DOTALL)


def blocks(text: str) -> dict[str, str | None]:
    """The README's text of each derived block (None: no such block)."""
    found = {name: _block(name).search(text) for name in derived()}
    return {name: match.group(2) if match else None for name, match in found.items()}


def update(text: str) -> str:
    for name, body in derived().items():
        text = _block(name).sub(lambda m, body=body: m.group(1) + body + m.group(3), text)
    return text


if __name__ == "__main__":
    README.write_text(update(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"updated {README}")
