"""Synonyms and antonyms of English words, from tables derived once from Princeton WordNet 3.0
(auditor/data/wordnet_*.tsv, bench/derive_lexicon.py; licence in auditor/data/LICENSE-WordNet.txt)
plus a short list of antonyms news reporting uses that WordNet lacks (news_antonyms.tsv).
Antonyms (bench/derive_lexicon.py says how each pair is reached): WordNet's own pointers, the
members of an adjective's or adverb's antonym synset, an adjective against the satellites of its
antonym's cluster ("similar", on the words' most frequent senses), the derivationally related
forms of an antonym pair ("derived": success/failure from succeed/fail), and none between light
verbs (light_verbs.txt). Nouns of people that WordNet opposes (son/daughter) are kept apart, for
the person type.

Read with the standard library the first time a word is looked up (~0.15 s, ~35 MB): an
unchanged re-audit never pays for it. A word is reduced to its WordNet lemmas as WordNet's own
`morphy` does: its irregular forms (wordnet_exceptions.tsv) and the regular suffix rules.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from auditor.lexicon import entries, word_set

LIGHT_VERBS = word_set("light_verbs.txt")


def _detachment_rules() -> dict[str, tuple[tuple[str, str], ...]]:
    """WordNet's regular detachment rules (morphy), per part of speech, in order."""
    rules: dict[str, list[tuple[str, str]]] = {pos: [] for pos in "nvar"}
    for line in entries("wordnet_detachment.tsv"):
        pos, suffix, ending = line.split("\t")
        rules[pos].append((suffix, "" if ending == "-" else ending))
    return {pos: tuple(found) for pos, found in rules.items()}


_SUFFIXES = _detachment_rules()
#: -ly adverb endings → the adjective ending they stand for ("happily" → happy)
_ADVERB_ENDINGS = tuple(
    (suffix, "" if ending == "-" else ending)
    for suffix, ending in (line.split("\t") for line in entries("adverb_endings.tsv"))
)

Lemma = tuple[str, str]  #: (lemma, part of speech: n v a r)


@dataclass
class _Tables:
    synsets: dict[Lemma, tuple[str, ...]] = field(default_factory=dict)
    exceptions: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    similar: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    antonyms: dict[Lemma, set[Lemma]] = field(default_factory=lambda: defaultdict(set))
    #: nouns naming people that WordNet opposes (son/daughter, husband/wife, king/queen)
    people: dict[Lemma, set[Lemma]] = field(default_factory=lambda: defaultdict(set))
    #: verbs and nouns in the synset of each other's antonym ("continue" / "stop")
    loose: dict[Lemma, set[Lemma]] = field(default_factory=lambda: defaultdict(set))
    #: nouns WordNet writes with a capital in some sense: names ("sweden", "bush", "may")
    names: frozenset[str] = frozenset()
    #: adjectives WordNet writes with a capital in some sense: of a name ("ukrainian", "french")
    name_adjectives: frozenset[str] = frozenset()


@cache
def _tables() -> _Tables:
    t = _Tables()
    for line in entries("wordnet_lemmas.tsv"):
        lemma, pos, ids = line.split("\t")
        t.synsets[(lemma, pos)] = tuple(f"{s}-{pos}" for s in ids.split())
    t.names = frozenset(entries("wordnet_names.tsv"))
    t.name_adjectives = frozenset(entries("wordnet_name_adjectives.tsv"))
    t.exceptions = {pos: defaultdict(list) for pos in "nvar"}
    for line in entries("wordnet_exceptions.tsv"):
        form, pos, lemma = line.split("\t")
        t.exceptions[pos][form].append(lemma)
    for line in entries("wordnet_similar.tsv"):
        a, b = line.split("\t")
        t.similar[a].add(b)
        t.similar[b].add(a)
    for name in ("wordnet_antonyms.tsv", "news_antonyms.tsv"):
        for line in entries(name):
            l1, p1, l2, p2, *how = line.split("\t")
            # another member of a verb's or noun's antonym synset is too loose an opposite
            # ("get" → "begin" ↔ "end"); adjective and adverb synsets are tight. It is kept
            # aside: an opposite only in its most frequent sense (`are_antonyms`)
            if how == ["synset"] and p1 in "vn":
                t.loose[(l1, p1)].add((l2, p2))
                t.loose[(l2, p2)].add((l1, p1))
                continue
            if p1 == p2 == "v" and (l1 in LIGHT_VERBS or l2 in LIGHT_VERBS):
                continue
            pairs = t.people if how == ["person"] else t.antonyms
            pairs[(l1, p1)].add((l2, p2))
            pairs[(l2, p2)].add((l1, p1))
    return t


def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech WordNet knows `word` in, itself (an adverb in -ly is not its
    adjective here)."""
    return frozenset(pos for lemma, pos in lemmas(word) if not _pertains(word, lemma, pos))


def _pertains(word: str, lemma: str, pos: str) -> bool:
    """`lemma` is the adjective of the -ly adverb `word` ("equally" → equal)."""
    w = word.lower()
    adverbs = {lemma[: len(lemma) - len(ending)] + suffix for suffix, ending in _ADVERB_ENDINGS}
    return pos == "a" and w != lemma and w in adverbs


@cache
def lemmas(word: str) -> frozenset[Lemma]:
    """The WordNet lemmas `word` can be a form of ("rose" → rise/v and rose/n)."""
    t = _tables()
    w = word.lower().replace("’", "'")
    out: set[Lemma] = set()
    for pos in "nvar":
        for candidate in (*t.exceptions[pos].get(w, ()), w):
            if (candidate, pos) in t.synsets:
                out.add((candidate, pos))
        for suffix, replacement in _SUFFIXES[pos]:
            if w.endswith(suffix) and len(w) > len(suffix):
                candidate = w[: len(w) - len(suffix)] + replacement
                if (candidate, pos) in t.synsets:
                    out.add((candidate, pos))
    # an adverb in -ly stands for its adjective ("shortly" → short): WordNet's pertainyms
    for suffix, replacement in _ADVERB_ENDINGS:
        if w.endswith(suffix) and (w[: -len(suffix)] + replacement, "a") in t.synsets:
            out.add((w[: -len(suffix)] + replacement, "a"))
    return frozenset(out)


def same_lemma(a: str, b: str) -> bool:
    """Two forms of one word ("rose", "rising")."""
    return bool({x for x, _ in lemmas(a)} & {y for y, _ in lemmas(b)})


def are_antonyms(a: str, b: str) -> bool:
    """Some lemma of `a` is an antonym of some lemma of `b` in the same part of speech — or,
    for verbs and nouns, a member of the synset of the other's antonym ("approve" ↔
    "disapprove", whose synset holds "reject": "approve" / "reject"), unless one of the two is
    a light verb (light_verbs.txt), whose opposites count only where the member's most
    frequent sense is that synset ("get" means "begin" only in a rare sense: no opposite of
    "end")."""
    t = _tables()
    if same_lemma(a, b):
        return False
    theirs = lemmas(b)
    if any(t.antonyms.get(mine, set()) & theirs for mine in lemmas(a)):
        return True
    return any(
        _first_sense_of_antonym(x, y) or _first_sense_of_antonym(y, x)
        for x in lemmas(a)
        for y in t.loose.get(x, set()) & theirs
    )


def _first_sense_of_antonym(word: Lemma, member: Lemma) -> bool:
    """`member` stands in the synset of an antonym of `word`: in any sense, or — where either
    is a light verb — in its most frequent one."""
    if word[0] not in LIGHT_VERBS and member[0] not in LIGHT_VERBS:
        return True
    t = _tables()
    first = t.synsets[member][0]
    return any(t.synsets[antonym][0] == first for antonym in t.antonyms.get(word, set()))


def common_adjective(word: str) -> bool:
    """WordNet knows the word as an adjective, and never writes that adjective with a capital:
    "bush" (bush-league), "green"; not "ukrainian", "french", which a capital does not make
    names."""
    found = {lemma for lemma, pos in lemmas(word) if pos == "a"}
    return bool(found) and not found & _tables().name_adjectives


def common_word(word: str) -> bool:
    """A word WordNet knows, and never as a name ("celebration", "festival", "open"; not
    "sweden", "bush", "kuleba")."""
    t = _tables()
    found = lemmas(word)
    return bool(found) and not any(lemma in t.names for lemma, _ in found)


def opposite_people(a: str, b: str) -> bool:
    """Nouns of people WordNet gives as each other's opposite: "son" / "daughters",
    "husband" / "wife", "king" / "queen" (noun.person antonyms)."""
    t = _tables()
    if same_lemma(a, b):
        return False
    theirs = lemmas(b)
    return any(t.people.get(mine, set()) & theirs for mine in lemmas(a))


def are_synonyms(a: str, b: str) -> bool:
    """Two words that share a WordNet synset, or adjectives linked as similar (a satellite
    and its head): "solely" / "only". Another form of the same word is no synonym."""
    t = _tables()
    if same_lemma(a, b):
        return False
    mine = {s for lemma in lemmas(a) for s in t.synsets[lemma]}
    theirs = {s for lemma in lemmas(b) for s in t.synsets[lemma]}
    if mine & theirs:
        return True
    near = mine | {x for s in mine for x in t.similar.get(s, ())}
    return bool(near & theirs)
