"""English written by people, of other decades, countries and genres than the WMT news the
back-translation classifier is trained on: only ever held out (bench/train_backtranslation.py
never fits or calibrates on it), to see whether a verdict learnt on 2004–22 newswire accuses
native English it was not built for.

    python bench/outside_english.py [MIRRORS]      # prints what it finds per source

MIRRORS holds the bare git snapshot nltk+nltk_data/repo (github.com/nltk/nltk_data, as the
project's `fetch` tool leaves it), whose packages/corpora/*.zip are read in memory; nothing of
them enters the repository. The corpora and their terms are NLTK's:
- brown.zip: the Brown Corpus (Francis & Kučera 1964/1979), 500 samples of about 2,000 words
  of American English printed in 1961, by genre (press: news, editorial, reviews; other
  non-fiction; fiction). It is tokenised and tagged (`The/at jury/nn ,/,`): the tags are
  dropped and the tokens joined as print would (`detokenise`), which cannot be exact.
- abc.zip: Australian Broadcasting Commission 2006, rural and science news, one sentence a
  line, stories separated by blank lines (a story's subheadings start new blocks too).
- state_union.zip, inaugural.zip: US presidential State of the Union addresses (1945–2006)
  and inaugural addresses (1789–2009), one paragraph a line: speeches, another genre.
A long text is cut at paragraph (or block) boundaries into documents of about `WORDS` words,
the length of a news article; a cut may fall mid-story, as the WMT chunks do.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

MIRRORS = Path("/work/.mirror")
NLTK = "nltk+nltk_data"
#: a document is closed at the first paragraph boundary from this many words on
WORDS = 450
#: Brown's genres, by the name the report uses
BROWN_GENRES = {
    "news": "press",
    "editorial": "press",
    "reviews": "press",
    "government": "non-fiction",
    "hobbies": "non-fiction",
    "lore": "non-fiction",
    "religion": "non-fiction",
    "belles_lettres": "non-fiction",
    "learned": "non-fiction",
    "adventure": "fiction",
    "fiction": "fiction",
    "humor": "fiction",
    "mystery": "fiction",
    "romance": "fiction",
    "science_fiction": "fiction",
}

_ATTACH_LEFT = {",", ".", ";", ":", "?", "!", ")", "]", "”", "'", "n't", "'s", "'ll", "'re"}
_ATTACH_RIGHT = {"(", "[", "“", "$"}


def _zip(mirrors: Path, name: str) -> zipfile.ZipFile:
    raw = subprocess.run(
        ["git", "--git-dir", str(mirrors / NLTK / "repo"), "show", f"HEAD:packages/corpora/{name}"],
        check=True,
        capture_output=True,
    ).stdout
    return zipfile.ZipFile(io.BytesIO(raw))


def detokenise(tokens: list[str]) -> str:
    """Brown's tokens as print would join them: no space before closing marks, none after
    opening ones, `` and '' as curly quotation marks, -- as a dash between words."""
    out = ""
    glue = True  # no space before the next token
    for raw in tokens:
        token = {"``": "“", "''": "”", "--": "—"}.get(raw, raw)
        if token == "—":
            out += token
            glue = True
            continue
        if not glue and token not in _ATTACH_LEFT:
            out += " "
        out += token
        glue = token in _ATTACH_RIGHT
    return out


def _brown_paragraphs(text: str) -> list[str]:
    """A Brown sample's paragraphs (a tab opens one), tags dropped, headlines (-hl) left out."""
    paragraphs: list[list[str]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        pairs = [t.rsplit("/", 1) for t in line.split() if "/" in t]
        if not pairs or sum(p[1].endswith("-hl") for p in pairs) > len(pairs) / 2:
            continue
        sentence = detokenise([p[0] for p in pairs])
        if line.startswith("\t") or not paragraphs:
            paragraphs.append([sentence])
        else:
            paragraphs[-1].append(sentence)
    return [" ".join(p) for p in paragraphs]


def _chunks(blocks: list[str], words: int = WORDS) -> Iterator[str]:
    """Consecutive blocks joined by blank lines, closed from `words` words on (a short tail
    joins the chunk before it)."""
    chunk: list[str] = []
    n = 0
    done: list[str] = []
    for block in blocks:
        chunk.append(block)
        n += len(block.split())
        if n >= words:
            done.append("\n\n".join(chunk))
            chunk, n = [], 0
    if chunk:
        if done and n < words / 2:
            done[-1] += "\n\n" + "\n\n".join(chunk)
        else:
            done.append("\n\n".join(chunk))
    yield from done


def from_brown(mirrors: Path) -> Iterator[dict]:
    z = _zip(mirrors, "brown.zip")
    categories = dict(
        line.split()[:2] for line in z.read("brown/cats.txt").decode().splitlines() if line.strip()
    )
    for fileid, category in sorted(categories.items()):
        text = z.read(f"brown/{fileid}").decode("utf-8", errors="replace")
        for i, chunk in enumerate(_chunks(_brown_paragraphs(text))):
            yield dict(
                source=f"brown {BROWN_GENRES[category]}",
                doc_id=f"brown:{category}:{fileid}:{i}",
                text=chunk,
            )


def from_abc(mirrors: Path) -> Iterator[dict]:
    z = _zip(mirrors, "abc.zip")
    for part in ("rural", "science"):
        text = z.read(f"abc/{part}.txt").decode("utf-8", errors="replace")
        blocks = [
            "\n".join(" ".join(x.split()) for x in b.split("\n") if x.strip())
            for b in re.split(r"\n\s*\n", text)
            if b.strip()
        ]
        for i, chunk in enumerate(_chunks(blocks)):
            yield dict(source="abc 2006", doc_id=f"abc:{part}:{i}", text=chunk)


def from_speeches(mirrors: Path, name: str, label: str) -> Iterator[dict]:
    z = _zip(mirrors, f"{name}.zip")
    for fileid in sorted(n for n in z.namelist() if n.endswith(".txt") and "/" in n):
        text = z.read(fileid).decode("utf-8", errors="replace")
        # headings (capitals, dates) and short lines are not prose
        paragraphs = [
            " ".join(x.split()) for x in text.split("\n") if len(x.split()) >= 6 and not x.isupper()
        ]
        for i, chunk in enumerate(_chunks(paragraphs)):
            yield dict(source=label, doc_id=f"{name}:{fileid.split('/')[-1]}:{i}", text=chunk)


def load_outside(mirrors: Path = MIRRORS) -> list[dict]:
    """Every outside document: {source, doc_id, text}."""
    return [
        *from_brown(mirrors),
        *from_abc(mirrors),
        *from_speeches(mirrors, "state_union", "speeches state_union 1945–2006"),
        *from_speeches(mirrors, "inaugural", "speeches inaugural 1789–2009"),
    ]


def main(mirrors: str = str(MIRRORS)) -> None:
    docs = load_outside(Path(mirrors))
    counts = Counter(d["source"] for d in docs)
    for source, n in sorted(counts.items()):
        print(f"{source}: {n} documents")
    print(docs[0]["text"][:600])


if __name__ == "__main__":
    main(*sys.argv[1:])
