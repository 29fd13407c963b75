"""Outside evaluation data: WMT news documents translated into English, each with its human
reference translation(s) and every MT system's output (a reader for bench/eval_findings.py).

    python bench/wmt_docs.py [MIRRORS]      # prints what it finds per test set

MIRRORS: a folder holding bare git snapshots named owner+name/repo (as the project's `fetch`
tool leaves them in /work/.mirror) of wmt-conference/wmt21-news-systems,
wmt-conference/wmt22-news-systems and wmt-conference/wmt23-news-systems. The data stays out of
the repository: WMT test sets are released for research use, the articles' copyright stays
with their publishers; the system outputs are the WMT shared-task submissions (Akhbardeh et
al. 2021, Kocmi et al. 2022, 2023).

Documents (only source-original ones: origlang is the source language, so the human
reference is a real translation into English; news domain only; no test-suite documents):
- xml/newstest2021.{is,ja,ru}-en.all.xml (wmt21; every document is news),
  xml/wmttest2022.{ja,ru}-en.all.xml and xml/wmttest2023.{ru,uk}-en.all.xml (domain="news"):
  source, reference(s) and hypotheses by document id;
- txt/…/newstest2021.{de,cs,zh,ha}-en.* (wmt21; the snapshot lacks these XML files, and the
  text files carry no document ids): runs of `CHUNK` consecutive lines, so each "document" is
  a slice of the test set, possibly across an article boundary; marked `chunked`.

Each record: {testset, pair, doc_id, split, chunked, humans: {ref name: text},
systems: {system: text}}; a text is the document's segments one a line, paragraphs separated
by a blank line (an article's sentences as the auditor reads them). `split` is "calibration"
or "heldout" by a hash of the document id (the same rule as bench/eval_findings.py).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

MIRRORS = Path("/work/.mirror")
WMT21 = "wmt-conference+wmt21-news-systems"
WMT22 = "wmt-conference+wmt22-news-systems"
WMT23 = "wmt-conference+wmt23-news-systems"
#: (test set, snapshot, file) of the XML test sets read by document
XML_SETS = [
    ("wmt21", WMT21, "xml/newstest2021.is-en.all.xml"),
    ("wmt21", WMT21, "xml/newstest2021.ja-en.all.xml"),
    ("wmt21", WMT21, "xml/newstest2021.ru-en.all.xml"),
    ("wmt22", WMT22, "xml/wmttest2022.ja-en.all.xml"),
    ("wmt22", WMT22, "xml/wmttest2022.ru-en.all.xml"),
    ("wmt23", WMT23, "xml/wmttest2023.ru-en.all.xml"),
    ("wmt23", WMT23, "xml/wmttest2023.uk-en.all.xml"),
]
#: source languages of wmt21 read from the text files, in chunks
TXT_PAIRS = ("de", "cs", "zh", "ha")
CHUNK = 20


def split_of(doc_id: str) -> str:
    """Calibration or held-out half, by a hash of the document id."""
    return "calibration" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2 else "heldout"


def _show(mirrors: Path, repo: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(mirrors / repo / "repo"), "show", f"HEAD:{path}"],
        check=True,
        capture_output=True,
    ).stdout


def _text(side: ET.Element) -> str:
    """Segments one a line, <p> paragraphs separated by a blank line."""
    paragraphs = side.findall("p") or [side]
    lines = [
        "\n".join(" ".join((seg.text or "").split()) for seg in p.iter("seg")) for p in paragraphs
    ]
    return "\n\n".join(line for line in lines if line.strip())


def from_xml(mirrors: Path, testset: str, repo: str, path: str) -> list[dict]:
    pair = path.rsplit(".", 3)[-3]  # "ru-en"
    source = pair.split("-")[0]
    docs = list(ET.fromstring(_show(mirrors, repo, path)).iter("doc"))
    # a test set that labels domains labels some documents with none (wmt22: "social_ru_…")
    labelled = any(doc.get("domain") for doc in docs)
    out = []
    for doc in docs:
        if (
            doc.get("origlang") != source
            or doc.get("domain") != ("news" if labelled else None)
            or doc.get("testsuite")  # wmt21 ru-en: TED talks whose "reference" is the original
        ):
            continue
        doc_id = f"{testset}:{pair}:{doc.get('id')}"
        humans = {f"ref-{r.get('translator', 'A')}": _text(r) for r in doc.findall("ref")}
        systems = {h.get("system", "?"): _text(h) for h in doc.findall("hyp")}
        out.append(
            dict(
                testset=testset,
                pair=pair,
                doc_id=doc_id,
                split=split_of(doc_id),
                chunked=False,
                humans={k: v for k, v in humans.items() if v.strip()},
                systems={k: v for k, v in systems.items() if v.strip()},
            )
        )
    return out


def from_txt(mirrors: Path, source: str, chunk: int = CHUNK) -> list[dict]:
    pair = f"{source}-en"
    git = ["git", "--git-dir", str(mirrors / WMT21 / "repo")]
    names = subprocess.run(
        [*git, "ls-tree", "-r", "--name-only", "HEAD", "txt/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    refs = [n for n in names if n.startswith(f"txt/references/newstest2021.{pair}.ref.")]
    hyps = [n for n in names if n.startswith(f"txt/system-outputs/newstest2021.{pair}.hyp.")]

    def lines(name: str) -> list[str]:
        return _show(mirrors, WMT21, name).decode("utf-8").split("\n")

    humans = {"ref-" + n.split(".ref.")[1].removesuffix(".en"): lines(n) for n in refs}
    systems = {n.split(".hyp.")[1].removesuffix(".en"): lines(n) for n in hyps}
    total = len(next(iter(humans.values())))
    out = []
    for start in range(0, total, chunk):
        doc_id = f"wmt21:{pair}:lines-{start + 1}-{min(start + chunk, total)}"

        def part(text: list[str], start: int = start) -> str:
            return "\n".join(" ".join(s.split()) for s in text[start : start + chunk]).strip()

        out.append(
            dict(
                testset="wmt21",
                pair=pair,
                doc_id=doc_id,
                split=split_of(doc_id),
                chunked=True,
                humans={k: t for k, v in humans.items() if (t := part(v))},
                systems={k: t for k, v in systems.items() if (t := part(v))},
            )
        )
    return [d for d in out if d["humans"] and d["systems"]]


def load_wmt_documents(mirrors: Path = MIRRORS, *, chunked: bool = True) -> list[dict]:
    """Every news document of the snapshots, with its human and MT texts."""
    docs = [d for args in XML_SETS for d in from_xml(mirrors, *args)]
    if chunked:
        docs += [d for source in TXT_PAIRS for d in from_txt(mirrors, source)]
    return [d for d in docs if d["humans"] and d["systems"]]


def main(mirrors: str = str(MIRRORS)) -> None:
    docs = load_wmt_documents(Path(mirrors))
    tally: Counter[tuple[str, str, str]] = Counter()
    texts: Counter[tuple[str, str, str]] = Counter()
    for d in docs:
        key = (d["testset"], d["pair"], d["split"])
        tally[key] += 1
        texts[(*key[:2], "human")] += len(d["humans"])
        texts[(*key[:2], "MT")] += len(d["systems"])
    for testset, pair in sorted({k[:2] for k in tally}):
        cal, held = tally[(testset, pair, "calibration")], tally[(testset, pair, "heldout")]
        print(
            f"{testset} {pair}: {cal} + {held} documents (calibration + held-out), "
            f"{texts[(testset, pair, 'human')]} human / {texts[(testset, pair, 'MT')]} MT texts"
        )


if __name__ == "__main__":
    main(*sys.argv[1:])
