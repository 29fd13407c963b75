"""Derive the auditor's table of words with a sentiment (auditor/data/sentiment_words.tsv), once.

Two openly licensed lexicons, merged:
  --opinion DIR   Hu & Liu's opinion lexicon (positive-words.txt, negative-words.txt,
                  README.txt; CC BY 4.0): nltk_data's packages/corpora/opinion_lexicon.zip
                  (`fetch github:nltk/nltk_data`, then unzip that file)
  --vader FILE    VADER's lexicon (vader_lexicon.txt: token, mean valence -4..4, …; MIT):
                  `fetch github:cjhutto/vaderSentiment`, file vaderSentiment/vader_lexicon.txt
                  (`git show HEAD:vaderSentiment/vader_lexicon.txt`)

A word is kept when it is one word of letters (a hyphen or an apostrophe inside allowed), and
VADER's mean is at least --vader-min away from neutral (raters who barely leaned are no
evidence). A word the two lexicons give opposite signs is left out (they disagree: no
evidence). Writes `word<TAB>+|-<TAB>sources` (L = Hu & Liu, V = VADER), sorted, and the two
licence notices beside it (LICENSE-opinion-lexicon.txt, LICENSE-VADER.txt).

    python bench/derive_sentiment.py --opinion /tmp/opinion_lexicon --vader /tmp/vader_lexicon.txt \
        --vader-licence /tmp/LICENSE.txt --out auditor/data
"""

from __future__ import annotations

import argparse
import os
import re

WORD = re.compile(r"[a-z](?:[a-z'-]*[a-z])?")


def opinion_words(directory: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, sign in (("positive-words.txt", "+"), ("negative-words.txt", "-")):
        with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as f:
            for line in f:
                word = line.strip()
                if word and not word.startswith(";") and WORD.fullmatch(word):
                    out[word] = sign
    return out


def vader_words(path: str, least: float) -> dict[str, str]:
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            token, mean, *_ = line.rstrip("\n").split("\t")
            if WORD.fullmatch(token) and abs(float(mean)) >= least:
                out[token] = "+" if float(mean) > 0 else "-"
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--opinion", required=True)
    ap.add_argument("--vader", required=True)
    ap.add_argument("--vader-licence", required=True, help="the vaderSentiment repo's LICENSE.txt")
    ap.add_argument("--vader-min", type=float, default=0.5)
    ap.add_argument("--out", default="out")
    args = ap.parse_args()
    liu, vader = opinion_words(args.opinion), vader_words(args.vader, args.vader_min)
    rows, disagree = [], 0
    for word in sorted(set(liu) | set(vader)):
        signs = {s for s in (liu.get(word), vader.get(word)) if s}
        if len(signs) > 1:
            disagree += 1
            continue
        sources = ("L" if word in liu else "") + ("V" if word in vader else "")
        rows.append(f"{word}\t{signs.pop()}\t{sources}\n")
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "sentiment_words.tsv"), "w", encoding="utf-8") as f:
        f.write(
            "# English words with a sentiment (word<TAB>+ or -<TAB>sources: L = Hu & Liu's opinion"
            " lexicon, CC BY 4.0; V = VADER's lexicon, MIT, mean valence at least"
            f" {args.vader_min:g} from neutral; {disagree} words the two disagree on left out),"
            " derived by bench/derive_sentiment.py; notices in LICENSE-opinion-lexicon.txt and"
            " LICENSE-VADER.txt. General English.\n"
        )
        f.writelines(rows)
    with open(os.path.join(args.opinion, "README.txt"), encoding="utf-8") as f:
        readme = f.read()
    notice = readme.split("=" * 20)[0].strip()
    with open(os.path.join(args.out, "LICENSE-opinion-lexicon.txt"), "w", encoding="utf-8") as f:
        f.write(
            "The words marked L in sentiment_words.tsv come from the Opinion Lexicon (nltk_data"
            " packages/corpora/opinion_lexicon.zip), used under CC BY 4.0\n"
            "(http://creativecommons.org/licenses/by/4.0/); only single words were kept and"
            " words VADER gives the other sign were left out. Its README:\n\n" + notice + "\n"
        )
    with open(args.vader_licence, encoding="utf-8") as f:
        licence = f.read()
    with open(os.path.join(args.out, "LICENSE-VADER.txt"), "w", encoding="utf-8") as f:
        f.write(
            "The words marked V in sentiment_words.tsv come from VADER's lexicon"
            " (https://github.com/cjhutto/vaderSentiment, vaderSentiment/vader_lexicon.txt),"
            " signs of its mean valences only. Its licence:\n\n" + licence.strip() + "\n"
        )
    print(f"{len(rows)} words ({disagree} left out: the lexicons disagree)")


if __name__ == "__main__":
    main()
