"""Alignment (pure): pair an article segment with 1–3 consecutive official sentences.

Candidates come from an inverted index over the official sentences' content words (weighted by
how rare a word is), so the cost per segment does not grow with an all-pairs scan. Candidate
runs of 1–3 consecutive sentences around each hit are pre-ranked by a cheap word-level
F-score and the final choice is by chrF++ (sacrebleu). Whether the best candidate is a real
counterpart is decided on more evidence than chrF alone (see `decide`): seed sentences without
any counterpart reach chrF 33 while a true, heavily paraphrased pair scores 29.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from auditor.lexicon import FUNCTION_WORDS
from auditor.records import AlignmentStrength
from auditor.settings import AlignSettings
from auditor.stages.score import chrf_ceiling, clean, sentence_chrf

#: how far below the best chrF++ so far a run's `chrf_ceiling` must be to skip the run: the
#: ceiling is exact arithmetic's bound, this covers its rounding (scores lie in 0–100)
CEILING_MARGIN = 1e-6

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


#: between two documents in the verbatim search: no quotation's wording holds it
_APART = "\x00"


@lru_cache(maxsize=8192)
def content_stems(text: str, stem_length: int = AlignSettings.stem_length) -> tuple[str, ...]:
    """Lowercased content words cut to their first letters (dependency ≈ dependencies)."""
    stems = []
    for token in _TOKEN.findall(text.lower()):
        token = re.sub(r"['’]s$", "", token)
        if token not in FUNCTION_WORDS and (len(token) > 1 or token.isdigit()):
            stems.append(token[:stem_length])
    return tuple(stems)


@dataclass(frozen=True)
class OfficialSentence:
    doc_id: str
    position: int  #: index among the document's official sentences
    text: str
    line: int = 1  #: line of the document where the sentence starts


@dataclass(frozen=True)
class Alignment:
    """The best official counterpart found for one article segment, and the evidence."""

    doc_id: str
    first: int  #: position of the first official sentence of the run
    last: int  #: position of the last one (inclusive)
    official_text: str
    chrf: float
    shared: int  #: content words both sides share
    official_recall: float  #: share of the official run's content words found in the segment
    segment_precision: float  #: share of the segment's content words found in the official run
    #: the run's core before neighbours that the segment also reports were merged: the segment
    #: is a counterpart when its core is (a long neighbour lowers chrF++ and word recall)
    core: Alignment | None = None

    @property
    def positions(self) -> range:
        return range(self.first, self.last + 1)


def is_sure(a: Alignment, rule: AlignSettings) -> bool:
    """A counterpart on its own evidence, without looking at the neighbours."""
    if a.core is not None and is_sure(a.core, rule):
        return True
    if a.chrf >= rule.sure_chrf:
        return True
    if a.chrf >= rule.close_chrf:
        return a.shared >= rule.min_shared and a.official_recall >= rule.min_official_recall
    return (
        a.chrf >= rule.paraphrase_chrf
        and a.shared >= rule.paraphrase_shared
        and a.official_recall >= rule.paraphrase_recall
    )


def decide(
    alignments: Sequence[Alignment | None],
    rule: AlignSettings,
    sure: Sequence[bool] | None = None,
) -> list[AlignmentStrength | None]:
    """For article segments in reading order, what supports each best candidate as a match.

    `STRONG`: its own wording (`is_sure`, or `sure` when the caller judged it); `WEAK`: it sits
    between the official sentences its sure neighbours align to, next to one of them; None: no
    counterpart. Linear in the number of segments.
    """
    if sure is None:
        sure = [a is not None and is_sure(a, rule) for a in alignments]
    reasons: list[AlignmentStrength | None] = [
        AlignmentStrength.STRONG if s else None for s in sure
    ]
    before = _nearest_sure(alignments, sure, range(len(alignments)))
    after = _nearest_sure(alignments, sure, range(len(alignments) - 1, -1, -1))
    for i, a in enumerate(alignments):
        if a is None or sure[i] or a.chrf < rule.neighbour_min_chrf or a.shared < 1:
            continue
        prev = before[i].get(a.doc_id)
        nxt = after[i].get(a.doc_id)
        in_order = (prev is None or prev.last <= a.first) and (nxt is None or a.last <= nxt.first)
        close = (prev is not None and a.first - prev.last <= rule.neighbour_gap) or (
            nxt is not None and nxt.first - a.last <= rule.neighbour_gap
        )
        if in_order and close:
            reasons[i] = AlignmentStrength.WEAK
    return reasons


def _nearest_sure(
    alignments: Sequence[Alignment | None], sure: Sequence[bool], order: range
) -> list[dict[str, Alignment]]:
    """For each position, the nearest sure alignment per document strictly before it in
    `order`."""
    out: list[dict[str, Alignment]] = [{} for _ in alignments]
    last: dict[str, Alignment] = {}
    for i in order:
        out[i] = last
        a = alignments[i]
        if a is not None and sure[i]:
            last = {**last, a.doc_id: a}
    return out


def _f2(shared: float, query: float, candidate: float) -> float:
    """F-score with recall weighted twice (as chrF's beta = 2) of shared word weight."""
    if not shared:
        return 0.0
    recall, precision = shared / candidate, shared / query
    return 5 * precision * recall / (4 * precision + recall)


class _Scores(NamedTuple):
    """Sentence ids (ascending) and the word weight each shares with a query."""

    ids: np.ndarray
    weights: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    def best(self, limit: int) -> list[int]:
        """The `limit` ids of the highest weight, the lower id first among equals."""
        weights = -self.weights
        if limit <= 0:
            return []
        if len(weights) > limit:  # only those at or above the limit-th weight are sorted
            kept = np.flatnonzero(weights <= np.partition(weights, limit - 1)[limit - 1])
        else:
            kept = np.arange(len(weights))
        order = kept[np.argsort(weights[kept], kind="stable")]
        return self.ids[order[:limit]].tolist()

    def of(self, sids: Sequence[int]) -> dict[int, float]:
        at = np.searchsorted(self.ids, sids)
        return dict(zip(sids, self.weights[at].tolist(), strict=True))


class OfficialIndex:
    """Inverted index over the content words of every official sentence."""

    def __init__(
        self,
        documents: Sequence[tuple[str, Sequence[str]]],
        settings: AlignSettings | None = None,
        lines: Mapping[str, Sequence[int]] | None = None,
    ) -> None:
        """documents: (document id, its sentences); lines: document id → the line each of its
        sentences starts on (default: 1)."""
        self.settings = settings = settings or AlignSettings()
        self.sentences: list[OfficialSentence] = []
        self._stems: list[frozenset[str]] = []
        self._by_doc: dict[str, list[int]] = defaultdict(list)
        postings: dict[str, set[int]] = defaultdict(set)
        for doc_id, texts in documents:
            for position, text in enumerate(texts):
                sid = len(self.sentences)
                line = lines[doc_id][position] if lines and doc_id in lines else 1
                self.sentences.append(OfficialSentence(doc_id, position, text, line))
                self._by_doc[doc_id].append(sid)
                stems = frozenset(content_stems(text, settings.stem_length))
                self._stems.append(stems)
                for stem in stems:
                    postings[stem].add(sid)
        total = max(len(self.sentences), 1)
        #: every word's sentence ids, ascending (a document's sentences are consecutive ids),
        #: one after the other in one array, and where each word's run of them starts and
        #: ends: one array to pickle and ship to a worker, not one per word
        self._spans: dict[str, tuple[int, int]] = {}
        flat: list[int] = []
        for stem, ids in postings.items():
            self._spans[stem] = (len(flat), len(flat) + len(ids))
            flat.extend(sorted(ids))
        self._flat = np.array(flat, dtype=np.int64)
        self._idf = {stem: math.log(1 + total / len(ids)) for stem, ids in postings.items()}
        self._doc_range = {doc: (ids[0], ids[-1] + 1) for doc, ids in self._by_doc.items()}
        self._weights = [self._weight_of(stems) for stems in self._stems]
        #: a word in more sentences than this is too common to look candidates up by
        self._common = max(settings.common_min, int(total * settings.common_share))
        #: a word no official sentence has weighs as much as the rarest one
        self.unseen_weight = math.log(1 + total)
        self._verbatim: tuple[str, list[int], dict[str, tuple[int, int]]] | None = None
        self._runs: dict[tuple[str, int, int], tuple[frozenset[str], float]] = {}

    def doc_ids(self) -> list[str]:
        return list(self._by_doc)

    def sentence_count(self, doc_id: str) -> int:
        return len(self._by_doc[doc_id])

    def _sentence(self, doc_id: str, position: int) -> OfficialSentence:
        return self.sentences[self._by_doc[doc_id][position]]

    def hits(self, text: str, limit: int, doc_id: str | None = None) -> list[int]:
        """Sentence ids sharing the rarest content words with `text`, best first.

        The posting lists give every sentence sharing a word; the `hit_pool` with the largest
        shared weight are then ranked by the word-level F-score, so a long sentence that shares
        one rare word does not crowd out the short one that shares them all."""
        query = set(self.stems_of(text))
        query_weight = self._weight_of(query)
        # the commonest words ("minister", "said") reach thousands of sentences and say little:
        # their posting lists are walked only when the rarer words find too few sentences
        rare = [s for s in query if len(self.postings(s)) <= self._common]
        scores = self._accumulate(rare, doc_id)
        if len(scores) < limit:
            scores = self._accumulate(query, doc_id)
        pool = scores.best(max(limit, self.settings.hit_pool))
        shared = scores.of(pool)
        pool.sort(
            key=lambda sid: (
                -_f2(shared[sid], query_weight, self._weights[sid]),
                sid,
            )
        )
        return pool[:limit]

    def postings(self, stem: str) -> np.ndarray:
        """The ids of the sentences holding `stem`, ascending (empty when none does)."""
        start, end = self._spans.get(stem, (0, 0))
        return self._flat[start:end]

    def _accumulate(self, stems: Iterable[str], doc_id: str | None) -> _Scores:
        """Shared word weight of every sentence that shares one of `stems` (in `doc_id`, or
        in any document). The posting lists are summed in numpy, in the order of `stems`, so
        each sentence's weight is the same float as added one by one, and a long list costs
        little as the archive grows."""
        lists, weights = [], []
        first, end = self._doc_range.get(doc_id, (0, 0)) if doc_id is not None else (0, 0)
        for stem in stems:
            if stem not in self._spans:
                continue
            ids = self.postings(stem)
            if doc_id is not None:
                ids = ids[np.searchsorted(ids, first) : np.searchsorted(ids, end)]
            lists.append(ids)
            weights.append(np.full(len(ids), self._idf[stem]))
        if not lists:
            return _Scores(np.empty(0, dtype=np.int64), np.empty(0))
        summed = np.bincount(np.concatenate(lists), weights=np.concatenate(weights))
        found = np.flatnonzero(summed)  # every word weighs more than 0
        return _Scores(found, summed[found])

    def stems_of(self, text: str) -> tuple[str, ...]:
        return content_stems(text, self.settings.stem_length)

    def weight(self, stems: Iterable[str]) -> float:
        """How much evidence `stems` carry: the rarer in the official sentences, the more."""
        return sum(self._idf.get(s, self.unseen_weight) for s in stems)

    def quote_hits(self, text: str, limit: int, doc_id: str | None = None) -> list[int]:
        """Sentence ids holding the most of `text`'s word weight (its rare words first): a
        quotation may be part of a long sentence, so the sentence's own length does not count
        against it as in `hits`."""
        query = set(self.stems_of(text))
        rare = [s for s in query if len(self.postings(s)) <= self._common]
        scores = self._accumulate(rare, doc_id)
        if len(scores) < limit:
            scores = self._accumulate(query, doc_id)
        return scores.best(limit)

    def sentence_id(self, doc_id: str, position: int) -> int:
        return self._by_doc[doc_id][position]

    def verbatim(self, text: str, doc_id: str | None = None) -> tuple[str, int, int] | None:
        """The run (document, first, last positions) in which `text` stands word for word
        (case and punctuation aside): in `doc_id`, or in the first document that has it."""
        from auditor.stages.normal import normalised_wording

        wanted = normalised_wording(text)
        if not wanted or _APART in wanted:
            return None
        joined, starts, bounds = self._verbatim_text()
        start, end = bounds[doc_id] if doc_id is not None else (0, len(joined))
        at = joined.find(" " + wanted + " ", start, end)
        if at < 0:
            return None
        first = self.sentences[bisect_right(starts, at) - 1]
        last = self.sentences[bisect_right(starts, at + len(wanted)) - 1]
        return first.doc_id, first.position, last.position

    def _verbatim_text(self) -> tuple[str, list[int], dict[str, tuple[int, int]]]:
        """Every official sentence's normalised wording in one string, each document's
        " s1 s2 … " kept apart from the next, one search for a quotation in all of them:
        where each sentence (by id) starts, and where each document's part starts and ends."""
        from auditor.stages.normal import normalised_wording

        if self._verbatim is None:
            parts: list[str] = []
            starts: list[int] = []
            bounds: dict[str, tuple[int, int]] = {}
            at = 0
            for doc_id, sids in self._by_doc.items():
                begin = at
                for sid in sids:
                    starts.append(at)
                    part = " " + normalised_wording(self.sentences[sid].text)
                    parts.append(part)
                    at += len(part)
                parts.append(" " + _APART)
                bounds[doc_id] = (begin, at + 1)
                at += 2
            self._verbatim = ("".join(parts), starts, bounds)
        return self._verbatim

    def _weight_of(self, stems: Iterable[str]) -> float:
        return sum(self._idf.get(s, 0.0) for s in stems)

    def runs(self, sids: Sequence[int]) -> list[tuple[str, int, int]]:
        """Every run of 1–`max_run` consecutive sentences that contains one of `sids`."""
        out: dict[tuple[str, int, int], None] = {}
        for sid in sids:
            s = self.sentences[sid]
            count = self.sentence_count(s.doc_id)
            for length in range(1, self.settings.max_run + 1):
                for first in range(s.position - length + 1, s.position + 1):
                    last = first + length - 1
                    if first >= 0 and last < count:
                        out[(s.doc_id, first, last)] = None
        return list(out)

    def line_at(self, doc_id: str, first: int, last: int, offset: int = 0) -> int:
        """The line where character `offset` of `run_text(doc_id, first, last)` stands."""
        at = 0
        for position in range(first, last + 1):
            sentence = self._sentence(doc_id, position)
            at += len(clean(sentence.text)) + 1
            if offset < at or position == last:
                return sentence.line
        return self._sentence(doc_id, first).line

    def run_text(self, doc_id: str, first: int, last: int) -> str:
        return clean(" ".join(self._sentence(doc_id, p).text for p in range(first, last + 1)))

    def candidate(
        self, text: str, *, doc_id: str | None = None
    ) -> tuple[float, str, int, int] | None:
        """The run of 1–3 official sentences with the best chrF++ among the index's candidates:
        (chrF++, document, first, last), or None when no official sentence shares a word."""
        sids = self.hits(text, self.settings.hits, doc_id)
        if not sids:
            return None
        runs = self.runs(sids)
        query = set(self.stems_of(text))
        query_weight = self._weight_of(query)
        runs.sort(key=lambda run: self._word_f2(query, query_weight, run), reverse=True)
        # the first run with the highest chrF++; a run whose length alone keeps it below the
        # best so far (`chrf_ceiling`) cannot be that run and is not scored
        best: tuple[float, str, int, int] | None = None
        for run in runs[: self.settings.reranked]:
            official = self.run_text(*run)
            if best is not None and chrf_ceiling(text, official) < best[0] - CEILING_MARGIN:
                continue
            chrf = sentence_chrf(text, official)
            if best is None or chrf > best[0]:
                best = (chrf, *run)
        return best

    def _word_f2(self, query: set[str], query_weight: float, run: tuple[str, int, int]) -> float:
        """A cheap stand-in for chrF++ to pre-rank runs: the F-score (recall weighted twice,
        as in chrF) of rare content words. Measured on seed 000 it keeps chrF++'s top run
        among the first four candidates for every segment that has a counterpart."""
        stems, weight = self._run_stems(run)
        return _f2(self._weight_of(query & stems), query_weight, weight)

    def _run_stems(self, run: tuple[str, int, int]) -> tuple[frozenset[str], float]:
        """A run's content stems and their weight, computed once per run for every article."""
        found = self._runs.get(run)
        if found is None:
            doc_id, first, last = run
            stems = frozenset().union(
                *(self._stems[self._by_doc[doc_id][p]] for p in range(first, last + 1))
            )
            found = self._runs[run] = (stems, self._weight_of(stems))
        return found

    def align(self, text: str, *, doc_id: str | None = None) -> Alignment | None:
        """Best official run for `text` (optionally within one document), or None."""
        found = self.candidate(text, doc_id=doc_id)
        if found is None:
            return None
        chrf, run_doc, first, last = found
        chosen = self._shrink(text, self._evidence(text, run_doc, first, last, chrf))
        merged = self._merge_neighbours(text, chosen)
        return merged if merged == chosen else replace(merged, core=chosen)

    def _shrink(self, text: str, best: Alignment) -> Alignment:
        """Drop an end sentence of the run that explains at most one more content word and
        buys little chrF++: a run is only as long as the evidence for it."""
        rule = self.settings
        while best.last > best.first:
            options = [(best.first + 1, best.last), (best.first, best.last - 1)]
            shorter = [
                self._evidence(text, best.doc_id, first, last, 0.0) for first, last in options
            ]
            shorter = [  # words first; chrF++ only for the runs the words allow
                self._with_chrf(text, s)
                for s in shorter
                if best.shared - s.shared < rule.merge_min_shared_gain
            ]
            shorter = [s for s in shorter if best.chrf - s.chrf < rule.merge_max_chrf_loss / 2]
            if not shorter:
                return best
            best = max(shorter, key=lambda s: s.chrf)
        return best

    def _with_chrf(self, text: str, found: Alignment) -> Alignment:
        return replace(found, chrf=sentence_chrf(text, found.official_text))

    def _evidence(self, text: str, doc_id: str, first: int, last: int, chrf: float) -> Alignment:
        official = self.run_text(doc_id, first, last)
        mine, theirs = Counter(self.stems_of(text)), Counter(self.stems_of(official))
        shared = sum((mine & theirs).values())
        return Alignment(
            doc_id=doc_id,
            first=first,
            last=last,
            official_text=official,
            chrf=chrf,
            shared=shared,
            official_recall=shared / max(sum(theirs.values()), 1),
            segment_precision=shared / max(sum(mine.values()), 1),
        )

    def _merge_neighbours(self, text: str, best: Alignment) -> Alignment:
        """Extend the run while a neighbouring official sentence explains more of the segment
        (chrF++ is recall-weighted, so on its own it prefers the shorter run)."""
        rule = self.settings
        count = self.sentence_count(best.doc_id)
        while best.last - best.first + 1 < rule.max_run:
            options = [(best.first - 1, best.last), (best.first, best.last + 1)]
            grown = [
                self._evidence(text, best.doc_id, first, last, 0.0)
                for first, last in options
                if first >= 0 and last < count
            ]
            grown = [  # words first; chrF++ only for the runs the words allow
                self._with_chrf(text, g)
                for g in grown
                if g.segment_precision - best.segment_precision >= rule.merge_min_gain
                and g.shared - best.shared >= rule.merge_min_shared_gain
            ]
            # chrF++ is recall-weighted: a long neighbour costs it even when the segment reports
            # it; a neighbour that explains much of the segment is merged all the same
            grown = [
                g
                for g in grown
                if best.chrf - g.chrf < rule.merge_max_chrf_loss
                or g.segment_precision - best.segment_precision >= rule.merge_sure_gain
            ]
            if not grown:
                return best
            best = max(grown, key=lambda g: g.segment_precision)
        return best
