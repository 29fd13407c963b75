"""What a fact-checker expects of the hostile articles in tests/data/hostile/ — reports of the
bundled NATO press conference (Bucharest, 30 Nov 2022) written for the tests, by hand, the way
outlets write them: quotations invented in the transcript's own vocabulary and placed between
real ones, partial verbatim quotations (a sentence's second half, its middle), datelines,
indirect speech and reporter's summaries, and a few real misquotes.

Each entry: a snippet of the article (a quotation's words, or a sentence's start) and the
finding: `NOT_FOUND` (an invented quotation: `unmatched`, counted in `quotes_unmatched`),
`VERBATIM` (a quotation whose words stand in the transcript: no edit), `NO_CHARGE` (the
reporter's own words: no critical edit), or the exact critical edits of a misquote.
"""

from __future__ import annotations

NOT_FOUND = "not found"
VERBATIM = "verbatim"
NO_CHARGE = "no charge"

FINDINGS: dict[str, list[tuple[str, str | list[str]]]] = {
    "wire-china-dependencies.txt": [
        ("BUCHAREST, Nov 30 (Reuters)", NO_CHARGE),  # a dateline and a paraphrase
        ("We do not see China as an adversary", VERBATIM),
        ("We will continue to engage with China when it is in our interests.", VERBATIM),
        # invented, between two real quotations, with the transcript's words
        ("China's growing military power and Russia's war will test", NOT_FOUND),
        ("our dangerous dependency on Russian gas", VERBATIM),  # the middle of a sentence
        ("to assess our dependencies on other authoritarian regimes", VERBATIM),
        ("We must never again let our dependencies on Russian energy", NOT_FOUND),
        ("He said ministers had also discussed terrorism", NO_CHARGE),  # a summary
        ("But we have to be aware of our dependencies.", VERBATIM),
        ("Reduce our vulnerabilities.", VERBATIM),
        ("The ratification process for their NATO membership is now nearly complete.", VERBATIM),
        ("Finland and Sweden, he said, would soon be members.", NO_CHARGE),
    ],
    "daily-partial-quotes.txt": [
        ("Bucharest, 30.11.2022", NO_CHARGE),  # a dotted date in a dateline
        ("has made significant gains", VERBATIM),
        ("but we must not underestimate Russia", VERBATIM),
        # the second half of a sentence: never charged with the names of its first half
        ("continue to strike Ukrainian cities, civilians, and critical infrastructure", VERBATIM),
        ("Our continued military support for Ukraine is essential", VERBATIM),
        ("additional contributions to NATO's Comprehensive Assistance Package", VERBATIM),
        ("We do see China as an adversary", ["negation: not → ∅"]),
        ("Four valued NATO partners, which face Russian pressure", ["number: three → four"]),
        ("we were joined by Finland and Norway", ["entity: Sweden → Norway"]),
        ("NATO will never accept a Russian victory in Ukraine", NOT_FOUND),  # the last line
    ],
    "magazine-invented-between-real.txt": [
        ("NATO is an Alliance of Europe and North America.", VERBATIM),
        ("But the challenges we face are global", VERBATIM),
        ("Beijing's military build-up and its technological advances", NOT_FOUND),
        ("And we must address them together in NATO.", VERBATIM),
        # stitched from one official sentence's words, saying something it does not
        ("We will never again depend on China for our supply chains", NOT_FOUND),
        ("This should also lead us to assess our dependencies", VERBATIM),
        ("Asked about the Indo-Pacific, he said NATO must also continue", NO_CHARGE),
        ("Ministers, according to Stoltenberg, agreed that allies must continue", NO_CHARGE),
        ("Terrorism will be defeated only when every ally doubles", NOT_FOUND),
    ],
    "agency-reported-speech.txt": [
        ("BUCHAREST (AP)", NO_CHARGE),
        ("NATO Secretary-General Jens Stoltenberg said foreign ministers had addressed", NO_CHARGE),
        ("He said Russian missiles and drones were striking", NO_CHARGE),
        ("Stoltenberg said allies had made clear", NO_CHARGE),  # not "entity: NATO → Stoltenberg"
        ("According to Stoltenberg, allies announced contributions", NO_CHARGE),
        ("Stoltenberg said ministers considered China's military developments", NO_CHARGE),
        ("He thanked Romania for hosting the meeting.", NO_CHARGE),
    ],
}

#: the agency report paraphrases the press conference without quoting it: it reports the event
REPORTS_THE_EVENT = sorted(FINDINGS)
