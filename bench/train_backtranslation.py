"""Train, calibrate and test the back-translation classifier out of sample; write its parameters.

    python bench/train_backtranslation.py [--mirrors /work/.mirror] [--write]

Needs the `bench` extra (scikit-learn, matplotlib); the audit reads only the file written
(`auditor/data/mt_classifier.json`, with --write). Data (bare git snapshots under MIRRORS, as
the project's `fetch` tool leaves them; nothing of them enters the repository):
- machine translations and human translations into English of WMT news documents
  (bench/wmt_docs.py: wmt21 is/ja/ru by document, de/cs/zh/ha in chunks of 20 lines; wmt22
  ja/ru; wmt23 ru/uk), every system's output and every reference;
- native English news (bench/native_news.py): WMT English-original sources (wmt21 en-is,
  wmt22 en-hr/en-zh, wmt23 MQM en-de, wmt24 en-de) and the BBC News data set; the outlets it
  flags as often translated are left out; and the wmt21 en-de source in chunks of 20 lines.

Splits (no document, test set, source language or native source on two sides):
- held out (test): the wmt23 test sets (a year never trained on), every document whose source
  language is in HELD_LANGUAGES (uk, ha, is: never trained on, in any year), native English of
  wmt23/wmt24 and all of the BBC (a source never trained on);
- the rest (wmt21, wmt22 of the other languages; WMT English originals of 2021–22) is the
  training pool. Its groups (one test set's source language, one year's native news) are
  left out one at a time: the model fitted without a group scores it. Those cross-fitted
  scores choose the regularisation (and the kind of model, with --boosting) and are what the
  isotonic calibration maps to probabilities, so the calibration is made on scores of text
  the model was not fitted on, of a language pair or source it had not seen, as the audit
  will meet them; the shipped model is then fitted on the whole pool.
Only documents of at least MIN_SENTENCES English sentences (as the auditor segments them) are
used: the classifier's verdict is given from there on. Weights give machine translation and
human writing equal total weight in fitting, calibrating and measuring (human writing: human
translations and native English, equal halves): the probability is for an article with even
odds of being a machine translation.

Prints the before (the marker score of markers.py) and after tables per held-out test set,
language pair and native source, a calibration table, and draws the reliability plot in
bench/out/backtranslation_reliability.png.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.records import Kind  # noqa: E402
from auditor.stages.backtranslation.classifier import MODEL_FORMAT, MODEL_VERSION  # noqa: E402
from auditor.stages.backtranslation.features import (  # noqa: E402
    FEATURES_VERSION,
    NGRAM,
    extract,
    fixed_names,
    ngram_counts,
)
from auditor.stages.backtranslation.markers import translationese_evidence  # noqa: E402
from auditor.stages.segment import segment_document  # noqa: E402
from bench import native_news  # noqa: E402
from bench.wmt_docs import CHUNK, MIRRORS, WMT21, _show, load_wmt_documents  # noqa: E402

OUT = ROOT / "bench" / "out"
MODEL_PATH = ROOT / "auditor" / "data" / "mt_classifier.json"
HELD_YEARS = ("wmt23",)
HELD_LANGUAGES = ("uk", "ha", "is")
#: native English sources trained on (by the prefix of their `source`); the rest is held out
NATIVE_TRAIN = ("wmt21", "wmt22")
MIN_SENTENCES = 10
#: English originals read from text files in chunks of CHUNK lines, as wmt21's de/cs/zh/ha
#: translations are (so that a chunk, which may cross an article boundary, is no sign of
#: translation): the wmt21 en-de source, whose documents bench/native_news.py does not read
NATIVE_CHUNKED = (("wmt21", WMT21, "txt/sources/newstest2021.en-de.src.en"),)
#: the strengths of L2 regularisation (scikit-learn's C) tried
GRID = (0.00003, 0.0001, 0.0003, 0.001, 0.003)
#: an n-gram is a feature when at least this share of the vocabulary sample's texts has it
MIN_DOCUMENT_FREQUENCY = 0.05
VOCABULARY_SAMPLE = 3000
SEED = 20240527


def english_sentences(text: str) -> list[str]:
    """The article's English sentences as the audit reads them (segment_evidence's choice)."""
    return [s.text for s in segment_document(text) if s.kind is Kind.SENTENCE and not s.is_fragment]


def collect(mirrors: Path) -> list[dict[str, Any]]:
    """Every text with its label and where it comes from."""
    texts: list[dict[str, Any]] = []
    for d in load_wmt_documents(mirrors):
        source = d["pair"].split("-")[0]
        common = dict(testset=d["testset"], pair=d["pair"], language=source, doc=d["doc_id"])
        for name, text in d["systems"].items():
            texts.append(dict(common, text=text, group="mt", name=name))
        for name, text in d["humans"].items():
            texts.append(dict(common, text=text, group="human", name=name))
    native_news.M = str(mirrors).rstrip("/") + "/{}/repo"
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "native_news.jsonl"
    if not path.exists():
        native_news.main(str(mirrors), str(path))
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["translation_risk"]:
            continue
        origin = r["source"].split(":")[0]  # wmt21 … wmt24, bbc
        texts.append(
            dict(
                testset=origin,
                pair="en",
                language="en",
                doc=f"native:{r['source']}:{r['doc_id']}",
                text=r["text"],
                group="native",
                name=origin,
            )
        )
    for testset, repo, path in NATIVE_CHUNKED:
        lines = [" ".join(x.split()) for x in _show(mirrors, repo, path).decode().split("\n")]
        for start in range(0, len(lines), CHUNK):
            text = "\n".join(x for x in lines[start : start + CHUNK] if x)
            texts.append(
                dict(
                    testset=testset,
                    pair="en",
                    language="en",
                    doc=f"native:{path}:lines-{start + 1}",
                    text=text,
                    group="native",
                    name=testset,
                )
            )
    return texts


def side(t: dict[str, Any]) -> str:
    """`pool` (training) or `test` (held out)."""
    if t["group"] == "native":
        held = not t["testset"].startswith(NATIVE_TRAIN)
    else:
        held = t["testset"] in HELD_YEARS or t["language"] in HELD_LANGUAGES
    return "test" if held else "pool"


def _sentences(text: str) -> list[str]:
    return english_sentences(text)


def _grams(sentences: list[str]) -> set[str]:
    return set(ngram_counts(sentences)[0])


def _features(job: tuple[list[str], list[str]]) -> tuple[dict[str, float], float]:
    sentences, vocabulary = job
    values = extract(sentences, vocabulary).values
    return values, translationese_evidence(sentences).score


def prepare(mirrors: Path, workers: int) -> dict[str, Any]:
    """Texts, their segmentation, the n-gram vocabulary and every feature (cached in OUT)."""
    cache = OUT / f"backtranslation_features_v{FEATURES_VERSION}c.pkl"
    if cache.exists():
        with cache.open("rb") as fh:
            return pickle.load(fh)
    clock = time.perf_counter()
    texts = collect(mirrors)
    with ProcessPoolExecutor(workers) as pool:
        segmented = list(pool.map(_sentences, [t["text"] for t in texts], chunksize=64))
    for t, sentences in zip(texts, segmented, strict=True):
        t["sentences"] = len(sentences)
        t["side"] = side(t)
    keep = [i for i, t in enumerate(texts) if t["sentences"] >= MIN_SENTENCES]
    print(f"{len(texts)} texts, {len(keep)} of ≥ {MIN_SENTENCES} sentences "
          f"({time.perf_counter() - clock:.0f} s)", flush=True)  # fmt: skip
    texts = [texts[i] for i in keep]
    segmented = [segmented[i] for i in keep]
    # the vocabulary: n-grams frequent in a sample of the pool's texts, each group a third
    rng = np.random.default_rng(SEED)
    sample = []
    for group in ("mt", "human", "native"):
        pool_ = [i for i, t in enumerate(texts) if t["side"] == "pool" and t["group"] == group]
        k = min(len(pool_), VOCABULARY_SAMPLE // 3)
        sample += list(rng.choice(pool_, size=k, replace=False))
    with ProcessPoolExecutor(workers) as pool:
        df: Counter[str] = Counter()
        for grams in pool.map(_grams, [segmented[i] for i in sample], chunksize=32):
            df.update(grams)
    vocabulary = sorted(g for g, n in df.items() if n >= MIN_DOCUMENT_FREQUENCY * len(sample))
    print(f"vocabulary: {len(vocabulary)} n-grams in ≥ {MIN_DOCUMENT_FREQUENCY:.0%} of "
          f"{len(sample)} texts", flush=True)  # fmt: skip
    with ProcessPoolExecutor(workers) as pool:
        jobs = [(s, vocabulary) for s in segmented]
        found = list(pool.map(_features, jobs, chunksize=64))
    names = [f"{NGRAM}{g}" for g in vocabulary] + fixed_names()
    matrix = np.array([[values[n] for n in names] for values, _ in found])
    for t, (_, before) in zip(texts, found, strict=True):
        t["before"] = before
        del t["text"]
    data = dict(texts=texts, names=names, matrix=matrix)
    with cache.open("wb") as fh:
        pickle.dump(data, fh)
    print(f"features: {matrix.shape} ({time.perf_counter() - clock:.0f} s)", flush=True)
    return data


def transform(names: list[str], matrix: np.ndarray) -> np.ndarray:
    """log1p for n-gram rates (counts: heavy right tails), the rest as they are."""
    out = matrix.copy()
    for j, name in enumerate(names):
        if name.startswith(NGRAM):
            out[:, j] = np.log1p(np.maximum(out[:, j], 0.0))
    return out


def weights(texts: list[dict[str, Any]]) -> np.ndarray:
    """MT and human writing each half the total weight; human translations and native English
    each a quarter; within a group, texts equal."""
    share = {"mt": 0.5, "human": 0.25, "native": 0.25}
    counts = Counter(t["group"] for t in texts)
    return np.array([share[t["group"]] / counts[t["group"]] for t in texts]) * len(texts)


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    y = np.r_[np.ones(len(pos)), np.zeros(len(neg))]
    return float(roc_auc_score(y, np.r_[pos, neg]))


def ece_table(p: np.ndarray, y: np.ndarray, w: np.ndarray, bins: int = 10) -> tuple[float, list]:
    """Expected calibration error (weighted) over equal-width bins, and the table."""
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    rows, ece = [], 0.0
    for b in range(bins):
        m = which == b
        if not m.any():
            continue
        predicted = float(np.average(p[m], weights=w[m]))
        observed = float(np.average(y[m], weights=w[m]))
        ece += w[m].sum() / w.sum() * abs(predicted - observed)
        rows.append((f"{edges[b]:.1f}–{edges[b + 1]:.1f}", int(m.sum()), predicted, observed))
    return ece, rows


def group_of(t: dict[str, Any]) -> str:
    """The cross-fitting group: a WMT test set's source language, or a year's native news."""
    return f"{t['testset']} {t['language']}"


def _logistic(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000))


def _boosting() -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=200, learning_rate=0.1, max_leaf_nodes=15, max_features=0.2, random_state=SEED
    )


def cross_fitted(
    make: Any, x: np.ndarray, y: np.ndarray, w: np.ndarray, groups: np.ndarray
) -> np.ndarray:
    """Each text's score by a model fitted without its group (leave one group out): a score
    on a test set and language, or a native source, never fitted on."""
    out = np.zeros(len(y))
    for g in sorted(set(groups)):
        held = groups == g
        model = make()
        name = type(model).__name__
        key = "logisticregression__sample_weight" if name == "Pipeline" else "sample_weight"
        model.fit(x[~held], y[~held], **{key: w[~held]})
        out[held] = (
            model.decision_function(x[held])
            if name == "Pipeline"
            else model.predict_proba(x[held])[:, 1]
        )
    return out


def choose_model(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, groups: np.ndarray, boosting: bool
) -> tuple[dict[str, float], dict[str, np.ndarray]]:
    """Leave-one-group-out AUC (weighted) inside the training pool of logistic regression at
    several strengths (and, with `boosting`, of gradient boosting; many minutes more); the
    cross-fitted scores of each candidate."""
    from sklearn.metrics import roc_auc_score

    candidates: dict[str, Any] = {f"logistic C={c}": (lambda c=c: _logistic(c)) for c in GRID}
    if boosting:
        candidates["gradient boosting"] = _boosting
    results, scores = {}, {}
    for name, make in candidates.items():
        scores[name] = cross_fitted(make, x, y, w, groups)
        results[name] = float(roc_auc_score(y, scores[name], sample_weight=w))
        print(f"  leave-one-group-out AUC {name}: {results[name]:.3f}", flush=True)
    return results, scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirrors", type=Path, default=MIRRORS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true", help=f"write {MODEL_PATH.name}")
    parser.add_argument(
        "--boosting", action="store_true", help="compare gradient boosting in the selection"
    )
    args = parser.parse_args()
    import sklearn
    from sklearn.isotonic import IsotonicRegression

    data = prepare(args.mirrors, args.workers)
    texts, names = data["texts"], data["names"]
    x_all = transform(names, data["matrix"])
    y_all = np.array([t["group"] == "mt" for t in texts], dtype=float)
    test = np.array([t["side"] == "test" for t in texts])
    pool = ~test
    by_side = {"pool": pool, "test": test}
    counts = {
        s: dict(Counter(t["group"] for t, k in zip(texts, m, strict=True) if k))
        for s, m in by_side.items()
    }
    print(counts)
    pool_texts = [t for t, k in zip(texts, pool, strict=True) if k]
    groups = np.array([group_of(t) for t in pool_texts])
    w_pool = weights(pool_texts)
    x, y = x_all[pool], y_all[pool]
    results, scores = choose_model(x, y, w_pool, groups, args.boosting)
    best = max((k for k in results if k.startswith("logistic")), key=lambda k: results[k])
    c = float(best.split("=")[1])
    # the calibration: isotonic, from the best candidate's cross-fitted scores to MT or not
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0)
    iso.fit(scores[best], y, sample_weight=w_pool)
    # the model: fitted on the whole pool
    model = _logistic(c)
    model.fit(x, y, logisticregression__sample_weight=w_pool)
    scaler, logistic = model.steps[0][1], model.steps[1][1]
    coef, intercept = logistic.coef_[0], float(logistic.intercept_[0])
    p_all = iso.predict(model.decision_function(x_all))
    before = np.array([t["before"] for t in texts])
    report = evaluate(texts, by_side, y_all, p_all, before)
    print(report["markdown"])
    (OUT / "backtranslation_eval.md").write_text(report["markdown"], encoding="utf-8")
    plot(report["reliability"], OUT / "backtranslation_reliability.png")

    human = np.array([t["group"] != "mt" for t in texts]) & pool
    raw = data["matrix"]
    features = [
        dict(
            name=n,
            transform="log1p" if n.startswith(NGRAM) else "none",
            mean=round(float(scaler.mean_[j]), 6),
            scale=round(float(scaler.scale_[j]), 6),
            weight=round(float(coef[j]), 6),
            human=round(float(raw[human, j].mean()), 4),
        )
        for j, n in enumerate(names)
        if scaler.scale_[j] > 0 and coef[j] != 0
    ]
    about = (
        f"Logistic regression (scikit-learn {sklearn.__version__}, {best}, chosen by "
        "leave-one-group-out AUC over the training pool, a group being one WMT test set's "
        "source language or one year's native news: "
        f"{json.dumps({k: round(v, 3) for k, v in results.items()})}) over the style features "
        "of auditor/stages/backtranslation/features.py, trained by "
        "bench/train_backtranslation.py on WMT news translated into English (wmt21 ja/ru/"
        "de/cs/zh, wmt22 ja/ru: every system's output = machine translation, every reference "
        "= human translation) and native English news (WMT English originals of 2021–22, the "
        "wmt21 en-de source in chunks of 20 lines); "
        f"documents of ≥ {MIN_SENTENCES} sentences: {counts['pool']}. Isotonic calibration on "
        "the cross-fitted scores (each from a model not fitted on its group); machine "
        "translation and human writing weighted equally. Held out, never seen: wmt23, source "
        f"languages {', '.join(HELD_LANGUAGES)}, native English of wmt23/wmt24 and the BBC "
        f"News data set: {counts['test']}; results in bench/RESULTS.md. {report['headline']}"
    )
    model_file = dict(
        format=MODEL_FORMAT,
        version=MODEL_VERSION,
        features_version=FEATURES_VERSION,
        about=about,
        intercept=round(intercept, 6),
        calibration=dict(
            method="isotonic",
            x=[round(float(v), 6) for v in iso.X_thresholds_],
            y=[round(float(v), 6) for v in iso.y_thresholds_],
        ),
        features=features,
    )
    if args.write:
        MODEL_PATH.write_text(model_json(model_file), encoding="utf-8")
        print(f"wrote {MODEL_PATH} ({len(features)} features)")


def model_json(model: dict[str, Any]) -> str:
    """The model file's text: JSON, one feature a line (a diff of two models reads)."""
    head = {k: v for k, v in model.items() if k != "features"}
    lines = json.dumps(head, indent=1, ensure_ascii=False)[:-2]
    features = ",\n".join("  " + json.dumps(f, ensure_ascii=False) for f in model["features"])
    return f'{lines},\n "features": [\n{features}\n ]\n}}\n'


def evaluate(
    texts: list[dict[str, Any]],
    by_side: dict[str, np.ndarray],
    y: np.ndarray,
    p: np.ndarray,
    before: np.ndarray,
) -> dict[str, Any]:
    test = by_side["test"]
    group = np.array([t["group"] for t in texts])
    cell = np.array([f"{t['testset']} {t['pair']}" for t in texts])
    native_test = test & (group == "native")
    lines = ["| held out | MT / human texts | AUC MT vs human | AUC MT vs native | "
             "MT ≥ 0.5 | human ≥ 0.5 |", "|---|---|---|---|---|---|"]  # fmt: skip
    cells = sorted({c for c, k, g in zip(cell, test, group, strict=True) if k and g != "native"})

    def row(label: str, m: np.ndarray) -> str:
        mt, hu = m & (group == "mt"), m & (group == "human")
        figures = []
        for s in (before, p):
            figures.append(
                (
                    auc(s[mt], s[hu]),
                    auc(s[mt], s[native_test]),
                    float((s[mt] >= 0.5).mean()),
                    float((s[hu] >= 0.5).mean()) if hu.any() else float("nan"),
                )
            )
        (a0, n0, m0, h0), (a1, n1, m1, h1) = figures
        return (
            f"| {label} | {mt.sum()} / {hu.sum()} | {a0:.2f} → **{a1:.2f}** | "
            f"{n0:.2f} → **{n1:.2f}** | {m0:.1%} → **{m1:.1%}** | {h0:.1%} → **{h1:.1%}** |"
        )

    for c in cells:
        lines.append(row(c, test & (cell == c)))
    lines.append(row("all held out", test & (group != "native")))
    lines += ["", "| held-out native English | documents | ≥ 0.5 before → after |", "|---|---|---|"]
    sources = sorted({t["testset"] for t, k in zip(texts, native_test, strict=True) if k})
    origin = np.array([t["testset"] for t in texts])
    for src in [*sources, "all"]:
        m = native_test & ((origin == src) if src != "all" else True)
        lines.append(
            f"| {src} | {m.sum()} | {(before[m] >= 0.5).mean():.1%} → "
            f"**{(p[m] >= 0.5).mean():.1%}** |"
        )
    test_texts = [t for t, k in zip(texts, test, strict=True) if k]
    w = weights(test_texts)
    ece, table = ece_table(p[test], y[test], w)
    ece0, _ = ece_table(before[test], y[test], w)
    lines += [
        "",
        f"Expected calibration error on the held-out texts (10 bins, MT and human writing "
        f"weighted equally): before {ece0:.3f} → **{ece:.3f}**",
        "",
        "| predicted | texts | mean predicted | observed share MT |",
        "|---|---|---|---|",
        *(f"| {b} | {n} | {pr:.2f} | {ob:.2f} |" for b, n, pr, ob in table),
    ]
    mt, hu = test & (group == "mt"), test & (group == "human")
    headline = (
        f"Held out: AUC MT vs human translation {auc(p[mt], p[hu]):.2f}, MT vs native "
        f"{auc(p[mt], p[native_test]):.2f}; MT ≥ 0.5 {(p[mt] >= 0.5).mean():.1%}; native ≥ 0.5 "
        f"{(p[native_test] >= 0.5).mean():.1%}; ECE {ece:.3f}."
    )
    by_cell: dict[str, int] = defaultdict(int)
    return dict(
        markdown="\n".join(lines) + "\n",
        reliability=table,
        headline=headline,
        cells=dict(by_cell),
    )


def plot(table: list, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], color="grey", linestyle=":", label="perfect calibration")
    ax.plot([r[2] for r in table], [r[3] for r in table], marker="o", label="held out")
    for _, n, pr, ob in table:
        ax.annotate(str(n), (pr, ob), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set_xlabel("predicted probability of machine translation")
    ax.set_ylabel("observed share of machine translations")
    ax.set_title("Reliability on held-out texts")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    print(f"reliability plot: {path}")


if __name__ == "__main__":
    main()
