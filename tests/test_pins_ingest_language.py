"""Pins of the ingest and language heuristics: each threshold and word list at its boundary.

Every case is a finding a reviewer can check by hand at the default settings; moving a
threshold by about a fifth (an integer by one) or dropping a word-list entry flips one of them
(see bench/mutants.py). The language cases use a stand-in model that answers one fixed
verdict, so the thresholds, not py3langid's statistics, decide.
"""

from __future__ import annotations

import pytest

from auditor.records import ENGLISH, UNDETERMINED, Role
from auditor.settings import Settings
from auditor.stages.ingest import NotText, control_char_share, decode_document
from auditor.stages.language import Identifier, identify, turkish_evidence

MAX_CONTROL = Settings().ingest.max_control_char_share
LANGUAGE = Settings().language


# --- ingest: how many control characters make a file binary ---------------------------------


def _text_with_control_chars(per_mille: int) -> bytes:
    """1000 characters of prose of which `per_mille` are BEL (U+0007) control characters."""
    prose = ("NATO foreign ministers met in Bucharest on Tuesday. " * 20)[: 1000 - per_mille]
    return (prose + "\x07" * per_mille).encode("utf-8")


@pytest.mark.parametrize(
    ("per_mille", "binary"),
    [
        (0, False),
        (5, False),
        (10, False),  # exactly 1 %: still text (a few stray control bytes in a scrape)
        (11, True),  # 1.1 %: binary
        (30, True),
    ],
)
def test_a_file_is_binary_above_one_percent_control_characters(
    per_mille: int, binary: bool
) -> None:
    data = _text_with_control_chars(per_mille)
    assert control_char_share(data.decode()) == pytest.approx(per_mille / 1000)
    if binary:
        with pytest.raises(NotText, match="looks like binary data"):
            decode_document("a.txt", Role.ARTICLE, data, plausibility=None, max_control=MAX_CONTROL)
    else:
        doc = decode_document(
            "a.txt", Role.ARTICLE, data, plausibility=None, max_control=MAX_CONTROL
        )
        assert doc.text.startswith("NATO foreign ministers")


# --- language: when the model is trusted -----------------------------------------------------


def _model(language: str, probability: float) -> Identifier:
    """A stand-in language model that gives every text the same verdict."""

    def classify(text: str) -> tuple[str, float]:
        return language, probability

    return classify


@pytest.mark.parametrize(
    ("line", "language"),
    [
        # fewer than three ordinary (lowercase) words: the model is not asked
        ("Berlin heute", UNDETERMINED),  # one ordinary word
        ("heute Abend", UNDETERMINED),  # two ordinary words
        ("die Minister heute", UNDETERMINED),  # two ordinary words beside a noun
        # three ordinary words: the model speaks
        ("die heutige sitzung", "de"),
        ("die Minister haben heute", "de"),
    ],
)
def test_the_model_is_trusted_from_three_ordinary_words(line: str, language: str) -> None:
    assert identify(line, _model("de", 0.99), LANGUAGE) == language


@pytest.mark.parametrize(
    ("probability", "language"),
    [
        (0.50, UNDETERMINED),
        (0.80, UNDETERMINED),  # a German verdict at 80 % is not enough
        (0.89, UNDETERMINED),
        (0.90, "de"),  # 90 % is
        (0.95, "de"),
        (1.00, "de"),
    ],
)
def test_a_non_english_verdict_needs_ninety_percent(probability: float, language: str) -> None:
    line = "Die Minister haben heute in Brüssel über die Ukraine gesprochen."
    assert identify(line, _model("de", probability), LANGUAGE) == language


def test_an_english_verdict_needs_no_confidence() -> None:
    line = "The ministers met in Brussels today to discuss Ukraine."
    assert identify(line, _model("en", 0.30), LANGUAGE) == ENGLISH


# --- language: the Turkish function words ----------------------------------------------------

#: entries of turkish_function_words.txt, each enough to call a short line Turkish ("en",
#: "de", "da" are in the file but ignored by `turkish_evidence`: they are English, German and
#: Italian words too)
TURKISH_FUNCTION_WORDS = [
    "ve", "bir", "bu", "için", "ile", "daha", "çok", "gibi", "olan", "olarak", "diğer",
    "haberleri", "haber", "sonra", "kadar", "ama", "ancak", "veya", "ya", "hem", "değil",
    "mi", "mı", "ne", "göre", "üzere",
]  # fmt: skip


@pytest.mark.parametrize("word", TURKISH_FUNCTION_WORDS)
def test_a_turkish_function_word_makes_a_short_line_turkish(word: str) -> None:
    # capitalised, so no Turkish-only letter (ı, ğ, ş) counts: only the word list can decide
    line = f"{word.capitalize()} NATO"
    assert identify(line, _model(ENGLISH, 1.0), LANGUAGE) == "tr"
    assert identify("Kremlin NATO", _model(ENGLISH, 1.0), LANGUAGE) == UNDETERMINED


@pytest.mark.parametrize("word", ["en", "de", "da"])
def test_a_turkish_function_word_of_another_language_is_no_evidence(word: str) -> None:
    """turkish_shared_words.txt"""
    assert identify(f"{word.capitalize()} NATO", _model(ENGLISH, 1.0), LANGUAGE) == UNDETERMINED


#: turkish_case_suffixes.txt, each after an apostrophe on a name
@pytest.mark.parametrize(
    "suffix",
    [
        "dan", "den", "tan", "ten", "da", "de", "ta", "te", "ın", "in", "un", "ün", "nın", "nin",
        "nun", "nün", "ya", "ye", "a", "e", "ı", "i", "u", "ü",
    ],
)  # fmt: skip
def test_a_name_with_a_turkish_case_suffix_is_turkish_evidence(suffix: str) -> None:
    assert turkish_evidence(f"Kremlin'{suffix}")
    assert not turkish_evidence(f"Kremlin'{suffix}x")


#: turkish_letters.txt: in an ordinary (not capitalised) word
@pytest.mark.parametrize("letter", ["ğ", "Ğ", "ı", "İ", "ş", "Ş"])
def test_a_turkish_letter_in_an_ordinary_word_is_turkish_evidence(letter: str) -> None:
    assert turkish_evidence(f"ka{letter}")
    assert not turkish_evidence(f"K{letter}")  # a name may be spelled any way


@pytest.mark.parametrize("word", ["ve", "için", "haberleri", "göre"])
def test_a_turkish_function_word_overrides_a_neighbour_language(word: str) -> None:
    # a long line the model calls Italian is Turkish when a Turkish function word is in it
    line = f"Secimler {word} Ankara muhalefet partileri toplandi"
    assert identify(line, _model("it", 0.95), LANGUAGE) == "tr"


@pytest.mark.parametrize("line", ["Thank her", "Father and son"])
def test_a_short_english_line_with_her_or_son_is_not_turkish(line: str) -> None:
    assert identify(line, _model(ENGLISH, 1.0), LANGUAGE) != "tr"
