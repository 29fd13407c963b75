"""Number edits: a value changed ("four" = "4", "2%" = "two percent") (pure).

The word "one" is as often an article or a pronoun as a number ("one step further" = "a step
further", "like one" = "like it"): left out or added it is no change, only replaced by another
number. A time is the same written with a colon or a dot ("10:30" = "10.30 a.m.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from auditor.lexicon import DETERMINERS, MONTHS, ORDINALS, SCALES, WILL_NOUN_MODIFIERS
from auditor.records import ABSENT
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import (
    Counterparts,
    Edit,
    Token,
    difference,
    number_value,
    pair,
)

if TYPE_CHECKING:
    from auditor.stages.speech import Speech

#: fractions that, before "a million", make a cardinal
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
#: words after which "one" is a pronoun ("this one", "their own one")
_PRONOUN_ONE_AFTER = DETERMINERS | WILL_NOUN_MODIFIERS


_CLOCK = re.compile(r"\d{1,2}\.\d{2}")
_CLOCK_AFTER = frozenset(["a.m", "am", "p.m", "pm", "h", "hrs", "o'clock"])


def _special(tokens: Sequence[Token], i: int) -> tuple[str, str, int] | None:
    """A date, a time or a number grouped with a space, starting at
    `i`: (value key, surface, tokens used), or None."""
    words = [t.norm for t in tokens[i : i + 5]]
    text = [t.text for t in tokens[i : i + 5]]
    # "30 November 2022", "November 30, 2022": the day a dotted date names too
    for day_at, month_at, year_at in ((0, 1, 2), (1, 0, 3 if words[2:3] == [","] else 2)):
        if len(words) > max(day_at, month_at, year_at) and words[month_at] in MONTHS:
            day, year = words[day_at], words[year_at]
            if day.isdigit() and year.isdigit() and len(year) == 4:
                try:
                    ordinal = date(int(year), MONTHS[words[month_at]], int(day)).toordinal()
                except ValueError:
                    continue
                used = year_at + 1
                return f"date:{ordinal}", " ".join(text[:used]), used
    # "10:30", "at 10.30", "10.30 a.m.": a time of day
    clock = words[0].isdigit() and words[1:2] == [":"] and len(words) > 2
    if clock and len(words[2]) == 2 and words[2].isdigit():
        return f"time:{int(words[0])}:{words[2]}", f"{text[0]}:{text[2]}", 3
    if _CLOCK.fullmatch(words[0]):
        before = tokens[i - 1].norm if i else ""
        if before == "at" or (len(words) > 1 and words[1].rstrip(".") in _CLOCK_AFTER):
            hours, minutes = words[0].split(".")
            return f"time:{int(hours)}:{minutes}", text[0], 1
    # "5 000": thousands grouped with a space
    grouped = words[0].isdigit() and len(words[0]) <= 3 and len(words) > 1
    if grouped and words[1].isdigit() and len(words[1]) == 3:
        return f"cardinal:{int(words[0] + words[1])}", " ".join(text[:2]), 2
    return None


def numbers(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    """(position, value key, surface) of every number expression."""
    out: list[tuple[int, str, str]] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        special = _special(tokens, i)
        if special is not None:
            key, surface, used = special
            out.append((i, key, surface))
            i += used
            continue
        parsed = number_value(t.norm)
        prev = tokens[i - 1].norm if i else ""
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if parsed is None or (
            t.norm == "one"
            and (nxt in ("of", "another") or prev in _PRONOUN_ONE_AFTER or t.text != t.norm)
        ):
            i += 1
            continue
        value, kind = parsed
        words = [t.text.split("-")[0] if "-" in t.text and t.norm[0].isalpha() else t.text]
        j = i + 1
        # "half a million", "a quarter of a million": a fraction of a scale is a cardinal
        share = _FRACTIONS.get(t.norm)
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
            elif follow in ("percent", "per") and kind == "cardinal":
                kind = "percent"
                if follow == "per" and j + 1 < len(tokens) and tokens[j + 1].norm == "cent":
                    j += 1
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
        if t.norm == "half" and not of_scale:
            value, kind = 0.5, "fraction"
        key = f"{kind}:{value:.6g}"
        surface = " ".join(words)
        out.append((i, key, surface if surface[0].isdigit() else surface.lower()))
        i = j
    return out


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
    said, says = {k for _, k, _ in mine}, {k for _, k, _ in theirs}
    mine = [n for n in mine if n[1] not in says]
    theirs = [n for n in theirs if n[1] not in said]
    removed, added = difference(mine, theirs, link)
    return [
        Edit("number", a, b)
        for a, b in pair(removed, added, link.off_to_art)
        if not (ABSENT in (a, b) and "one" in (a, b))
    ]
