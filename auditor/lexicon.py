"""Closed word classes of English that critical edits are about (data only).

These are general English grammar, not words taken from any one text: negators, modal verbs
and their force, number words, and qualifiers (evaluative, intensifying, legal-status, scope
and degree adjectives and adverbs) that change what a sentence claims when dropped or swapped.
"""

from __future__ import annotations

NEGATORS = frozenset("not no never none nobody nothing nowhere neither nor without cannot".split())

#: modal verb → its force; two modals of one force are the same claim ("must" = "have to")
MODAL_FORCE = {
    "must": "must",
    "mustn't": "must",
    "shall": "shall",
    "shan't": "shall",
    "should": "should",
    "shouldn't": "should",
    "ought": "should",
    "may": "may",
    "might": "might",
    "mightn't": "might",
    "can": "can",
    "cannot": "can",
    "can't": "can",
    "could": "could",
    "couldn't": "could",
    "will": "will",
    "won't": "will",
    "'ll": "will",
    "would": "would",
    "wouldn't": "would",
    "'d": "would",
}
MODAL_PHRASES = {
    "have to": "must",
    "has to": "must",
    "had to": "must",
    "got to": "must",
    "need to": "need",
    "needs to": "need",
    "needed to": "need",
    "ought to": "should",
    "be able to": "can",
    "is able to": "can",
    "are able to": "can",
}

#: words before which "one" is a pronoun and "will" a noun
DETERMINERS = frozenset(
    "the a an this that these those no any every each some which his her their our my your its "
    "political good free own".split()
)

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
    "half": 0.5,
    "double": 2,
    "twice": 2,
    "triple": 3,
    "thrice": 3,
}
#: ordinals; "first" and "second" are left out: mostly an adverb and a unit of time
ORDINALS = {
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourths": 4,
    "fifths": 5,
}
SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}

QUALIFIERS = frozenset(
    """
    dangerous critical additional illegal illegally full-fledged fully-fledged significant
    significantly enormous enormously very particularly especially extremely highly deeply
    strongly strong serious seriously clear clearly unprecedented brutal brutally horrific
    horrible terrible heinous direct directly long-term short-term key vital essential crucial
    major huge great greater greatest severe severely important importantly urgent urgently
    only just nearly almost fully full partial partially partly completely entirely
    absolutely totally real true genuine ambitious aggressive unprovoked unjustified illegitimate
    legitimate lethal non-lethal growing increasing increasingly continued continuing further
    substantial substantially considerable considerably massive historic historical fundamental
    fundamentally unwavering steadfast firm firmly sustained immediate immediately swift swiftly
    rapid rapidly deliberate deliberately systematic systematically asymmetric excellent united
    unity tailored valued close closely deep profound outright open openly undeniable
    unacceptable acceptable possible impossible likely unlikely certain certainly probably
    definitely irreversible permanent temporary limited unlimited hybrid nuclear military
    authoritarian democratic sovereign independent free fair robust credible effective
    comprehensive long-standing longstanding longer-term overwhelming overwhelmingly mostly
    largely widely vast tremendous tremendously remarkable remarkably strategic decisive
    """.split()
)

#: capitalised words that open sentences and are not names
SENTENCE_OPENERS = frozenset(
    """the a an this that these those we they he she it i you there here today yesterday
    tomorrow tonight now then also however meanwhile moreover furthermore finally first second
    last next allies ministers leaders officials and but so or if when while as in on at for
    of by with from after before since during our their his her its my your all some many most
    both each every no not never nothing nobody neither nor one two three""".split()
)

#: English function words (plus reporting verbs): no evidence of a shared source sentence
FUNCTION_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say stated noted added told stating emphasized stressed us let one""".split()
)

#: focusing adverbs: one of them for another is no change ("not least China" / "particularly
#: China")
FOCUS_ADVERBS = frozenset(
    [
        "particularly",
        "especially",
        "notably",
        "in particular",
        "not least",
        "above all",
        "in especially",
    ]
)

#: verbs that mark reported speech
REPORTING_VERBS = frozenset(
    """said say says stated stating noted noting added adding stressed stressing emphasized
    emphasizing emphasised emphasising explained told assured warned reminded underlined""".split()
)

#: degree words that qualify the next adjective ("most urgent", "less likely")
DEGREE_WORDS = frozenset(["most", "more", "less", "least"])
