"""Hand-annotated gold alignment: seed 000 (Turkish outlet, back-translated English)
against seed 001 (official NATO transcript, Bucharest press conference, 30 Nov 2022).

Files: /work/shared/seeds/000_950fa3b4238ce704.txt (article) and
/work/shared/seeds/001_8eeed0de289db008.txt (official transcript); the same bytes are in
corpus/articles/turkish-outlet-2022-11-30-bucharest-press-conference.txt and
corpus/official/nato-transcript-2022-11-30-bucharest-press-conference.txt.

Conventions
- `article`: an exact substring of seed 000, without the surrounding quotation marks and
  without the trailing "he said." attribution. Seed 000 separates many sentences with
  NO-BREAK SPACE (U+00A0), which is not part of any `article` string. Two strings contain an
  internal U+00A0; it is written as "\u00a0" so it stays visible.
- `official`: whole stripped lines of seed 001, in order. Lines in one entry are consecutive
  *non-blank* lines: the last entry spans lines 57, 58 and 60, with blank line 59 between them.
- `substitutions`: (official, article) pairs at word/phrase level; "∅" = nothing on that side.
  Changes in letter case, spelling (defences/defense), or punctuation are left out.
- `critical`: (type, official, article) for changes that affect meaning; type is one of
  negation, number, entity, modality, qualifier. "qualifier" is also used for evaluative
  word swaps that shift strength or stance (adversary->enemy, challenges->threats,
  dependencies->addictions, critical->important) because none of the other types fits.
- Two lead sentences (line 3 of seed 000) repeat word for word in the body (line 14).
  Each occurrence has its own entry, so those `article` strings each appear twice.
"""

ALIGNED = [  # article sentence (exact substring of seed 000) -> official line(s) (exact full lines of seed 001), with changes
    # ---- lead paragraph (seed 000 line 3) ----
    dict(
        article="We do not see China as an enemy.",
        official=["We do not see China as an adversary."],
        substitutions=[("adversary", "enemy")],
        critical=[("qualifier", "adversary", "enemy")],
        note="lead, occurrence 1 of 2 (repeated in body). 'enemy' is stronger than 'adversary', "
        "so denying it says less: the official denial is broader.",
    ),
    dict(
        article="We will continue our relations with China as long as it is in our interests",
        official=["We will continue to engage with China when it is in our interests."],
        substitutions=[("to engage", "our relations"), ("when", "as long as")],
        critical=[],
        note="lead, occurrence 1 of 2 (repeated in body). 'when' -> 'as long as' and "
        "'engage with' -> 'continue our relations' mean nearly the same; not marked critical.",
    ),
    # ---- Ukraine paragraph (seed 000 line 8) ----
    dict(
        article="Stating that Russia’s attacks and NATO’s support for Ukraine were discussed at the "
        "working dinner, which was also attended by Ukrainian Foreign Minister Dmitro Kuleba last night",
        official=[
            "Last night, with Foreign Minister Dmytro Kuleba, we addressed Russia's illegal war in Ukraine.",
            "The country's most urgent needs, and our longer-term support.",
        ],
        substitutions=[
            ("addressed", "discussed"),
            ("illegal", "∅"),
            ("war", "attacks"),
            ("∅", "working dinner"),
            ("∅", "Ukrainian"),
            ("Dmytro", "Dmitro"),
            ("The country's most urgent needs", "∅"),
            ("our", "NATO’s"),
            ("longer-term", "∅"),
        ],
        critical=[("entity", "Dmytro", "Dmitro"), ("qualifier", "illegal", "∅")],
        note="paraphrase in reported speech. The framing clause of the sentence that goes on to quote "
        "'Ukraine has made significant progress.'. Dropping 'longer-term' and changing 'war' to "
        "'attacks' are left as substitutions only.",
    ),
    dict(
        article="Ukraine has made significant progress.",
        official=["Ukraine has made significant gains."],
        substitutions=[("gains", "progress")],
        critical=[],
        note="near-synonym",
    ),
    dict(
        article="But we should not underestimate Russia.",
        official=["But we must not underestimate Russia."],
        substitutions=[("must", "should")],
        critical=[("modality", "must", "should")],
        note="modal softened: obligation -> recommendation",
    ),
    dict(
        article="Russian missiles and drones continue to strike cities, civilians and important infrastructure.",
        official=[
            "Russian missiles and drones continue to strike Ukrainian cities, civilians, and critical infrastructure."
        ],
        substitutions=[("Ukrainian", "∅"), ("critical", "important")],
        critical=[("qualifier", "critical", "important")],
        note="'critical infrastructure' is a fixed term and 'important' weakens it. Dropping 'Ukrainian' "
        "is not marked critical because the context makes it clear.",
    ),
    dict(
        article="These attacks cause a lot of people to suffer with the onset of the winter season.",
        official=["This is causing enormous human suffering, as winter sets in."],
        substitutions=[
            ("This", "These attacks"),
            ("is causing", "cause"),
            ("enormous human suffering", "a lot of people to suffer"),
            ("as winter sets in", "with the onset of the winter season"),
        ],
        critical=[("qualifier", "enormous", "a lot of")],
        note="the intensifier 'enormous' (how severe) becomes a quantity ('a lot of people'), which is weaker",
    ),
    dict(
        article="NATO Foreign Ministers made it clear that our continued military support to Ukraine, "
        "in particular air defense support, is essential.",
        official=[
            "NATO Foreign Ministers made clear that our continued military support for Ukraine is essential.",
            "In particular, additional air defences.",
        ],
        substitutions=[
            ("made clear", "made it clear"),
            ("for", "to"),
            ("additional", "∅"),
            ("air defences", "air defense support"),
        ],
        critical=[("qualifier", "additional", "∅")],
        note="two official lines merged into one sentence. The official text asks for *additional* "
        "air defences; the article only says air-defence support is essential.",
    ),
    dict(
        article="I welcome the new commitments from the Allies",
        official=["And I welcome the new commitments made by Allies."],
        substitutions=[("And", "∅"), ("made by", "from the")],
        critical=[],
        note="",
    ),
    # ---- China paragraph (seed 000 line 14) ----
    dict(
        article="In the first session held today, China’s\u00a0NATO Stating that the long-term threats to the "
        "interests, values and security of their countries were discussed",
        official=[
            "This morning, Allies addressed the long-term challenges posed by China",
            "to our interests, values and security.",
        ],
        substitutions=[
            ("This morning", "In the first session held today"),
            ("Allies addressed", "were discussed"),
            ("challenges", "threats"),
            ("posed by China", "China’s"),
            ("our", "their countries"),
        ],
        critical=[("qualifier", "challenges", "threats")],
        note="paraphrase in reported speech, with garbled text ('China’s NATO Stating'). The official "
        "sentence is wrapped across two transcript lines. NATO chose the word 'challenges'; "
        "'threats' is a harder label. The official line 28 ('And how we must continue to "
        "strengthen our resilience.') has no counterpart in the article.",
    ),
    dict(
        article="NATO is an alliance of Europe and North America.",
        official=["NATO is an Alliance of Europe and North America."],
        substitutions=[],
        critical=[],
        note="only the case differs (Alliance/alliance)",
    ),
    dict(
        article="But the challenges we face are global.",
        official=["But the challenges we face are global."],
        substitutions=[],
        critical=[],
        note="verbatim",
    ),
    dict(
        article="We must tackle these challenges together in NATO.",
        official=["And we must address them together in NATO."],
        substitutions=[("And", "∅"), ("address", "tackle"), ("them", "these challenges")],
        critical=[],
        note="synonym plus the pronoun spelled out",
    ),
    dict(
        article="We do not see China as an enemy.",
        official=["We do not see China as an adversary."],
        substitutions=[("adversary", "enemy")],
        critical=[("qualifier", "adversary", "enemy")],
        note="body, occurrence 2 of 2 (same as the lead)",
    ),
    dict(
        article="We will continue our relations with China as long as it is in our interests",
        official=["We will continue to engage with China when it is in our interests."],
        substitutions=[("to engage", "our relations"), ("when", "as long as")],
        critical=[],
        note="body, occurrence 2 of 2 (same as the lead). Official line 36 ('Not least to convey our "
        "united position...') and line 38 ('So we remain clear-eyed.') are left out by the article.",
    ),
    dict(
        article="Stating that the foreign ministers evaluated China’s military and technological advances "
        "and its developing cyber and hybrid activities",
        official=[
            "Today, ministers considered China's ambitious military developments, its technological "
            "advances, and its growing cyber and hybrid activities.",
        ],
        substitutions=[
            ("Today", "∅"),
            ("considered", "evaluated"),
            ("ambitious", "∅"),
            ("developments, its", "and"),
            ("growing", "developing"),
        ],
        critical=[("qualifier", "ambitious", "∅")],
        note="paraphrase in reported speech. 'growing' -> 'developing' is close and not marked critical.",
    ),
    dict(
        article="The war in Ukraine showed our dependence on Russian gas.",
        official=["The war in Ukraine has demonstrated our dangerous dependency on Russian gas."],
        substitutions=[
            ("has demonstrated", "showed"),
            ("dangerous", "∅"),
            ("dependency", "dependence"),
        ],
        critical=[("qualifier", "dangerous", "∅")],
        note="",
    ),
    dict(
        article="This should also lead us to consider our reliance on other authoritarian regimes over "
        "our supply chains, technology or infrastructure, particularly China.",
        official=[
            "This should also lead us to assess our dependencies on other authoritarian regimes, not least China.",
            "For our supply chains, technology or infrastructure.",
        ],
        substitutions=[
            ("assess", "consider"),
            ("dependencies", "reliance"),
            ("For", "over"),
            ("not least", "particularly"),
        ],
        critical=[],
        note="two official lines merged and reordered (China moved to the end). 'should' appears in "
        "both texts, so there is no change in modality.",
    ),
    dict(
        article="Of course, we will continue to establish trade and economic relations with China.",
        official=["We will continue, of course, to trade and engage economically with China."],
        substitutions=[("∅", "establish"), ("engage economically", "economic relations")],
        critical=[],
        note="'of course' moved. The added 'establish' is a translation artefact and is not marked critical.",
    ),
    dict(
        article="But we must be aware of our addictions",
        official=["But we have to be aware of our dependencies."],
        substitutions=[("have to", "must"), ("dependencies", "addictions")],
        critical=[("qualifier", "dependencies", "addictions")],
        note="Turkish 'bağımlılık' means both 'dependency' and 'addiction'; the back-translation picked "
        "the loaded sense. 'have to' -> 'must' is the same obligation, so it is not critical. "
        "Official lines 47-48 ('Reduce our vulnerabilities.', 'And manage the risks.') and "
        "50-51 (resilience guidelines, Indo-Pacific/EU partners) have no counterpart.",
    ),
    # ---- terrorism paragraph (seed 000 line 17) ----
    dict(
        article="Stating that the foreign ministers of NATO, Stoltenberg, also discussed the issue of "
        "terrorism, which poses a threat to the security of the allies",
        official=[
            "Ministers also discussed terrorism, the most direct asymmetric threat to our security."
        ],
        substitutions=[
            ("Ministers", "the foreign ministers of NATO"),
            ("∅", "the issue of"),
            ("the", "a"),
            ("most direct asymmetric", "∅"),
            ("our security", "the security of the allies"),
        ],
        critical=[("qualifier", "most direct asymmetric", "∅")],
        note="paraphrase in reported speech (garbled: ', Stoltenberg,'). The official text ranks "
        "terrorism as 'the most direct asymmetric' threat; the article keeps only 'a threat'.",
    ),
    dict(
        article="We experienced this last time in the terrible attack in Istanbul.",
        official=["We saw that most recently with the horrific attack in Istanbul."],
        substitutions=[
            ("saw", "experienced"),
            ("that", "this"),
            ("most recently", "last time"),
            ("with", "in"),
            ("horrific", "terrible"),
        ],
        critical=[],
        note="all near-synonyms or translation artefacts",
    ),
    dict(
        article="The ministers agreed that we must continue our efforts to combat this threat",
        official=["Ministers agreed that we must continue our efforts to counter this threat."],
        substitutions=[("∅", "The"), ("counter", "combat")],
        critical=[],
        note="'must' is kept",
    ),
    # ---- partners paragraph (seed 000 line 19) ----
    dict(
        article="Stating that the foreign ministers of Bosnia and Herzegovina, Georgia and Moldova, the NATO "
        "partners under Russian pressure, attended the last session, Stoltenberg said that common "
        "security concerns and ways to strengthen cooperation were discussed, and that the allies "
        "agreed to increase their support for these countries.",
        official=[
            "For our final session, the Foreign Ministers of Bosnia and Herzegovina, Georgia and Moldova joined us.",
            "Three valued NATO partners, which face Russian pressure.",
            "We discussed our shared security concerns, and ways to strengthen our cooperation. And Allies "
            "agreed to step up our tailored support, including on capacity-building, reforms, and training "
            "to improve their security and defence institutions.",
        ],
        substitutions=[
            ("final", "last"),
            ("joined us", "attended"),
            ("Three", "∅"),
            ("valued", "∅"),
            ("which face", "under"),
            ("shared", "common"),
            ("our cooperation", "cooperation"),
            ("step up", "increase"),
            ("our tailored support", "their support"),
            (
                "including on capacity-building, reforms, and training to improve their security and "
                "defence institutions",
                "for these countries",
            ),
        ],
        critical=[],
        note="paraphrase in reported speech covering 3 official lines (57, 58, 60; line 59 is blank; "
        "line 60 holds two sentences). Dropped 'Three' is not marked critical because the three "
        "countries are named. Dropped 'valued'/'tailored' and the summarised list of support "
        "areas are normal compression in reported speech and are also not critical.",
    ),
]

UNMATCHED = [  # article sentences/quotes of seed 000 with NO counterpart in the transcript
    dict(
        article="The two-day NATO Foreign Ministers Meeting held in Bucharest, the capital of Romania, came to an end.",
        note="reporter narration giving context, not attributed to Stoltenberg. It loosely echoes official "
        "line 8 ('We have just concluded important meetings of NATO Foreign Ministers.') but is not "
        "reported speech.",
    ),
    dict(
        article="NATO Secretary General\u00a0Jens Stoltenberg\u00a0held a press conference after the sessions ended.",
        note="reporter narration. It matches the transcript's title line, not any spoken line.",
    ),
    dict(
        article="Making statements regarding Ukraine’s application for NATO membership",
        note="reporter framing of a Q&A answer (the Q&A is not in the transcript). It is the framing "
        "clause of the sentence that goes on to quote 'Our most urgent task right now...'.",
    ),
    dict(
        article="Our most urgent task right now is to ensure that Ukraine becomes a sovereign, independent, "
        "democratic state in Europe.",
        note="Q&A answer, not in transcript. It shares 'most urgent' with official line 11 but has different content.",
    ),
    dict(
        article="To achieve this, we need to do our best to provide military, economic, financial and "
        "humanitarian support to Ukraine.",
        note="Q&A answer, not in transcript",
    ),
    dict(
        article="We are doing exactly that right now.",
        note="Q&A answer, not in transcript",
    ),
    dict(
        article="Unless Ukraine wins the war as an independent sovereign state, then, of course, membership "
        "is not on the table.",
        note="Q&A answer, not in transcript",
    ),
    dict(
        article="Because we will not have a candidate member in Ukraine.",
        note="Q&A answer, not in transcript",
    ),
    dict(
        article="So whatever you think about when Ukraine can become a member, the prerequisite for this "
        "issue to be on the table is that Ukraine wins, and we are helping Ukraine do that.",
        note="Q&A answer, not in transcript",
    ),
]

"""Summary (seed 000 against seed 001)

- ALIGNED: 24 entries (from 22 distinct sentence strings: 2 lead sentences repeat in the body).
  - Direct quotes: 19. Reporter paraphrases in reported speech: 5.
  - 1:1 entries: 19. 1:n merges: 5, made up of
      2-line: 4 (L10-11 paraphrase, L19-20 quote, L26-27 paraphrase of one wrapped official
              sentence, L42-43 quote);
      3-line: 1 (L57, L58, L60 paraphrase).
  - Entries with at least one critical change: 12. Critical changes: 13 in total
    (modality 1, entity 1, qualifier 11; negation 0, number 0).
- UNMATCHED: 9 entries (2 reporter narration, 1 reporter framing of the Q&A, 6 quoted Q&A sentences).
- Body sentences covered: 33 = 24 + 9. Excluded: title line, 'Related Articles',
  'Leave a Reply', the e-mail notice and 'Back to top button'.
- Official spoken lines with no counterpart in the article: 7 (greeting), 8 (loosely echoed by
  unmatched narration), 23-24, 28, 36, 38, 47-48, 50-51, 62-72.
"""
