"""Edit types describe themselves once (`EDIT_TYPES`): every text that lists them is written
from the records, and fails here when a type is missing from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.records import ABSENT, Change, Level
from auditor.reports import dictionary
from auditor.reports.columns import SEGMENTS
from auditor.settings import Settings
from auditor.stages.changes import EDIT_TYPES, ReportedSpeech, edit_type, find_changes
from auditor.stages.drift import reported_speech_changes

ROOT = Path(__file__).resolve().parent.parent
NAMES = [t.name for t in EDIT_TYPES]


def _column(name: str) -> str:
    return next(c.meaning for c in SEGMENTS if c.name == name)


def test_the_types_are_these_fourteen() -> None:
    assert NAMES == [
        "negation",
        "number",
        "entity",
        "modality",
        "scope",
        "antonym",
        "person",
        "sentiment",
        "qualifier",
        "wording",
        "spelling",
        "name",
        "omission",
        "spliced",
    ]
    assert [t.name for t in EDIT_TYPES if t.level is Level.CRITICAL] == NAMES[:8]


@pytest.mark.parametrize("name", NAMES)
def test_every_type_is_in_its_column_text(name: str) -> None:
    record = edit_type(name)
    column = "critical_edits" if record.level is Level.CRITICAL else "notable_changes"
    other = "notable_changes" if column == "critical_edits" else "critical_edits"
    assert f"`{name}` ({record.meaning})" in _column(column)
    assert f"`{name}`" not in _column(other)


@pytest.mark.parametrize("name", NAMES)
def test_every_type_is_in_the_data_dictionary_and_the_reference(name: str) -> None:
    record = edit_type(name)
    row = (
        f"| `{name}` | {record.level} | {record.meaning} | `{record.example}` | "
        f"{record.reported_speech} |"
    )
    assert row in dictionary.render(Settings())
    assert row in (ROOT / "reports" / "README.md").read_text(encoding="utf-8")
    assert row in (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")


def test_the_reference_table_is_the_rendered_one() -> None:
    """docs/reference.md's edit-types section ends with exactly `edit_types_table()`."""
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    start = text.index("## Edit types\n")
    end = text.index("\n## ", start + 1)
    assert text[start:end].endswith("\n\n" + dictionary.edit_types_table() + "\n")


def test_every_record_names_a_finder_and_only_recorded_types_are_found() -> None:
    for record in EDIT_TYPES:
        if record.name == "spliced":  # the alignment finds it, no comparison of two wordings
            assert record.finder is None
            continue
        assert callable(record.finder), record.name
    with pytest.raises(KeyError):
        edit_type("paraphrase")


@pytest.mark.parametrize(
    ("change", "kept"),
    [
        (Change("negation", "not", ABSENT), True),
        (Change("number", "14", "40"), True),
        (Change("number", "14", ABSENT), False),
        (Change("entity", "Sweden", "Norway"), True),
        (Change("entity", "Smith", ABSENT), False),
        (Change("modality", "must", "should"), True),
        (Change("modality", "must", ABSENT), False),
        (Change("scope", "all", "some"), True),
        (Change("scope", "all", ABSENT), False),
        (Change("antonym", "success", "failure"), True),
        (Change("person", "he", "she"), True),
        (Change("person", "son", "daughter"), True),
        (Change("person", "we", "they"), False),
        (Change("person", "i", "he"), False),
        (Change("sentiment", "angered", "delighted"), True),
        (Change("sentiment", "angered", ABSENT), False),
        (Change("qualifier", "dangerous", ABSENT, Level.NOTABLE), True),
        (Change("wording", "adversary", "enemy", Level.NOTABLE), True),
        (Change("spelling", "Dmytro", "Dmitro", Level.NOTABLE), True),
        (Change("name", "Smith", ABSENT, Level.NOTABLE), False),
        (Change("name", ABSENT, "Smith", Level.NOTABLE), False),
        (Change("omission", "deep reforms", ABSENT, Level.NOTABLE), False),
    ],
)
def test_what_counts_on_the_reporters_own_words(change: Change, kept: bool) -> None:
    assert reported_speech_changes([change]) == ([change] if kept else [])


def test_reported_speech_rules_are_the_records() -> None:
    assert {t.name: t.reported_speech for t in EDIT_TYPES} == {
        "negation": ReportedSpeech.CHARGED,
        "number": ReportedSpeech.REPLACED,
        "entity": ReportedSpeech.REPLACED,
        "modality": ReportedSpeech.REPLACED,
        "scope": ReportedSpeech.REPLACED,
        "antonym": ReportedSpeech.REPLACED,
        "person": ReportedSpeech.SAME_PERSON,
        "sentiment": ReportedSpeech.REPLACED,
        "qualifier": ReportedSpeech.SHOWN,
        "wording": ReportedSpeech.SHOWN,
        "spelling": ReportedSpeech.SHOWN,
        "name": ReportedSpeech.NEVER,
        "omission": ReportedSpeech.NEVER,
        "spliced": ReportedSpeech.SHOWN,
    }


@pytest.mark.parametrize(
    ("official", "article", "expected"),
    [
        ("Ministers refused the plan.", "Ministers agreed to the plan.", "negation"),
        ("Ministers met on 14 May.", "Ministers met on 15 May.", "number"),
        ("Sweden will host the meeting.", "Norway will host the meeting.", "entity"),
        ("We must act.", "We may act.", "modality"),
        ("All allies agreed.", "Some allies agreed.", "scope"),
        ("Prices rose sharply.", "Prices fell sharply.", "antonym"),
        ("He said it was over.", "She said it was over.", "person"),
        ("A dangerous dependency.", "A dependency.", "qualifier"),
        ("We see China as an adversary.", "We see China as an enemy.", "wording"),
        ("We met Dmytro Kuleba.", "We met Dmitro Kuleba.", "spelling"),
        ("We discussed the war with Kuleba.", "We discussed the war.", "name"),
        ("No membership without judicial reforms.", "No membership without.", "omission"),
    ],
)
def test_each_type_is_found_by_its_finder(official: str, article: str, expected: str) -> None:
    """One pair per type: the type's own finder names it (its module is the record's)."""
    from auditor.settings import ChangeSettings
    from auditor.stages.changes.tokens import Counterparts, tokenize

    if expected == "negation":
        official, article = "Ministers did not agree.", "Ministers agreed."
    off, art = tokenize(official), tokenize(article)
    settings = ChangeSettings()
    found = edit_type(expected).finder(off, art, Counterparts(off, art, settings), settings, None)
    assert expected in {c.type for c in found}
    assert expected in {c.type for c in find_changes(official, article)}
