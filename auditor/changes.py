"""What changed (pure): word-level substitutions and critical edits between an official
sentence and the article's wording aligned to it.

Substitutions come from a word-level edit script (rapidfuzz's Levenshtein opcodes over the
two token lists). Critical edits are counted, not guessed from the edit script alone: each
type compares what both sides *say* — how many negations, which numbers (by value, so "four" =
"4"), which names, which modal forces, which qualifiers — and the edit script only supplies the
word on the other side for the evidence (`must → should`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from auditor.lexicon import (
    DEGREE_WORDS,
    DETERMINERS,
    FOCUS_ADVERBS,
    FUNCTION_WORDS,
    MODAL_FORCE,
    MODAL_PHRASES,
    NEGATORS,
    NUMBER_WORDS,
    ORDINALS,
    QUALIFIERS,
    REPORTING_VERBS,
    SCALES,
    SENTENCE_OPENERS,
)

ABSENT = "∅"
SEPARATE_NEGATORS = frozenset(["not", "never"])
NEGATIVE_PREFIXES = ("non-", "un-", "anti-", "counter-", "in-", "il-", "ir-")
KEY_LENGTH = 6
#: a changed region longer than this (in words, either side) is a rewrite: no word in it is
#: said to have replaced a particular word on the other side
MAX_REPLACEMENT_WORDS = 4
_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)*%?"  # 2%, 1.5, 5,000
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W_]+)*"  # words, can't, two-day, full-fledged
    r"|[^\w\s]"  # punctuation, one mark a token
)
_OPENERS = frozenset("“\"‘'«([")
_SENTENCE_END = frozenset(".!?:;")


@dataclass(frozen=True)
class Token:
    text: str  #: as written
    norm: str  #: lowercased, straight apostrophe, possessive removed
    initial: bool  #: first word of a sentence (its capital says nothing)

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()


@dataclass(frozen=True)
class Edit:
    """One critical edit: its type and the words on each side (`∅` when absent)."""

    type: str
    official: str
    article: str

    def __str__(self) -> str:
        return f"{self.type}: {self.official} → {self.article}"


def _norm(word: str) -> str:
    word = word.lower().replace("’", "'")
    return re.sub(r"'s$|(?<=s)'$", "", word) if len(word) > 2 else word


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    initial = True
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if raw in _OPENERS and initial:
            continue
        tokens.append(Token(raw, _norm(raw), initial))
        if raw[0].isalnum():
            initial = False
        elif raw in _SENTENCE_END:
            initial = True
    return tokens


def _key(token: Token) -> str:
    """Words are matched on their first letters, so "dependency" lines up with "dependence"."""
    return token.norm[:KEY_LENGTH]


def _opcodes(
    official: Sequence[Token], article: Sequence[Token]
) -> list[tuple[str, int, int, int, int]]:
    ops = Levenshtein.opcodes([_key(t) for t in official], [_key(t) for t in article])
    return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in ops]


def substitutions(official: str, article: str) -> list[str]:
    """`official → article` word changes, in reading order; punctuation is ignored."""
    off = [t for t in tokenize(official) if t.is_word]
    art = [t for t in tokenize(article) if t.is_word]
    out: list[str] = []
    for tag, i1, i2, j1, j2 in _opcodes(off, art):
        if tag == "equal":
            # same first letters, other form: "dependency → dependence"
            out.extend(
                f"{a.text} → {b.text}"
                for a, b in zip(off[i1:i2], art[j1:j2], strict=True)
                if a.norm != b.norm
            )
            continue
        left = " ".join(t.text for t in off[i1:i2]) or ABSENT
        right = " ".join(t.text for t in art[j1:j2]) or ABSENT
        out.append(f"{left} → {right}")
    return out


# ---------------------------------------------------------------- counterpart lookup


class _Counterparts:
    """For a word on one side, the word that took its place on the other, and which positions
    the edit script changed at all.

    Consecutive non-equal steps of the edit script form one changed region; inside it, a
    word's counterpart is the nearest word (by relative position) that is new to that side —
    "nor will we" → "and we will" pairs `nor` with `and`, not with the moved `we`."""

    def __init__(self, official: Sequence[Token], article: Sequence[Token]) -> None:
        self.off_to_art: dict[int, int] = {}
        self.art_to_off: dict[int, int] = {}
        self.off_changed: set[int] = set()
        self.art_changed: set[int] = set()
        off_norms = {t.norm for t in official}
        art_norms = {t.norm for t in article}
        self.off_region: dict[int, int] = {}
        self.art_region: dict[int, int] = {}
        self.region_words: list[int] = []
        for n, (i1, i2, j1, j2) in enumerate(self._regions(official, article)):
            self.off_changed.update(range(i1, i2))
            self.art_changed.update(range(j1, j2))
            self.off_region.update(dict.fromkeys(range(i1, i2), n))
            self.art_region.update(dict.fromkeys(range(j1, j2), n))
            self.region_words.append(max(i2 - i1, j2 - j1))
            self._link(
                official,
                range(i1, i2),
                article,
                range(j1, j2),
                art_norms - off_norms,
                self.off_to_art,
            )
            self._link(
                article,
                range(j1, j2),
                official,
                range(i1, i2),
                off_norms - art_norms,
                self.art_to_off,
            )

    @staticmethod
    def _regions(
        official: Sequence[Token], article: Sequence[Token]
    ) -> list[tuple[int, int, int, int]]:
        regions: list[list[int]] = []
        for tag, i1, i2, j1, j2 in _opcodes(official, article):
            if tag == "equal":
                regions.append([])
            elif regions and regions[-1]:
                regions[-1][1], regions[-1][3] = i2, j2
            else:
                regions.append([i1, i2, j1, j2])
        return [(r[0], r[1], r[2], r[3]) for r in regions if r]

    @staticmethod
    def _link(
        source: Sequence[Token],
        positions: range,
        target: Sequence[Token],
        candidates: range,
        new_words: set[str],
        out: dict[int, int],
    ) -> None:
        if max(len(positions), len(candidates)) > MAX_REPLACEMENT_WORDS:
            return
        fresh = [j for j in candidates if target[j].is_word and target[j].norm in new_words]
        for i in positions:
            if not source[i].is_word or not fresh:
                continue
            share = (i - positions.start) / max(len(positions), 1)
            out[i] = min(
                fresh, key=lambda j: abs((j - candidates.start) / max(len(candidates), 1) - share)
            )


def _pair(
    removed: list[tuple[int, str]],
    added: list[tuple[int, str]],
    link: dict[int, int],
) -> list[tuple[str, str]]:
    """Pair removed official items with added article items: first by the edit script's
    1:1 replacements, then in reading order; the rest stand against `∅`."""
    pairs: list[tuple[str, str]] = []
    left = list(removed)
    right = list(added)
    for item in list(left):
        target = link.get(item[0])
        match = next((r for r in right if r[0] == target), None)
        if match is not None:
            pairs.append((item[1], match[1]))
            left.remove(item)
            right.remove(match)
    for a, b in zip(left, right, strict=False):
        pairs.append((a[1], b[1]))
    n = min(len(left), len(right))
    pairs.extend((a[1], ABSENT) for a in left[n:])
    pairs.extend((ABSENT, b[1]) for b in right[n:])
    return pairs


def _difference(
    off_items: list[tuple[int, str, str]],
    art_items: list[tuple[int, str, str]],
    link: _Counterparts,
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Items (position, key, surface) on one side whose key the other side lacks (multiset).

    When only some items of a key are extra, the ones the edit script changed are the extra
    ones ("not …, nor …" → "not …, and …": the `nor` went, not the `not`)."""
    off_keys, art_keys = Counter(k for _, k, _ in off_items), Counter(k for _, k, _ in art_items)

    def extra(items: list[tuple[int, str, str]], surplus: Counter[str], changed: set[int]):  # type: ignore[no-untyped-def]
        ranked = sorted(items, key=lambda item: (item[0] not in changed, item[0]))
        chosen = []
        for pos, key, surface in ranked:
            if surplus[key] > 0:
                surplus[key] -= 1
                chosen.append((pos, surface))
        return sorted(chosen)

    return (
        extra(off_items, off_keys - art_keys, link.off_changed),
        extra(art_items, art_keys - off_keys, link.art_changed),
    )


# ---------------------------------------------------------------- negation


def _negators(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []
    neither_open = False
    for i, t in enumerate(tokens):
        word = t.norm
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if word == "not" and nxt in ("least", "only"):
            continue  # focusing idioms, not negations
        if word == "nor" and neither_open:
            neither_open = False
            continue  # neither … nor is one negation
        if word in NEGATORS or word.endswith("n't"):
            neither_open = neither_open or word == "neither"
            out.append((i, "neg", t.text.lower()))
    return out


def _other_kind(token: Token) -> bool:
    """A word whose change another edit type already names (a modal, a number, …)."""
    word = token.norm
    return (
        word in MODAL_FORCE
        or word in QUALIFIERS
        or word in DETERMINERS - {"a", "an", "the", "some", "any", "every"}
        or _number_value(word) is not None
    )


def _counterpart(negator: str, tokens: Sequence[Token], position: int | None) -> str:
    """The word in a negator's place on the other side: its base ("can" for "cannot"), a
    modal where the negator was a negated modal, or a plain word ("and" for "nor")."""
    if position is None or negator in SEPARATE_NEGATORS:
        return ABSENT  # "did not agree" → "agreed": the negation went, nothing replaced it
    word = tokens[position].norm
    fused_modal = negator in MODAL_FORCE
    is_base = negator.startswith(word) or negator.replace("n't", "") == word
    if is_base or (fused_modal and word in MODAL_FORCE) or not _other_kind(tokens[position]):
        return tokens[position].text.lower()
    return ABSENT


def negation_edits(off: Sequence[Token], art: Sequence[Token], link: _Counterparts) -> list[Edit]:
    removed, added = _difference(_negators(off), _negators(art), link)
    # polarity only: as many negations on both sides is no change, whichever words say it
    n = min(len(removed), len(added))
    removed, added = removed[n:], added[n:]
    edits = [Edit("negation", s, _counterpart(s, art, link.off_to_art.get(p))) for p, s in removed]
    edits += [Edit("negation", _counterpart(s, off, link.art_to_off.get(p)), s) for p, s in added]
    return edits


# ---------------------------------------------------------------- numbers


def _number_value(word: str) -> tuple[float, str] | None:
    """Value and kind of one token: ("2%" → 2, "percent"), ("two-day" → 2, "cardinal")."""
    head = word.split("-")[0]
    digits = re.fullmatch(r"(\d+(?:[.,]\d+)*)(%?)", head)
    if digits:
        number, percent = digits.groups()
        if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", number):
            value = float(number.replace(",", ""))
        else:
            value = float(number.replace(",", "."))
        return value, "percent" if percent else "cardinal"
    if head in NUMBER_WORDS:
        return float(NUMBER_WORDS[head]), "cardinal"
    if head in ORDINALS:
        return float(ORDINALS[head]), "ordinal"
    if head in SCALES:
        return float(SCALES[head]), "cardinal"
    return None


def _numbers(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    """(position, value key, surface) of every number expression."""
    out: list[tuple[int, str, str]] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        parsed = _number_value(t.norm)
        prev = tokens[i - 1].norm if i else ""
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if parsed is None or (
            t.norm == "one" and (nxt in ("of", "another") or prev in DETERMINERS)
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


def number_edits(off: Sequence[Token], art: Sequence[Token], link: _Counterparts) -> list[Edit]:
    removed, added = _difference(_numbers(off), _numbers(art), link)
    return [Edit("number", a, b) for a, b in _pair(removed, added, link.off_to_art)]


# ---------------------------------------------------------------- entities


def _is_name(tokens: Sequence[Token], i: int, other_side: set[str]) -> bool:
    t = tokens[i]
    if not t.text[:1].isupper() or not t.is_word or t.norm in ("i", "i'm"):
        return False
    if t.norm in MODAL_FORCE or t.norm in NEGATORS:
        return False
    if t.initial:
        return t.text in other_side  # a sentence-initial capital says nothing by itself
    return True


def _names(tokens: Sequence[Token], other: Sequence[Token]) -> list[tuple[int, str, str]]:
    other_capitalised = {t.text for t in other if not t.initial}
    return [
        (i, t.norm, t.text.removesuffix("'s").removesuffix("’s"))
        for i, t in enumerate(tokens)
        if _is_name(tokens, i, other_capitalised)
    ]


_DEMONYM_ENDINGS = frozenset(["", "e", "a", "n", "an", "ian", "ians", "ns", "ese", "ish", "i", "s"])


def _same_referent(a: str, b: str) -> bool:
    """Russia / Russian, Ukraine / Ukrainian: a name and its demonym (not Stoltemberg)."""
    a, b = a.lower(), b.lower()
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    return prefix >= 4 and a[prefix:] in _DEMONYM_ENDINGS and b[prefix:] in _DEMONYM_ENDINGS


def entity_edits(off: Sequence[Token], art: Sequence[Token], link: _Counterparts) -> list[Edit]:
    off_words = {t.norm for t in off}
    art_words = {t.norm for t in art}
    off_joined = "".join(t.norm for t in off).replace("-", "")
    art_joined = "".join(t.norm for t in art).replace("-", "")

    def present(key: str, words: set[str], joined: str) -> bool:
        # in any case ("Alliance" / "alliance"), hyphenated or not ("Secretary-General")
        if key in words or ("-" in key and key.replace("-", "") in joined):
            return True
        return any(key in w.split("-") for w in words if "-" in w)

    removed = [(i, s) for i, k, s in _names(off, art) if not present(k, art_words, art_joined)]
    added = [(i, s) for i, k, s in _names(art, off) if not present(k, off_words, off_joined)]
    removed = [r for r in removed if not any(_same_referent(r[1], t.text) for t in art)]
    added = [a for a in added if not any(_same_referent(a[1], t.text) for t in off)]
    removed.extend(_initial_swap(off, art, link, removed, added))
    found: list[tuple[int, int, str, str]] = []  # (official pos, article pos, official, article)
    used: set[int] = set()
    for pos, surface in removed:
        target = link.off_to_art.get(pos)
        match = next((a for a in added if a[0] == target and a[0] not in used), None)
        if match is None:
            spelled = [a for a in added if a[0] not in used and fuzz.ratio(surface, a[1]) >= 60]
            match = spelled[0] if spelled else None
        if match is not None:
            used.add(match[0])
            found.append((pos, match[0], surface, match[1]))
        elif _is_proper_noun(off, pos):
            found.append((pos, -1, surface, ABSENT))
    # a name dropped where another was added, in the same changed place: one was replaced
    lone_removed = [f for f in found if f[1] == -1]
    lone_added = [
        (pos, surface) for pos, surface in added if pos not in used and _is_proper_noun(art, pos)
    ]
    region = link.off_region.get(lone_removed[0][0]) if len(lone_removed) == 1 else None
    if (
        region is not None
        and len(lone_added) == 1
        and link.art_region.get(lone_added[0][0]) == region
        and link.region_words[region] <= MAX_REPLACEMENT_WORDS
    ):
        found.remove(lone_removed[0])
        found.append((lone_removed[0][0], lone_added[0][0], lone_removed[0][2], lone_added[0][1]))
    elif not any(t.norm in REPORTING_VERBS for t in art):
        # in reported speech ("…, the Secretary General of the alliance said") added names are
        # the reporter's context, not a change to the official wording
        found.extend((-1, pos, ABSENT, surface) for pos, surface in lone_added)
    return _merge_names(sorted(found))


def _initial_swap(
    off: Sequence[Token],
    art: Sequence[Token],
    link: _Counterparts,
    removed: list[tuple[int, str]],
    added: list[tuple[int, str]],
) -> list[tuple[int, str]]:
    """A sentence-initial name replaced by another one ("Sweden will …" → "Norway could …"):
    both first words capitalised, replaced 1:1, neither a common sentence opener."""
    first = next((i for i, t in enumerate(off) if t.is_word), None)
    if first is None or first in [r[0] for r in removed]:
        return []
    other = link.off_to_art.get(first)
    if other is None or not art[other].initial:
        return []
    a, b = off[first], art[other]
    if not (a.text[:1].isupper() and b.text[:1].isupper()):
        return []
    if a.norm in SENTENCE_OPENERS or b.norm in SENTENCE_OPENERS:
        return []
    if not (_is_content(a) and _is_content(b)) or fuzz.ratio(a.norm, b.norm) >= 75:
        return []  # a number word, or another form of the same word ("Thank" / "Thanks")
    added.append((other, b.text))
    return [(first, a.text)]


def _merge_names(found: list[tuple[int, int, str, str]]) -> list[Edit]:
    """Adjacent changed tokens of one name are one edit ("European Union → United Nations")."""
    merged: list[list[object]] = []
    for off_pos, art_pos, left, right in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and off_pos >= 0
            and art_pos >= 0
            and last[0] == off_pos - 1
            and last[1] == art_pos - 1
        ):
            last[0], last[1] = off_pos, art_pos
            last[2] = f"{last[2]} {left}"
            last[3] = f"{last[3]} {right}"
        else:
            merged.append([off_pos, art_pos, left, right])
    return [Edit("entity", str(m[2]), str(m[3])) for m in merged]


def _is_proper_noun(tokens: Sequence[Token], i: int) -> bool:
    """A name, not a capitalised adjective such as the demonym in "Ukrainian cities"."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or not nxt.is_word or not nxt.text[:1].islower()


# ---------------------------------------------------------------- modality


def _modals(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        pair = f"{t.norm} {tokens[i + 1].norm}" if i + 1 < len(tokens) else ""
        triple = f"{pair} {tokens[i + 2].norm}" if i + 2 < len(tokens) else ""
        prev = tokens[i - 1].norm if i else ""
        if triple in MODAL_PHRASES:
            out.append((i, MODAL_PHRASES[triple], triple))
            i += 3
            continue
        if pair in MODAL_PHRASES:
            out.append((i, MODAL_PHRASES[pair], pair))
            i += 2
            continue
        if t.norm.endswith("'ll"):
            out.append((i, "will", t.text.lower()))
        elif t.norm in MODAL_FORCE:
            month = t.norm == "may" and t.text[0].isupper() and not t.initial
            noun = t.norm == "will" and (prev in DETERMINERS or pair.endswith(" of"))
            if not (month or noun):
                out.append((i, MODAL_FORCE[t.norm], t.text.lower()))
        i += 1
    return out


def modality_edits(off: Sequence[Token], art: Sequence[Token], link: _Counterparts) -> list[Edit]:
    removed, added = _difference(_modals(off), _modals(art), link)
    return [Edit("modality", a, b) for a, b in _pair(removed, added, link.off_to_art)]


# ---------------------------------------------------------------- qualifiers


def _qualifier_key(word: str) -> str:
    return word.replace("-", "")[:6]


def _present(word: str, text_words: set[str], joined: str) -> bool:
    """The word, a form of it, or its hyphenated spelling written apart, on the other side."""
    key = _qualifier_key(word)
    for w in text_words:
        if _qualifier_key(w) == key:
            return True
        # "full fledged" / "full-fledged"; but "lethal" is not in "non-lethal"
        if word in w.split("-") and not w.startswith(NEGATIVE_PREFIXES):
            return True
    return "-" in word and word.replace("-", "") in joined


def _is_content(token: Token) -> bool:
    """A word that can stand in a qualifier's place (not "an", "40", "may", "not")."""
    return (
        token.is_word
        and token.norm not in FUNCTION_WORDS
        and token.norm not in MODAL_FORCE
        and token.norm not in NEGATORS
        and _number_value(token.norm) is None
    )


def _is_degree(tokens: Sequence[Token], i: int, other_words: set[str]) -> bool:
    """ "most urgent" → "urgent": a degree word dropped before a word both sides keep (but not
    "most recently" → "last time", where the whole phrase changed)."""
    if tokens[i].norm not in DEGREE_WORDS or i + 1 >= len(tokens):
        return False
    if i and tokens[i - 1].norm in ("not", "at"):
        return False  # "not least", "at least"
    following = tokens[i + 1]
    return following.is_word and following.norm in other_words and following.norm != "of"


def _is_qualifier(tokens: Sequence[Token], i: int) -> bool:
    t = tokens[i]
    if t.norm not in QUALIFIERS or (t.text[:1].isupper() and not t.initial):
        return False  # "United" in "United Nations" is part of a name
    return not (t.norm == "only" and i and tokens[i - 1].norm == "not")  # "not only … but"


def _has_focus(tokens: Sequence[Token]) -> bool:
    """ "not least", "particularly", "in particular", "especially": one focusing meaning."""
    words = [t.norm for t in tokens]
    pairs = {f"{a} {b}" for a, b in pairwise(words)}
    return bool(FOCUS_ADVERBS & (set(words) | pairs))


def qualifier_edits(off: Sequence[Token], art: Sequence[Token], link: _Counterparts) -> list[Edit]:
    off_words = {t.norm for t in off if t.is_word}
    art_words = {t.norm for t in art if t.is_word}
    if _has_focus(off) and _has_focus(art):
        off_words |= FOCUS_ADVERBS
        art_words |= FOCUS_ADVERBS
    off_joined = "".join(t.norm for t in off if t.is_word).replace("-", "")
    art_joined = "".join(t.norm for t in art if t.is_word).replace("-", "")
    edits = []
    replaced: set[int] = set()
    for i, t in enumerate(off):
        if _is_degree(off, i, art_words) and t.norm not in art_words:
            edits.append(Edit("qualifier", t.norm, ABSENT))
        elif _is_qualifier(off, i) and not _present(t.norm, art_words, art_joined):
            other = link.off_to_art.get(i)
            if (
                other is not None
                and _is_content(art[other])
                and not _present(art[other].norm, off_words, off_joined)
            ):
                replaced.add(other)
                edits.append(Edit("qualifier", t.norm, art[other].norm))
            else:
                edits.append(Edit("qualifier", t.norm, ABSENT))
    for j, t in enumerate(art):
        if _is_degree(art, j, off_words) and t.norm not in off_words:
            edits.append(Edit("qualifier", ABSENT, t.norm))
            continue
        if j in replaced or not _is_qualifier(art, j):
            continue
        if not _present(t.norm, off_words, off_joined):
            other = link.art_to_off.get(j)
            if (
                other is not None
                and _is_content(off[other])
                and not _present(off[other].norm, art_words, art_joined)
            ):
                edits.append(Edit("qualifier", off[other].norm, t.norm))
            else:
                edits.append(Edit("qualifier", ABSENT, t.norm))
    return edits


# ---------------------------------------------------------------- all together


def critical_edits(official: str, article: str) -> list[Edit]:
    """Every critical edit between an official text and the article's aligned wording."""
    off, art = tokenize(official), tokenize(article)
    link = _Counterparts(off, art)
    edits: list[Edit] = []
    for find in (negation_edits, number_edits, entity_edits, modality_edits, qualifier_edits):
        edits.extend(find(off, art, link))
    return _unique(edits)


def _unique(edits: Iterable[Edit]) -> list[Edit]:
    return list(dict.fromkeys(edits))
