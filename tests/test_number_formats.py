"""A number written another way is the same value (the number type's precision), and a value
changed is still a change: both sides of each rule, table-driven. The cases are the shapes two
faithful translations of one sentence take (DEMETR's meaning-kept pairs, calibration half), in
sentences written here."""

from __future__ import annotations

import pytest

from auditor.stages.changes import find_changes


def _numbers(official: str, article: str) -> list[str]:
    return [str(c) for c in find_changes(official, article) if c.type == "number"]


@pytest.mark.parametrize(
    ("official", "article"),
    [
        # a scale written short, as newsrooms do
        ("The budget is PLN 103 billion.", "The budget is PLN 103bn."),
        ("It raised $4.5 million.", "It raised $4.5mn."),
        ("Debt reached 2 trillion dollars.", "Debt reached 2tn dollars."),
        # number words joined by a hyphen
        ("It cannot be predicted with one-hundred percent certainty.",
         "It cannot be predicted with one hundred percent certainty."),
        ("He was twenty-five years old.", "He was 25 years old."),
        # ordinal words beyond the tenth, and as a date's day
        ("Twentieth century research has shown it.", "Research of the 20th century has shown it."),
        ("On November first the race begins.", "On November 1st the race begins."),
        # a decade in words
        ("A man in his 30s was infected.", "A man in his thirties was infected."),
        # a time of day: twelve hours or twenty-four (said without a.m. or p.m., either), a
        # dot or a colon before a time zone
        ("It started at 8:30 p.m. local time.", "It started at 20:30 local time."),
        ("The program started at 8:30 local time.", "The program started at 20:30 local time."),
        ("It started at 15.00 UTC.", "It started at 15:00 UTC."),
        # thousands grouped with points, as most of Europe writes them, against commas
        ("More than 272.000 infections.", "More than 272,000 infections."),
        # two numbers listed with a comma, with and without a space
        ("The input [1,1] gives 0.", "The input [1, 1] gives 0."),
        # "both" says two
        ("Both agencies stole data.", "The two agencies stole data."),
        # a share in percentage points
        ("That is about four percent more.", "That is about four percentage points more."),
        # a fraction: "a third of", "a third more"
        ("Almost one third more were filed.", "Almost a third more were filed."),
        ("About one-third of it is water.", "About a third of it is water."),
        # a century in years or by its ordinal
        ("Haiti had no cases since the 1800s.", "Haiti had no cases since the 19th century."),
        ("It was built in the nineteenth century.", "It was built in the 1800s."),
        # a decade with an apostrophe; "half" heading a compound is "half" ("a half-century")
        ("Apia was founded in the 1850s.", "Apia was founded in the 1850's."),
        ("Despite his half century, they lost.", "Despite his half-century, they lost."),
        # the second day of "July 17 and 22" is July's too
        ("On July 17 and 22, funds were released.", "On July 17 and July 22, funds were released."),
        ("On July 17 and 22 people came.", "On July 17, 22 people came."),
        # a fraction word heading a compound is a word, not a number
        ("He fought in the quarterfinal.", "He fought in the quarter-finals."),
    ],
)  # fmt: skip
def test_a_number_written_another_way_is_no_change(official: str, article: str) -> None:
    assert _numbers(official, article) == []


@pytest.mark.parametrize(
    ("official", "article", "change"),
    [
        ("The budget is PLN 103 billion.", "The budget is PLN 13bn.", "103 billion → 13 bn"),
        ("He was twenty-five years old.", "He was 35 years old.", "twenty-five → 35"),
        ("Research of the 20th century.", "Research of the nineteenth century.",
         "20th → nineteenth"),
        ("On November first the race begins.", "On November 2nd the race begins.",
         "November first → November 2nd"),
        ("A man in his 30s was infected.", "A man in his forties was infected.",
         "30s → forties"),
        ("It started at 8:30 p.m.", "It started at 8:30 a.m.", "8:30 p.m. → 8:30 a.m."),
        ("It started at 8:30.", "It started at 9:30.", "8:30 → 9:30"),
        ("It started at 15.00 UTC.", "It started at 16:00 UTC.", "15.00 → 16:00"),
        ("More than 272.000 infections.", "More than 27,200 infections.", "272.000 → 27,200"),
        ("It added 517,000 jobs.", "It added 5.17,000 jobs.", "517,000 → 5.17,000"),
        ("It dates from the 1800s.", "It dates from the 18th century.", "1800s → 18th"),
        ("On July 17 and 22, funds came.", "On July 17 and July 23, funds came.", "22 → July 23"),
        ("On July 17, 22 people came.", "On July 17, 22 July people came.", "22 → 22 July"),
        # a percentage shows its word: "100 → 100" would say nothing
        ("It is 100 percent decisive.", "It is 100 decisive.", "100 percent → 100"),
        ("It rose 5 per cent.", "It rose 6 per cent.", "5 per cent → 6 per cent"),
        ("Both agencies stole data.", "The three agencies stole data.", "∅ → three"),
        ("Almost one third more were filed.", "Almost a quarter more were filed.",
         "one third → quarter"),
    ],
)  # fmt: skip
def test_a_value_changed_in_another_format_is_still_a_change(
    official: str, article: str, change: str
) -> None:
    assert _numbers(official, article) == [f"number: {change}"]


def test_a_symbols_digits_left_out_are_no_value_but_a_glued_amount_is() -> None:
    assert _numbers("Emissions of CO2 rose.", "Emissions of carbon dioxide rose.") == []
    assert _numbers("It covers 19,500 km² of land.", "It covers 19,500 km2 of land.") == []
    assert _numbers("Flight MH17 was shot down.", "The flight was shot down.") == []
    assert _numbers("The G7 leaders met.", "The G20 leaders met.") == ["number: 7 → 20"]
    # more digits than a symbol has (`symbol_max_digits`): an amount
    assert _numbers("He paid Rs500 for it.", "He paid for it.") == ["number: 500 → ∅"]


def test_numbers_listed_with_a_comma_are_one_text_only_when_their_digits_are() -> None:
    assert _numbers("The input [1,1] gives 0.", "The input [1, 1] gives 0.") == []
    assert _numbers("The input [1,1] gives 0.", "The input [1, 2] gives 0.") == [
        "number: 1,1 → 1",
        "number: ∅ → 2",
    ]


# --- every entry of the number lists this file's rules read ------------------------------------


#: every entry written out (a test that read the data file could not notice one going missing)
DAY_ORDINALS = [
    ("first", "1"), ("second", "2"), ("third", "3"), ("fourth", "4"), ("fifth", "5"),
    ("sixth", "6"), ("seventh", "7"), ("eighth", "8"), ("ninth", "9"), ("tenth", "10"),
    ("eleventh", "11"), ("twelfth", "12"), ("thirteenth", "13"), ("fourteenth", "14"),
    ("fifteenth", "15"), ("sixteenth", "16"), ("seventeenth", "17"), ("eighteenth", "18"),
    ("nineteenth", "19"), ("twentieth", "20"), ("twenty-first", "21"), ("twenty-second", "22"),
    ("twenty-third", "23"), ("twenty-fourth", "24"), ("twenty-fifth", "25"),
    ("twenty-sixth", "26"), ("twenty-seventh", "27"), ("twenty-eighth", "28"),
    ("twenty-ninth", "29"), ("thirtieth", "30"), ("thirty-first", "31"),
]  # fmt: skip
DECADES = [
    ("twenties", "20"), ("thirties", "30"), ("forties", "40"), ("fifties", "50"),
    ("sixties", "60"), ("seventies", "70"), ("eighties", "80"), ("nineties", "90"),
]  # fmt: skip
ORDINALS_BEYOND_TEN = [
    ("eleventh", "11"), ("twelfth", "12"), ("thirteenth", "13"), ("fourteenth", "14"),
    ("fifteenth", "15"), ("sixteenth", "16"), ("seventeenth", "17"), ("eighteenth", "18"),
    ("nineteenth", "19"), ("twentieth", "20"), ("thirtieth", "30"), ("fortieth", "40"),
    ("fiftieth", "50"), ("sixtieth", "60"), ("seventieth", "70"), ("eightieth", "80"),
    ("ninetieth", "90"), ("hundredth", "100"), ("thousandth", "1000"),
    ("millionth", "1000000"),
]  # fmt: skip
FRACTION_COMPOUNDS = [
    "quarter-final", "quarter-finals", "half-time", "half-hearted", "half-heartedly",
    "half-brother", "half-brothers", "half-sister", "half-sisters", "half-truth",
    "half-truths",
]  # fmt: skip


@pytest.mark.parametrize(("word", "day"), DAY_ORDINALS)
def test_every_day_ordinal_names_that_day(word: str, day: str) -> None:
    """day_ordinals.tsv"""
    official, article = f"On May {word} the race begins.", f"On May {day} the race begins."
    assert _numbers(official, article) == []
    other = int(day) % 28 + 1
    assert _numbers(official, f"On May {other} the race begins.") != []


@pytest.mark.parametrize(("word", "digits"), DECADES)
def test_every_decade_word_is_its_digits(word: str, digits: str) -> None:
    """decade_words.tsv"""
    assert _numbers(f"A man in his {word} was seen.", f"A man in his {digits}s was seen.") == []
    assert _numbers(f"A man in his {word} was seen.", "A man in his 10s was seen.") != []


@pytest.mark.parametrize(
    ("word", "value"),
    ORDINALS_BEYOND_TEN,
)
def test_every_ordinal_beyond_the_tenth_is_its_digits(word: str, value: str) -> None:
    """ordinals.tsv, the entries beyond the tenth"""
    n = int(float(value))
    assert _numbers(f"It was the {word} year.", f"It was the {n}th year.") == []
    assert _numbers(f"It was the {word} year.", f"It was the {n * 2}th year.") != []


@pytest.mark.parametrize(
    ("short", "full"),
    [("mn", "million"), ("bn", "billion"), ("tn", "trillion"), ("trn", "trillion")],
)
def test_every_short_scale_is_its_word(short: str, full: str) -> None:
    """scales.tsv, the short forms"""
    assert _numbers(f"It cost $5{short}.", f"It cost $5 {full}.") == []
    assert _numbers(f"It cost $5{short}.", "It cost $5.") != []


@pytest.mark.parametrize("zone", ["UTC", "GMT", "CET", "CEST"])
def test_a_time_zone_after_a_dotted_time_makes_it_a_time(zone: str) -> None:
    """clock_words.txt, the time zones"""
    assert _numbers(f"It began 15.00 {zone}.", f"It began 15:00 {zone}.") == []


@pytest.mark.parametrize("word", FRACTION_COMPOUNDS)
def test_a_compound_of_a_fraction_word_in_the_list_is_no_number(word: str) -> None:
    """fraction_words.txt, every entry; a compound not listed says a quantity"""
    assert _numbers(f"They spoke of the {word} today.", "They spoke of it today.") == []
    assert _numbers("A half-day flower grew.", "A flower grew.") == ["number: half → ∅"]
