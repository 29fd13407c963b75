"""Number edits: a value changed ("four" = "4", "2%" = "two percent") (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from auditor.lexicon import DETERMINERS, ORDINALS, SCALES, WILL_NOUN_MODIFIERS
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import (
    Counterparts,
    Edit,
    Token,
    difference,
    number_value,
    pair,
)

#: words after which "one" is a pronoun ("this one", "their own one")
_PRONOUN_ONE_AFTER = DETERMINERS | WILL_NOUN_MODIFIERS


def numbers(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    """(position, value key, surface) of every number expression."""
    out: list[tuple[int, str, str]] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        parsed = number_value(t.norm)
        prev = tokens[i - 1].norm if i else ""
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if parsed is None or (
            t.norm == "one" and (nxt in ("of", "another") or prev in _PRONOUN_ONE_AFTER)
        ):
            i += 1
            continue
        value, kind = parsed
        words = [t.text.split("-")[0] if "-" in t.text and t.norm[0].isalpha() else t.text]
        j = i + 1
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
        if t.norm == "half":
            value, kind = 0.5, "fraction"
        key = f"{kind}:{value:.6g}"
        surface = " ".join(words)
        out.append((i, key, surface if surface[0].isdigit() else surface.lower()))
        i = j
    return out


def find(
    off: Sequence[Token], art: Sequence[Token], link: Counterparts, settings: ChangeSettings
) -> list[Edit]:
    removed, added = difference(numbers(off), numbers(art), link)
    return [Edit("number", a, b) for a, b in pair(removed, added, link.off_to_art)]
