"""Word lists of the audit, read from the package's data files (`auditor/data/`).

Each file holds one list for one idea, with a first line `# …` saying what it is for and where
its entries come from; `.txt` files hold one entry a line, `.tsv` files `entry<TAB>value`.
They are general English (or Turkish) grammar and vocabulary, never words of one text.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

DATA_PACKAGE = "auditor.data"


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of data file `name` (header and blank lines skipped), in file order."""
    text = files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or not lines[0].startswith("# "):
        raise ValueError(f"{name}: the first line must be a '# …' header saying what it is for")
    return tuple(line for line in lines[1:] if line.strip() and not line.startswith("#"))


def word_set(name: str) -> frozenset[str]:
    return frozenset(entries(name))


def word_map(name: str) -> dict[str, str]:
    """A `.tsv` list as entry → value."""
    pairs = (line.split("\t") for line in entries(name))
    return {key: value for key, value in pairs}


def number_map(name: str) -> dict[str, float]:
    return {key: float(value) for key, value in word_map(name).items()}


NEGATORS = word_set("negators.txt")
#: negators that stand alone: when one goes, nothing took its place ("did not agree" → "agreed")
SEPARATE_NEGATORS = word_set("separate_negators.txt")
#: after "not", these make a focusing or temporal idiom, not a negation ("not only", "not until")
FOCUS_AFTER_NOT = word_set("focus_after_not.txt")
#: phrases that open with a negator but affirm ("no doubt", "without a doubt")
AFFIRMING_NEGATIVES = word_set("affirming_negatives.txt")
#: words that turn an adjective toward its opposite: "less good" = "worse"
DIMINISHERS = word_set("diminishers.txt")
#: modal verb → its force; two modals of one force are the same claim ("must" = "have to")
MODAL_FORCE = word_map("modal_force.tsv")
MODAL_PHRASES = word_map("modal_phrases.tsv")
#: a modal force → its class on the scale (necessity, advice, possibility, ability, prediction)
MODAL_CLASSES = word_map("modal_classes.tsv")
#: expressions other than modal verbs → the force they carry ("possible" → "may")
MODAL_EXPRESSIONS = word_map("modal_expressions.tsv")
#: pairs of modal classes a translation swaps without changing the claim
MODAL_BLURRED = frozenset(frozenset(line.split("\t")) for line in entries("modal_blurred.tsv"))
#: modal classes whose loss or gain alone changes a claim
MODAL_CHARGED_ALONE = word_set("modal_charged_alone.txt")
#: determiner → "plain" (a swap of it is no edit type's business) or "marked"
DETERMINER_KINDS = word_map("determiners.tsv")
DETERMINERS = frozenset(DETERMINER_KINDS)
PLAIN_DETERMINERS = frozenset(w for w, kind in DETERMINER_KINDS.items() if kind == "plain")
WILL_NOUN_MODIFIERS = word_set("will_noun_modifiers.txt")
NUMBER_WORDS = number_map("number_words.tsv")
#: number words that say "many" rather than a figure ("thousands of stores")
APPROXIMATE_NUMBERS = word_set("approximate_numbers.txt")
ORDINALS = number_map("ordinals.tsv")
#: ordinal words that name a day of the month ("November first")
DAY_ORDINALS = number_map("day_ordinals.tsv")
#: decades in words ("thirties" = "30s")
DECADE_WORDS = number_map("decade_words.tsv")
#: compounds of a fraction word that name no quantity ("quarter-finals", "half-time")
FRACTION_WORDS = word_set("fraction_words.txt")
SCALES = number_map("scales.tsv")
#: fractions that, before "a million", make a cardinal ("half a million")
FRACTIONS = number_map("fractions.tsv")
#: words after a dotted time that make it a time of day ("10.30 a.m.")
CLOCK_WORDS = word_set("clock_words.txt")
DATE_SEPARATORS = word_set("date_separators.txt")
#: words between the two ends of a range ("4 to 6 million", "between 4 and 6 million")
RANGE_WORDS = word_set("range_words.txt")
#: words after which "one" is a pronoun ("one of the allies", "one another")
PRONOUN_ONE_BEFORE = word_set("pronoun_one_before.txt")
QUALIFIERS = word_set("qualifiers.txt")
SENTENCE_OPENERS = word_set("sentence_openers.txt")
NAME_CONNECTORS = word_set("name_connectors.txt")
REPORTING_VERBS = word_set("reporting_verbs.txt")
#: words that are no evidence that two sentences share a source: function words and the
#: verbs that attribute speech
FUNCTION_WORDS = word_set("function_words.txt") | REPORTING_VERBS
FOCUS_ADVERBS = word_set("focus_adverbs.txt")
#: words and phrases counted with the negators (polarity kept by other words)
LEXICAL_NEGATIVES = word_set("lexical_negatives.txt")
#: words that say "not quite" without negating: they balance a negation, never make one
APPROXIMATORS = word_set("approximators.txt")
#: verbs that deny what follows them ("prevented them from buying"): like the approximators,
#: they balance a negation, never make one
NEGATIVE_IMPLICATIVES = word_set("negative_implicatives.txt")
#: particles that make a phrasal verb of the verb before them ("end up"): no opposite of the verb
PHRASAL_PARTICLES = word_set("phrasal_particles.txt")
PERSONAL_PRONOUNS = word_map("personal_pronouns.tsv")
#: persons a speaker uses for anyone ("we know" = "you know"): swapped among themselves, no change
GENERIC_PERSONS = word_set("generic_persons.txt")
TITLES = word_set("titles.txt")
#: a company's legal form after its name ("Co", "Ltd", "Inc"): the same company with or without
LEGAL_FORMS = word_set("legal_forms.txt")
MONTHS = {name: int(number) for name, number in word_map("months.tsv").items()}
WEEKDAYS = word_set("weekdays.txt")
COORDINATORS = word_set("coordinators.txt")
DEGREE_WORDS = word_set("degree_words.txt")
#: words after which a degree word makes an idiom ("not least", "at least")
DEGREE_IDIOM_OPENERS = word_set("degree_idiom_openers.txt")
#: "-" in the file stands for the empty ending
DEMONYM_ENDINGS = frozenset("" if e == "-" else e for e in entries("demonym_endings.txt"))
TURKISH_FUNCTION_WORDS = word_set("turkish_function_words.txt")
#: Turkish function words shared with other languages: no evidence of Turkish alone
TURKISH_SHARED_WORDS = word_set("turkish_shared_words.txt")
TURKISH_LETTERS = word_set("turkish_letters.txt")
TURKISH_CASE_SUFFIXES = entries("turkish_case_suffixes.txt")
CONNECTIVES = word_set("connectives.txt")
NOT_PARTICIPLES = word_set("not_participles.txt")
ABBREVIATIONS = word_set("abbreviations.txt")
FURNITURE_MARKERS = entries("furniture_markers.txt")
#: quantity and frequency words → the extent of the claim (all, most, many, some, few)
SCOPE_WORDS = word_map("scope_words.tsv")
SCOPE_IDIOMS = word_set("scope_idioms.txt")
_PREFIXES = word_map("negative_prefixes.tsv")
#: negative prefixes that can make a word's opposite, longest first, and those that reverse any
#: stem (not only adjectives)
NEGATIVE_PREFIXES = tuple(
    sorted((p for p, when in _PREFIXES.items() if when != "against"), key=len, reverse=True)
)
OPEN_NEGATIVE_PREFIXES = frozenset(p.rstrip("-") for p, when in _PREFIXES.items() if when == "any")
#: every negative prefix written with its hyphen ("non-", "anti-"): the word after it is negated
HYPHENATED_NEGATIVE_PREFIXES = tuple(sorted({p.rstrip("-") + "-" for p in _PREFIXES}))


def reporting_verb_pattern() -> str:
    """A regex alternation of every reporting verb form, longest first."""
    return "|".join(sorted(REPORTING_VERBS, key=lambda w: (-len(w), w)))
