"""Held-out minimal pairs (written without seeing the detector or the dev pairs).

Each pair is an official sentence, an article sentence that renders it, and the set of
critical edits a reviewer would expect, as (type, official word, article word) with "∅"
for an absent side. Sentences are new diplomatic / press-conference English, so that the
detector can be scored on material it was not tuned on.
"""

from typing import NamedTuple

ABSENT = "∅"


class Pair(NamedTuple):
    official: str
    article: str
    expected: frozenset[tuple[str, str, str]]  # {(type, official_word, article_word)}
    note: str


def _e(*edits: tuple[str, str, str]) -> frozenset[tuple[str, str, str]]:
    return frozenset(edits)


NONE: frozenset[tuple[str, str, str]] = frozenset()

HELDOUT: list[Pair] = [
    # ------------------------------------------------------------------ negation
    Pair(
        "The ministers did not agree on a new sanctions package.",
        "The ministers agreed on a new sanctions package.",
        _e(("negation", "not", ABSENT)),
        "negation: separate 'not' dropped with do-support",
    ),
    Pair(
        "Finland can join the Alliance within weeks, the foreign minister said.",
        "Finland cannot join the Alliance within weeks, the foreign minister said.",
        _e(("negation", "can", "cannot")),
        "negation: base modal vs fused negative",
    ),
    Pair(
        "The situation on the border is stable, the Secretary General told reporters.",
        "The situation on the border isn't stable, the Secretary General told reporters.",
        _e(("negation", "is", "isn't")),
        "negation: copula vs n't form",
    ),
    Pair(
        "The presidency said no agreement was reached on the budget after two days of talks.",
        "The presidency said an agreement was reached on the budget after two days of talks.",
        _e(("negation", "no", "an")),
        "negation: 'no' replaced by article in its slot",
    ),
    Pair(
        "The talks in Geneva ended with a joint statement.",
        "The talks in Geneva ended without a joint statement.",
        _e(("negation", "with", "without")),
        "negation: with -> without",
    ),
    Pair(
        "The defence minister has never visited the front line.",
        "The defence minister has visited the front line.",
        _e(("negation", "never", ABSENT)),
        "negation: 'never' dropped",
    ),
    Pair(
        "The envoy said neither Hungary nor Slovakia objected to the text.",
        "The envoy said Hungary and Slovakia objected to the text.",
        _e(("negation", "neither", ABSENT)),
        "negation: neither ... nor dropped, counted once",
    ),
    Pair(
        "The G7 leaders will attend the summit in person.",
        "The G7 leaders will not attend the summit in person.",
        _e(("negation", ABSENT, "not")),
        "negation: 'not' added after modal",
    ),
    Pair(
        "Moscow has complied with the terms of the ceasefire.",
        "Moscow hasn't complied with the terms of the ceasefire.",
        _e(("negation", "has", "hasn't")),
        "negation: auxiliary vs n't form",
    ),
    Pair(
        "The ministers found common ground on the migration pact.",
        "The ministers found no common ground on the migration pact.",
        _e(("negation", ABSENT, "no")),
        "negation: determiner 'no' added",
    ),
    Pair(
        "The spokesperson said that nothing had been agreed in Ankara.",
        "The spokesperson said that everything had been agreed in Ankara.",
        _e(("negation", "nothing", "everything")),
        "negation: 'nothing' replaced by positive pronoun",
    ),
    Pair(
        "The European Union does not recognise the results of the so-called referendums.",
        "The European Union recognises the results of the so-called referendums.",
        _e(("negation", "not", ABSENT)),
        "negation: 'does not recognise' -> 'recognises'",
    ),
    # ------------------------------------------------------------------ number
    Pair(
        "The ministers approved a two-day exercise in the Baltic Sea.",
        "The ministers approved a three-day exercise in the Baltic Sea.",
        _e(("number", "two", "three")),
        "number: hyphenated compound value changed",
    ),
    Pair(
        "Inflation in the euro area fell to 2.9% in October.",
        "Inflation in the euro area fell to 3.9% in October.",
        _e(("number", "2.9%", "3.9%")),
        "number: decimal percentage changed",
    ),
    Pair(
        "The new package adds 14 Russian officials to the sanctions list.",
        "The new package adds 40 Russian officials to the sanctions list.",
        _e(("number", "14", "40")),
        "number: digit count changed",
    ),
    Pair(
        "The Alliance will place 300,000 troops at high readiness.",
        "The Alliance will place troops at high readiness.",
        _e(("number", "300,000", ABSENT)),
        "number: figure dropped",
    ),
    Pair(
        "The World Bank announced a loan to Moldova on Wednesday.",
        "The World Bank announced a 200 million dollar loan to Moldova on Wednesday.",
        _e(("number", ABSENT, "200 million")),
        "number: figure with scale word added",
    ),
    Pair(
        "The agreement was signed in Minsk in 2014.",
        "The agreement was signed in Minsk in 2015.",
        _e(("number", "2014", "2015")),
        "number: year changed",
    ),
    Pair(
        "This is the fourth round of talks between the two delegations this year.",
        "This is the fifth round of talks between the two delegations this year.",
        _e(("number", "fourth", "fifth")),
        "number: ordinal changed",
    ),
    Pair(
        "Around half of the member states support the proposal.",
        "Around one third of the member states support the proposal.",
        _e(("number", "half", "one third")),
        "number: fraction changed",
    ),
    Pair(
        "The summit will take place in Vilnius on 11 July.",
        "The summit will take place in Vilnius on 12 July.",
        _e(("number", "11", "12")),
        "number: day of date changed",
    ),
    Pair(
        "More than 8 million refugees have left the country since the invasion.",
        "More than 6 million refugees have left the country since the invasion.",
        _e(("number", "8 million", "6 million")),
        "number: figure with scale word changed",
    ),
    Pair(
        "A delegation of 30 observers will monitor the vote.",
        "A delegation of observers will monitor the vote.",
        _e(("number", "30", ABSENT)),
        "number: count dropped",
    ),
    # ------------------------------------------------------------------ entity
    Pair(
        "The defence ministers met in Vilnius on Thursday.",
        "The defence ministers met in Riga on Thursday.",
        _e(("entity", "Vilnius", "Riga")),
        "entity: city replaced",
    ),
    Pair(
        "Russian forces shelled the outskirts of Kharkiv overnight.",
        "Russian forces shelled the outskirts of Kharkov overnight.",
        _e(("spelling", "Kharkiv", "Kharkov")),
        "entity: re-spelled place name",
    ),
    Pair(
        "The proposal was backed by the European Commission on Monday.",
        "The proposal was backed by the European Council on Monday.",
        _e(("entity", "European Commission", "European Council")),
        "entity: multi-word institution replaced",
    ),
    Pair(
        "Secretary General Jens Stoltenberg spoke to reporters after the meeting.",
        "Secretary General Mark Rutte spoke to reporters after the meeting.",
        _e(("entity", "Jens Stoltenberg", "Mark Rutte")),
        "entity: full person name replaced",
    ),
    Pair(
        "The measures were coordinated with the United States and Canada.",
        "The measures were coordinated with the United Kingdom and Canada.",
        _e(("entity", "United States", "United Kingdom")),
        "entity: multi-word country replaced",
    ),
    Pair(
        "The negotiations in Istanbul produced a deal on grain exports.",
        "The negotiations in Ankara produced a deal on grain exports.",
        _e(("entity", "Istanbul", "Ankara")),
        "entity: city replaced",
    ),
    Pair(
        "Chancellor Scholz spoke with the Kremlin by phone.",
        "Chancellor Merz spoke with the Kremlin by phone.",
        _e(("entity", "Scholz", "Merz")),
        "entity: surname after title replaced",
    ),
    Pair(
        "The OSCE mission will observe the parliamentary elections in Georgia.",
        "The UN mission will observe the parliamentary elections in Georgia.",
        _e(("entity", "OSCE", "UN")),
        "entity: acronym replaced",
    ),
    Pair(
        "Lithuania requested consultations under Article 4 of the treaty.",
        "Latvia requested consultations under Article 4 of the treaty.",
        _e(("entity", "Lithuania", "Latvia")),
        "entity: sentence-initial country replaced",
    ),
    Pair(
        "The foreign ministers discussed the security of the port of Odesa.",
        "The foreign ministers discussed the security of the port of Odessa.",
        _e(("spelling", "Odesa", "Odessa")),
        "entity: transliteration variant",
    ),
    # ------------------------------------------------------------------ modality
    Pair(
        "Allies should deliver more air defence systems to Ukraine.",
        "Allies must deliver more air defence systems to Ukraine.",
        _e(("modality", "should", "must")),
        "modality: should -> must",
    ),
    Pair(
        "The sanctions will take effect next month.",
        "The sanctions would take effect next month.",
        _e(),
        "modality: will -> would",
    ),
    Pair(
        "Diplomats warned that the ceasefire may collapse within days.",
        "Diplomats warned that the ceasefire will collapse within days.",
        _e(("modality", "may", "will")),
        "modality: may -> will",
    ),
    Pair(
        "The Council could adopt the decision at its next meeting.",
        "The Council adopted the decision at its next meeting.",
        _e(),
        "modality: modal dropped, tense shifted",
    ),
    Pair(
        "The allies respond to any attack on their territory.",
        "The allies will respond to any attack on their territory.",
        _e(),
        "modality: 'will' added",
    ),
    Pair(
        "Candidate countries need to meet the Copenhagen criteria before joining.",
        "Candidate countries may meet the Copenhagen criteria before joining.",
        _e(("modality", "need to", "may")),
        "modality: need to -> may",
    ),
    Pair(
        "The commission has to publish its assessment by the end of June.",
        "The commission might publish its assessment by the end of June.",
        _e(("modality", "has to", "might")),
        "modality: has to -> might",
    ),
    Pair(
        "We shall continue to support Kyiv for as long as it takes.",
        "We can continue to support Kyiv for as long as it takes.",
        _e(("modality", "shall", "can")),
        "modality: shall -> can",
    ),
    Pair(
        "The Presidency would welcome a compromise on the asylum rules.",
        "The Presidency welcomes a compromise on the asylum rules.",
        _e(),
        "modality: conditional 'would' dropped",
    ),
    # ------------------------------------------------------------------ qualifier
    Pair(
        "The minister condemned the brutal attack on civilians in Kherson.",
        "The minister condemned the attack on civilians in Kherson.",
        _e(("qualifier", "brutal", ABSENT)),
        "qualifier: evaluative adjective dropped",
    ),
    Pair(
        "This is a very serious violation of international law.",
        "This is a serious violation of international law.",
        _e(("qualifier", "very", ABSENT)),
        "qualifier: intensifier dropped, adjective kept",
    ),
    Pair(
        "The allies agreed to provide additional ammunition to Kyiv.",
        "The allies agreed to provide ammunition to Kyiv.",
        _e(("qualifier", "additional", ABSENT)),
        "qualifier: scope adjective dropped",
    ),
    Pair(
        "The G7 condemned the illegal annexation of Crimea.",
        "The G7 condemned the annexation of Crimea.",
        _e(("qualifier", "illegal", ABSENT)),
        "qualifier: legal-status adjective dropped",
    ),
    Pair(
        "The Security Council stressed the urgent need for a ceasefire.",
        "The Security Council stressed the pressing need for a ceasefire.",
        _e(("qualifier", "urgent", "pressing")),
        "qualifier: evaluative adjective replaced",
    ),
    Pair(
        "The ministers discussed the situation in the Red Sea.",
        "The ministers discussed the dangerous situation in the Red Sea.",
        _e(("qualifier", ABSENT, "dangerous")),
        "qualifier: evaluative adjective added",
    ),
    Pair(
        "NATO condemns Russia's unprovoked aggression against Ukraine.",
        "NATO condemns Russia's aggression against Ukraine.",
        _e(("qualifier", "unprovoked", ABSENT)),
        "qualifier: 'unprovoked' dropped",
    ),
    Pair(
        "The EU will provide significant financial support to the region.",
        "The EU will provide financial support to the region.",
        _e(("qualifier", "significant", ABSENT)),
        "qualifier: degree adjective dropped, term adjective kept",
    ),
    Pair(
        "The summit marked a major step forward for the Alliance.",
        "The summit marked a small step forward for the Alliance.",
        _e(("qualifier", "major", "small")),
        "qualifier: degree adjective replaced",
    ),
    Pair(
        "The humanitarian situation in Gaza is alarming, the commissioner said.",
        "The humanitarian situation in Gaza is extremely alarming, the commissioner said.",
        _e(("qualifier", ABSENT, "extremely")),
        "qualifier: intensifier added",
    ),
    Pair(
        "Ukraine needs air defence systems before the winter.",
        "Ukraine urgently needs air defence systems before the winter.",
        _e(("qualifier", ABSENT, "urgently")),
        "qualifier: adverb added",
    ),
    # ------------------------------------------------------------------ no edit: look-alikes
    Pair(
        "The allies do not accept the annexation of Ukrainian territory.",
        "The allies don't accept the annexation of Ukrainian territory.",
        NONE,
        "negation look-alike: do not / don't",
    ),
    Pair(
        "Russia has not respected its commitments under the agreement.",
        "Russia has never respected its commitments under the agreement.",
        NONE,
        "negation look-alike: not / never swap",
    ),
    Pair(
        "There are no plans to deploy combat troops, the minister said.",
        "There are not any plans to deploy combat troops, the minister said.",
        NONE,
        "negation look-alike: no / not any",
    ),
    Pair(
        "Sweden is no longer a neutral country.",
        "Sweden is not a neutral country anymore.",
        NONE,
        "negation look-alike: no longer / not anymore",
    ),
    Pair(
        "The sanctions target not only banks but also energy companies.",
        "The sanctions target banks as well as energy companies.",
        NONE,
        "negation look-alike: 'not only ... but also' idiom",
    ),
    Pair(
        "Prices remain high, not least because of the war.",
        "Prices remain high, not least as a result of the war.",
        NONE,
        "negation look-alike: 'not least' idiom kept, connector paraphrased",
    ),
    Pair(
        "The ministers held four working sessions on Tuesday.",
        "The ministers held 4 working sessions on Tuesday.",
        NONE,
        "number look-alike: word vs digit",
    ),
    Pair(
        "Allies committed to spend 2% of GDP on defence.",
        "Allies committed to spending two percent of GDP on defence.",
        NONE,
        "number look-alike: 2% / two percent",
    ),
    Pair(
        "The mission will train 5,000 soldiers next year.",
        "The mission will train five thousand soldiers next year.",
        NONE,
        "number look-alike: 5,000 / five thousand",
    ),
    Pair(
        "Poland is one of the largest contributors to the fund.",
        "Poland is among the largest contributors to the fund.",
        NONE,
        "number look-alike: 'one of' is not a number",
    ),
    Pair(
        "The minister first raised the issue at the meeting in Luxembourg.",
        "The minister raised the issue for the first time at the meeting in Luxembourg.",
        NONE,
        "number look-alike: adverb 'first'",
    ),
    Pair(
        "The ministers discussed NATO's eastern flank.",
        "The ministers discussed the eastern flank of NATO.",
        NONE,
        "entity look-alike: possessive vs of-phrase",
    ),
    Pair(
        "The Alliance remains united in its support for Kyiv.",
        "The alliance remains united in its support for Kyiv.",
        NONE,
        "entity look-alike: case Alliance / alliance",
    ),
    Pair(
        "Europe must reduce its dependence on Russian gas.",
        "Europe must reduce its dependence on gas from Russia.",
        NONE,
        "entity look-alike: demonym vs country name",
    ),
    Pair(
        "Russian missiles struck Ukrainian cities overnight.",
        "Russian missiles struck cities overnight.",
        NONE,
        "entity look-alike: demonym adjective dropped",
    ),
    Pair(
        "Yesterday the ministers approved the new strategy.",
        "The ministers approved the new strategy yesterday.",
        NONE,
        "entity look-alike: sentence-initial capital of ordinary word",
    ),
    Pair(
        "The parliament must ratify the treaty before the summit.",
        "The parliament has to ratify the treaty before the summit.",
        NONE,
        "modality look-alike: must / has to",
    ),
    Pair(
        "We will stand by Ukraine, the prime minister said.",
        "We'll stand by Ukraine, the prime minister said.",
        NONE,
        "modality look-alike: will / 'll",
    ),
    Pair(
        "European industry can produce more ammunition.",
        "European industry is able to produce more ammunition.",
        NONE,
        "modality look-alike: can / be able to",
    ),
    Pair(
        "In May, the ministers adopted the maritime strategy.",
        "The ministers adopted the maritime strategy in May.",
        NONE,
        "modality look-alike: month May",
    ),
    Pair(
        "The result reflects the will of the voters.",
        "The result mirrors the will of the voters.",
        NONE,
        "modality look-alike: noun 'will'",
    ),
    Pair(
        "The ministers were particularly concerned about the Black Sea.",
        "The ministers were concerned in particular about the Black Sea.",
        NONE,
        "qualifier look-alike: particularly / in particular",
    ),
    Pair(
        "Montenegro became a full-fledged member of the Alliance in 2017.",
        "Montenegro became a full fledged member of the Alliance in 2017.",
        NONE,
        "qualifier look-alike: hyphenation variant",
    ),
    Pair(
        "The allies discussed military support for Kyiv.",
        "The allies discussed military assistance for Kyiv.",
        NONE,
        "qualifier look-alike: term adjective kept, noun synonym",
    ),
    # ------------------------------------------------------------------ no edit: paraphrase noise
    Pair(
        "The Secretary General made it clear that the door remains open.",
        "The Secretary General made clear that the door remains open.",
        NONE,
        "paraphrase: made it clear / made clear",
    ),
    Pair(
        "The meeting ended shortly after noon.",
        "The meeting came to an end shortly after noon.",
        NONE,
        "paraphrase: ended / came to an end",
    ),
    Pair(
        "After three hours of talks, the ministers issued a joint statement.",
        "The ministers issued a joint statement after three hours of talks.",
        NONE,
        "paraphrase: fronted clause moved",
    ),
    Pair(
        "The new restrictions began on Monday.",
        "The new restrictions started on Monday.",
        NONE,
        "paraphrase: verb synonym",
    ),
    Pair(
        "The minister called Russia a long-term adversary.",
        "The minister described Russia as a long-term enemy.",
        NONE,
        "paraphrase: noun synonym and verb frame",
    ),
    Pair(
        "The resolution was adopted by the General Assembly on Thursday.",
        "On Thursday the General Assembly adopted the resolution.",
        NONE,
        "paraphrase: passive to active, adverbial fronted",
    ),
    Pair(
        "The ministers reaffirmed their support for Ukraine's sovereignty.",
        "The ministers reiterated their support for the sovereignty of Ukraine.",
        NONE,
        "paraphrase: verb synonym, possessive to of-phrase",
    ),
    Pair(
        "According to the spokesperson, the talks were constructive.",
        "The talks were constructive, the spokesperson said.",
        NONE,
        "paraphrase: attribution moved",
    ),
    Pair(
        "Election observers reported irregularities at several polling stations.",
        "Irregularities at several polling stations were reported by election observers.",
        NONE,
        "paraphrase: active to passive",
    ),
    Pair(
        "The foreign ministers will meet again in Brussels next week to review progress.",
        "The foreign ministers will meet again next week in Brussels to review progress.",
        NONE,
        "paraphrase: adverbials reordered",
    ),
    Pair(
        "The leaders expressed their deep concern over the escalation in the region, which they said threatened stability across the continent.",
        "The leaders expressed deep concern over the escalation in the region, saying it threatened stability across the continent.",
        NONE,
        "paraphrase: relative clause to participle, qualifier kept",
    ),
    Pair(
        "The commissioner said the bloc would continue to provide humanitarian aid to Sudan.",
        "The bloc would keep providing humanitarian aid to Sudan, the commissioner said.",
        NONE,
        "paraphrase: continue to / keep, attribution moved, modal kept",
    ),
    Pair(
        "Europe has to end its dependencies on fossil fuels.",
        "Europe must put an end to its addiction to fossil fuels.",
        NONE,
        "paraphrase: has to / must, noun synonym",
    ),
    Pair(
        "The vote was postponed because of security concerns.",
        "The vote was delayed due to security concerns.",
        NONE,
        "paraphrase: verb and connector synonyms",
    ),
    # ------------------------------------------------------------------ multi-edit
    Pair(
        "International observers cannot enter the occupied territories.",
        "International observers may enter the occupied territories.",
        _e(("negation", "cannot", "may")),
        "multi: fused negated modal replaced by positive modal",
    ),
    Pair(
        "The EU will not impose new sanctions on Belarus.",
        "The EU would impose new sanctions on Iran.",
        _e(
            ("negation", "not", ABSENT),
            ("entity", "Belarus", "Iran"),
        ),
        "multi: modal, negation and country",
    ),
    Pair(
        "Member states must urgently deliver 1 million artillery shells.",
        "Member states should deliver 2 million artillery shells.",
        _e(
            ("modality", "must", "should"),
            ("qualifier", "urgently", ABSENT),
            ("number", "1 million", "2 million"),
        ),
        "multi: modal, adverb and figure",
    ),
    Pair(
        "NATO condemned the dangerous missile strike on Lviv.",
        "NATO did not condemn the missile strike on Lviv.",
        _e(("negation", ABSENT, "not"), ("qualifier", "dangerous", ABSENT)),
        "multi: negation added, qualifier dropped",
    ),
    Pair(
        "The summit in Madrid will last two days.",
        "The summit in Madrid may last three days.",
        _e(("modality", "will", "may"), ("number", "two", "three")),
        "multi: modal and number",
    ),
    Pair(
        "Poland has sent 250 tanks to Ukraine since the start of the war.",
        "Germany has sent 25 tanks to Ukraine since the start of the war.",
        _e(("entity", "Poland", "Germany"), ("number", "250", "25")),
        "multi: country and figure",
    ),
    Pair(
        "The ministers do not expect a major breakthrough in Geneva.",
        "The ministers expect a breakthrough in Vienna.",
        _e(
            ("negation", "not", ABSENT),
            ("qualifier", "major", ABSENT),
            ("entity", "Geneva", "Vienna"),
        ),
        "multi: negation, qualifier and city",
    ),
    Pair(
        "Hungary can veto the decision, the diplomat warned on 3 March.",
        "Hungary cannot veto the decision, the diplomat warned on 5 March.",
        _e(("negation", "can", "cannot"), ("number", "3", "5")),
        "multi: fused negation and date",
    ),
    Pair(
        "The European Union provided 5 billion euros in critical military aid.",
        "The United Nations provided 5 billion euros in military aid.",
        _e(
            ("entity", "European Union", "United Nations"),
            ("qualifier", "critical", ABSENT),
        ),
        "multi: institution and qualifier, figure and term adjective kept",
    ),
]
