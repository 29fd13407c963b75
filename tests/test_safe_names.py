"""Every name printed to the terminal is made safe: an ESC sequence, a bidi override or a line
separator in a file name is shown as an escape, never sent to the terminal."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from auditor.cli import app
from auditor.cli.safe import shown
from tests.conftest import CORPUS, TURKISH_OUTLET

UNSAFE = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("plain-name.txt", "plain-name.txt"),
        ("Erdoğan’s speech — 30.11.txt", "Erdoğan’s speech — 30.11.txt"),
        ("10\u00a0km.txt", "10\u00a0km.txt"),  # a no-break space is a space
        ("\x1b[31mred\x1b[0m.txt", "\\x1b[31mred\\x1b[0m.txt"),
        ("\x1b]0;pwned\x07.txt", "\\x1b]0;pwned\\x07.txt"),  # sets the window title
        ("invoice\u202etxt.exe", "invoice\\u202etxt.exe"),  # shows as invoiceexe.txt
        (
            "a\u2066b\u2069c\u200fd\u200ee\u061cf.txt",
            "a\\u2066b\\u2069c\\u200fd\\u200ee\\u061cf.txt",
        ),
        ("new\nline\r.txt", "new\\x0aline\\x0d.txt"),
        ("tab\t.txt", "tab\\x09.txt"),
        ("c1\x9bcontrol.txt", "c1\\x9bcontrol.txt"),  # the one-byte CSI
        ("forged\u2028line.txt", "forged\\u2028line.txt"),
        ("zero\u200bwidth\ufeff.txt", "zero\\u200bwidth\\ufeff.txt"),
        ("tag\U000e0041.txt", "tag\\U000e0041.txt"),
    ],
)
def test_a_name_is_shown_with_its_unsafe_characters_escaped(name: str, expected: str) -> None:
    assert shown(name) == expected


@given(st.text())
def test_nothing_shown_steers_a_terminal(text: str) -> None:
    assert not any(unicodedata.category(c) in UNSAFE for c in shown(text))


HOSTILE_NAMES = [
    "\x1b[2J\x1b[31mcleared.txt",
    "invoice\u202etxt.exe",
    "isolate\u2066d\u2069.txt",
    "forged\u2028note.txt",
]


def _raw_unsafe(output: str) -> list[str]:
    return sorted({c for c in output if c != "\n" and unicodedata.category(c) in UNSAFE})


def test_the_audit_table_json_notes_and_report_show_hostile_names_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    for name in HOSTILE_NAMES:
        shutil.copy(TURKISH_OUTLET, corpus / "articles" / name)
    (corpus / "articles" / "binary\x1b[5m.txt").write_bytes(b"\x00\x01\x02" * 50)  # an error row
    (corpus / "official" / "\x1b[7mofficial.txt").write_bytes(b"")  # a skipped official text
    reports = tmp_path / "reports\x1b[1m"
    monkeypatch.setenv("AUDITOR_MODELS_DIR", str(tmp_path / "no-models"))
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    outputs = {}
    for label, words in {
        "table": ["audit", str(corpus), "--reports", str(reports)],
        "json": ["audit", str(corpus), "--reports", str(reports), "--json", "--full"],
        "report": ["report", "--reports", str(reports)],
    }.items():
        result = runner.invoke(app, words)
        assert result.exit_code == 0, result.output
        outputs[label] = result.output
        assert _raw_unsafe(result.output) == [], label
    table = outputs["table"]
    assert "invoice\\u202etxt.exe" in table
    assert "\\x1b[2J\\x1b[31mcleared.txt" in table
    assert "binary\\x1b[5m.txt" in table  # its error line
    assert "\\x1b[7mofficial.txt" in table  # the skipped official document
    assert "reports\\x1b[1m" in table and "reports\\x1b[1m" in outputs["report"]


def test_a_cannot_audit_message_shows_its_path_escaped(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["audit", str(tmp_path / "no\u202ecorpus\x1b[31m")])
    assert result.exit_code == 1
    assert _raw_unsafe(result.output) == []
    assert "no\\u202ecorpus\\x1b[31m" in " ".join(result.output.split())
