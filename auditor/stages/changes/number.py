"""Number edits: a value changed ("four" = "4", "2%" = "two percent") (pure).

The word "one" is as often an article or a pronoun as a number ("one step further" = "a step
further", "like one" = "like it"): left out or added it is no change, only replaced by another
number. A time is the same written with a colon or a dot ("10:30" = "10.30 a.m."), and in
twelve or twenty-four hours ("8:30 p.m." = "20:30"; "8:30" alone is either). A value is one
value however it is written: "103bn" = "103 billion", "twenty-five" = "25", "one-third" = "a
third of", "Twentieth" = "20th", "November first" = "November 1st", "thirties" = "30s" =
"30's", "272.000" = "272,000", "both" = "the two"; numbers listed with a comma are the same
with and without a space after it ("[1,1]" = "[1, 1]"); the digits of a symbol ("CO2", "km2")
left out or added with it are no value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from auditor.lexicon import (
    APPROXIMATE_NUMBERS,
    CLOCK_WORDS,
    DATE_SEPARATORS,
    DAY_ORDINALS,
    DECADE_WORDS,
    DETERMINERS,
    FRACTIONS,
    MONTHS,
    ORDINALS,
    PRONOUN_ONE_BEFORE,
    RANGE_WORDS,
    SCALES,
    WILL_NOUN_MODIFIERS,
)
from auditor.records import ABSENT
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import (
    Counterparts,
    Edit,
    Token,
    difference,
    hyphenated_number,
    number_value,
    pair,
)

if TYPE_CHECKING:
    from auditor.stages.speech import Speech

#: words after which "one" is a pronoun ("this one", "their own one")
_PRONOUN_ONE_AFTER = DETERMINERS | WILL_NOUN_MODIFIERS


_CLOCK = re.compile(r"\d{1,2}\.\d{2}")
#: the halves of the day after a time ("8:30 p.m."), as CLOCK_WORDS writes them
_AM, _PM = frozenset({"a.m", "am"}), frozenset({"p.m", "pm"})
#: words after "a third" that make it a share ("a third of the vote", "a third more")
_SHARE_AFTER = frozenset({"of", "more", "less", "fewer"})
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")


def _day(word: str) -> int | None:
    """The day of the month a word names: "11", "11th", "eleventh", "first"."""
    digits = _DAY.fullmatch(word)
    if digits:
        return int(digits.group(1))
    day = DAY_ORDINALS.get(word)
    return int(day) if day is not None else None


def _year(word: str) -> int | None:
    return int(word) if len(word) == 4 and word.isdigit() and 1000 <= int(word) < 3000 else None


def _day_key(year: int | None, month: int, day: int) -> str | None:
    """ "date:2023-02-11", or "day:02-11" when the year is not said; None: no such day."""
    try:
        when = date(year or 2000, month, day)  # 2000: a leap year, so 29 February is a day
    except ValueError:
        return None
    return f"date:{when.isoformat()}" if year else f"day:{when.month:02}-{when.day:02}"


def _date(words: list[str], text: list[str]) -> tuple[str, str, int] | None:
    """A date in any common format from the start of `words`: (value key, surface, tokens
    used). "2023-02-11", "11/02/2023" (day or month first: both days, when both can be),
    "11 February 2023", "11th of Feb. 2023", "February 11, 2023", "February 11th"."""
    # digits: 2023-02-11, 11/02/2023, 02/11/2023
    if len(words) >= 5 and words[1] in DATE_SEPARATORS and words[3] == words[1]:
        a, b, c = words[0], words[2], words[4]
        if a.isdigit() and b.isdigit() and c.isdigit():
            if _year(a) and len(b) <= 2 and len(c) <= 2:
                key = _day_key(int(a), int(b), int(c))
                return (key, "".join(text[:5]), 5) if key else None
            year = _year(c)
            if year and len(a) <= 2 and len(b) <= 2:
                first, second = _day_key(year, int(b), int(a)), _day_key(year, int(a), int(b))
                keys = sorted({k for k in (first, second) if k})
                if keys:
                    return "|".join(keys), "".join(text[:5]), 5
    # words: a day and a month name (capitalised: "may", "march" are verbs), in either order,
    # then perhaps the year
    months = {
        k: MONTHS[w]
        for k, (w, t) in enumerate(zip(words, text, strict=True))
        if w in MONTHS and t[:1].isupper()
    }
    at = 0
    day = _day(words[0]) if words else None
    if day and len(words) > 1:
        at = 1 + (words[1] == "of")
        month = months.get(at)
        at += 1
    elif 0 in months:
        month, at = months[0], 1
        at += words[at : at + 1] == ["."]
        day = _day(words[at]) if len(words) > at else None
        at += 1
    else:
        return None
    if month is None or day is None:
        return None
    # "11 Feb. 2023", "February 11, 2023": a point or a comma before the year
    gap = 1 if words[at : at + 1] in ([","], ["."]) else 0
    year = _year(words[at + gap]) if len(words) > at + gap else None
    used = at + gap + 1 if year else at
    key = _day_key(year, month, day)
    return (key, " ".join(text[:used]), used) if key else None


def _special(tokens: Sequence[Token], i: int) -> tuple[str, str, int] | None:
    """A date, a time or a number grouped with a space, starting at
    `i`: (value key, surface, tokens used), or None."""
    words = [t.norm for t in tokens[i : i + 6]]
    text = [t.text for t in tokens[i : i + 6]]
    dated = _date(words, text)
    if dated is not None:
        return dated
    # "10:30", "at 10.30", "10.30 a.m.", "8:30 p.m." = "20:30": a time of day
    clock = words[0].isdigit() and words[1:2] == [":"] and len(words) > 2
    if clock and len(words[2]) == 2 and words[2].isdigit():
        return _time(int(words[0]), words[2], words[3:], f"{text[0]}:{text[2]}", 3)
    if _CLOCK.fullmatch(words[0]):
        before = tokens[i - 1].norm if i else ""
        if before == "at" or (len(words) > 1 and words[1].rstrip(".") in CLOCK_WORDS):
            hours, minutes = words[0].split(".")
            return _time(int(hours), minutes, words[1:], text[0], 1)
    # "5 000": thousands grouped with a space
    grouped = words[0].isdigit() and len(words[0]) <= 3 and len(words) > 1
    if grouped and words[1].isdigit() and len(words[1]) == 3:
        return f"cardinal:{int(words[0] + words[1])}", " ".join(text[:2]), 2
    return None


def _time(
    hours: int, minutes: str, after: list[str], surface: str, used: int
) -> tuple[str, str, int]:
    """A time of day's key: "p.m." adds twelve hours ("8:30 p.m." = "20:30"), "a.m." none; a
    time up to 12:59 said without either is either reading ("8:30" = "8:30 a.m." = "20:30").
    `after`: the words after the time ("p.m." is one or four tokens: "p", ".", "m", ".")."""
    half, span = "", 0
    if after[:1] and after[0].rstrip(".") in _AM | _PM:
        half, span = after[0].rstrip("."), 1
    elif after[:3] in (["a", ".", "m"], ["p", ".", "m"]):
        half, span = f"{after[0]}.m", 3 + (after[3:4] == ["."])
    if half:
        hours = hours % 12 + (12 if half in _PM else 0)
        return f"time:{hours}:{minutes}", f"{surface} {half}.", used + span
    if 1 <= hours <= 12:
        return f"time:{hours % 12}:{minutes}|time:{hours % 12 + 12}:{minutes}", surface, used
    return f"time:{hours}:{minutes}", surface, used


#: words between two days of one month ("July 17 and 22", "17 to 22 July")
_DATE_LINKS = frozenset({"and", "or", "to", "-", "–"})


def _month_of(key: str) -> tuple[int | None, int] | None:
    """The year (None: not said) and month of a date key ("date:2023-07-17", "day:07-17")."""
    match = re.fullmatch(r"date:(\d{4})-(\d{2})-\d{2}|day:(\d{2})-\d{2}", key.split("|")[0])
    if match is None:
        return None
    year, month, bare_month = match.groups()
    return (int(year), int(month)) if year else (None, int(bare_month))


def _share_of(parsed: tuple[float, str], before: str, after: str) -> bool:
    """An ordinal past "second" after "a" and before "of", "more", "less", "fewer" is a share
    ("a third of the vote" = "one third of the vote"), not a rank ("a third time")."""
    ordinal = parsed[1] == "ordinal" and parsed[0] > 2
    return ordinal and before in ("a", "an") and after in _SHARE_AFTER


def _next(tokens: Sequence[Token], j: int) -> str:
    return tokens[j + 1].norm if j + 1 < len(tokens) else ""


def numbers(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    """(position, value key, surface) of every number expression."""
    out: list[tuple[int, str, str]] = []
    i = 0
    #: (year, month) of a date that ended one word before: the next day said alone is of it
    dated: tuple[int | None, int] | None = None
    dated_end = 0
    while i < len(tokens):
        if i > dated_end + 1:
            dated = None
        t = tokens[i]
        special = _special(tokens, i)
        if special is not None:
            key, surface, used = special
            out.append((i, key, surface))
            i += used
            dated, dated_end = _month_of(key), i
            continue
        parsed = number_value(t.norm)
        prev = tokens[i - 1].norm if i else ""
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if t.norm in DECADE_WORDS:  # "the thirties" = "the 30s"
            out.append((i, f"decade:{int(DECADE_WORDS[t.norm]):02}", t.norm))
            i += 1
            continue
        if parsed is not None and _share_of(parsed, prev, nxt):  # "a third of", "… more"
            parsed = (1 / parsed[0], "fraction")
        if parsed is None or (
            t.norm == "one"
            and (nxt in PRONOUN_ONE_BEFORE or prev in _PRONOUN_ONE_AFTER or t.text != t.norm)
        ):
            i += 1
            continue
        value, kind = parsed
        whole = "-" not in t.text or hyphenated_number(t.norm.split("-")) is not None
        words = [t.text if whole or not t.norm[0].isalpha() else t.text.split("-")[0]]
        j = i + 1
        # "half a million", "a quarter of a million": a fraction of a scale is a cardinal
        share = FRACTIONS.get(t.norm)
        norms = [x.norm for x in tokens[j : j + 3]]
        of_scale = False
        if share is not None:
            for lead in (["a"], ["an"], ["of", "a"], ["of", "an"]):
                n = len(lead)
                if norms[:n] == lead and len(norms) > n and norms[n] in SCALES:
                    value, kind = share * SCALES[norms[n]], "cardinal"
                    words += [x.text for x in tokens[j : j + n + 1]]
                    j += n + 1
                    of_scale = True
                    break
        # "two and a half (million)"
        if kind == "cardinal" and norms == ["and", "a", "half"]:
            value += 0.5
            words += [x.text for x in tokens[j : j + 3]]
            j += 3
        # "500 million", "five thousand", "one third", "two percent", "1.5 billion"
        while j < len(tokens):
            follow = tokens[j].norm
            if follow in SCALES and kind == "cardinal":
                value *= SCALES[follow]
                words.append(tokens[j].text)
            elif kind == "cardinal" and (
                follow in ("percent", "%")
                or (follow == "per" and _next(tokens, j) == "cent")
                or (follow == "percentage" and _next(tokens, j) in ("point", "points"))
            ):
                # "5 percent", "5 %", "5 per cent" (never "5 per day"), "5 percentage points"
                kind = "percent"
                two = follow in ("per", "percentage")
                words += [x.text for x in tokens[j : j + 1 + two]]
                j += two
            elif follow in ORDINALS and ORDINALS[follow] > 2 and kind == "cardinal":
                value = value / ORDINALS[follow]
                kind = "fraction"
                words.append(tokens[j].text)
            elif follow in ("half",) and kind == "cardinal":
                value = value / 2
                kind = "fraction"
                words.append(tokens[j].text)
            else:
                break
            j += 1
        if t.norm.split("-")[0] == "half" and not of_scale:  # "half", "a half-century"
            value, kind = 0.5, "fraction"
        # "4 to 6 million": the scale of a range's second number is its first one's too
        range_to = [x.norm for x in tokens[j : j + 3]]
        if (
            kind == "cardinal"
            and len(words) == 1
            and len(range_to) == 3
            and range_to[0] in RANGE_WORDS
            and number_value(range_to[1]) is not None
            and range_to[2] in SCALES
        ):
            value *= SCALES[range_to[2]]
        # "the 1850's" = "the 1850s"
        apostrophe = nxt in ("'", "’") and _next(tokens, i + 1) == "s"
        key = _key(kind, value, t.norm, "s" if apostrophe else nxt)
        if dated is not None and key.startswith("cardinal:") and prev in _DATE_LINKS:
            # "July 17 and 22": the second day is July's too — or a count ("… and 22 people"):
            # either reading, as the other side says it
            day = _day_key(dated[0], dated[1], int(value)) if t.norm.isdigit() else None
            key = f"{day}|{key}" if day else key
        surface = " ".join(words) + ("s" if key.startswith("decade:") else "")
        out.append((i, key, surface if surface[0].isdigit() else surface.lower()))
        i = j
    return out


def _key(kind: str, value: float, word: str, following: str) -> str:
    """The value key of a number: a fraction is its percentage ("half" = "50%"), a dotted date
    its day ("30.11.2022" = "2022-11-30"), a decade its last two digits ("the 1980s" = "the
    80s"), a century its ordinal ("the 1800s" = "the 19th century", or the decade "the 00s");
    an order of magnitude its scale ("thousands" = "a thousand")."""
    if kind == "fraction":
        kind, value = "percent", value * 100
    elif kind == "date":
        return f"date:{date.fromordinal(int(value)).isoformat()}"
    elif kind == "cardinal" and following == "s" and word.isdigit() and word.endswith("0"):
        if len(word) == 4 and word.endswith("00"):  # "the 1800s": a decade or a century
            return f"decade:00|century:{int(value) // 100 + 1}"
        return f"decade:{int(value) % 100:02}"
    elif kind == "ordinal" and following == "century":  # "the 19th century" = "the 1800s"
        return f"century:{value:.6g}"
    return f"{kind}:{value:.6g}"


def _same_day(key: str, others: set[str]) -> str:
    """The key of the other side that names the same day: a date read both ways ("02/11/2023")
    by the one the other side says, a day without its year ("4 February") by a date of that
    day ("4 February 2023")."""
    for candidate in key.split("|"):
        if candidate in others:
            return candidate
        if candidate.startswith("day:"):
            match = next(
                (o for o in others if o.startswith("date:") and o.endswith(candidate[3:])), None
            )
            if match:
                return match
        if candidate.startswith("date:") and f"day:{candidate[-5:]}" in others:
            return f"day:{candidate[-5:]}"
    return key


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    # a value said twice is said once ("the top and bottom 20%" / "the top 20% and the bottom
    # 20%"): compare which values each side says, not how often
    mine, theirs = numbers(off), numbers(art)
    joined_off, listed_art = _listed(off, art)
    joined_art, listed_off = _listed(art, off)
    mine = [n for n in mine if n[0] not in joined_off | listed_off]
    theirs = [n for n in theirs if n[0] not in joined_art | listed_art]
    said, says = {k for _, k, _ in mine}, {k for _, k, _ in theirs}
    mine = [(p, _same_day(k, says), s) for p, k, s in mine]
    theirs = [(p, _same_day(k, said), s) for p, k, s in theirs]
    said, says = {k for _, k, _ in mine}, {k for _, k, _ in theirs}
    mine = [n for n in mine if n[1] not in says]
    theirs = [n for n in theirs if n[1] not in said]
    removed, added = difference(mine, theirs, link)
    # "both" says two: "both agencies" = "the two agencies"
    if "both" in {t.norm for t in art}:
        removed = [(p, s) for p, s in removed if s not in _TWO]
    if "both" in {t.norm for t in off}:
        added = [(p, s) for p, s in added if s not in _TWO]
    # the digits of a symbol left out or added with it ("CO2" / "carbon dioxide", "km²" /
    # "km2"): no value was said; replaced by another number ("G7" / "G20") they are one
    most = settings.symbol_max_digits
    symbols = _symbols(removed, off, most) | _symbols(added, art, most)
    return [
        Edit("number", a, b)
        for a, b in pair(removed, added, link.off_to_art)
        if not (ABSENT in (a, b) and ("one" in (a, b) or {a, b} & APPROXIMATE_NUMBERS))
        and not _same_digits(a, b)
        and not (ABSENT in (a, b) and {a, b} & symbols)
    ]


def _symbols(items: list[tuple[int, str]], tokens: Sequence[Token], most: int) -> set[str]:
    """The surfaces of `items` that are only ever the digits of a symbol: written right after
    a letter (`Token.glued`), at most `most` digits."""

    def symbol(p: int) -> bool:
        return tokens[p].glued and tokens[p].text.isdigit() and len(tokens[p].text) <= most

    return {s for p, s in items if symbol(p)} - {s for p, s in items if not symbol(p)}


_TWO = frozenset({"two", "2"})
_COMMA_PAIR = re.compile(r"(\d+),(\d+)")


def _listed(tokens: Sequence[Token], other: Sequence[Token]) -> tuple[set[int], set[int]]:
    """Numbers written with a comma and no space on one side ("[1,1]") and with a space on the
    other ("[1, 1]"): the same characters but a space, so the same numbers, however the comma
    reads. The positions of the joined token here, and of the two numbers there."""
    joined: set[int] = set()
    listed: set[int] = set()
    texts = [t.text for t in other]
    for i, token in enumerate(tokens):
        found = _COMMA_PAIR.fullmatch(token.text)
        if found is None:
            continue
        for j in range(len(texts) - 2):
            if texts[j : j + 3] == [found[1], ",", found[2]]:
                joined.add(i)
                listed.update((j, j + 2))
                break
    return joined, listed


def _same_digits(a: str, b: str) -> bool:
    """The same digits grouped by the other convention: "272.000" = "272,000" (a point for
    thousands, as most of Europe writes them), "1,5" = "1.5"."""
    if not (_ONE_CONVENTION.fullmatch(a) and _ONE_CONVENTION.fullmatch(b)):
        return False  # "5.17,000" is no number written another way
    return a != b and re.sub(r"[.,]", "", a) == re.sub(r"[.,]", "", b)


#: digits grouped in thousands by one mark throughout ("272.000", "1,000,000"), or with one
#: decimal mark ("1,5")
_ONE_CONVENTION = re.compile(r"\d{1,3}([.,])\d{3}(?:\1\d{3})*|\d+[.,]\d+")
