"""Text from the user's files shown safely on a terminal (edge: terminal; no dependencies, so
that every command can use it).

A file name is whatever bytes its creator chose: an ESC sequence recolours or clears the
terminal, a bidi override (U+202E) shows `txt.exe` as `exe.txt`, a line separator forges a
line of output. Every name, path or message printed to the terminal goes through `shown`.
"""

from __future__ import annotations

import unicodedata

#: control and format characters (bidi overrides and isolates, zero-width characters, byte
#: order marks), line and paragraph separators, surrogates, private-use and unassigned code
#: points: shown as escapes
_ESCAPED = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def shown(text: str) -> str:
    """`text` with every character that could steer a terminal shown as an escape
    (`\\x1b`, `\\u202e`), everything else as it is."""
    if text.isprintable():  # nearly every name: nothing to escape
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _ESCAPED else c for c in text)


def _escape(character: str) -> str:
    code = ord(character)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
