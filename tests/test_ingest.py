"""Ingest: encodings are decided on evidence, bad files become reviewer-readable errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from auditor.records import Document, IngestError, Role
from auditor.stages.ingest import (
    NotText,
    choose_decoding,
    decode_document,
    ingest_folder,
    normalise,
    read_source,
    source_entries,
    source_paths,
)
from auditor.stages.language import Identifier
from tests.conftest import CYPRUS

TURKISH = "Suç teşkil edecek, yasadışı, tehditkar, rahatsız edici içerikler Üyelere aittir.\n"
FRENCH = "Le café était naïve à Genève, déjà très apprécié.\n"


def _plausibility(identifier: Identifier):  # type: ignore[no-untyped-def]
    return lambda line: identifier(line)[1]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("NATO Secretary General said.\n" + TURKISH, "utf-8"),
        ("NATO Secretary General said.\n" + TURKISH, "utf-8-sig"),
        ("NATO Secretary General said.\n" + TURKISH, "cp1254"),
        ("NATO Secretary General said.\n" + TURKISH, "utf-16"),
        ("Ministers met in Bucharest.\n" + FRENCH, "latin-1"),
        ("Ministers met in Bucharest.\n" + FRENCH, "cp1252"),
    ],
)
def test_encodings_decode_to_the_original_letters(
    text: str, encoding: str, identifier: Identifier
) -> None:
    decoded, _ = choose_decoding(text.encode(encoding), _plausibility(identifier))
    assert normalise(decoded) == text


def test_cp1254_seed_keeps_turkish_letters(identifier: Identifier) -> None:
    """The mostly-English Cyprus article re-encoded as cp1254: ğ ı ş must not become đ ý ţ."""
    original = CYPRUS.read_text(encoding="utf-8")
    data = original.encode("cp1254", errors="strict")
    doc = decode_document(
        "x.txt", Role.ARTICLE, data, plausibility=_plausibility(identifier), max_control=0.01
    )
    assert doc.text == original
    assert "yasadışı" in doc.text and "teşkil" in doc.text and "Diğer" in doc.text
    assert "đ" not in doc.text and "ý" not in doc.text and "ţ" not in doc.text


def test_utf8_is_hashed_on_raw_bytes_and_normalised_to_nfc(identifier: Identifier) -> None:
    data = "Cafe\u0301 line one.\r\nLine two.\r\n".encode()
    doc = decode_document("x.txt", Role.ARTICLE, data, plausibility=None, max_control=0.01)
    assert doc.text == "Café line one.\nLine two.\n"
    import hashlib

    assert doc.content_sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"   \n\n\t  \n", "file has no text (only whitespace)"),
        (b"\x00" * 512, "not text: looks like binary data (contains NUL bytes)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text: looks like binary data"),
        (bytes(range(1, 32)) * 20, "not text: looks like binary data"),
    ],
)
def test_bad_bytes_give_a_reason_a_reviewer_understands(data: bytes, reason: str) -> None:
    with pytest.raises(NotText) as caught:
        decode_document("x.txt", Role.ARTICLE, data, plausibility=None, max_control=0.01)
    assert str(caught.value).startswith(reason)


def test_bad_files_become_errors_and_the_others_are_read(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text("A good article about NATO ministers.\n")
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "d-folder.txt").mkdir()
    os.symlink(tmp_path / "missing.txt", tmp_path / "e-broken-link.txt")
    (tmp_path / ".hidden.txt").write_text("editor backup, not an article\n")

    items = list(
        ingest_folder(
            tmp_path,
            Role.ARTICLE,
            plausibility=None,
            max_control=0.01,
            inside=[tmp_path],
            max_bytes=1_000_000,
        )
    )
    by_id = {item.doc_id: item for item in items}

    assert set(by_id) == {
        "a-good.txt",
        "b-empty.txt",
        "c-binary.txt",
        "d-folder.txt",
        "e-broken-link.txt",
    }
    assert isinstance(by_id["a-good.txt"], Document)
    errors = {k: v.error for k, v in by_id.items() if isinstance(v, IngestError)}
    assert errors == {
        "b-empty.txt": "file is empty",
        "c-binary.txt": "not text: looks like binary data (contains NUL bytes)",
        "d-folder.txt": "is a folder, not a file",
        "e-broken-link.txt": "cannot read file: it does not exist (a broken link?)",
    }


def _read(path: Path | os.DirEntry[str], inside: Path) -> bytes | str:
    try:
        return read_source(path, inside=[inside], max_bytes=1_000)
    except NotText as exc:
        return f"NotText: {exc}"


def test_a_folders_entries_read_as_its_paths_links_included(tmp_path: Path) -> None:
    """The unchanged run hashes a folder's entries (`source_entries`, which know a link
    without asking again): the same sources, in the same order, read the same as their paths
    — a link inside the corpus followed, one outside refused, a hidden file left out."""
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("not the corpus's\n")
    (corpus / "b-plain.txt").write_text("An article.\n")
    (corpus / "c-large.txt").write_bytes(b"x" * 2_000)
    (corpus / ".hidden.txt").write_text("editor backup\n")
    (corpus / "d-folder").mkdir()
    os.symlink(corpus / "b-plain.txt", corpus / "a-link-inside.txt")
    os.symlink(outside / "secret.txt", corpus / "e-link-outside.txt")
    os.symlink(corpus / "missing.txt", corpus / "f-broken.txt")

    entries, paths = source_entries(corpus), source_paths(corpus)
    assert (
        [e.name for e in entries]
        == [p.name for p in paths]
        == [
            "a-link-inside.txt",
            "b-plain.txt",
            "c-large.txt",
            "d-folder",
            "e-link-outside.txt",
            "f-broken.txt",
        ]
    )
    read = {e.name: _read(e, corpus) for e in entries}
    assert read == {p.name: _read(p, corpus) for p in paths}
    assert read["a-link-inside.txt"] == read["b-plain.txt"] == b"An article.\n"
    assert read["e-link-outside.txt"] == "NotText: link points outside the corpus"
    assert str(read["c-large.txt"]).startswith("NotText: too large")
    assert source_entries(tmp_path / "absent") == []


#: prose with long runs of letters beyond ASCII (few spaces: few NUL bytes in UTF-16)
LONG_RUNS = {
    "ru": "Министриностранныхделзаявилчтовстречапрошлауспешно. " * 8,
    "el": "ουπουργόςεξωτερικώντηςελλάδαςδήλωσεότιησυνάντησηήτανσημαντική. " * 8,
    "tr": "Dışişlerindenyapılanaçıklamadaşüphelerinsürdüğübelirtildi. " * 8,
}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("language", sorted(LONG_RUNS))
def test_unicode_without_a_mark_decodes_with_long_runs_beyond_ascii(
    language: str, encoding: str, identifier: Identifier
) -> None:
    text = LONG_RUNS[language]
    assert choose_decoding(text.encode(encoding), _plausibility(identifier)) == (text, encoding)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("“We do not see China as an adversary,” NATO’s chief said — in Bucharest.\n", "cp1254"),
        ("Levent ÖZADAM’dan: “ığdır şüphe” — Türkçe bir satır.\nAnd an English one.\n", "cp1254"),
        ("Der Außenminister sagte: „Wir müssen größer denken.“\n", "cp1252"),
        ("Министр сказал: «Мы не видим угрозы» — и ушёл.\n", "cp1251"),
        ("Ο Υπουργός δήλωσε ότι η συνάντηση ήταν σημαντική.\n", "cp1253"),
    ],
)
def test_legacy_text_is_decoded_in_its_code_page_never_called_binary(
    text: str, encoding: str, identifier: Identifier
) -> None:
    doc = decode_document(
        "x.txt",
        Role.ARTICLE,
        text.encode(encoding),
        plausibility=_plausibility(identifier),
        max_control=0.01,
    )
    assert doc.text == text


def test_the_undefined_high_bytes_of_a_code_page_are_no_sign_of_binary_data() -> None:
    """Bytes 0x81 and 0x8d decode in no Windows page but latin-1, as C1 controls (5 % here):
    still text."""
    data = (b"An English line with a stray byte here: " + b"\x81\x8d") * 20
    doc = decode_document("x.txt", Role.ARTICLE, data, plausibility=None, max_control=0.01)
    assert doc.text.startswith("An English line")


@pytest.mark.parametrize(
    ("size", "limit", "read"),
    [
        (1, 10, True),
        (10, 10, True),  # exactly the limit
        (11, 10, False),
        ((1 << 20) - 1, 1 << 22, True),
        (1 << 20, 1 << 22, True),  # one whole chunk, then the end
        ((1 << 20) + 1, 1 << 22, True),
        (3 * (1 << 20) + 7, 1 << 22, True),
    ],
)
def test_a_source_is_read_whole_up_to_its_limit(
    tmp_path: Path, size: int, limit: int, read: bool
) -> None:
    path = tmp_path / "a.txt"
    data = bytes(i % 251 for i in range(size))
    path.write_bytes(data)
    if read:
        assert read_source(path, inside=[tmp_path], max_bytes=limit) == data
    else:
        with pytest.raises(NotText, match="too large"):
            read_source(path, inside=[tmp_path], max_bytes=limit)


@pytest.mark.parametrize("reported", [0, 5, 4095])
def test_a_file_larger_than_its_size_said_is_still_read_whole_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reported: int
) -> None:
    """A file that grows between the size check and the read (the size seen is smaller than
    the bytes there): every byte is read, and the limit still holds."""
    path = tmp_path / "a.txt"
    data = b"word " * 2000
    path.write_bytes(data)
    real_fstat = os.fstat

    def smaller(fd: int) -> os.stat_result:
        info = list(real_fstat(fd))
        info[stat.ST_SIZE] = reported
        return os.stat_result(info)

    monkeypatch.setattr(os, "fstat", smaller)
    assert read_source(path, inside=[tmp_path], max_bytes=len(data)) == data
    with pytest.raises(NotText, match="too large"):
        read_source(path, inside=[tmp_path], max_bytes=len(data) - 1)
