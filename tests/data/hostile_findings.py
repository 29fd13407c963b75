"""What a fact-checker expects of the hostile articles in tests/data/hostile/ — reports of the
bundled NATO press conference (Bucharest, 30 Nov 2022) written for the tests, by hand, the way
outlets write them: quotations invented in the transcript's own vocabulary and placed between
real ones, partial verbatim quotations (a sentence's second half, its middle), datelines,
indirect speech and reporter's summaries, and a few real misquotes.

Each entry: a snippet of the article (a quotation's words, or a sentence's start) and the
finding: `NOT_FOUND` (an invented quotation: `unmatched`, counted in `quotes_unmatched`),
`VERBATIM` (a quotation whose words stand in the transcript: no edit), `NO_CHARGE` (the
reporter's own words: no critical edit), `MISQUOTED` (a quotation aligned to what it distorts,
with some critical edit), the critical edits of a misquote (a list: `type: official → article`,
or only the type where the words are the finders' business), `Spliced(lines)` (a quotation
joined from the official lines named), `Headline(edits)` (a headline's claim and its critical
edits), `DATELINE` and `FURNITURE` (never compared).
"""

from __future__ import annotations

from dataclasses import dataclass

NOT_FOUND = "not found"
VERBATIM = "verbatim"
NO_CHARGE = "no charge"
MISQUOTED = "misquoted"
DATELINE = "dateline"
FURNITURE = "furniture"


@dataclass(frozen=True)
class Spliced:
    """A quotation whose parts come from these official lines, in the quotation's order."""

    lines: tuple[int, ...]


@dataclass(frozen=True)
class Headline:
    """A headline compared as a claim, with exactly these critical edits."""

    edits: tuple[str, ...]


Finding = str | list[str] | Spliced | Headline

FINDINGS: dict[str, list[tuple[str, Finding]]] = {
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
        ("Stoltenberg: allies must keep up support for Ukraine", NO_CHARGE),
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
    # quotations distorted, not invented: each is aligned to what it distorts and charged
    "tribune-reversed-quotes.txt": [
        ("Stoltenberg: NATO sees China as an adversary", Headline(("negation: not → ∅",))),
        ("BUCHAREST, Romania, Nov. 30", NO_CHARGE),
        ("Ukraine has suffered significant losses.", ["antonym: gains → losses"]),
        ("But we can underestimate Russia", ["negation: not → ∅", "modality: must → can"]),
        ("He said NATO foreign ministers had made clear", NO_CHARGE),
        ("We see China as an adversary", ["negation: not → ∅"]),
        (
            "We will stop engaging with China when it is against our interests",
            ["antonym: continue → stop"],
        ),
        ("Terrorism is no longer a direct threat to our security.", ["negation"]),
        ("The ratification process for their NATO membership is now far from", MISQUOTED),
        ("This shows once again Romania's weak commitment", ["antonym: strong → weak"]),
        # phrases of two distant sentences around a claim of its own
        ("Our Alliance has never been stronger in the Indo-Pacific region", NOT_FOUND),
        ("Comments (0)", FURNITURE),
        ("Share this article", FURNITURE),
    ],
    # quotations joined from places of the transcript that are not neighbours
    "herald-splices.txt": [
        ("NATO chief links Ukraine gains to China policy", NO_CHARGE),
        ("Bucharest — NATO Secretary General", NO_CHARGE),
        ("Ukraine has made significant gains, and we will continue", Spliced((13, 35))),
        ("We do not see China as an adversary, but we must not", Spliced((34, 14))),
        ("dependency on Russian gas, we must address them together", Spliced((41, 32, 48))),
        ("I welcome the new commitments made by Allies to trade", Spliced((21, 45))),
        ("Stoltenberg said ministers had also discussed terrorism", NO_CHARGE),
        ("NATO is an Alliance of Europe and North America.", VERBATIM),
        ("But the challenges we face are global", VERBATIM),
    ],
    # the reporter's long sentences, each over one to three official sentences, with their
    # attribution: who, when, where
    "weekly-reported-speech.txt": [
        ("Stoltenberg warns allies not to underestimate Russia", NO_CHARGE),
        ("warned on Wednesday that although Ukraine had made significant gains", NO_CHARGE),
        ("Speaking in Bucharest after a meeting of NATO foreign ministers", NO_CHARGE),
        ("He said the ratification process for Finland and Sweden", NO_CHARGE),
        ("Georgia and Moldova, three valued partners facing Russian pressure", NO_CHARGE),
        ("He said ministers agreed that allies must continue their efforts", NO_CHARGE),
        ("Stoltenberg closed by thanking Romania for hosting the meeting.", NO_CHARGE),
        ("Comments (0)", FURNITURE),
    ],
    # headlines are the claims most readers see
    "daily-headline-claims.txt": [
        ("NATO: four partners face Russian pressure", Headline(("number: three → four",))),
        ("Stoltenberg says ministers will step up support", NO_CHARGE),
        ("Bucharest, 30 November 2022", DATELINE),
        ("NATO foreign ministers ended their meeting in Bucharest", NO_CHARGE),
        ("For the final session, the foreign ministers of Bosnia", NO_CHARGE),
        ("We discussed our shared security concerns", VERBATIM),
        ("He said the allies had agreed to step up their tailored support", NO_CHARGE),
        ("Ukraine has made significant gains", VERBATIM),
        ("Comments (2)", FURNITURE),
    ],
}

#: the agency report paraphrases the press conference without quoting it: it reports the event
REPORTS_THE_EVENT = sorted(FINDINGS)
