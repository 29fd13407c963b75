"""Ingest (edge): read source files, decide their encoding, decode, normalise, hash.

Nothing here writes to a source file. A file that is not usable text becomes an `IngestError`
whose message a reviewer understands; the audit goes on with the other files. Only regular files
are read (a named pipe would block forever, a device never ends), at most the size limit, and a
symbolic link only when it points inside the corpus.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # reading and hashing files (an unchanged run) needs no record types
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


#: in UTF-16 text of a Latin, Cyrillic or Greek script, one byte of each pair is NUL for every
#: ASCII character (spaces, digits, punctuation at least) and the other byte almost never is
_UTF16_MIN_NUL_SHARE = 0.1
_UTF16_MAX_OTHER_NUL_SHARE = 0.01
_MB = 1_000_000


class NotText(ValueError):
    """The bytes are not usable text; the message is meant for a reviewer."""


def source_id(name: str) -> str:
    """The id of a source file, from its name as the OS gives it (`os.fsdecode`).

    A name that is not UTF-8 keeps each byte that does not decode as `\\xNN` (and a backslash
    as `\\\\`), so the id is text that SQLite, JSON and a spreadsheet accept, names its file
    unambiguously, and no two files share it. Every other name is its own id."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(name).replace(b"\\", b"\\\\")
        return raw.decode("utf-8", "backslashreplace")
    return name.replace("\\", "\\\\")


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
    # imported here: only a file that is not UTF-8 needs it, and an unchanged re-audit none
    from charset_normalizer import from_bytes

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
    utf16 = _utf16_without_mark(data)
    if utf16 is not None:
        return utf16
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


def _utf16_without_mark(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark, recognised by its byte pattern (NUL bytes in one
    position of each pair and almost never in the other); None when the bytes are not that."""
    if len(data) < 4 or len(data) % 2:
        return None
    first, second = data[0::2], data[1::2]
    first_nul, second_nul = first.count(0) / len(first), second.count(0) / len(second)
    for name, high, low in (
        ("utf_16_le", second_nul, first_nul),
        ("utf_16_be", first_nul, second_nul),
    ):
        if high >= _UTF16_MIN_NUL_SHARE and low <= _UTF16_MAX_OTHER_NUL_SHARE:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return None
    return None


def decode_document(
    doc_id: str, role: Role, data: bytes, *, plausibility: Plausibility | None, max_control: float
) -> Document:
    """Turn raw bytes into a `Document`. Raises `NotText` with a reviewer-facing reason."""
    from auditor.records import Document

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


def read_source(path: Path, *, inside: Sequence[Path], max_bytes: int) -> bytes:
    """Read a source file's bytes, turning everything that is not a readable regular file
    into a reviewer-facing `NotText` reason.

    inside: the folders a symbolic link may point into (the corpus, resolved);
    max_bytes: the size limit (`--max-article-mb`): a larger file is not read at all.
    """
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not any(target.is_relative_to(folder) for folder in inside):
            raise NotText("link points outside the corpus")
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise NotText("cannot read file: it does not exist (a broken link?)") from exc
    except IsADirectoryError as exc:
        raise NotText("is a folder, not a file") from exc
    except PermissionError as exc:
        raise NotText("cannot read file: permission denied") from exc
    except OSError as exc:
        raise NotText(_os_reason(path, exc)) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotText("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise NotText(f"not a regular file ({_file_type(info.st_mode)}): not read")
        if info.st_size > max_bytes:
            raise NotText(_too_large(info.st_size, max_bytes))
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:  # it grew while being read
            raise NotText(_too_large(size, max_bytes))
        return b"".join(chunks)
    except NotText:
        raise
    except OSError as exc:
        raise NotText(_os_reason(path, exc)) from exc
    finally:
        os.close(fd)


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large: {size / _MB:.1f} MB, limit {max_bytes / _MB:g} MB (--max-article-mb)"


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a plain file"


def _os_reason(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read file: a link that points to itself"
    return f"cannot read file: {exc.strerror or exc}"


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
    inside: Sequence[Path],
    max_bytes: int,
) -> Iterator[Document | IngestError]:
    """Yield one `Document` or `IngestError` per entry of `folder`, in name order."""
    from auditor.records import IngestError

    for path in source_paths(folder):
        doc_id = source_id(path.name)
        data = b""
        try:
            data = read_source(path, inside=inside, max_bytes=max_bytes)
            yield decode_document(
                doc_id, role, data, plausibility=plausibility, max_control=max_control
            )
        except NotText as exc:
            yield IngestError(doc_id, role, str(exc), sha256_bytes(data) if data else "")
