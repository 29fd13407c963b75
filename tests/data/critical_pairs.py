"""Minimal pairs for the critical-edit detector.

Each ``Pair`` holds an official English sentence, the article's version of it
(typically a machine back-translation), and the set of critical edits the auditor
should name.  An edit is a tuple ``(type, official, article)``; ``ABSENT`` ("∅")
marks the side on which the word is missing.  ``expected == frozenset()`` means the
pair is meaning-preserving and the auditor must report nothing.

Conventions
-----------
General
  * Words are recorded as they appear in the sentence (surface form).  Negators,
    modals, qualifiers and number words are lower-cased; entity names keep their
    capitalisation.  Apostrophes are written as ASCII "'".
  * One tuple per changed word or phrase.  Neutral words around it (do-support,
    articles, agreement "was"/"were", prepositions) are not recorded.
  * Only the types below are changes.  Synonyms for neutral words ("started" /
    "began"), word order, voice, punctuation, case, articles, British/American
    spelling, hyphenation and contractions are never edits.

negation  (polarity only)
  * A separate negator that was simply inserted or deleted is recorded against
    ABSENT: ``("negation", "not", ABSENT)``, ``("negation", ABSENT, "never")``.
  * When the slot of the negator holds a different word on the other side, both
    words are recorded: a token that became its negated form (``("negation", "can",
    "cannot")``, ``("negation", "will", "won't")``, ``("negation", "is", "isn't")``,
    ``("negation", "with", "without")``) or a negative word replaced by a positive
    one (``("negation", "no", "a")``, ``("negation", "nothing", "everything")``).
  * A correlative "neither ... nor" is a single negation recorded by "neither";
    a stand-alone "nor" is recorded by itself.
  * Swapping one negator for another keeps polarity and is NOT an edit:
    "do not"/"don't", "cannot"/"can't", "will not"/"won't", "no longer"/"not
    anymore", "no"/"not any", "not"/"never", "neither X nor Y"/"X and Y ... not".
  * "not least" and "not only ... but also" are focusing/additive idioms, not
    negators.  Affixes (non-, il-, un-) are not negators; "non-lethal" ->
    "lethal" is a qualifier edit.

number
  * A number expression is its digits or number words plus an attached "%" and
    any scale word ("2%", "500 million", "1.5 billion", "one third"), without the
    unit or the hyphenated head: "two-day" -> "three-day" is ("number", "two",
    "three"); "14 years" -> "40 years" is ("number", "14", "40").
  * Years, dates, fractions, approximate plurals ("thousands") and ordinals
    ("third") are numbers.
  * Same value is not a change: "four"/"4", "2%"/"two percent", "5,000"/"five
    thousand", a source-language decimal comma "1,5"/"1.5", date order.
  * "one of" and the adverb "first" ("First, we ...") are not numbers.

entity (critical: another referent), name and spelling (notable)
  * A name replaced by another referent is an entity edit (Bucharest -> Brussels); the
    differing name token(s) are recorded. A name re-spelled or transliterated (Dmytro ->
    Dmitro, Kyiv -> Kiev) is a notable `spelling` change; a name dropped or added is a
    notable `name` change (an omission is not another referent).
  * Not a change: possessives ("NATO's"/"NATO"), case ("Alliance"/"alliance",
    "Foreign Ministers"/"foreign ministers"), sentence-initial capitals, reordered
    names, demonym vs name for the same referent ("Russian gas"/"gas from
    Russia"), titles, abbreviations ("U.S."/"United States").

modality (critical)
  * A modal's force class changed (necessity: must, have to, need to, shall; advice:
    should; possibility: may, might, could; ability: can, be able to; prediction: will,
    would, going to) — except ability against possibility or prediction — or a necessity
    dropped or added. Multi-word modals are recorded as the phrase ("have to"). A fused
    negated modal is recorded as its surface token.
  * Same-class variants are not changes (must/have to, might/may, will/would), nor is a
    prediction, ability, advice or hedge dropped or added (tense and register in
    translation). Homographs are not modals: the month "May", the noun "will".

antonym (critical)
  * A word replaced by its opposite (WordNet antonyms, an adjective's negative-prefix
    form, the heads of compounds: long-term -> short-term).

qualifier
  * An evaluative, intensifying, legal-status, scope or degree adjective/adverb
    dropped, added or replaced by a different word: dangerous, critical,
    additional, illegal, full-fledged, significant, very, particularly, only,
    most, long-term, growing, direct ...  Descriptive adjectives that are part of
    a term ("air defences", "human suffering") are not qualifiers.
  * Not a change: spelling/hyphenation variants ("long-term"/"long term",
    "non-lethal"/"nonlethal"), forms of the same word ("particularly"/"in
    particular"), moving a qualifier into a relative clause, reordering,
    discourse markers ("of course").

``PAIRS`` is grouped by section: one section per type (firing pairs first, then
look-alikes that must not fire), then multi-edit pairs, then paraphrases.
"""

from typing import NamedTuple

ABSENT = "∅"

TYPES = ("negation", "number", "entity", "modality", "qualifier")


class Pair(NamedTuple):
    official: str
    article: str
    expected: frozenset[tuple[str, str, str]]  # {(type, official_word, article_word)}
    note: str


PAIRS: list[Pair] = [
    # ------------------------------------------------------------------ negation
    Pair(
        "We do not see China as an adversary.",
        "We see China as an adversary.",
        frozenset({("negation", "not", ABSENT)}),
        "separate negator dropped together with its do-support",
    ),
    Pair(
        "But we must not underestimate Russia.",
        "But we must underestimate Russia.",
        frozenset({("negation", "not", ABSENT)}),
        "negator after a modal dropped; modal unchanged",
    ),
    Pair(
        "Allies have taken a decision on the request.",
        "Allies have not taken a decision on the request.",
        frozenset({("negation", ABSENT, "not")}),
        "separate negator added",
    ),
    Pair(
        "Russia cannot win this war.",
        "Russia can win this war.",
        frozenset({("negation", "cannot", "can")}),
        "fused negated modal became its positive form",
    ),
    Pair(
        "Ukraine can count on our support this winter.",
        "Ukraine cannot count on our support this winter.",
        frozenset({("negation", "can", "cannot")}),
        "modal became its fused negated form",
    ),
    Pair(
        "NATO will never recognise the illegal annexation of Crimea.",
        "NATO will recognise the illegal annexation of Crimea.",
        frozenset({("negation", "never", ABSENT)}),
        "'never' dropped",
    ),
    Pair(
        "We will continue to support Ukraine.",
        "We won't continue to support Ukraine.",
        frozenset({("negation", "will", "won't")}),
        "negation added through a contraction; modal itself unchanged",
    ),
    Pair(
        "NATO isn't a party to the conflict.",
        "NATO is a party to the conflict.",
        frozenset({("negation", "isn't", "is")}),
        "contracted copula lost its negation",
    ),
    Pair(
        "There is no military solution to this conflict.",
        "There is a military solution to this conflict.",
        frozenset({("negation", "no", "a")}),
        "negative determiner replaced in its slot by a positive one",
    ),
    Pair(
        "Ukraine will join the Alliance with the support of all Allies.",
        "Ukraine will join the Alliance without the support of all Allies.",
        frozenset({("negation", "with", "without")}),
        "'with' became 'without'",
    ),
    Pair(
        "Neither Russia nor Belarus was invited to the meeting.",
        "Russia and Belarus were invited to the meeting.",
        frozenset({("negation", "neither", ABSENT)}),
        "correlative neither/nor removed; recorded once, by 'neither'",
    ),
    Pair(
        "We will not be intimidated, nor will we back down.",
        "We will not be intimidated, and we will back down.",
        frozenset({("negation", "nor", "and")}),
        "stand-alone 'nor' replaced by 'and'; first 'not' kept",
    ),
    Pair(
        "Nothing has been decided on the timing of the summit.",
        "Everything has been decided on the timing of the summit.",
        frozenset({("negation", "nothing", "everything")}),
        "negative pronoun 'nothing' replaced by a positive one",
    ),
    Pair(
        "Nobody in NATO wants a war with Russia.",
        "Everybody in NATO wants a war with Russia.",
        frozenset({("negation", "nobody", "everybody")}),
        "negative pronoun 'nobody' replaced by a positive one",
    ),
    Pair(
        "We don't seek confrontation with China.",
        "We seek confrontation with China.",
        frozenset({("negation", "don't", ABSENT)}),
        "contracted negated auxiliary dropped",
    ),
    # negation look-alikes that must not fire
    Pair(
        "We must assess our dependencies on other authoritarian regimes, not least China.",
        "We must assess our dependencies on other authoritarian regimes, not least on China.",
        frozenset(),
        "'not least' on both sides is a focusing idiom, not a negator",
    ),
    Pair(
        "We do not see China as an adversary.",
        "We don't see China as an adversary.",
        frozenset(),
        "'do not' vs 'don't': both negate",
    ),
    Pair(
        "Russia is no longer a partner.",
        "Russia is not a partner anymore.",
        frozenset(),
        "'no longer' vs 'not ... anymore': both negate, same polarity",
    ),
    Pair(
        "We will not accept a Russian victory.",
        "We won't accept a Russian victory.",
        frozenset(),
        "'will not' vs 'won't': both negate, modal unchanged",
    ),
    Pair(
        "We will not accept the annexation.",
        "We will never accept the annexation.",
        frozenset(),
        "'not' vs 'never': negator swapped, polarity unchanged",
    ),
    Pair(
        "Russia cannot win this war.",
        "Russia can't win this war.",
        frozenset(),
        "'cannot' vs 'can't': both negate",
    ),
    Pair(
        "Neither Russia nor Belarus was invited.",
        "Russia and Belarus were not invited.",
        frozenset(),
        "neither/nor rephrased as 'not': same polarity",
    ),
    Pair(
        "Allies provided not only fuel but also generators.",
        "Allies provided both fuel and generators.",
        frozenset(),
        "'not only ... but also' is additive, not a negator",
    ),
    Pair(
        "There is no military solution.",
        "There is not any military solution.",
        frozenset(),
        "'no' vs 'not any': same polarity",
    ),
    Pair(
        "Of course, we will not accept this.",
        "We will, of course, not accept this.",
        frozenset(),
        "reordered words around a kept negator",
    ),
    # ------------------------------------------------------------------ number
    Pair(
        "The two-day meeting in Bucharest has ended.",
        "The three-day meeting in Bucharest has ended.",
        frozenset({("number", "two", "three")}),
        "number word inside a hyphenated compound changed",
    ),
    Pair(
        "Allies committed to invest at least 2% of GDP in defence.",
        "Allies committed to invest at least 3% of GDP in defence.",
        frozenset({("number", "2%", "3%")}),
        "percentage changed; '%' kept with the number",
    ),
    Pair(
        "NATO has helped train Ukrainian forces for 14 years.",
        "NATO has helped train Ukrainian forces for 40 years.",
        frozenset({("number", "14", "40")}),
        "digits changed; unit not recorded",
    ),
    Pair(
        "Allies have delivered 30 air defence systems.",
        "Allies have delivered air defence systems.",
        frozenset({("number", "30", ABSENT)}),
        "number dropped",
    ),
    Pair(
        "Allies pledged new funds for Ukraine.",
        "Allies pledged 500 million euros in new funds for Ukraine.",
        frozenset({("number", ABSENT, "500 million")}),
        "number added; scale word belongs to the number",
    ),
    Pair(
        "The package is worth 1.5 billion euros.",
        "The package is worth 15 billion euros.",
        frozenset({("number", "1.5 billion", "15 billion")}),
        "decimal point lost: tenfold change",
    ),
    Pair(
        "All 30 Allies agreed on the statement.",
        "All 32 Allies agreed on the statement.",
        frozenset({("number", "30", "32")}),
        "count of members changed",
    ),
    Pair(
        "In 2014, Russia illegally annexed Crimea.",
        "In 2015, Russia illegally annexed Crimea.",
        frozenset({("number", "2014", "2015")}),
        "year changed",
    ),
    Pair(
        "The mission will last five years.",
        "The mission will last 50 years.",
        frozenset({("number", "five", "50")}),
        "number word vs digits with a different value",
    ),
    Pair(
        "Thousands of civilians have been killed.",
        "Hundreds of civilians have been killed.",
        frozenset({("number", "thousands", "hundreds")}),
        "approximate plural number word changed",
    ),
    Pair(
        "Almost half of Ukraine's energy grid has been damaged.",
        "Almost one third of Ukraine's energy grid has been damaged.",
        frozenset({("number", "half", "one third")}),
        "fraction changed",
    ),
    Pair(
        "Allies agreed a third package of support.",
        "Allies agreed a fourth package of support.",
        frozenset({("number", "third", "fourth")}),
        "ordinal changed",
    ),
    Pair(
        "Ministers will meet again on 4 April.",
        "Ministers will meet again on 14 April.",
        frozenset({("number", "4 April", "14 April")}),
        "day of a date changed: the date is one value",
    ),
    Pair(
        "The two-day meeting in Bucharest has ended.",
        "The meeting in Bucharest has ended.",
        frozenset({("number", "two", ABSENT)}),
        "hyphenated number compound dropped",
    ),
    # number look-alikes that must not fire
    Pair(
        "Ministers held four sessions.",
        "Ministers held 4 sessions.",
        frozenset(),
        "'four' vs '4': same value",
    ),
    Pair(
        "Terrorism is one of the most direct threats to our security.",
        "Terrorism is among the most direct threats to our security.",
        frozenset(),
        "'one of' is not a number",
    ),
    Pair(
        "The two-day meeting has ended.",
        "The meeting lasting two days has ended.",
        frozenset(),
        "same number, rephrased and reordered",
    ),
    Pair(
        "Allies must spend at least 2% of GDP on defence.",
        "Allies must spend at least two percent of GDP on defence.",
        frozenset(),
        "'2%' vs 'two percent': same value",
    ),
    Pair(
        "The package is worth 1.5 billion euros.",
        "The package is worth 1,5 billion euros.",
        frozenset(),
        "source-language decimal comma: same value",
    ),
    Pair(
        "More than 5,000 troops are deployed in Romania.",
        "More than five thousand troops are deployed in Romania.",
        frozenset(),
        "'5,000' vs 'five thousand': same value",
    ),
    Pair(
        "Ministers met on 30 November.",
        "Ministers met on November 30.",
        frozenset(),
        "date order differs, same date",
    ),
    Pair(
        "First, we discussed Ukraine.",
        "We discussed Ukraine first.",
        frozenset(),
        "adverb 'first' moved; not a number",
    ),
    # ------------------------------------------------------------------ entity
    Pair(
        "Foreign ministers met in Bucharest this week.",
        "Foreign ministers met in Brussels this week.",
        frozenset({("entity", "Bucharest", "Brussels")}),
        "city replaced",
    ),
    Pair(
        "Last night we met Foreign Minister Dmytro Kuleba.",
        "Last night we met Foreign Minister Dmitro Kuleba.",
        frozenset({("spelling", "Dmytro", "Dmitro")}),
        "first name re-spelled; only the differing token recorded",
    ),
    Pair(
        "Russian drones struck Kyiv again last night.",
        "Russian drones struck Kiev again last night.",
        frozenset({("spelling", "Kyiv", "Kiev")}),
        "different transliteration of a place name",
    ),
    Pair(
        "Secretary General Jens Stoltenberg opened the meeting.",
        "Secretary General Jens Stoltemberg opened the meeting.",
        frozenset({("spelling", "Stoltenberg", "Stoltemberg")}),
        "surname misspelled",
    ),
    Pair(
        "Allies addressed the challenges posed by China.",
        "Allies addressed the challenges posed by Russia.",
        frozenset({("entity", "China", "Russia")}),
        "country replaced",
    ),
    Pair(
        "Ministers met Foreign Minister Kuleba over dinner.",
        "Ministers met Foreign Minister Lavrov over dinner.",
        frozenset({("entity", "Kuleba", "Lavrov")}),
        "person replaced",
    ),
    Pair(
        "We must strengthen our cooperation with the European Union.",
        "We must strengthen our cooperation with the United Nations.",
        frozenset({("entity", "European Union", "United Nations")}),
        "multi-word organisation replaced; whole names recorded",
    ),
    Pair(
        "The meeting took place in Bucharest, Romania.",
        "The meeting took place in Bucharest, Bulgaria.",
        frozenset({("entity", "Romania", "Bulgaria")}),
        "second of two place names replaced",
    ),
    Pair(
        "Finland and Sweden applied to join NATO.",
        "Finland and Sweden applied to join the EU.",
        frozenset({("entity", "NATO", "EU")}),
        "organisation acronym replaced",
    ),
    Pair(
        "President Zelenskyy addressed the ministers.",
        "President Zelensky addressed the ministers.",
        frozenset({("spelling", "Zelenskyy", "Zelensky")}),
        "surname re-spelled",
    ),
    Pair(
        "Leaders will meet at the Vilnius Summit next year.",
        "Leaders will meet at the Madrid Summit next year.",
        frozenset({("entity", "Vilnius", "Madrid")}),
        "place inside an event name replaced",
    ),
    Pair(
        "We will deepen cooperation with partners in the Indo-Pacific.",
        "We will deepen cooperation with partners.",
        frozenset({("name", "Indo-Pacific", ABSENT)}),
        "region name dropped",
    ),
    Pair(
        "Allies condemned the attacks on civilians.",
        "Allies condemned the attacks on civilians in Kherson.",
        frozenset({("name", ABSENT, "Kherson")}),
        "place name added",
    ),
    Pair(
        "Russia illegally annexed Crimea.",
        "Russia illegally annexed Donbas.",
        frozenset({("entity", "Crimea", "Donbas")}),
        "region replaced",
    ),
    Pair(
        "After the talks, Gray spoke to the delegates about trade.",
        "After the talks, Queen Ingrid spoke to the delegates about trade.",
        frozenset({("entity", "Gray", "Ingrid")}),
        "a name WordNet also knows as a lower-case adjective, replaced by a titled name",
    ),
    Pair(
        "Tarnow City announced that two ferries were cancelled.",
        "Poland announced that two ferries were cancelled.",
        frozenset({("entity", "Tarnow City", "Poland")}),
        "a sentence's first word in a name's place: the name it replaced",
    ),
    Pair(
        "Norway announced that two ferries were cancelled.",
        "The port announced that two ferries were cancelled.",
        frozenset({("name", "Norway", ABSENT)}),
        "a first word that is no name in a name's place: no replacement, a name left out",
    ),
    Pair(
        "Tarnow City announced that two ferries were cancelled.",
        "Pro-ferry groups announced that two ferries were cancelled.",
        frozenset({("name", "Tarnow City", ABSENT)}),
        "a sentence's first word that compounds common words is no name in a name's place",
    ),
    Pair(
        "The port authority announced that two ferries were cancelled.",
        "Poland announced that two ferries were cancelled.",
        frozenset({("name", ABSENT, "Poland")}),
        "a sentence's first word with no name in its place: no replacement, a name added",
    ),
    # entity look-alikes that must not fire
    Pair(
        "Ministers stressed the importance of NATO's resilience guidelines.",
        "Ministers stressed the importance of NATO resilience guidelines.",
        frozenset(),
        "possessive 'NATO's' vs 'NATO': same entity",
    ),
    Pair(
        "NATO is an Alliance of Europe and North America.",
        "NATO is an alliance of Europe and North America.",
        frozenset(),
        "'Alliance' vs 'alliance': casing only",
    ),
    Pair(
        "Today, ministers considered China's military developments.",
        "Ministers today considered China's military developments.",
        frozenset(),
        "sentence-initial capitals 'Today'/'Ministers' are not names",
    ),
    Pair(
        "We were joined by Finland and Sweden.",
        "Sweden and Finland joined us.",
        frozenset(),
        "same names reordered, active vs passive",
    ),
    Pair(
        "The war has exposed our dependency on Russian gas.",
        "The war has exposed our dependency on gas from Russia.",
        frozenset(),
        "demonym vs country name for the same referent",
    ),
    Pair(
        "NATO Foreign Ministers agreed on the next steps.",
        "NATO foreign ministers agreed on the next steps.",
        frozenset(),
        "title casing is not an entity change",
    ),
    Pair(
        "We discussed Russia's war against Ukraine.",
        "We discussed Russia\u2019s war against Ukraine.",
        frozenset(),
        "curly vs straight apostrophe in a possessive",
    ),
    # ------------------------------------------------------------------ modality
    Pair(
        "But we must not underestimate Russia.",
        "But we should not underestimate Russia.",
        frozenset({("modality", "must", "should")}),
        "must -> should; negation kept",
    ),
    Pair(
        "We will continue to engage with China.",
        "We would continue to engage with China.",
        frozenset(),
        "will -> would",
    ),
    Pair(
        "But we have to be aware of our dependencies.",
        "But we should be aware of our dependencies.",
        frozenset({("modality", "have to", "should")}),
        "multi-word modal 'have to' -> should",
    ),
    Pair(
        "Allies must increase their defence spending.",
        "Allies may increase their defence spending.",
        frozenset({("modality", "must", "may")}),
        "obligation weakened to permission",
    ),
    Pair(
        "We must strengthen our resilience.",
        "We can strengthen our resilience.",
        frozenset({("modality", "must", "can")}),
        "must -> can",
    ),
    Pair(
        "Ukraine can decide its own path.",
        "Ukraine must decide its own path.",
        frozenset({("modality", "can", "must")}),
        "can -> must",
    ),
    Pair(
        "NATO will respond to any attack on Allied territory.",
        "NATO may respond to any attack on Allied territory.",
        frozenset({("modality", "will", "may")}),
        "commitment weakened to possibility",
    ),
    Pair(
        "We will continue to support Ukraine for as long as it takes.",
        "We continue to support Ukraine for as long as it takes.",
        frozenset(),
        "modal dropped",
    ),
    Pair(
        "Allies increase their production of ammunition.",
        "Allies should increase their production of ammunition.",
        frozenset(),
        "modal added",
    ),
    Pair(
        "Russia might launch new attacks on the energy grid.",
        "Russia will launch new attacks on the energy grid.",
        frozenset({("modality", "might", "will")}),
        "possibility strengthened to prediction",
    ),
    Pair(
        "This could lead to a wider war.",
        "This can lead to a wider war.",
        frozenset(),
        "could -> can",
    ),
    Pair(
        "This should lead us to assess our dependencies.",
        "This must lead us to assess our dependencies.",
        frozenset({("modality", "should", "must")}),
        "should -> must",
    ),
    Pair(
        "We need to reduce our vulnerabilities.",
        "We could reduce our vulnerabilities.",
        frozenset({("modality", "need to", "could")}),
        "multi-word modal 'need to' -> could",
    ),
    Pair(
        "Ukraine has to decide on the terms of any settlement.",
        "Ukraine may decide on the terms of any settlement.",
        frozenset({("modality", "has to", "may")}),
        "inflected 'has to' -> may",
    ),
    Pair(
        "Russia won't change its goals.",
        "Russia wouldn't change its goals.",
        frozenset(),
        "negated modal changed; polarity kept, so no negation edit",
    ),
    # modality look-alikes that must not fire
    Pair(
        "We must address these challenges together.",
        "We have to address these challenges together.",
        frozenset(),
        "'must' vs 'have to': same force",
    ),
    Pair(
        "In May, ministers met in Berlin.",
        "Ministers met in Berlin in May.",
        frozenset(),
        "month 'May' is not a modal; reordered",
    ),
    Pair(
        "Allies showed strong political will.",
        "Allies demonstrated strong political will.",
        frozenset(),
        "noun 'will' is not a modal; neutral verb synonym",
    ),
    Pair(
        "We will continue to trade with China.",
        "We'll continue to trade with China.",
        frozenset(),
        "'will' vs \"'ll\": contraction",
    ),
    Pair(
        "Allies can provide more air defences.",
        "Allies are able to provide more air defences.",
        frozenset(),
        "'can' vs 'are able to': same force",
    ),
    Pair(
        "We must also strengthen our cooperation with partners.",
        "We also must strengthen our cooperation with partners.",
        frozenset(),
        "modal kept, adverb moved",
    ),
    # ------------------------------------------------------------------ qualifier
    Pair(
        "The war has demonstrated our dangerous dependency on Russian gas.",
        "The war has demonstrated our dependency on Russian gas.",
        frozenset({("qualifier", "dangerous", ABSENT)}),
        "evaluative adjective dropped",
    ),
    Pair(
        "Russian missiles continue to strike critical infrastructure.",
        "Russian missiles continue to strike important infrastructure.",
        frozenset({("qualifier", "critical", "important")}),
        "technical qualifier replaced by a vaguer one",
    ),
    Pair(
        "Allies announced additional contributions to the assistance package.",
        "Allies announced contributions to the assistance package.",
        frozenset({("qualifier", "additional", ABSENT)}),
        "'additional' dropped",
    ),
    Pair(
        "We discussed Russia's illegal war against Ukraine.",
        "We discussed Russia's war against Ukraine.",
        frozenset({("qualifier", "illegal", ABSENT)}),
        "legal-status adjective dropped",
    ),
    Pair(
        "Ukraine will become a full-fledged member of the Alliance.",
        "Ukraine will become a member of the Alliance.",
        frozenset({("qualifier", "full-fledged", ABSENT)}),
        "hyphenated qualifier dropped",
    ),
    Pair(
        "Ukraine has made gains on the battlefield.",
        "Ukraine has made significant gains on the battlefield.",
        frozenset({("qualifier", ABSENT, "significant")}),
        "qualifier added",
    ),
    Pair(
        "The situation in Ukraine is very serious.",
        "The situation in Ukraine is serious.",
        frozenset({("qualifier", "very", ABSENT)}),
        "intensifier dropped",
    ),
    Pair(
        "Allies are particularly concerned about attacks on civilians.",
        "Allies are concerned about attacks on civilians.",
        frozenset({("qualifier", "particularly", ABSENT)}),
        "degree adverb dropped",
    ),
    Pair(
        "This is causing enormous human suffering.",
        "This is causing great human suffering.",
        frozenset({("qualifier", "enormous", "great")}),
        "intensifying adjective replaced by a weaker one",
    ),
    Pair(
        "The package provides Ukraine with non-lethal aid.",
        "The package provides Ukraine with lethal aid.",
        frozenset({("antonym", "non-lethal", "lethal")}),
        "affixal negation lost: an antonym (a stem WordNet knows and its negative-prefix "
        "form), not a negation edit",
    ),
    Pair(
        "Allies provide defensive weapons to Ukraine.",
        "Allies provide only defensive weapons to Ukraine.",
        frozenset({("qualifier", ABSENT, "only")}),
        "restrictive 'only' added",
    ),
    Pair(
        "These are the country's most urgent needs.",
        "These are the country's urgent needs.",
        frozenset({("qualifier", "most", ABSENT)}),
        "superlative 'most' dropped",
    ),
    Pair(
        "Allies addressed the long-term challenges posed by China.",
        "Allies addressed the short-term challenges posed by China.",
        frozenset({("antonym", "long-term", "short-term")}),
        "time-scope qualifier inverted: its antonym",
    ),
    Pair(
        "We are concerned about China's growing cyber activities.",
        "We are concerned about China's cyber activities.",
        frozenset({("qualifier", "growing", ABSENT)}),
        "degree adjective dropped",
    ),
    Pair(
        "Terrorism remains a direct threat to our security.",
        "Terrorism remains an indirect threat to our security.",
        frozenset({("antonym", "direct", "indirect")}),
        "qualifier inverted: its antonym",
    ),
    # qualifier look-alikes that must not fire
    Pair(
        "We discussed our long-term support for Ukraine.",
        "We discussed our long term support for Ukraine.",
        frozenset(),
        "hyphenation variant of the same qualifier",
    ),
    Pair(
        "Allies provide Ukraine with non-lethal aid.",
        "Allies provide Ukraine with nonlethal aid.",
        frozenset(),
        "spelling variant; 'non-' is not a negator",
    ),
    Pair(
        "Allies pledged more air defences, particularly for Kyiv.",
        "Allies pledged more air defences, in particular for Kyiv.",
        frozenset(),
        "'particularly' vs 'in particular': same word",
    ),
    Pair(
        "Russia's illegal war must end.",
        "Russia's war, which is illegal, must end.",
        frozenset(),
        "qualifier moved into a relative clause",
    ),
    Pair(
        "We will, of course, continue to trade with China.",
        "We will continue to trade with China.",
        frozenset(),
        "discourse marker 'of course' is not a qualifier",
    ),
    Pair(
        "Ukraine has made significant gains.",
        "Ukraine has made significant progress.",
        frozenset(),
        "qualifier kept; neutral noun synonym",
    ),
    Pair(
        "We are watching China's ambitious and opaque military build-up.",
        "We are watching China's opaque and ambitious military build-up.",
        frozenset(),
        "qualifiers reordered",
    ),
    # ------------------------------------------------------------------ multiple edits
    Pair(
        "We must continue to provide additional air defences.",
        "We should continue to provide air defences.",
        frozenset({("modality", "must", "should"), ("qualifier", "additional", ABSENT)}),
        "modality + qualifier",
    ),
    Pair(
        "The two-day meeting in Bucharest has ended.",
        "The three-day meeting in Brussels has ended.",
        frozenset({("number", "two", "three"), ("entity", "Bucharest", "Brussels")}),
        "number + entity",
    ),
    Pair(
        "We do not see China as an adversary.",
        "We may see China as a dangerous adversary.",
        frozenset(
            {
                ("negation", "not", ABSENT),
                ("qualifier", ABSENT, "dangerous"),
            }
        ),
        "negation dropped + modal added + qualifier added",
    ),
    Pair(
        "Allies will never accept Russia's illegal annexation of Crimea.",
        "Allies would accept Russia's annexation of Crimea.",
        frozenset(
            {
                ("negation", "never", ABSENT),
                ("qualifier", "illegal", ABSENT),
            }
        ),
        "modality + negation + qualifier",
    ),
    Pair(
        "Foreign Minister Dmytro Kuleba asked for 14 additional air defence systems.",
        "Foreign Minister Dmitro Kuleba asked for 40 air defence systems.",
        frozenset(
            {
                ("spelling", "Dmytro", "Dmitro"),
                ("number", "14", "40"),
                ("qualifier", "additional", ABSENT),
            }
        ),
        "entity + number + qualifier",
    ),
    Pair(
        "We will not recognise the illegal annexation of four Ukrainian regions.",
        "We will recognise the annexation of five Ukrainian regions.",
        frozenset(
            {
                ("negation", "not", ABSENT),
                ("qualifier", "illegal", ABSENT),
                ("number", "four", "five"),
            }
        ),
        "negation + qualifier + number",
    ),
    Pair(
        "Allies must meet the 2% guideline by 2024.",
        "Allies may meet the 3% guideline by 2024.",
        frozenset({("modality", "must", "may"), ("number", "2%", "3%")}),
        "modality + number; unchanged year must not fire",
    ),
    Pair(
        "Hungary has not ratified Sweden's accession.",
        "Turkey has ratified Sweden's accession.",
        frozenset({("entity", "Hungary", "Turkey"), ("negation", "not", ABSENT)}),
        "entity + negation; unchanged possessive entity must not fire",
    ),
    Pair(
        "We have just concluded two important meetings of NATO Foreign Ministers.",
        "We just concluded three meetings of NATO foreign ministers.",
        frozenset({("number", "two", "three"), ("qualifier", "important", ABSENT)}),
        "number + qualifier amid neutral noise (tense, casing)",
    ),
    Pair(
        "Russia cannot win this war.",
        "Russia may win this war.",
        frozenset({("negation", "cannot", "may")}),
        "fused 'cannot' -> 'may' is both a negation and a modality edit",
    ),
    Pair(
        "NATO will not be dragged into the war.",
        "NATO would be dragged into the war.",
        frozenset({("negation", "not", ABSENT)}),
        "separate negator dropped + modal changed",
    ),
    Pair(
        "Sweden will join the Alliance.",
        "Norway could join the Alliance.",
        frozenset({("entity", "Sweden", "Norway"), ("modality", "will", "could")}),
        "entity + modality",
    ),
    # ------------------------------------------------------------------ paraphrases (no edits)
    Pair(
        "We have just concluded important meetings of NATO Foreign Ministers.",
        "We just concluded important meetings of NATO Foreign Ministers.",
        frozenset(),
        "present perfect vs simple past",
    ),
    Pair(
        "The meeting started this morning.",
        "The meeting began this morning.",
        frozenset(),
        "neutral verb synonym",
    ),
    Pair(
        "Allies do not want a conflict with Russia.",
        "Allies don't want a conflict with Russia.",
        frozenset(),
        "contraction of 'do not'",
    ),
    Pair(
        "Today, ministers discussed terrorism.",
        "Ministers discussed terrorism today.",
        frozenset(),
        "adverb moved; sentence-initial capital",
    ),
    Pair(
        "Allies also announced additional contributions.",
        "allies also announced additional contributions",
        frozenset(),
        "case and punctuation only",
    ),
    Pair(
        "The Allies provided the fuel and the generators.",
        "Allies provided fuel and generators.",
        frozenset(),
        "articles dropped",
    ),
    Pair(
        "NATO Foreign Ministers made clear that our support for Ukraine is essential.",
        "NATO Foreign Ministers made it clear that our support to Ukraine is essential.",
        frozenset(),
        "expletive 'it' added; preposition changed",
    ),
    Pair(
        "Allies announced new commitments.",
        "New commitments were announced by Allies.",
        frozenset(),
        "active vs passive",
    ),
    Pair(
        "Russian missiles continue to strike Ukrainian cities.",
        "Russian missiles keep striking Ukrainian cities.",
        frozenset(),
        "'continue to' vs 'keep': neutral synonym",
    ),
    Pair(
        "This is causing enormous suffering as winter sets in.",
        "This is causing enormous suffering with the onset of winter.",
        frozenset(),
        "clause rephrased as a noun phrase",
    ),
    Pair(
        "We will continue to engage with China when it is in our interests.",
        "We will keep engaging with China when it serves our interests.",
        frozenset(),
        "neutral rewording of verb phrases",
    ),
    Pair(
        "I welcome the new commitments made by Allies.",
        "I welcome the new commitments from the Allies.",
        frozenset(),
        "participle phrase vs prepositional phrase",
    ),
    Pair(
        "Allies will strengthen their air defences.",
        "Allies will strengthen their air defenses.",
        frozenset(),
        "British vs American spelling",
    ),
    Pair(
        "Ministers addressed the challenges posed by China.",
        "Ministers addressed the challenges that China poses.",
        frozenset(),
        "participle vs relative clause",
    ),
    Pair(
        "NATO is an Alliance of Europe and North America.",
        "NATO is an alliance of North America and Europe.",
        frozenset(),
        "coordinated names reordered; casing",
    ),
    Pair(
        '"We remain clear-eyed," the Secretary General said.',
        'The Secretary General said: "We remain clear-eyed."',
        frozenset(),
        "quotation reordered and repunctuated",
    ),
    Pair(
        "Good afternoon.",
        "Good afternoon!",
        frozenset(),
        "punctuation only",
    ),
    Pair(
        "Ministers also discussed terrorism.",
        "The ministers discussed terrorism as well.",
        frozenset(),
        "'also' vs 'as well'; article added",
    ),
    Pair(
        "Allies are providing fuel and generators to Ukraine.",
        "Allies are providing Ukraine with fuel and generators.",
        frozenset(),
        "dative alternation",
    ),
    Pair(
        "The Secretary-General spoke to the press after the meeting.",
        "The Secretary General spoke to the press after the meeting.",
        frozenset(),
        "hyphenation of a title",
    ),
    Pair(
        "It is important that we stand together.",
        "It's important that we stand together.",
        frozenset(),
        "contraction of 'it is'",
    ),
    Pair(
        "We addressed Russia's war in Ukraine last night.",
        "Last night, we addressed Russia's war in Ukraine.",
        frozenset(),
        "time adverbial fronted",
    ),
    Pair(
        "Thank you.",
        "Thanks.",
        frozenset(),
        "neutral synonym",
    ),
    Pair(
        "Ministers discussed how to strengthen our resilience.",
        "Ministers discussed ways to strengthen our resilience.",
        frozenset(),
        "'how to' vs 'ways to'",
    ),
    Pair(
        "NATO\u2019s support for Ukraine will continue.",
        "NATO's support for Ukraine will continue.",
        frozenset(),
        "typographic apostrophe",
    ),
]
