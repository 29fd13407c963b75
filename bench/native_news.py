"""Native English news prose for bench/eval_findings.py: English-original documents
(origlang=en) of WMT test sets' source sides, which no machine translation touched.

    python bench/native_news.py MIRRORS OUT.jsonl

MIRRORS: a folder holding bare git snapshots named owner+name/repo (as the project's `fetch`
tool leaves them in /work/.mirror), of wmt-conference/wmt21-news-systems,
wmt-conference/wmt22-news-systems, wmt-conference/wmt24-news-systems,
google/wmt-mqm-human-evaluation and dejanbatanjac/bbc-article-classify-bert. The data stays
out of the repository: WMT test sets are released for research use, the articles' copyright
stays with their publishers (the BBC's for the BBC News data set).

Sources (files under 4 MiB of the snapshots):
- wmt21-news-systems xml/newstest2021.en-is.all.xml (65 documents, sentence segments)
- wmt22-news-systems xml/wmttest2022.en-hr.all.xml and en-zh.all.xml (news domain)
- wmt-mqm-human-evaluation generalMT2023/ende/sxs_mqm_generalMT2023_ende.3ratingsPerSegment
  .tsv.tar.gz (the source column: 30 news documents, paragraph segments)
- wmt24-news-systems txt/sources/en-de.txt and txt/metadata/en-de.jsonl (news domain)
- the BBC News data set (Greene & Cunningham, ICML 2006; mlg.ucd.ie/datasets/bbc.html): 2,225
  articles of the BBC News website, 2004–05, business, entertainment, politics, sport and
  tech, one file each (title line, blank line, paragraphs); in
  dejanbatanjac/bbc-article-classify-bert, bbc/<topic>/<nnn>.txt
Output, one JSON object a line: {source, doc_id, outlet, title, text, segments, segmentation,
n_words, translation_risk}; text is the title, a blank line and the body.
"""

import collections
import csv
import io
import json
import re
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET

M = "/work/.mirror/{}/repo"  # replaced by the MIRRORS argument


def git_show(repo, path) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", M.format(repo), "show", f"HEAD:{path}"],
        check=True,
        capture_output=True,
    ).stdout


def from_xml(repo, path, tag):
    root = ET.fromstring(git_show(repo, path))
    for d in root.iter("doc"):
        if d.get("origlang") != "en" or d.get("domain") not in (None, "news"):
            continue
        segs = [(s.text or "").strip() for s in d.find("src").iter("seg")]
        segs = [s for s in segs if s]
        if segs:
            yield dict(
                source=f"{tag}:{path}", doc_id=d.get("id"), segments=segs, segmentation="sentence"
            )


def from_wmt24():
    repo = "wmt-conference+wmt24-news-systems"
    meta = [
        json.loads(line)
        for line in git_show(repo, "txt/metadata/en-de.jsonl").decode().splitlines()
    ]
    src = git_show(repo, "txt/sources/en-de.txt").decode("utf-8").split("\n")
    docs = collections.OrderedDict()
    for m, line in zip(meta, src, strict=False):
        if m["domain"] == "news" and line.strip():
            docs.setdefault(m["docid"], []).append(line.strip())
    for k, v in docs.items():
        yield dict(
            source="wmt24:wmt24-news-systems/txt/sources/en-de.txt",
            doc_id=k,
            segments=v,
            segmentation="paragraph",
        )


def from_bbc():
    repo = "dejanbatanjac+bbc-article-classify-bert"
    names = subprocess.run(
        ["git", "--git-dir", M.format(repo), "ls-tree", "-r", "--name-only", "HEAD", "bbc/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for name in sorted(n for n in names if n.endswith(".txt") and n.count("/") == 2):
        text = git_show(repo, name).decode("utf-8", errors="replace")
        paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
        if len(paragraphs) > 1:
            yield dict(
                source="bbc:bbc-article-classify-bert/bbc",
                doc_id="bbc." + name.removeprefix("bbc/").removesuffix(".txt").replace("/", "."),
                segments=paragraphs,
                segmentation="paragraph",
            )


def from_mqm23():
    raw = git_show(
        "google+wmt-mqm-human-evaluation",
        "generalMT2023/ende/sxs_mqm_generalMT2023_ende.3ratingsPerSegment.tsv.tar.gz",
    )
    with tarfile.open(fileobj=io.BytesIO(raw)) as tf:
        member = tf.getmembers()[0]
        text = tf.extractfile(member).read().decode("utf-8")
    csv.field_size_limit(10**9)
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    next(rows)
    segs = collections.defaultdict(dict)
    for r in rows:
        segs[r[1]].setdefault(int(r[2]), re.sub(r"</?v>", "", r[5]).strip())
    for doc, d in segs.items():
        if not doc.startswith("news_"):
            continue
        v = [d[i] for i in sorted(d) if d[i]]
        yield dict(
            source="wmt23:wmt-mqm-human-evaluation/generalMT2023/ende",
            doc_id=doc.replace(":en-de", ""),
            segments=v,
            segmentation="paragraph",
        )


# outlets whose English edition is often translated from another language (flag, not drop)
TRANSLATION_RISK = {
    "egyptindependent.com",
    "kazinform-en",
    "parstoday-en",
    "novinite.com",
    "euronews-en",
}


def outlet(doc_id):
    return re.sub(r"\.\d+$", "", doc_id.replace("test-en-news_", "").replace("news_", ""))


def main(mirrors: str = "/work/.mirror", out: str = "native_news.jsonl") -> None:
    global M
    M = mirrors.rstrip("/") + "/{}/repo"
    gens = [
        from_xml("wmt-conference+wmt21-news-systems", "xml/newstest2021.en-is.all.xml", "wmt21"),
        from_xml("wmt-conference+wmt22-news-systems", "xml/wmttest2022.en-hr.all.xml", "wmt22"),
        from_xml("wmt-conference+wmt22-news-systems", "xml/wmttest2022.en-zh.all.xml", "wmt22"),
        from_mqm23(),
        from_wmt24(),
        from_bbc(),
    ]
    seen, recs = set(), []
    for g in gens:
        for r in g:
            key = re.sub(r"\W+", "", " ".join(r["segments"][:3]).lower())[:300]
            if key in seen:
                continue
            seen.add(key)
            segs = r["segments"]
            if r["segmentation"] == "sentence":
                text = segs[0] + ("\n\n" + " ".join(segs[1:]) if len(segs) > 1 else "")
            else:
                text = "\n\n".join(segs)
            r.update(
                title=segs[0], text=text, n_words=len(text.split()), outlet=outlet(r["doc_id"])
            )
            r["translation_risk"] = r["outlet"] in TRANSLATION_RISK
            recs.append(r)
    with open(out, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(
                json.dumps(
                    {
                        k: r[k]
                        for k in (
                            "source",
                            "doc_id",
                            "outlet",
                            "title",
                            "text",
                            "segments",
                            "segmentation",
                            "n_words",
                            "translation_risk",
                        )
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    c = collections.Counter(r["source"].split(":")[0] for r in recs)
    w = sorted(r["n_words"] for r in recs)
    print("translation_risk docs:", sum(r["translation_risk"] for r in recs))
    print(
        f"{len(recs)} docs {dict(c)}; words median {w[len(w) // 2]} min {w[0]} max {w[-1]} "
        f"total {sum(w)}"
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
