"""Ingest (edge): read source files, decide their encoding, decode, normalise, hash.

Nothing here writes to a source file. A file that is not usable text becomes an `IngestError`
whose message a reviewer understands; the audit goes on with the other files.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from auditor.records import Document, IngestError, Role

#: Legacy code pages tried beside charset-normalizer's own candidates. On mostly-English text
#: several of them decode without error; `choose_decoding` picks the one whose non-ASCII lines a
#: language model finds most plausible (cp1250 turns Turkish ğ ı ş into đ ý ţ, which it does not).
LEGACY_ENCODINGS = ("cp1252", "cp1254", "cp1250", "cp1251", "cp1253", "iso8859_9", "latin_1")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)
#: category Cc is exactly U+0000–U+001F and U+007F–U+009F; whitespace among them is allowed
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

#: Scores how plausible a decoded line is as natural language, in [0, 1].
Plausibility = Callable[[str], float]


class NotText(ValueError):
    """The bytes are not usable text; the message is meant for a reviewer."""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def control_char_share(text: str) -> float:
    """Share of characters that are control characters (Unicode category Cc) other than
    ordinary whitespace (tab, line feed, vertical tab, form feed, carriage return)."""
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def normalise(text: str) -> str:
    """NFC, `\\n` line ends, no byte-order mark. Curly quotes and NBSP are kept as text."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _candidate_encodings(data: bytes) -> list[str]:
    seen: dict[str, None] = {}
    for match in from_bytes(data):
        seen.setdefault(codecs.lookup(match.encoding).name, None)
    for name in LEGACY_ENCODINGS:
        seen.setdefault(codecs.lookup(name).name, None)
    return list(seen)


def choose_decoding(data: bytes, plausibility: Plausibility | None) -> tuple[str, str]:
    """Decode `data`, returning `(text, encoding)`. Raises `NotText` for unusable bytes.

    Order of evidence: a byte-order mark; NUL bytes (binary); strict UTF-8; then every candidate
    that decodes, ranked by how plausible its non-ASCII lines read (ties keep the
    charset-normalizer order).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise NotText(f"not text: starts with a {name} mark but does not decode") from exc
    if b"\x00" in data:
        raise NotText("not text: looks like binary data (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    decodings: list[tuple[str, str]] = []
    for name in _candidate_encodings(data):
        try:
            decodings.append((data.decode(name), name))
        except (UnicodeDecodeError, LookupError):
            continue
    if not decodings:
        raise NotText("not text: the bytes do not decode in any known encoding")
    if plausibility is None or len(decodings) == 1:
        return decodings[0]
    non_ascii_lines = [i for i, line in enumerate(data.split(b"\n")) if any(b > 0x7F for b in line)]

    def score(decoding: tuple[str, str]) -> float:
        lines = decoding[0].split("\n")
        return sum(plausibility(lines[i]) for i in non_ascii_lines if i < len(lines))

    best = max(decodings, key=score)  # max keeps the first of equal scores
    return best


def decode_document(
    doc_id: str, role: Role, data: bytes, *, plausibility: Plausibility | None, max_control: float
) -> Document:
    """Turn raw bytes into a `Document`. Raises `NotText` with a reviewer-facing reason."""
    if not data:
        raise NotText("file is empty")
    text, encoding = choose_decoding(data, plausibility)
    share = control_char_share(text)
    if share > max_control:
        raise NotText(f"not text: looks like binary data ({share:.0%} control characters)")
    text = normalise(text)
    if not text.strip():
        raise NotText("file has no text (only whitespace)")
    return Document(doc_id, role, text, encoding, sha256_bytes(data))


def read_source(path: Path) -> bytes:
    """Read a file's bytes, turning OS errors into reviewer-facing `NotText` reasons."""
    if path.is_dir():
        raise NotText("is a folder, not a file")
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise NotText("cannot read file: it does not exist (a broken link?)") from exc
    except PermissionError as exc:
        raise NotText("cannot read file: permission denied") from exc
    except OSError as exc:
        raise NotText(f"cannot read file: {exc.strerror or exc}") from exc


def source_paths(folder: Path) -> list[Path]:
    """Every entry of `folder` a reviewer would call a source, hidden files excluded, sorted."""
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if not p.name.startswith(".")), key=lambda p: p.name)


def ingest_folder(
    folder: Path,
    role: Role,
    *,
    plausibility: Plausibility | None,
    max_control: float,
) -> Iterator[Document | IngestError]:
    """Yield one `Document` or `IngestError` per entry of `folder`, in name order."""
    for path in source_paths(folder):
        doc_id = path.name
        data = b""
        try:
            data = read_source(path)
            yield decode_document(
                doc_id, role, data, plausibility=plausibility, max_control=max_control
            )
        except NotText as exc:
            yield IngestError(doc_id, role, str(exc), sha256_bytes(data) if data else "")
