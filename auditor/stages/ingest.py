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

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)
#: category Cc is exactly U+0000–U+001F and U+007F–U+009F; whitespace among them is allowed
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: control characters other than C1: in a single-byte code page, U+0080–U+009F are high bytes
#: the page leaves undefined, never a sign of binary data
_C0_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
#: Unicode without a byte-order mark, tried for bytes that hold NUL
_WIDE_ENCODINGS = ("utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")
#: bytes of distinct non-ASCII lines on which the code pages of a legacy file are ranked (and
#: characters on which a wide decoding is)
_SAMPLE_BYTES = 64_000

#: Scores how plausible a decoded line is as natural language, in [0, 1] (the language model:
#: the last word between decodings that read equally well letter by letter).
LinePlausibility = Callable[[str], float]
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


def control_char_share(text: str, *, single_byte: bool = False) -> float:
    """Share of characters that are control characters (Unicode category Cc) other than
    ordinary whitespace (tab, line feed, vertical tab, form feed, carriage return).

    single_byte: the text comes from a single-byte code page, where U+0080–U+009F are high
    bytes the page leaves undefined: not counted."""
    if not text:
        return 0.0
    return len((_C0_CONTROL if single_byte else _CONTROL).findall(text)) / len(text)


def normalise(text: str) -> str:
    """NFC, `\\n` line ends, no byte-order mark. Curly quotes and NBSP are kept as text."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _candidate_encodings(data: bytes) -> list[str]:
    """The code pages of the identifier's languages, then charset-normalizer's candidates."""
    # imported here: only a file that is not UTF-8 needs it, and an unchanged re-audit none
    from charset_normalizer import from_bytes

    from auditor.stages.plausible import legacy_encodings

    seen: dict[str, None] = dict.fromkeys(codecs.lookup(name).name for name in legacy_encodings())
    for match in from_bytes(data):
        seen.setdefault(codecs.lookup(match.encoding).name, None)
    return list(seen)


def choose_decoding(
    data: bytes, plausibility: LinePlausibility | None, max_control: float = 0.01
) -> tuple[str, str]:
    """Decode `data`, returning `(text, encoding)`. Raises `NotText` for unusable bytes.

    Order of evidence: a byte-order mark; for bytes that hold NUL, UTF-16 or UTF-32 without a
    mark (else binary data); strict UTF-8; then the legacy code pages of the identifier's
    languages and charset-normalizer's candidates. Candidates are ranked by how plausibly
    their text reads (`auditor.stages.plausible`: no control characters, letters of a known
    language cased as words, typographic marks), never by a detector's first guess; the
    language model's verdict on the lines in which they differ breaks ties, then their order.
    The encoding is named as `codecs` names it (`cp1254`, `utf-16-le`).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), codecs.lookup(name).name
            except UnicodeDecodeError as exc:
                raise NotText(f"not text: starts with a {name} mark but does not decode") from exc
    if b"\x00" in data:
        wide = _ranked(_decodings(data, _WIDE_ENCODINGS), plausibility)
        if not wide or not _reads_as_text(wide[0][0], max_control):
            raise NotText("not text: looks like binary data (contains NUL bytes)")
        return wide[0]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # only the lines with bytes beyond ASCII differ between code pages: they are the evidence
    sample = _high_byte_lines(data)
    ranked = _ranked(_decodings(sample, _candidate_encodings(sample)), plausibility)
    for _, name in ranked:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue  # a byte beyond the sample that this code page leaves undefined
    raise NotText("not text: the bytes do not decode in any known encoding")


def _high_byte_lines(data: bytes) -> bytes:
    """The distinct lines of `data` that hold a byte beyond ASCII, at most `_SAMPLE_BYTES` of
    them (a long file repeats its letters; ranking every code page on all of it would cost
    seconds per megabyte)."""
    kept: dict[bytes, None] = {}
    size = 0
    for line in data.split(b"\n"):
        if line not in kept and not line.isascii():
            kept[line] = None
            size += len(line) + 1
            if size >= _SAMPLE_BYTES:
                break
    return b"\n".join(kept)


def _decodings(data: bytes, encodings: Sequence[str]) -> list[tuple[str, str]]:
    """(text, encoding) for each encoding that decodes `data` strictly; a text that an
    earlier encoding already gave is kept under that one's name."""
    found: dict[str, str] = {}
    for name in encodings:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        found.setdefault(text, codecs.lookup(name).name)
    return list(found.items())


def _ranked(
    decodings: list[tuple[str, str]], plausibility: LinePlausibility | None
) -> list[tuple[str, str]]:
    """The decodings, most plausible first: by how their text reads, then (among equals) by
    the language model's verdict on the lines in which they differ, then in their order."""
    from auditor.stages.plausible import plausibility as reads

    scores = [reads(text[:_SAMPLE_BYTES]) for text, _ in decodings]
    top = max(scores, default=None)
    tied = [d for d, score in zip(decodings, scores, strict=True) if score == top]
    if plausibility is not None and len(tied) > 1:
        first = _by_language_model(tied, plausibility)
        tied.remove(first)
        tied.insert(0, first)
    order = sorted(range(len(decodings)), key=lambda k: scores[k], reverse=True)  # stable
    return tied + [decodings[k] for k in order if decodings[k] not in tied]


def _by_language_model(
    decodings: list[tuple[str, str]], plausibility: LinePlausibility
) -> tuple[str, str]:
    """The decoding whose differing lines the language model finds most plausible (the first
    of equal ones)."""
    split = [text.split("\n") for text, _ in decodings]
    rows = range(min(len(lines) for lines in split))
    differing = [i for i in rows if len({lines[i] for lines in split}) > 1]

    def score(lines: list[str]) -> float:
        return sum(plausibility(lines[i]) for i in differing)

    best = max(range(len(decodings)), key=lambda k: score(split[k]))  # the first of equals
    return decodings[best]


def _reads_as_text(text: str, max_control: float) -> bool:
    """A wide (UTF-16, UTF-32) decoding is text when it has at most the `max_control` share
    of control characters and reads more for than against (binary data decodes to scattered
    CJK and controls)."""
    from auditor.stages.plausible import plausibility as reads

    verdict = reads(text)
    return verdict.controls <= max_control * len(text) and verdict.score >= 0


def decode_document(
    doc_id: str,
    role: Role,
    data: bytes,
    *,
    plausibility: LinePlausibility | None,
    max_control: float,
) -> Document:
    """Turn raw bytes into a `Document`. Raises `NotText` with a reviewer-facing reason."""
    from auditor.records import Document

    if not data:
        raise NotText("file is empty")
    text, encoding = choose_decoding(data, plausibility, max_control)
    share = control_char_share(text, single_byte=_single_byte(encoding))
    if share > max_control:
        raise NotText(f"not text: looks like binary data ({share:.0%} control characters)")
    text = normalise(text)
    if not text.strip():
        raise NotText("file has no text (only whitespace)")
    return Document(doc_id, role, text, encoding, sha256_bytes(data))


def _single_byte(encoding: str) -> bool:
    return not encoding.startswith("utf")


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def read_source(path: Path | os.DirEntry[str], *, inside: Sequence[Path], max_bytes: int) -> bytes:
    """Read a source file's bytes, turning everything that is not a readable regular file
    into a reviewer-facing `NotText` reason.

    path: a path, or a folder's entry (`source_entries`), which knows whether it is a link
    without asking the file system again;
    inside: the folders a symbolic link may point into (the corpus, resolved);
    max_bytes: the size limit (`--max-article-mb`): a larger file is not read at all.
    """
    name = os.fspath(path)
    if path.is_symlink() if isinstance(path, os.DirEntry) else os.path.islink(name):
        target = Path(os.path.realpath(name))
        if not any(target.is_relative_to(folder) for folder in inside):
            raise NotText("link points outside the corpus")
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer (it has no effect on
        # reading a regular file, the only kind read; Windows has no such flag, nor pipes here)
        fd = os.open(name, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise NotText("cannot read file: it does not exist (a broken link?)") from exc
    except IsADirectoryError as exc:
        raise NotText("is a folder, not a file") from exc
    except PermissionError as exc:
        raise NotText("cannot read file: permission denied") from exc
    except OSError as exc:
        raise NotText(_os_reason(exc)) from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotText("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise NotText(f"not a regular file ({_file_type(info.st_mode)}): not read")
        if info.st_size > max_bytes:
            raise NotText(_too_large(info.st_size, max_bytes))
        chunks, size = [], 0
        while size <= max_bytes:
            # one byte more than the file's size: a short read of a regular file is its end,
            # so a file read whole takes one call, and one that grew is still seen
            expected = info.st_size + 1 - size if size < info.st_size else 1 << 16
            wanted = min(1 << 20, max_bytes + 1 - size, expected)
            chunk = os.read(fd, wanted)
            chunks.append(chunk)
            size += len(chunk)
            if len(chunk) < wanted:
                break
        if size > max_bytes:  # it grew while being read
            raise NotText(_too_large(size, max_bytes))
        return b"".join(chunks)
    except NotText:
        raise
    except OSError as exc:
        raise NotText(_os_reason(exc)) from exc
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


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "cannot read file: a link that points to itself"
    return f"cannot read file: {exc.strerror or exc}"


def source_paths(folder: Path) -> list[Path]:
    """Every entry of `folder` a reviewer would call a source, hidden files excluded, sorted."""
    return [folder / entry.name for entry in source_entries(folder)]


def source_entries(folder: Path) -> list[os.DirEntry[str]]:
    """`source_paths` as the folder's entries (`os.scandir`): what an unchanged run hashes,
    without a path object or a link check per file."""
    if not folder.is_dir():
        return []
    with os.scandir(folder) as found:
        return sorted((e for e in found if not e.name.startswith(".")), key=_entry_name)


def _entry_name(entry: os.DirEntry[str]) -> str:
    return entry.name


def ingest_folder(
    folder: Path,
    role: Role,
    *,
    plausibility: LinePlausibility | None,
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
