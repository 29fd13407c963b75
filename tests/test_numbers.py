"""Numbers as outlets write them: dates, versions, addresses and grouped digits are values,
never a crash (a dotted date in one sentence once ended every run)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.stages.changes import critical_edits
from auditor.stages.changes.tokens import number_value, tokenize


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("5,000", (5000.0, "cardinal")),
        ("1,000,000", (1_000_000.0, "cardinal")),
        ("12,345.67", (12345.67, "cardinal")),
        ("1.000.000", (1_000_000.0, "cardinal")),  # grouped with points, as in Turkish
        ("1.000,5", (1000.5, "cardinal")),
        ("1.5", (1.5, "cardinal")),
        ("1,5", (1.5, "cardinal")),
        ("2%", (2.0, "percent")),
        ("30.11.2022", (738489.0, "date")),  # the day of the Bucharest press conference
        ("2022.11.30", (738489.0, "date")),
        ("1.2.3", (0.0, "sequence 1.2.3")),  # a version
        ("10.0.0.1", (0.0, "sequence 10.0.0.1")),  # an address
        ("1,2,3", (0.0, "sequence 1,2,3")),  # a list written without spaces
        ("31.02.2022", (0.0, "sequence 31.02.2022")),  # no such day: not called a date
    ],
)
def test_number_like_tokens_have_values(token: str, expected: tuple[float, str]) -> None:
    assert number_value(token) == expected


def test_a_changed_date_is_a_number_edit_and_the_same_date_is_none() -> None:
    official = "But on 30.11.2022 we must not underestimate Russia."
    assert critical_edits(official, official.replace("30.11", "29.11")) != []
    assert critical_edits(official, official) == []
    assert critical_edits("Version 1.2.3 was released.", "Version 1.2.4 was released.") != []


number_like = st.lists(
    st.text(alphabet="0123456789", min_size=1, max_size=5), min_size=1, max_size=6
).flatmap(
    lambda parts: st.lists(
        st.sampled_from(".,"), min_size=len(parts) - 1, max_size=len(parts) - 1
    ).map(lambda seps: "".join(p + s for p, s in zip(parts, [*seps, ""], strict=True)))
)


@settings(max_examples=500, deadline=None)
@given(number_like, st.sampled_from(["", "%", "-day", "th"]))
def test_every_number_like_token_has_a_value(number: str, suffix: str) -> None:
    for token in tokenize(number + suffix):
        parsed = number_value(token.norm)
        if token.norm[:1].isdigit():
            assert parsed is not None


@settings(max_examples=200, deadline=None)
@given(number_like, number_like)
def test_critical_edits_never_raise_on_numbers(first: str, second: str) -> None:
    official = f"But on {first} we must not underestimate Russia."
    article = f"But on {second} we should not underestimate Russia, {first} said."
    edits = critical_edits(official, article)
    assert any(e.startswith("modality") for e in map(str, edits))


@pytest.mark.parametrize(
    ("official", "article", "expected"),
    [
        # the same share, written another way: nothing to charge
        ("Spending rose by 5 percent this year.", "Spending rose by 5 % this year.", []),
        ("Spending rose by 5 per cent this year.", "Spending rose by 5% this year.", []),
        ("Spending rose by 5 %.", "Spending rose by five percent.", []),
        # another share is a number edit, whichever way it is written (the label shows it)
        ("Spending rose by 5 percent.", "Spending rose by 7 %.", [("5 percent", "7 %")]),
        # "per" without "cent" is no percentage: five a day is not five percent
        ("They fired 5 per day.", "They fired 5 percent.", [("5", "5 percent")]),
    ],
)
def test_a_percentage_is_one_value_however_it_is_written(
    official: str, article: str, expected: list[tuple[str, str]]
) -> None:
    edits = critical_edits(official, article)
    found = [(c.official, c.article) for c in edits if c.type == "number"]
    assert found == expected
