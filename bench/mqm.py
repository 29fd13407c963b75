"""Outside evaluation data: MQM annotations of Chinese -> English translations (a reader): the
WMT21 TED talks, and news (`load_news_pairs`).

Used by bench/eval_quotes.py and bench/eval_findings.py; the data stays out of the repository:
`fetch github:google/wmt-mqm-human-evaluation` (or clone it) and pass the checkout, the bare
git directory or the .tsv itself.

Data: github.com/google/wmt-mqm-human-evaluation, file ted/zhen/mqm_ted_zhen.tsv
(Apache-2.0 licence; cite Freitag et al. 2021, "Experts, Errors, and Context").

TSV columns: system, doc, doc_id, seg_id, rater, source, target, category, severity.
One row per error (or one 'No-error' row); the erroneous span is wrapped in
<v>...</v> in `target`, except Accuracy/Omission and 'Source error' rows, where the
span is marked in `source` (Chinese) instead.  Exactly one rater per
(system, segment) in this file.

Systems: 'refB' (fresh translation of the Chinese; best MQM, 0.42) is the canonical
reference.  'ref' (= ref.A in the README, MQM 5.52, the worst "system") is the
original English TED transcript: the Chinese is itself a condensed subtitle
translation of it, so ref.A is marked with Major Accuracy errors in ~half the
segments.  Thirteen MT systems: Borderline DIDI-NLP Facebook-AI IIE-MT MiSS NiuTrans
Online-W SMU metricsystem1..5 (several emit identical text for many segments).

News: the snapshot's generalMT2022/zhen/mqm_generalMT2022_zhen.tsv is over the 4 MiB a fetched
snapshot holds (listed, absent), so the news set read here is the same snapshot's WMT23 general
test set, Chinese -> English, news domain only:
generalMT2023/zhen/sxs_mqm_generalMT2023_zhen.3ratingsPerSegment.tsv.tar.gz (10 MT systems, 38
news documents, 377 segments, three raters per system and segment, same MQM categories and <v>
spans; columns system, doc, docSegId, globalSegId, rater, source, target, category, severity,
metadata). Its human reference is not in the file: refA of the WMT23 news-systems snapshot
(github.com/wmt-conference/wmt23-news-systems, txt/references/generaltest2023.zh-en.ref.refA.en),
matched to each segment by its Chinese source line. A rating of an output in which the rater
found the planted "hands on the wheel" test error (category `Found`) saw a doctored text: that
output's ratings are left out.

Dependencies: standard library only.
"""

from __future__ import annotations

import collections
import csv
import hashlib
import io
import os
import re
import subprocess
import tarfile

TSV_IN_REPO = "ted/zhen/mqm_ted_zhen.tsv"
CANONICAL_REF = "refB"
ALT_REF = "ref"  # ref.A, the English-original TED transcript
HUMAN_SYSTEMS = (CANONICAL_REF, ALT_REF)
_MARK = re.compile(r"</?v>")


# ----------------------------------------------------------------------------- reading
def _read_text(path: str) -> str:
    """path: the .tsv itself, a checkout/worktree of the repo, or a bare git dir."""
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    elif os.path.isfile(os.path.join(path, TSV_IN_REPO)):
        with open(os.path.join(path, TSV_IN_REPO), encoding="utf-8") as fh:
            text = fh.read()
    elif os.path.isdir(
        path
    ):  # bare git dir, e.g. /work/.mirror/google+wmt-mqm-human-evaluation/repo
        text = subprocess.run(
            ["git", "--git-dir", path, "show", f"HEAD:{TSV_IN_REPO}"],
            check=True,
            capture_output=True,
        ).stdout.decode("utf-8")
    else:
        raise FileNotFoundError(path)
    if text.startswith("version https://git-lfs"):
        raise ValueError(f"{path}: {TSV_IN_REPO} is a Git LFS pointer, not the data")
    return text


def read_rows(path: str) -> list[dict]:
    return _rows(_read_text(path).splitlines(), path)


def _rows(lines: list[str], path: str) -> list[dict]:
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    need = {
        "system",
        "doc",
        "doc_id",
        "seg_id",
        "rater",
        "source",
        "target",
        "category",
        "severity",
    }
    if not rows or not need <= set(rows[0]):
        raise ValueError(f"{path}: unexpected header {list(rows[0]) if rows else None}")
    return rows


def _locate(marked: str):
    """Strip <v> markers; return (clean_text, start, end, span) with offsets into the
    clean, .strip()ped text; start/end None when no marker. An unclosed <v> (1 row)
    runs to the end of the text."""
    lead = len(marked) - len(marked.lstrip())
    i = marked.find("<v>")
    clean = _MARK.sub("", marked).strip()
    if i < 0:
        return clean, None, None, None
    j = marked.find("</v>", i)
    start = i - lead
    end = (j - 3 - lead) if j >= 0 else len(clean)
    start, end = max(0, min(start, len(clean))), max(0, min(end, len(clean)))
    return clean, start, end, clean[start:end]


def load_segments(path: str | list[dict]) -> dict:
    """{(system, seg_id): {talk, doc_pos, seg_id, system, source, text, errors:[...]}}
    errors: every annotation (all categories/severities, 'No-error' rows dropped).
    `path`: a TED snapshot (see `_read_text`) or rows already read in its columns."""
    segs: dict = {}
    for r in read_rows(path) if isinstance(path, str) else path:
        key = (r["system"], int(r["seg_id"]))
        text, ts, te, tspan = _locate(r["target"])
        src, ss, se, sspan = _locate(r["source"])
        s = segs.get(key)
        if s is None:
            s = segs[key] = dict(
                talk=r["doc"],
                doc_pos=int(r["doc_id"]),
                seg_id=key[1],
                system=key[0],
                source=src,
                text=text,
                raters=set(),
                errors=[],
            )
        s["raters"].add(r["rater"])
        if r["category"] == "No-error":
            continue
        on_src = ts is None and ss is not None
        s["errors"].append(
            dict(
                category=r["category"],
                severity=r["severity"],
                rater=r["rater"],
                span_in="source" if on_src else ("candidate" if ts is not None else None),
                span_text=sspan if on_src else tspan,
                char_start=None if on_src else ts,
                char_end=None if on_src else te,
                src_start=ss if on_src else None,
                src_end=se if on_src else None,
            )
        )
    for s in segs.values():
        s["raters"] = sorted(s["raters"])
    return segs


# ----------------------------------------------------------------------------- labels
def is_accuracy(e) -> bool:
    return e["category"].startswith("Accuracy/")


def is_major_accuracy(e) -> bool:
    return is_accuracy(e) and e["severity"] == "Major"


def is_major_nonsource(e) -> bool:
    return e["severity"] == "Major" and e["category"] != "Source error"


def label(errors, kept_rule: str = "strict") -> str:
    """'changed': some Major Accuracy/* error. 'kept': no Accuracy/* error of any
    severity (kept_rule='no_accuracy'), and additionally no Major error of any other
    category except 'Source error' (kept_rule='strict', default). Else 'other'."""
    if any(is_major_accuracy(e) for e in errors):
        return "changed"
    if any(is_accuracy(e) for e in errors):
        return "other"
    if kept_rule == "strict" and any(is_major_nonsource(e) for e in errors):
        return "other"
    return "kept"


def _norm(t: str) -> str:
    return re.sub(r"[\W_]+", "", t.lower())


# ----------------------------------------------------------------------------- split
def talk_order(talks) -> list[str]:
    return sorted(set(talks), key=lambda t: hashlib.sha1(t.encode()).hexdigest())


def split_talks(talks) -> tuple[list[str], list[str]]:
    """Deterministic halves: sort talk names by sha1, alternate (calibration gets
    positions 0, 2, 4...). With the 5 TED talks: 3 calibration / 2 held-out."""
    order = talk_order(talks)
    return order[0::2], order[1::2]


def split_of(talk: str, talks) -> str:
    cal, _ = split_talks(talks)
    return "calibration" if talk in cal else "heldout"


# ----------------------------------------------------------------------------- pairs
def load_pairs(
    path: str,
    *,
    reference: str = CANONICAL_REF,
    kept_rule: str = "strict",
    require_clean_reference: bool = True,
    include_identical: bool = False,
    include_human_changed: bool = False,
    dedup: bool = True,
) -> list[dict]:
    """Records {talk, split, seg_id, kind: 'kept'|'changed', pair_type:
    'human-human'|'human-mt', reference, candidate, system, systems, n_ratings,
    n_major_acc_votes, errors, other_errors, source, identical, near_identical}.

    reference: system used as reference ('refB' canonical; 'ref' = ref.A possible).
    The other human reference is the human-human candidate.
    require_clean_reference: drop segments whose reference has any Accuracy error or
      a Major error (other than 'Source error'): 494 of 529 remain for refB.
    include_identical: keep pairs whose candidate == reference exactly (trivially kept).
    dedup: MT systems often emit identical text; one record per (segment, candidate
      text), ratings pooled over all systems/raters that produced it (a text is
      'changed' if ANY rating has a Major Accuracy error, 'kept' only if NO rating has
      an Accuracy error [strict: nor a Major one]). n_ratings / n_major_acc_votes let
      you take an agreement subset.
    errors: Major Accuracy/* errors (deduplicated on category+offsets, `raters` list).
      Offsets char_start/char_end index `candidate`; for Accuracy/Omission the span is
      in the Chinese source (span_in='source', char_start=None, src_start/src_end
      index `source`).
    other_errors: every other annotation on the candidate (Minor accuracy, fluency...).
    """
    segs = load_segments(path)
    talks = sorted({s["talk"] for s in segs.values()})
    cal, _ = split_talks(talks)

    seg_ids = sorted({k for _, k in segs})
    out = []
    for k in seg_ids:
        ref = segs[(reference, k)]
        if require_clean_reference and label(ref["errors"], "strict") != "kept":
            continue
        groups: dict = collections.OrderedDict()
        for (sysname, kk), s in sorted(segs.items()):
            if kk != k or sysname == reference:
                continue
            ptype = "human-human" if sysname in HUMAN_SYSTEMS else "human-mt"
            gkey = (ptype, s["text"]) if dedup else (ptype, sysname)
            groups.setdefault(gkey, []).append(s)
        for (ptype, _), members in groups.items():
            cand = members[0]["text"]
            allerr = [dict(e, system=m["system"]) for m in members for e in m["errors"]]
            kind = label(allerr, kept_rule)
            if kind == "other":
                continue
            if kind == "changed" and ptype == "human-human" and not include_human_changed:
                continue
            identical = cand == ref["text"]
            if identical and not include_identical:
                continue
            major, seen = [], {}
            for e in allerr:
                if not is_major_accuracy(e):
                    continue
                key = (
                    e["category"],
                    e["span_in"],
                    e["char_start"],
                    e["char_end"],
                    e["src_start"],
                    e["src_end"],
                )
                if key in seen:
                    seen[key]["raters"].append(e["rater"])
                    continue
                d = {
                    x: e[x]
                    for x in (
                        "category",
                        "severity",
                        "span_text",
                        "char_start",
                        "char_end",
                        "span_in",
                        "src_start",
                        "src_end",
                    )
                }
                d["raters"] = [e["rater"]]
                seen[key] = d
                major.append(d)
            other = [
                {
                    x: e[x]
                    for x in (
                        "category",
                        "severity",
                        "span_text",
                        "char_start",
                        "char_end",
                        "span_in",
                        "rater",
                        "system",
                    )
                }
                for e in allerr
                if not is_major_accuracy(e)
            ]
            ratings = [(m["system"], r) for m in members for r in m["raters"]]
            votes = sum(any(is_major_accuracy(e) for e in m["errors"]) for m in members)
            out.append(
                dict(
                    talk=ref["talk"],
                    split="calibration" if ref["talk"] in cal else "heldout",
                    seg_id=k,
                    doc_pos=ref["doc_pos"],
                    kind=kind,
                    pair_type=ptype,
                    reference=ref["text"],
                    candidate=cand,
                    system=members[0]["system"],
                    systems=[m["system"] for m in members],
                    n_ratings=len(ratings),
                    n_major_acc_votes=votes,
                    errors=major,
                    other_errors=other,
                    source=ref["source"],
                    identical=identical,
                    near_identical=_norm(cand) == _norm(ref["text"]),
                )
            )
    return out


# ----------------------------------------------------------------------------- documents
MQM_WEIGHTS = {"Major": 5.0, "Minor": 1.0, "Neutral": 0.0}


def mqm_error_weight(e) -> float:
    """Google's MQM weighting (README): Major 5, Minor 1, Minor Fluency/Punctuation 0.1,
    Non-translation 25; 'Source error' counted 0 here."""
    if e["category"] == "Source error":
        return 0.0
    if e["category"].startswith("Non-translation"):
        return 25.0
    if e["category"] == "Fluency/Punctuation" and e["severity"] == "Minor":
        return 0.1
    return MQM_WEIGHTS.get(e["severity"], 0.0)


def load_documents(path: str, *, reference: str = CANONICAL_REF, joiner: str = " ") -> list[dict]:
    """One record per talk (seg order = seg_id): {talk, split, seg_ids, source
    (Chinese, joined with ''), reference (human doc text), reference_system,
    reference_alt (the other human ref, ref.A = English-original transcript),
    systems: {MT system: doc text}, segments: {system incl. humans: [seg texts]},
    mqm: {system: mean per-segment MQM penalty, lower=better},
    major_accuracy: {system: #segments with a Major Accuracy error}}."""
    segs = load_segments(path)
    talks = talk_order({s["talk"] for s in segs.values()})
    cal, _ = split_talks(talks)
    systems = sorted({s for s, _ in segs})
    out = []
    for t in talks:
        ids = sorted({k for (s, k), v in segs.items() if v["talk"] == t})
        seg_text = {s: [segs[(s, k)]["text"] for k in ids] for s in systems}
        mqm = {
            s: round(
                sum(mqm_error_weight(e) for k in ids for e in segs[(s, k)]["errors"]) / len(ids), 4
            )
            for s in systems
        }
        majacc = {
            s: sum(any(is_major_accuracy(e) for e in segs[(s, k)]["errors"]) for k in ids)
            for s in systems
        }
        alt = next(h for h in HUMAN_SYSTEMS if h != reference)
        out.append(
            dict(
                talk=t,
                split="calibration" if t in cal else "heldout",
                seg_ids=ids,
                source="".join(segs[(reference, k)]["source"] for k in ids),
                reference=joiner.join(seg_text[reference]),
                reference_system=reference,
                reference_alt=joiner.join(seg_text[alt]),
                systems={s: joiner.join(seg_text[s]) for s in systems if s not in HUMAN_SYSTEMS},
                segments=seg_text,
                mqm=mqm,
                major_accuracy=majacc,
            )
        )
    return out


# ----------------------------------------------------------------------------- news
NEWS_IN_REPO = "generalMT2023/zhen/sxs_mqm_generalMT2023_zhen.3ratingsPerSegment.tsv.tar.gz"
NEWS_REFERENCE = "txt/references/generaltest2023.zh-en.ref.refA.en"
NEWS_SOURCE = "txt/sources/generaltest2023.zh-en.src.zh"
HOTW = "Found"  #: the category of a rating that found the planted test error


def _git_show(git_dir: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", git_dir, "show", f"HEAD:{path}"], check=True, capture_output=True
    ).stdout


def _news_rows(mqm: str) -> list[dict]:
    """The news ratings in the TED file's columns (doc_id = position in the document)."""
    with tarfile.open(fileobj=io.BytesIO(_git_show(mqm, NEWS_IN_REPO))) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith(".tsv"))
        extracted = archive.extractfile(member)
        assert extracted is not None
        lines = extracted.read().decode("utf-8").splitlines()
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    doctored = {(r["system"], r["globalSegId"]) for r in rows if r["category"] == HOTW}
    return [
        {
            "system": r["system"],
            "doc": r["doc"],
            "doc_id": r["docSegId"],
            "seg_id": r["globalSegId"],
            "rater": r["rater"],
            "source": r["source"],
            "target": r["target"],
            "category": r["category"],
            "severity": r["severity"],
        }
        for r in rows
        if (r["system"], r["globalSegId"]) not in doctored
    ]


def news_split(doc: str) -> str:
    """Calibration or held-out half of a news document, by a hash of its name."""
    return "calibration" if int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2 else "heldout"


def _rated_officials(groups: dict) -> dict[int, str]:
    """Per segment, the MT output that stands as the official wording when the reference is
    one the raters judged (`official="rated"`): an output no rater marked with any accuracy
    error nor a Major error (TED's rule for its reference), the one rated by most raters,
    then the first by text."""
    best: dict[int, tuple[int, str]] = {}
    for (seg_id, text), members in groups.items():
        errors = [e for m in members for e in m["errors"]]
        if label(errors, "strict") != "kept":
            continue
        ratings = sum(len(m["raters"]) for m in members)
        if seg_id not in best or (-ratings, text) < (-best[seg_id][0], best[seg_id][1]):
            best[seg_id] = (ratings, text)
    return {seg_id: text for seg_id, (_, text) in best.items()}


def load_news_pairs(
    mqm: str, wmt23: str, kept_rule: str = "strict", official: str = "refA"
) -> list[dict]:
    """News pairs in `load_pairs`' records: an official wording against each distinct MT
    output of a segment, `kept` when none of its raters marked an accuracy error (nor, strict,
    a Major one), `changed` when one marked a Major accuracy error. `mqm`, `wmt23`: bare git
    directories of the two snapshots.

    official: "refA", the human reference of WMT23 (no rater judged it: its own mistranslations
    — a wrong name, a number ten times off — count as the candidate's changes), or "rated": an
    MT output its raters found no accuracy error in, as TED's reference must be
    (`_rated_officials`); segments without one are left out."""
    source = _git_show(wmt23, NEWS_SOURCE).decode("utf-8").splitlines()
    reference = _git_show(wmt23, NEWS_REFERENCE).decode("utf-8").splitlines()
    by_source = {re.sub(r"\s+", "", s): r for s, r in zip(source, reference, strict=True)}
    segs = load_segments(_news_rows(mqm))
    groups: dict = collections.OrderedDict()
    for (_, seg_id), s in sorted(segs.items()):
        groups.setdefault((seg_id, s["text"]), []).append(s)
    rated = _rated_officials(groups) if official == "rated" else {}
    out = []
    for (seg_id, text), members in groups.items():
        if official == "rated":
            ref = rated.get(seg_id)
        else:
            ref = by_source.get(re.sub(r"\s+", "", members[0]["source"]))
        if ref is None or text == ref:
            continue
        allerr = [dict(e, system=m["system"]) for m in members for e in m["errors"]]
        kind = label(allerr, kept_rule)
        if kind == "other":
            continue
        major: list[dict] = []
        seen: dict = {}
        for e in allerr:
            if not is_major_accuracy(e):
                continue
            key = (e["category"], e["span_in"], e["char_start"], e["char_end"], e["src_start"])
            if key in seen:
                seen[key]["raters"].append(e["rater"])
                continue
            d = {x: e[x] for x in (*_ERROR_FIELDS, "src_start", "src_end")}
            d["raters"] = [e["rater"]]
            seen[key] = d
            major.append(d)
        doc = members[0]["talk"]
        out.append(
            dict(
                talk=doc,
                split=news_split(doc),
                seg_id=seg_id,
                doc_pos=members[0]["doc_pos"],
                kind=kind,
                pair_type="human-mt" if official == "refA" else "mt-mt",
                reference=ref,
                candidate=text,
                system=members[0]["system"],
                systems=[m["system"] for m in members],
                n_ratings=sum(len(m["raters"]) for m in members),
                n_major_acc_votes=sum(
                    any(is_major_accuracy(e) for e in m["errors"]) for m in members
                ),
                errors=major,
                other_errors=[
                    {x: e[x] for x in (*_ERROR_FIELDS, "rater", "system")}
                    for e in allerr
                    if not is_major_accuracy(e)
                ],
                source=members[0]["source"],
                identical=False,
                near_identical=_norm(text) == _norm(ref),
            )
        )
    return out


_ERROR_FIELDS = ("category", "severity", "span_text", "char_start", "char_end", "span_in")
