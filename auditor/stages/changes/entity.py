"""Entity edits: a name replaced by another referent (pure).

A name needs evidence beyond a capital letter: a sentence's first word is a name only when it
stands capitalised inside a sentence too, and a common sentence opener, a compound of common
words ("Anti-fraud") or a pronoun's contraction ("I'll") never is. The same
referent written another way is no entity edit: case, possessives and demonyms ("Russia's" =
"Russian"), a title before the name ("President Biden" = "Biden", titles.txt), an abbreviation
("F" = "Fahrenheit", "U.S." = "United States", "CPC" = "Communist Party of China": a name runs
on across name_connectors.txt), a given name left out before a kept surname ("Joe Biden" →
"Biden", in a quotation too: the same person), a company's legal form ("Shanshan Co., Ltd."
= "Shanshan", legal_forms.txt), a hyphenated word whose capitalised parts stand on the other
side ("Soviet-dominated" / "under Soviet rule"); a re-spelling or transliteration ("Aleksandr" →
"Alexandr", paired by rapidfuzz) is a notable `spelling` change, and a name added or left out a
notable `name` change (an omission, not another referent) — except a name left out of a
quotation, which is not what was said (an `entity` edit). A title whose capitalised words are
all common words, none a name in WordNet ("Spring Celebration" / "Spring Festival"), changed is
a notable `wording` change ("European Commission" / "European Council" is another referent).
Adjacent changed tokens of one name are one change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from auditor.lexicon import (
    DEMONYM_ENDINGS,
    FUNCTION_WORDS,
    LEGAL_FORMS,
    MODAL_FORCE,
    MONTHS,
    NAME_CONNECTORS,
    NEGATORS,
    REPORTING_VERBS,
    SENTENCE_OPENERS,
    TITLES,
)
from auditor.records import ABSENT
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import Counterparts, Edit, Token, is_content

if TYPE_CHECKING:
    from auditor.stages.speech import Speech

#: words written beside a name that leave its referent the same, added or left out: a title
#: ("President"), a company's legal form ("Ltd")
_BESIDE_A_NAME = TITLES | LEGAL_FORMS


def _is_name(tokens: Sequence[Token], i: int, other_side: set[str]) -> bool:
    t = tokens[i]
    if not t.text[:1].isupper() or not t.is_word or t.norm == "i" or t.norm.startswith("i'"):
        return False
    if t.norm in MODAL_FORCE or t.norm in NEGATORS or t.norm in SENTENCE_OPENERS:
        return False
    if t.norm in MONTHS and any(
        tokens[k].norm[:1].isdigit() for k in (i - 1, i + 1) if 0 <= k < len(tokens)
    ):
        return False  # a month of a date ("30 November 2022"): the number type's
    if t.initial:
        # a sentence-initial capital says nothing by itself: the word must stand capitalised
        # inside a sentence too, or be unknown to WordNet as a common word, or be a noun
        # WordNet knows only as a noun and writes as a name ("Putin", "France"; not "Black",
        # "Trump", "Hope", which are also adjectives or verbs, nor a letter: "U.S" split)
        return t.text in other_side or _unknown(t.norm) or _noun_name(t.norm)
    return True


def _noun_name(word: str) -> bool:
    """WordNet knows the word only as a noun, and writes it as a name in some sense."""
    from auditor.wordnet import common_word, lemmas

    return len(word) > 1 and bool(lemmas(word)) and _noun_only(word) and not common_word(word)


def _unknown(word: str) -> bool:
    """WordNet does not know the word as a common word; a hyphenated one, when some part of it
    is no common word ("Anti-fraud", "In-person" open sentences as common words;
    "Franco-German", "COVID-19" are names)."""
    from auditor.wordnet import lemmas

    if "'" in word:
        return False  # "We'll" is no name
    if "-" in word:
        return not _common_compound(word)
    return not lemmas(word)


def _common_compound(word: str) -> bool:
    """A hyphenated word made of common words only ("anti-fraud", "in-person")."""
    from auditor.wordnet import common_word

    parts = [part for part in word.split("-") if part]
    return "-" in word and all(p in FUNCTION_WORDS or common_word(p) for p in parts)


def _contraction(word: str) -> bool:
    """A pronoun or function word fused with its verb ("I'll", "It's", "We're"): no name."""
    base, mark, _ = word.partition("'")
    return bool(mark) and (base in SENTENCE_OPENERS or base in FUNCTION_WORDS)


def names(tokens: Sequence[Token], other: Sequence[Token]) -> list[tuple[int, str, str]]:
    other_capitalised = {t.text for t in other if not t.initial}
    return [
        (i, t.norm, t.text.removesuffix("'s").removesuffix("’s"))
        for i, t in enumerate(tokens)
        if _is_name(tokens, i, other_capitalised)
    ]


def same_referent(a: str, b: str, settings: ChangeSettings) -> bool:
    """Russia / Russian, Ukraine / Ukrainian: a name and its demonym (not Stoltemberg); a name
    and its short form ("St" / "Saint", "Rz" / "Rzeczpospolita")."""
    if _short_form(a, b) or _short_form(b, a):
        return True
    a, b = a.lower(), b.lower()
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    return (
        prefix >= settings.demonym_min_prefix
        and a[prefix:] in DEMONYM_ENDINGS
        and b[prefix:] in DEMONYM_ENDINGS
    )


def _short_form(short: str, name: str) -> bool:
    """`short` abbreviates `name`: two or three letters, a capital then lowercase, and no vowel
    (an abbreviation, not a short name such as "Li" or "Wu", nor initials such as "SH"), its
    first letters ("Rz" / "Rzeczpospolita") or its first
    and last ("St" / "Saint", "Mt" / "Mount") with the rest in order between them."""
    written = short.rstrip(".")
    if not (written[:1].isupper() and written[1:].islower()):
        return False  # "SH", "USA": initials, not a short form (`_abbreviated`)
    s, n = written.lower(), name.lower()
    if not (2 <= len(s) <= 3 and s.isalpha() and len(n) >= len(s) + 2) or set(s) & set("aeiouy"):
        return False
    if n.startswith(s):
        return True
    rest = iter(n[1:-1])
    return s[0] == n[0] and s[-1] == n[-1] and all(c in rest for c in s[1:-1])


def _present(key: str, surface: str, words: set[str], joined: str) -> bool:
    """In any case ("Alliance" / "alliance"), hyphenated or not ("Secretary-General"); a
    hyphenated word whose capitalised parts all stand on the other side ("Soviet-dominated"
    / "under Soviet leadership", "Hong Kong-Macau" / "Hong Kong and Macau")."""
    if key in words or ("-" in key and key.replace("-", "") in joined):
        return True
    if any(key in w.split("-") for w in words if "-" in w):
        return True
    named = [part.lower() for part in surface.split("-") if part[:1].isupper()]
    return "-" in surface and bool(named) and all(part in words for part in named)


def find(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
    speech: Speech | None = None,
) -> list[Edit]:
    off_words = {t.norm for t in off}
    art_words = {t.norm for t in art}
    off_joined = "".join(t.norm for t in off).replace("-", "")
    art_joined = "".join(t.norm for t in art).replace("-", "")
    removed = [(i, s) for i, k, s in names(off, art) if not _present(k, s, art_words, art_joined)]
    added = [(i, s) for i, k, s in names(art, off) if not _present(k, s, off_words, off_joined)]
    removed = [
        r
        for r in removed
        if not any(same_referent(r[1], t.text, settings) for t in art)
        and r[1].lower() not in _BESIDE_A_NAME
        and not _abbreviated(off, r[0], art, settings)
    ]
    added = [
        a
        for a in added
        if not any(same_referent(a[1], t.text, settings) for t in off)
        and a[1].lower() not in _BESIDE_A_NAME
        and not _abbreviated(art, a[0], off, settings)
    ]
    removed.extend(_initial_swap(off, art, link, removed, added, settings))
    found: list[tuple[int, int, str, str]] = []  # (official pos, article pos, official, article)
    used: set[int] = set()
    for pos, surface in removed:
        target = link.off_to_art.get(pos)
        match = next((a for a in added if a[0] == target and a[0] not in used), None)
        if match is None:
            spelled = [
                a
                for a in added
                if a[0] not in used and fuzz.ratio(surface, a[1]) >= settings.respelling_min_ratio
            ]
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
    replaced = _replaced_name(lone_removed, lone_added, off, art, link, settings)
    if replaced is None and not (lone_removed and lone_added):
        # a sentence's first word may be the name another name was replaced by ("Kofu City
        # announced" → "Japan announced"): looked for only in a name's place
        taken = {f[0] for f in found}
        replaced = _replaced_name(
            lone_removed
            or [(p, -1, s, ABSENT) for p, s in _opening_name(off, art_words, art_joined, taken)],
            lone_added or _opening_name(art, off_words, off_joined, used),
            off,
            art,
            link,
            settings,
        )
    if replaced is not None:
        for f in lone_removed:
            found.remove(f)
        found.append(replaced)
    # in reported speech ("…, the Secretary General of the alliance said") added names are the
    # reporter's context, not a change to the official wording — unless they run on from a name
    # replaced (`_absorb_following`)
    context: list[tuple[int, str]] = []
    if replaced is None:
        if any(t.norm in REPORTING_VERBS for t in art):
            context = lone_added
        else:
            found.extend((-1, pos, ABSENT, surface) for pos, surface in lone_added)
    quoted = speech is not None and speech.value == "direct" and not _marks_a_cut(art)
    partial = {
        off[pos].text.removesuffix("'s").removesuffix("’s")
        for pos, art_pos, _, _ in found
        if art_pos == -1 and pos >= 0 and _rest_kept(off, pos, art_words)
    }
    return [
        _named(e, settings, quoted and e.official not in partial)
        for e in _merge_names(sorted(found), off, art, settings.respelling_min_ratio, context)
    ]


def _replaced_name(
    removed: list[tuple[int, int, str, str]],
    added: list[tuple[int, str]],
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    settings: ChangeSettings,
) -> tuple[int, int, str, str] | None:
    """One name dropped where another was added, in the same changed place: one was replaced
    ("Ana Lopez" → "Ravi Menon", "the Harbour Safety Office" → "Lufthansa").
    Each side's names are one run of the sentence (words of the name, or a connector such as
    "of" between them), and the place holds little else (`max_replacement_words` beside the
    names)."""
    if not removed or not added:
        return None
    regions = {link.off_region.get(f[0], -1) for f in removed} | {
        link.art_region.get(pos, -1) for pos, _ in added
    }
    if len(regions) != 1 or -1 in regions:
        return None
    (region,) = regions
    off_span = _one_run([f[0] for f in removed], off)
    art_span = _one_run([pos for pos, _ in added], art)
    if off_span is None or art_span is None:
        return None
    if _acronym_against_words(off, off_span, art, art_span, settings):
        return None
    longest = max(len(removed), len(added))
    if link.region_words[region] > longest + settings.max_replacement_words - 1:
        return None
    return (
        removed[0][0],
        added[0][0],
        " ".join(t.text for t in off[off_span[0] : off_span[1] + 1]),
        " ".join(t.text for t in art[art_span[0] : art_span[1] + 1]),
    )


def _opening_name(
    tokens: Sequence[Token], other_words: set[str], other_joined: str, taken: set[int]
) -> list[tuple[int, str]]:
    """A sentence's first word that WordNet writes only as a name, or with a capital in some
    sense ("Japan", "Europe", "Kyushu"), and that the other side does not have (nor within a
    hyphenated word: "Franco-German" / "German talks"): a name only
    where it stands in the place of a name (`_replaced_name`); its capital alone says nothing."""
    from auditor.wordnet import common_word

    return [
        (i, t.text.removesuffix("'s").removesuffix("’s"))
        for i, t in enumerate(tokens)
        if t.initial
        and t.is_word
        and i not in taken
        and t.text[:1].isupper()
        and not _present(t.norm, t.text, other_words, other_joined)
        and t.norm not in SENTENCE_OPENERS
        and t.norm not in MODAL_FORCE
        and t.norm not in NEGATORS
        and t.norm not in FUNCTION_WORDS
        and not common_word(t.norm)
        and not _common_compound(t.norm)  # "Anti-fraud", "Pro-protest": common words
        and "'" not in t.norm
    ]


def _acronym_against_words(
    off: Sequence[Token],
    off_span: tuple[int, int],
    art: Sequence[Token],
    art_span: tuple[int, int],
    settings: ChangeSettings,
) -> bool:
    """One side an acronym ("BFU"), the other a name of several words: perhaps its expansion in
    another language's words ("Federal Bureau of Aircraft Accident Investigation" for the
    German "Bundesstelle für Flugunfalluntersuchung"), whose initials cannot tell."""

    def acronym(tokens: Sequence[Token], span: tuple[int, int]) -> bool:
        text = tokens[span[0]].text
        short = len(text) <= settings.abbreviation_max_letters
        return span[0] == span[1] and text.isupper() and short

    def several(span: tuple[int, int]) -> bool:
        return span[1] > span[0]

    return (acronym(off, off_span) and several(art_span)) or (
        acronym(art, art_span) and several(off_span)
    )


def _one_run(positions: list[int], tokens: Sequence[Token]) -> tuple[int, int] | None:
    """The first and last of `positions` when the words between them are all names or
    connectors of a name ("of", "and", "the"): one name; None otherwise."""
    first, last = min(positions), max(positions)
    inside = set(positions)
    for i in range(first, last + 1):
        if i not in inside and tokens[i].norm not in NAME_CONNECTORS:
            return None
    return first, last


def _marks_a_cut(tokens: Sequence[Token]) -> bool:
    """An ellipsis or a bracket: the quotation says where it leaves words out."""
    text = "".join(t.text for t in tokens)
    return "…" in text or "..." in text or "[" in text


def _named(edit: Edit, settings: ChangeSettings, quoted: bool = False) -> Edit:
    """A name added or left out is a `name` change, a re-spelled one a `spelling` change; a
    name replaced by another referent is an `entity` edit, and so is a name left out of a
    quotation (the quoted words are not what was said)."""
    if quoted and edit.article == ABSENT:
        return edit
    if ABSENT in (edit.official, edit.article):
        return Edit("name", edit.official, edit.article)
    if fuzz.ratio(edit.official, edit.article) >= settings.respelling_min_ratio:
        return Edit("spelling", edit.official, edit.article)
    if edit.type != "entity":
        return edit
    if _one_name(edit.official, edit.article):
        return Edit("name", edit.official, edit.article)
    return edit


def _one_name(a: str, b: str) -> bool:
    """Two names of one referent in WordNet ("Britain" / "UK", "Holland" / "Netherlands")."""
    from auditor.wordnet import are_synonyms

    def key(name: str) -> str:
        return name.replace(".", "").replace(" ", "_").lower()

    return are_synonyms(key(a), key(b))


def _noun_only(word: str) -> bool:
    """WordNet knows the word only as a noun, or not at all: it can be a name."""
    from auditor.wordnet import lemmas

    return all(pos == "n" for _, pos in lemmas(word))


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


_VOWELS = frozenset("aeiouy")


def syllable_initials(abbreviation: str, word: str) -> bool:
    """`abbreviation` is made of the first letters of `word`'s syllables: "KMT" of
    "Kuomintang" (kuo·min·tang). Each letter after the first is a consonant opening a syllable
    (after a vowel, or after one consonant that follows a vowel: min·tang); each syllable holds
    a vowel and at least two letters, the last at least three ("UK" is not "Uk·raine")."""
    short, long = abbreviation.lower(), word.lower()
    if len(short) < 2 or not long.isalpha() or len(long) < len(short) + 3 or short[0] != long[0]:
        return False

    def onset(p: int) -> bool:
        return long[p] not in _VOWELS and (
            long[p - 1] in _VOWELS or (p >= 2 and long[p - 2] in _VOWELS)
        )

    def match(k: int, start: int) -> bool:
        if k == len(short):
            tail = long[start:]
            return len(tail) >= 3 and bool(_VOWELS & set(tail))
        return any(
            match(k + 1, p)
            for p in range(start + 2, len(long))
            if long[p] == short[k] and onset(p) and _VOWELS & set(long[start:p])
        )

    return match(1, 0)


def _abbreviated(
    tokens: Sequence[Token], i: int, other: Sequence[Token], settings: ChangeSettings
) -> bool:
    """The name at `i` is written on the other side as an abbreviation, or `i` is an
    abbreviation of a name there: "F" for "Fahrenheit", "US" / "U.S." for "United States"."""
    word = tokens[i].text.replace(".", "")
    capitals = [t.text for t in other if t.text[:1].isupper()]
    # abbreviations the other side writes more often than this side: an initial both write as
    # often ("Lyndon B. Johnson" kept) is no other writing of this name ("Brzezinski"); a
    # "U.S." more there may be "United States" here
    here = Counter(t.text.replace(".", "") for t in tokens)
    there = Counter(t.text.replace(".", "") for t in other)
    short = [a for a in there if a.isupper() and there[a] > here[a]]
    # this word spelled out there: its letters the initials of a run of capitalised words
    if word.isupper() and len(word) == 1:
        return any(c[:1] == word and len(c) > 1 for c in capitals)
    if word.isupper() and 1 < len(word) <= settings.abbreviation_max_letters:
        # "USA" for "United States (of America)": the run's initials begin the abbreviation
        runs = [capitals[k : k + n] for k in range(len(capitals)) for n in (2, 3, 4)]
        if any(len(run) > 1 and word.startswith(_initials(run)) for run in runs):
            return True
        # "KMT" for "Kuomintang": the initials of one word's syllables
        if any(syllable_initials(word, c) for c in capitals):
            return True
    # this word (and the capitalised words around it) abbreviated there: the initials of a
    # run of the name's words that holds it ("CPC" of "Communist Party of China Central
    # Committee", the connectors skipped)
    j, k = name_run(tokens, i)
    capitalised = [p for p in range(j, k + 1) if tokens[p].text[:1].isupper()]
    spans = [
        (capitalised[a], capitalised[b])
        for a in range(len(capitalised))
        for b in range(a, len(capitalised))
        if capitalised[a] <= i <= capitalised[b]
    ]
    runs = [[tokens[p].text for p in range(a, b + 1) if p in capitalised] for a, b in spans]
    for abbreviation in short:
        if syllable_initials(abbreviation, word):
            return True
        if any(abbreviation == _initials(run) for run in runs) or (
            len(abbreviation) == 1 and abbreviation == word[:1].upper()
        ):
            return True
    return False


def name_run(tokens: Sequence[Token], i: int) -> tuple[int, int]:
    """First and last position of the many-word name the capitalised word at `i` stands in:
    its capitalised neighbours, across the lowercase connectors of names ("Communist Party
    of China", "Ana de la Fuente": name_connectors.txt). A sentence's first word joins
    only as the name's first word."""

    def capitalised(p: int) -> bool:
        return tokens[p].is_word and tokens[p].text[:1].isupper()

    j = i
    while j > 0 and not tokens[j].initial:
        p = j - 1
        while p > 0 and tokens[p].norm in NAME_CONNECTORS:
            p -= 1
        if not capitalised(p):
            break
        j = p
    k = i
    while k + 1 < len(tokens):
        p = k + 1
        while p + 1 < len(tokens) and tokens[p].norm in NAME_CONNECTORS:
            p += 1
        if not capitalised(p) or tokens[p].initial:
            break
        k = p
    return j, k


def _rest_kept(tokens: Sequence[Token], i: int, other_words: set[str]) -> bool:
    """A given name left out, the surname it stands before kept on the other side ("Ana de
    la Fuente" → "de la Fuente", "Joe Biden" → "Biden"): the same person. A surname is a
    name's last word that WordNet does not know at all; the last word of other names is their
    head, and a word before it tells which one ("Lokomotiv Moscow", "Hanshin Tigers", "Kapan
    Medical Center"): one left out is a name left out."""
    from auditor.wordnet import lemmas

    _, k = name_run(tokens, i)
    return i < k and tokens[k].norm in other_words and not lemmas(tokens[k].norm)


def _initial_swap(
    off: Sequence[Token],
    art: Sequence[Token],
    link: Counterparts,
    removed: list[tuple[int, str]],
    added: list[tuple[int, str]],
    settings: ChangeSettings,
) -> list[tuple[int, str]]:
    """A sentence-initial name replaced by another one ("Sweden will …" → "Norway could …"):
    both first words capitalised, replaced 1:1, neither a common sentence opener."""
    first = next((i for i, t in enumerate(off) if t.is_word), None)
    if first is None:
        return []
    other = link.off_to_art.get(first)
    if other is None or not art[other].initial:
        return []
    a, b = off[first], art[other]
    if not (a.text[:1].isupper() and b.text[:1].isupper()):
        return []
    if a.norm in SENTENCE_OPENERS or b.norm in SENTENCE_OPENERS:
        return []
    if any(_contraction(t.norm) or _common_compound(t.norm) for t in (a, b)):
        return []  # "I'll" → "I'm", "Anti-fraud" → "Fraud"
    if not (is_content(a) and is_content(b)):
        return []  # a number word, a modal, a function word
    if not (_noun_only(a.norm) and _noun_only(b.norm)):
        return []  # an adverb, adjective or verb opening a sentence is no name
    if fuzz.ratio(a.norm, b.norm) >= settings.initial_same_word_ratio:
        return []  # another form of the same word ("Thank" / "Thanks")
    if other not in [p for p, _ in added]:
        added.append((other, b.text))
    # a first word already taken for a name ("Putin", "O'Brien") is removed once
    return [] if first in [r[0] for r in removed] else [(first, a.text)]


@dataclass
class _Name:
    """Adjacent changed tokens of one name: where the last stands on each side (-1: absent)."""

    off: int
    art: int
    left: list[str]
    right: list[str]


def _merge_names(
    found: list[tuple[int, int, str, str]],
    off: Sequence[Token],
    art: Sequence[Token],
    respelled: float,
    context: Sequence[tuple[int, str]] = (),
) -> list[Edit]:
    """Adjacent changed tokens of one name are one change ("European Union → United Nations");
    only the differing tokens are named ("Commission → Council"). `context`: names added that
    are no change by themselves, but may run on from a name replaced."""
    names: list[_Name] = []
    for off_pos, art_pos, left, right in _absorb_following(found, art, respelled, context):
        last = names[-1] if names else None
        if (
            last is not None
            and min(off_pos, art_pos, last.off, last.art) >= 0
            and (last.off, last.art) == (off_pos - 1, art_pos - 1)
        ):
            last.off, last.art = off_pos, art_pos
            last.left.append(left)
            last.right.append(right)
        elif last is not None and _runs_on(last, off_pos, art_pos, off, art):
            # a name of several words left out or added: one change ("∅ → Federal Bureau of
            # Aircraft Accident Investigation"), its connectors with it
            if art_pos == -1:
                last.left += [t.text for t in off[last.off + 1 : off_pos]] + [left]
                last.off = off_pos
            else:
                last.right += [t.text for t in art[last.art + 1 : art_pos]] + [right]
                last.art = art_pos
        else:
            names.append(_Name(off_pos, art_pos, [left], [right]))
    return [
        Edit(
            "entity" if _a_name(off, name.off) or _a_name(art, name.art) else "wording",
            " ".join(name.left),
            " ".join(name.right),
        )
        for name in names
    ]


def _absorb_following(
    found: list[tuple[int, int, str, str]],
    art: Sequence[Token],
    respelled: float,
    context: Sequence[tuple[int, str]] = (),
) -> list[tuple[int, int, str, str]]:
    """A name added right after a name replaced, across a name's connectors only, is the rest of
    the new name: "Steijn" → "Venezuela Li Baorong", not "Steijn → Venezuela" and "∅ → Li
    Baorong". The replaced pair ends where its last absorbed word stands. A name re-spelled
    (at least `respelled` alike: "Police" / "Public") absorbs nothing: it is the same name."""
    added = {a: r for o, a, _, r in found if o == -1 and a >= 0} | dict(context)
    taken: set[int] = set()
    out = []
    for off_pos, art_pos, left, right in found:
        if off_pos >= 0 and art_pos >= 0 and fuzz.ratio(left, right) < respelled:
            words, last = [right], art_pos
            for p in sorted(added):
                if p <= last or p in taken:
                    continue
                if not all(art[k].norm in NAME_CONNECTORS for k in range(last + 1, p)):
                    break
                words += [t.text for t in art[last + 1 : p]] + [added[p]]
                taken.add(p)
                last = p
            out.append((off_pos, last, left, " ".join(words)))
        else:
            out.append((off_pos, art_pos, left, right))
    return [f for f in out if not (f[0] == -1 and f[1] in taken)]


def _runs_on(
    last: _Name, off_pos: int, art_pos: int, off: Sequence[Token], art: Sequence[Token]
) -> bool:
    """A name left out right after the last one left out or replaced (or added right after
    the last one added), with only a name's connectors between them: the same name goes on
    ("Emmanuel Macron → Scholz", not "Emmanuel → Scholz" and "Macron → ∅")."""
    if art_pos == -1 and off_pos > last.off >= 0:  # after a name left out or replaced
        between = off[last.off + 1 : off_pos]
    elif off_pos == -1 and last.off == -1 and art_pos > last.art >= 0:
        between = art[last.art + 1 : art_pos]
    else:
        return False
    return all(t.norm in NAME_CONNECTORS for t in between)


def _a_name(tokens: Sequence[Token], i: int) -> bool:
    """The capitalised words around position `i` hold a name: a word WordNet does not know as
    a common word ("European", "Okonkwo", "Sweden"). A title made only of common words ("Spring
    Festival", "Employment Survey") is the translation's wording of a description."""
    from auditor.wordnet import common_word

    if i < 0:
        return True
    start = i
    while start > 0 and tokens[start - 1].text[:1].isupper() and not tokens[start - 1].initial:
        start -= 1
    end = i
    while end + 1 < len(tokens) and tokens[end + 1].text[:1].isupper():
        end += 1
    return not all(common_word(t.norm) for t in tokens[start : end + 1] if t.is_word)


def _is_proper_noun(tokens: Sequence[Token], i: int) -> bool:
    """A name, not a capitalised adjective such as the demonym in "Ukrainian cities". An
    adjective WordNet writes only in lower case is a name when capitalised ("Bush spoke":
    "bush" is an adjective only as in "bush-league"); a letter is not ("3D space"), nor a
    word in capitals ("the UNLAWFUL annexation": emphasis)."""
    from auditor.wordnet import common_adjective, parts_of_speech

    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.is_word or not nxt.text[:1].islower():
        return True
    word, text = tokens[i].norm, tokens[i].text
    titled = len(word) > 1 and text[1:].islower()
    return "a" not in parts_of_speech(word) or (titled and common_adjective(word))
