"""How plausibly a decoding reads: the evidence that picks a file's code page, rule by rule."""

from __future__ import annotations

import pytest

from auditor.stages.plausible import Plausibility, legacy_encodings, plausibility


@pytest.mark.parametrize(
    ("text", "score"),
    [
        # letters of a known language's alphabet, in a word cased as words are
        ("Diğer haberler", 1),
        ("Çavuşoğlu said", 3),
        ("İstanbul", 1),
        ("Außenminister", 1),
        ("Genève", 1),
        ("Лавров said", 6),  # a word of another script, long enough to be one
        ("Министр иностранных", 18),
        # letters no known language writes: Turkish ğ read in cp1250 or cp1252
        ("Diđer haberler", -1),
        ("Diðer haberler", -1),
        ("yasadýþý", -3),
        # a word that mixes scripts, or is cased as no word is
        ("Stoltenbergя", -1),
        ("ÒWe do not", -1),  # mac-roman's “ read as cp1252
        ("ÒWE DO NOT", 1),  # (in capitals, no sign)
        ("an adversaryÓ", -1),
        ("RussiaÕs", -1),
        ("NATOÕs", 1),  # an acronym's plural: as "NATOs"
        ("cafÈ", -1),
        # a lone letter of another script between Latin words: a quote or dash misread
        ("NATO ر foreign ministers", -1),
        ("قال ر الناتو", 10),  # in an Arabic line it is a word
        # typographic marks and spaces read as text, other signs do not
        ("“We do not” — NATO’s", 4),
        ("10\u00a0km", 1),
        ("╔══╗", -4),
        ("NATO ∑ Ω", -2),  # a sign, and a lone Greek letter in a Latin line
        ("5\u0301", 0),  # a combining mark: no evidence
    ],
)
def test_each_non_ascii_character_counts_for_or_against(text: str, score: int) -> None:
    assert plausibility(text) == Plausibility(0, score)


@pytest.mark.parametrize(
    ("text", "controls"),
    [
        ("plain text\twith\ttabs\r\n", 0),
        ("cp1254's quote read in latin-1: \x93We\x94", 2),
        ("a BEL\x07 and a NUL\x00", 2),
        ("private \ue000 and unassigned \u0378", 2),
        ("replacement \ufffd", 1),
    ],
)
def test_control_characters_count_before_everything(text: str, controls: int) -> None:
    assert plausibility(text).controls == controls


def test_fewer_controls_beat_more_readable_letters() -> None:
    assert plausibility("“We”" + "ş" * 5 + " \x93") < plausibility("╔" * 50)


def test_the_code_pages_of_each_language_come_most_common_first() -> None:
    assert legacy_encodings(("tr",))[0] == "cp1254"
    assert legacy_encodings(("ru",))[0] == "cp1251"
    assert legacy_encodings(("en", "tr"))[:2] == ("cp1252", "iso8859_15")
    assert "cp1254" in legacy_encodings() and "cp1251" in legacy_encodings()
