"""Derive the auditor's compact English lexical tables from a WordNet, once.

    apt-get install wordnet-base && pip install wordfreq
    python bench/derive_lexicon.py --out auditor/data

writes auditor/data/wordnet_{lemmas,similar,antonyms,exceptions,names,name_adjectives}.tsv and
LICENSE-WordNet.txt (the data the audit ships; WordNet 3.0's licence asks that its notice
travel with it). Antonym pairs kept (`antonym_pairs` says each kind): WordNet's own antonym
pointers, the other members of an antonym's synset, the nouns of people it opposes, and —
on the words' most frequent senses only, where they were measured precise enough on the MQM
calibration halves (bench/eval_findings.py) — an adjective against the satellites of its
antonym's cluster and the derivationally related forms of an antonym pair (--antonyms to
change).

Input  (one of):
  --wndb DIR        a WNDB dict directory: Princeton WordNet 3.0 from Debian
                    (`apt-get install wordnet-base` -> /usr/share/wordnet)   [default]
  --oewn-yaml DIR   Open English WordNet YAML source (english-wordnet/src/yaml, tag
                    2025-edition)
Vocabulary filter:
  --top N           keep single-word lemmas of the N most frequent English word forms
                    (wordfreq.top_n_list('en', N), lemmatised with morphy); 0 = keep all
Output (--out DIR), all UTF-8, tab-separated, sorted, '#' lines are comments:
  lemmas.tsv      lemma  pos  synset offsets (space-separated)       synonym = shared synset
  similar.tsv     synset  synset      adjective head<->satellite and verb-group links
  antonyms.tsv    lemma1  pos1  lemma2  pos2  how          one line per unordered pair
                  how = lexical (WordNet antonym pointer) | synset (another member of the
                  antonym's synset) | similar (through an adjective/verb similar link)
                  | derived (through a derivationally related form)
  exceptions.tsv  form  pos  lemma    irregular inflections (WordNet *.exc), for morphy
  names.tsv       lemma         nouns WordNet capitalises in some sense (Sweden, Bush, May)
  name_adjectives.tsv  lemma    adjectives WordNet capitalises in some sense (Ukrainian,
                                French): a capitalised word that may be one is no proper noun
  LICENSE-WordNet.txt, SOURCE.txt
Needs wordfreq (and pyyaml for --oewn-yaml) at derivation time only.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import sys
from collections import defaultdict

# ---- reading a WordNet (WNDB dict dir or OEWN YAML) into one model ----------------------
POSMAP = {"n": "n", "v": "v", "a": "a", "s": "a", "r": "r"}
FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}


class Model:
    def __init__(self, name: str) -> None:
        self.name = name
        self.senses: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.members: dict[str, list[str]] = defaultdict(list)
        self.ant: set[tuple[tuple[str, str], tuple[str, str]]] = set()
        self.similar: dict[str, set[str]] = defaultdict(set)
        self.also: dict[str, set[str]] = defaultdict(set)
        self.deriv: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        self.hypernyms: dict[str, set[str]] = defaultdict(set)
        self.attributes: dict[str, set[str]] = defaultdict(set)
        self.lexfile: dict[str, int] = {}
        self.proper: set[str] = set()  #: synsets whose every word is capitalised (names)
        self.capitalised: set[str] = set()  #: nouns WordNet writes with a capital: names
        #: adjectives WordNet writes with a capital in some sense: of a name ("Ukrainian")
        self.capital_adjectives: set[str] = set()
        #: (lemma, pos) → its synsets, most frequent sense first (WordNet's index files)
        self.ranked: dict[tuple[str, str], list[str]] = {}
        self.exc: dict[str, dict[str, list[str]]] = {p: defaultdict(list) for p in "nvar"}

    def add_sense(self, lemma: str, pos: str, syn: str) -> None:
        if syn not in self.senses[(lemma, pos)]:
            self.senses[(lemma, pos)].append(syn)
        if lemma not in self.members[syn]:
            self.members[syn].append(lemma)

    def stats(self) -> str:
        return (
            f"{self.name}: {len(self.senses)} (lemma,pos), {len(self.members)} synsets, "
            f"{len(self.ant) // 2} antonym sense pairs, "
            f"{sum(len(v) for v in self.similar.values()) // 2} similar links, "
            f"{sum(len(v) for v in self.exc.values())} exceptions"
        )


def _norm(word: str) -> str:
    word = re.sub(r"\((a|p|ip)\)$", "", word)
    return word.replace("_", " ").lower()


def load_wndb(d: str) -> Model:
    m = Model(f"WNDB:{d}")
    ptrs = []
    raw: dict[str, list[str]] = {}
    for pos, fname in FILES.items():
        with open(os.path.join(d, "data." + fname), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                t = line.split(" | ")[0].split()
                off, sstype = t[0], POSMAP[t[2]]
                syn = f"{off}-{sstype}"
                n = int(t[3], 16)
                words = [_norm(t[4 + 2 * i]) for i in range(n)]
                raw[syn] = words
                m.lexfile[syn] = int(t[1])
                m.capitalised.update(
                    words[i] for i in range(n) if t[4 + 2 * i][:1].isupper() and pos == "n"
                )
                m.capital_adjectives.update(
                    words[i] for i in range(n) if t[4 + 2 * i][:1].isupper() and pos == "a"
                )
                if any(t[4 + 2 * i][:1].isupper() for i in range(n)) and all(
                    t[4 + 2 * i][:1].isupper() for i in range(n)
                ):
                    m.proper.add(syn)
                for w in words:
                    m.add_sense(w, pos, syn)
                k = 4 + 2 * n
                pc = int(t[k])
                k += 1
                for _ in range(pc):
                    sym, toff, tpos, st = t[k : k + 4]
                    k += 4
                    ptrs.append((syn, words, sym, f"{toff}-{POSMAP[tpos]}", st))
    for syn, words, sym, tsyn, st in ptrs:
        src, tgt = int(st[:2], 16), int(st[2:], 16)
        if sym == "&" or sym == "$":
            m.similar[syn].add(tsyn)
        elif sym in ("@", "@i"):
            m.hypernyms[syn].add(tsyn)
        elif sym == "=":
            m.attributes[syn].add(tsyn)
        elif sym == "^":
            m.also[syn].add(tsyn)
        elif sym in ("!", "+") and src and tgt:
            a = (words[src - 1], syn)
            b = (raw[tsyn][tgt - 1], tsyn)
            if sym == "!":
                m.ant.add((a, b))
                m.ant.add((b, a))
            else:
                m.deriv[a].add(b)
                m.deriv[b].add(a)
    for pos, fname in FILES.items():
        with open(os.path.join(d, "index." + fname), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                t = line.split()
                senses = int(t[2])
                offsets = t[len(t) - senses :]
                m.ranked[(_norm(t[0]), pos)] = [f"{o}-{pos}" for o in offsets]
    for pos, fname in FILES.items():
        p = os.path.join(d, fname + ".exc")
        if os.path.exists(p):
            with open(p, encoding="latin-1") as f:
                for line in f:
                    t = line.split()
                    if len(t) >= 2:
                        m.exc[pos][_norm(t[0])].extend(_norm(x) for x in t[1:])
    return m


def load_oewn_yaml(d: str) -> Model:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    m = Model(f"OEWN-YAML:{d}")
    key2sense: dict[str, tuple[str, str]] = {}
    sense_rel: list[tuple[tuple[str, str], str, list[str]]] = []
    for path in sorted(glob.glob(os.path.join(d, "entries-*.yaml"))):
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=loader)
        for lemma, byp in data.items():
            lem = str(lemma).lower()
            for p, entry in byp.items():
                pos = POSMAP.get(p)
                if pos is None:
                    continue
                for form in entry.get("form", []) or []:
                    m.exc[pos][str(form).lower()].append(lem)
                for s in entry.get("sense", []) or []:
                    syn = s["synset"]
                    syn = syn[:-1] + POSMAP[syn[-1]]
                    m.add_sense(lem, pos, syn)
                    key2sense[s["id"]] = (lem, syn)
                    for rel in ("antonym", "derivation", "also", "similar"):
                        if s.get(rel):
                            sense_rel.append(((lem, syn), rel, s[rel]))
    for a, rel, targets in sense_rel:
        for tk in targets:
            b = key2sense.get(tk)
            if b is None:
                continue
            if rel == "antonym":
                m.ant.add((a, b))
                m.ant.add((b, a))
            elif rel == "derivation":
                m.deriv[a].add(b)
                m.deriv[b].add(a)
            elif rel == "also":
                m.also[a[1]].add(b[1])
            elif rel == "similar":
                m.similar[a[1]].add(b[1])
                m.similar[b[1]].add(a[1])
    for path in sorted(glob.glob(os.path.join(d, "[nvar]*.*.yaml"))):
        if os.path.basename(path).startswith("entries"):
            continue
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f, Loader=loader)
        for sid, ss in data.items():
            syn = sid[:-1] + POSMAP[sid[-1]]
            for t in ss.get("similar", []) or []:
                t = t[:-1] + POSMAP[t[-1]]
                m.similar[syn].add(t)
                m.similar[t].add(syn)
            for t in ss.get("also", []) or []:
                t = t[:-1] + POSMAP[t[-1]]
                m.also[syn].add(t)
    return m


# --- morphy, as in WordNet's morph.c / nltk's _morphy ------------------------------------
SUBST = {
    "n": [
        ("s", ""),
        ("ses", "s"),
        ("ves", "f"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ],
    "v": [
        ("s", ""),
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
    ],
    "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
    "r": [],
}


def morphy(form: str, pos: str, exc, known) -> list[str]:
    """Lemmas of `form` as `pos`; `known(lemma, pos)` says whether the lemma exists."""
    form = form.lower()
    out: list[str] = []
    for c in [*exc[pos].get(form, []), form]:
        if known(c, pos) and c not in out:
            out.append(c)
    for suf, rep in SUBST[pos]:
        if form.endswith(suf) and len(form) > len(suf):
            c = form[: len(form) - len(suf)] + rep
            if known(c, pos) and c not in out:
                out.append(c)
    return out


# ---- derivation ---------------------------------------------------------------------

LICENSE_WN30 = "/usr/share/doc/wordnet-base/copyright"


def single(lemma: str) -> bool:
    return lemma.replace("-", "").replace("'", "").isalpha() and " " not in lemma


def vocabulary(m, top: int) -> set[tuple[str, str]]:
    known = lambda lem, pos: (lem, pos) in m.senses  # noqa: E731
    if top <= 0:
        return {k for k in m.senses if single(k[0])}
    from wordfreq import top_n_list

    vocab: set[tuple[str, str]] = set()
    for form in top_n_list("en", top):
        for pos in "nvar":
            for lem in morphy(form, pos, m.exc, known):
                if single(lem):
                    vocab.add((lem, pos))
    return vocab


#: WordNet's lexicographer file of nouns that name people (noun.person)
NOUN_PERSON = 18


def antonym_pairs(m, vocab):
    """{(a, b): how} over (lemma, pos) keys, a < b, best (lowest) level kept.

    lexical   WordNet's antonym pointer (sense to sense)
    synset    another member of the antonym's synset
    person    a lexical pair of nouns that name people (noun.person: son/daughter,
              husband/wife): the person type's gendered and kinship pairs
    similar   an adjective against a satellite of its antonym's cluster (one hop, one side:
              "dry" / "soggy"), both clusters poles of one attribute where WordNet names it
    derived   the derivationally related forms of a lexical pair, in one part of speech
              ("succeed"/"fail" → "success"/"failure", "present"/"absent" →
              "presence"/"absence")
    """
    rank = {"person": 0, "lexical": 1, "synset": 2, "similar": 3, "derived": 4}
    pos_of = lambda syn: syn[-1]  # noqa: E731
    out: dict[tuple, str] = {}

    def dominant(lemma, syn):
        """`syn` is the lemma's most frequent sense (a looser link holds only there)."""
        ranked = m.ranked.get((lemma, pos_of(syn)))
        return not ranked or ranked[0] == syn

    def put(l1, s1, l2, s2, how):
        a, b = (l1, pos_of(s1)), (l2, pos_of(s2))
        if a == b or a not in vocab or b not in vocab or l1 in l2.split() or l2 in l1.split():
            return
        if how in ("similar", "derived") and not (dominant(l1, s1) and dominant(l2, s2)):
            return
        key = (a, b) if a < b else (b, a)
        if key not in out or rank[how] < rank[out[key]]:
            out[key] = how

    synant = defaultdict(set)
    for (l1, s1), (l2, s2) in sorted(m.ant):
        people = s1[-1] == s2[-1] == "n" and m.lexfile[s1] == m.lexfile[s2] == NOUN_PERSON
        put(l1, s1, l2, s2, "person" if people else "lexical")
        synant[s1].add(s2)
    # synset level: every member of S1 against every member of S2
    for s1, targets in synant.items():
        for s2 in targets:
            for l1 in m.members[s1]:
                for l2 in m.members[s2]:
                    put(l1, s1, l2, s2, "synset")
    # similar: a head adjective against the satellites of its antonym head, the two heads
    # measuring one attribute where WordNet names one
    for s1, targets in synant.items():
        if s1[-1] != "a":
            continue
        for s2 in targets:
            shared = m.attributes.get(s1, set()) & m.attributes.get(s2, set())
            if m.attributes.get(s1) and m.attributes.get(s2) and not shared:
                continue
            for satellite in m.similar.get(s2, ()):
                for l1 in m.members[s1]:
                    for l2 in m.members[satellite]:
                        put(l1, s1, l2, satellite, "similar")
    # derived: the forms derived from both sides of a lexical pair, in one part of speech
    for (l1, s1), (l2, s2) in sorted(m.ant):
        for x in {(l1, s1), *m.deriv.get((l1, s1), ())}:
            for y in {(l2, s2), *m.deriv.get((l2, s2), ())}:
                if x[1][-1] == y[1][-1] and (x, y) != ((l1, s1), (l2, s2)):
                    put(x[0], x[1], y[0], y[1], "derived")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wndb", default="/usr/share/wordnet")
    ap.add_argument("--oewn-yaml")
    ap.add_argument("--top", type=int, default=50000)
    ap.add_argument("--out", default="out")
    ap.add_argument(
        "--antonyms",
        default="lexical,synset,person,similar,derived",
        help="kinds of antonym pairs kept",
    )
    ap.add_argument("--prefix", default="wordnet_", help="prefix of the output file names")
    args = ap.parse_args()
    m = load_oewn_yaml(args.oewn_yaml) if args.oewn_yaml else load_wndb(args.wndb)
    src = (
        f"Open English WordNet YAML at {args.oewn_yaml}"
        if args.oewn_yaml
        else f"Princeton WordNet 3.0, WNDB files at {args.wndb} (Debian package wordnet-base)"
    )
    vocab = vocabulary(m, args.top)
    os.makedirs(args.out, exist_ok=True)
    top = args.top or "all"
    head = f"# derived by bench/derive_lexicon.py from {src}; vocabulary: top {top} English forms\n"

    lemmas = sorted(vocab)
    keep_syn = set()
    with open(os.path.join(args.out, args.prefix + "lemmas.tsv"), "w", encoding="utf-8") as f:
        f.write(head + "# lemma\tpos\tsynsets\n")
        for lem, pos in lemmas:
            syns = m.senses[(lem, pos)]
            keep_syn.update(syns)
            f.write(f"{lem}\t{pos}\t{' '.join(s[:-2] for s in syns)}\n")
    with open(os.path.join(args.out, args.prefix + "similar.tsv"), "w", encoding="utf-8") as f:
        f.write(head + "# synset\tsynset  (pos from the synset suffix)\n")
        seen = set()
        for s in sorted(keep_syn):
            if s[-1] not in "av":
                continue
            for t in sorted(m.similar.get(s, ())):
                a, b = min(s, t), max(s, t)
                if (a, b) not in seen:
                    seen.add((a, b))
                    f.write(f"{a}\t{b}\n")
    kinds = set(args.antonyms.split(","))
    pairs = {k: how for k, how in antonym_pairs(m, vocab).items() if how in kinds}
    with open(os.path.join(args.out, args.prefix + "antonyms.tsv"), "w", encoding="utf-8") as f:
        f.write(head + "# lemma1\tpos1\tlemma2\tpos2\thow\n")
        for (a, b), how in sorted(pairs.items()):
            f.write(f"{a[0]}\t{a[1]}\t{b[0]}\t{b[1]}\t{how}\n")
    with open(os.path.join(args.out, args.prefix + "names.tsv"), "w", encoding="utf-8") as f:
        f.write(head + "# lemma  (a noun WordNet writes with a capital in some sense: a name)\n")
        for lem in sorted({lem for lem, pos in vocab if pos == "n" and lem in m.capitalised}):
            f.write(f"{lem}\n")
    path = os.path.join(args.out, args.prefix + "name_adjectives.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + "# lemma  (an adjective WordNet writes with a capital in some sense)\n")
        capital = {lem for lem, pos in vocab if pos == "a" and lem in m.capital_adjectives}
        for lem in sorted(capital):
            f.write(f"{lem}\n")
    with open(os.path.join(args.out, args.prefix + "exceptions.tsv"), "w", encoding="utf-8") as f:
        f.write(head + "# form\tpos\tlemma\n")
        for pos in "nvar":
            for form, lems in sorted(m.exc[pos].items()):
                for lem in dict.fromkeys(lems):
                    if (lem, pos) in vocab and form != lem:
                        f.write(f"{form}\t{pos}\t{lem}\n")
    if not args.oewn_yaml and os.path.exists(LICENSE_WN30):
        shutil.copy(LICENSE_WN30, os.path.join(args.out, "LICENSE-WordNet.txt"))
    if args.oewn_yaml:  # CC-BY 4.0 notice plus the Princeton licence it builds on
        root = os.path.abspath(args.oewn_yaml)
        while root != "/" and not os.path.exists(os.path.join(root, "LICENSE.md")):
            root = os.path.dirname(root)
        for name in ("LICENSE.md", "WNDB_License.txt"):
            if os.path.exists(os.path.join(root, name)):
                target = os.path.join(args.out, "LICENSE-OEWN-" + name)
                shutil.copy(os.path.join(root, name), target)
    print(m.stats(), f"vocab={len(vocab)} antonym pairs={len(pairs)}", file=sys.stderr)


if __name__ == "__main__":
    main()
