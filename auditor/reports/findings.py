"""Findings (pure): what a reviewer decides about, each with a stable finding id.

A finding is one critical edit, one notable change (a spliced quotation among them) or one
quotation not found in the official text (DESIGN.md). Its id is made of what it is — the
article, the official wording it concerns, the kind of segment and the change — never of the
run or of the segment's position, so an article re-audited unchanged, or edited elsewhere,
keeps its findings' ids and the reviewer's decisions on them (`auditor.store.decisions`).

A quotation over several sentences is one quote segment per sentence: when no part of it is
found, that is one finding for the whole quotation, not one per sentence.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # an unchanged run counts stored findings without the records
    from auditor.records import ArticleResult, SegmentResult

#: the categories of a compared segment (`auditor.records.Category`, a StrEnum)
ALIGNED = ("verbatim", "paraphrase", "drift")
CRITICAL, UNMATCHED, NOTABLE = "critical", "unmatched", "notable"
#: most serious first: a charge, then a quotation possibly never said, then what to see
LEVELS = (CRITICAL, UNMATCHED, NOTABLE)
LEVEL_WORDS = {
    CRITICAL: "critical edit",
    UNMATCHED: "quotation not found",
    NOTABLE: "notable change",
}
NOT_FOUND_TEXT = "quotation not found in the official text"
#: characters of a finding id (hex of SHA-256): 40 bits, unique among millions of findings
ID_LENGTH = 10
CONFIRMED, DISMISSED = "confirmed", "dismissed"
DECISIONS = (CONFIRMED, DISMISSED)


@dataclass(frozen=True)
class Finding:
    """One finding of one article: what it says, and where it stands in both texts."""

    finding_id: str
    article_id: str
    level: str  #: `critical`, `unmatched` or `notable` (`LEVELS`)
    type: str  #: the edit type (`negation`, `spliced`, …) or `unmatched`
    text: str  #: as the reports list it: `negation: not → ∅`
    segments: tuple[int, ...]  #: the segment(s) it concerns, the first one leading
    kind: str  #: `quote`, `sentence` or `title`
    line: int  #: the article's line (paragraph) where it stands, from 1
    sentence: int  #: the sentence of that line, from 1
    last_sentence: int  #: for a quotation over several sentences: its last sentence
    quoted: str  #: the article's words: the quotation, or the sentence
    official_id: str = ""
    official_line: int | None = None
    official_text: str = ""
    #: a critical edit of a quotation compared with the official wording: it makes the
    #: quotation `misquoted`
    misquote: bool = False
    via_translation: bool = False

    @property
    def where(self) -> str:
        """`line 5, sentence 2` (or `sentences 2–4`), in the article."""
        if self.last_sentence > self.sentence:
            return f"line {self.line}, sentences {self.sentence}–{self.last_sentence}"
        return f"line {self.line}, sentence {self.sentence}"

    @property
    def severity(self) -> int:
        return LEVELS.index(self.level)


def finding_id(*parts: object) -> str:
    """The id of a finding from what it is (the parts are joined unambiguously)."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_LENGTH]


def findings_of(article: ArticleResult) -> list[Finding]:
    """The findings of one article, in reading order (only a compared article has any: one
    that reports another event, or could not be read, is charged with nothing)."""
    from auditor.records import Kind, Level, NotFound, Status

    if article.status is not Status.OK:
        return []
    rows = article.segments
    places = sentence_places(rows)
    by_index = {r.segment.index: r for r in rows}
    out: list[tuple[tuple[object, ...], Finding]] = []
    unmatched: dict[int, list[SegmentResult]] = {}
    for result in rows:
        segment = result.segment
        if segment.kind is Kind.QUOTE and result.not_found is NotFound.QUOTATION:
            first = segment.quotation if segment.quotation is not None else segment.index
            unmatched.setdefault(first, []).append(result)
            continue
        line, sentence = places[segment.index]
        misquotable = (
            segment.kind is Kind.QUOTE
            and result.category in ALIGNED
            and any(c.level is Level.CRITICAL for c in result.changes)
        )
        for change in result.changes:
            level = CRITICAL if change.level is Level.CRITICAL else NOTABLE
            key: tuple[object, ...] = (
                article.article_id,
                result.official_id,
                result.official_text,
                segment.kind.value,
                change.type,
                change.official,
                change.article,
                change.via_translation,
            )
            out.append(
                (
                    key,
                    Finding(
                        "",
                        article.article_id,
                        level,
                        change.type,
                        str(change),
                        (segment.index,),
                        segment.kind.value,
                        line,
                        sentence,
                        sentence,
                        _words(result),
                        result.official_id,
                        result.official_line,
                        result.official_text,
                        misquote=misquotable and level == CRITICAL,
                        via_translation=change.via_translation,
                    ),
                )
            )
    for parts in unmatched.values():
        line, sentence = places[parts[0].segment.index]
        last_line, last_sentence = places[parts[-1].segment.index]
        quoted = " ".join(_words(p) for p in parts)
        key = (
            article.article_id,
            "",
            "",
            Kind.QUOTE.value,
            UNMATCHED,
            _normal(quoted),
        )
        finding = Finding(
            "",
            article.article_id,
            UNMATCHED,
            UNMATCHED,
            NOT_FOUND_TEXT,
            tuple(p.segment.index for p in parts),
            Kind.QUOTE.value,
            line,
            sentence,
            last_sentence if last_line == line else sentence,
            quoted,
        )
        out.append((key, finding))
    out.sort(key=lambda pair: (by_index[pair[1].segments[0]].segment.start, pair[1].segments[0]))
    return _with_ids(out)


def _with_ids(keyed: list[tuple[tuple[object, ...], Finding]]) -> list[Finding]:
    """Each finding with its id; a finding that repeats (the same change of the same official
    wording twice in one article) gets its occurrence in the id, in reading order."""
    seen: Counter[tuple[object, ...]] = Counter()
    out = []
    for key, finding in keyed:
        seen[key] += 1
        occurrence = seen[key]
        parts = key if occurrence == 1 else (*key, f"#{occurrence}")
        out.append(replace(finding, finding_id=finding_id(*parts)))
    return out


def _words(result: SegmentResult) -> str:
    """The article's words of a segment: its text (a fragment's English beside it is the
    translation's, never the outlet's)."""
    return result.segment.text


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def sentence_places(rows: Sequence[SegmentResult]) -> dict[int, tuple[int, int]]:
    """Segment index → (line, sentence of that line from 1): a quotation stands in the
    sentence that holds it."""
    from auditor.records import Kind

    ordinal: dict[int, int] = {}
    count: Counter[int] = Counter()
    for result in sorted(rows, key=lambda r: r.segment.start):
        segment = result.segment
        if segment.kind is not Kind.QUOTE:
            count[segment.line] += 1
            ordinal[segment.index] = count[segment.line]
    places = {}
    sentences = sorted(
        (r.segment for r in rows if r.segment.kind is not Kind.QUOTE), key=lambda s: s.start
    )
    for result in rows:
        segment = result.segment
        holder = segment.in_sentence if segment.in_sentence in ordinal else None
        if holder is None and segment.kind is Kind.QUOTE:
            before = [s for s in sentences if s.start <= segment.start and s.line == segment.line]
            holder = before[-1].index if before else None
        if holder is None:
            places[segment.index] = (segment.line, ordinal.get(segment.index, 1))
        else:
            places[segment.index] = (segment.line, ordinal[holder])
    return places


# ---------------------------------------------------------------- decisions


@dataclass(frozen=True)
class Decided:
    """A reviewer's decision as the reports show it."""

    decision: str  #: `confirmed` or `dismissed`
    note: str = ""
    reviewer: str = ""
    decided_at: str = ""
    #: the article changed since the decision (the finding itself did not: same id)
    stale: bool = False

    def __str__(self) -> str:
        who = f" by {self.reviewer}" if self.reviewer else ""
        when = f" on {self.decided_at[:10]}" if self.decided_at else ""
        note = f": {self.note}" if self.note else ""
        stale = " (article changed since)" if self.stale else ""
        return f"{self.decision}{who}{when}{note}{stale}"


@dataclass(frozen=True)
class Decision:
    """One reviewer's decision on one finding, as the state keeps it."""

    finding_id: str
    article_id: str
    decision: str  #: `confirmed` or `dismissed`
    note: str
    reviewer: str
    decided_at: str  #: ISO 8601 UTC
    content_sha256: str  #: the article's bytes when the decision was taken
    finding: str  #: what was decided about, in words (the finding may later be gone)

    def shown(self, content_sha256: str | None) -> Decided:
        """As the reports show it, against the article's current hash (None: unknown)."""
        stale = content_sha256 is not None and content_sha256 != self.content_sha256
        return Decided(self.decision, self.note, self.reviewer, self.decided_at, stale)


def describe(finding: Finding) -> str:
    """A finding in words, kept with a decision: `negation: not → ∅ · line 5, sentence 2 ·
    “We see China as an adversary”`."""
    quoted = finding.quoted if len(finding.quoted) <= 160 else finding.quoted[:159] + "…"
    return f"{finding.text} · {finding.where} · “{quoted}”"


# ---------------------------------------------------------------- counts


@dataclass(frozen=True)
class FindingCounts:
    """Findings of a run counted as the exit code, the JSON line and the reports count them:
    a dismissed finding is out of every count but `dismissed`."""

    critical: int = 0  #: critical edits not dismissed
    misquoted: int = 0  #: quotations with a critical edit not dismissed
    unmatched: int = 0  #: quotations not found, not dismissed
    notable: int = 0  #: notable changes not dismissed
    new: int = 0  #: findings not present in the previous run, not decided
    new_critical: int = 0  #: of those, critical edits: what a scheduled run alerts on
    confirmed: int = 0
    dismissed: int = 0

    def __add__(self, other: FindingCounts) -> FindingCounts:
        """The counts of two sets of articles (a run counts a batch of articles at a time)."""
        return FindingCounts(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(FindingCounts))
        )

    def as_json(self) -> dict[str, int]:
        return {
            "critical": self.critical,
            "misquoted": self.misquoted,
            "unmatched": self.unmatched,
            "new": self.new,
            "new_critical": self.new_critical,
            "confirmed": self.confirmed,
            "dismissed": self.dismissed,
        }


@dataclass(frozen=True)
class Tally:
    """What a finding adds to the counts: enough to count without the article's results (an
    unchanged run reads these from the state)."""

    finding_id: str
    article_id: str
    level: str
    type: str
    segments: tuple[int, ...]
    misquote: bool

    @classmethod
    def of(cls, finding: Finding) -> Tally:
        return cls(
            finding.finding_id,
            finding.article_id,
            finding.level,
            finding.type,
            finding.segments,
            finding.misquote,
        )


def count(
    tallies: Iterable[Tally],
    decisions: Mapping[str, Decided],
    previous: Container[str] | None = None,
) -> FindingCounts:
    """The counts of findings under the decisions; `previous`: the ids of the previous run's
    findings (None: there was none, so every finding is new)."""
    critical = unmatched = notable = new = new_critical = confirmed = dismissed = 0
    misquoted: set[tuple[str, int]] = set()
    for t in tallies:
        decided = decisions.get(t.finding_id)
        if decided is not None and decided.decision == DISMISSED:
            dismissed += 1
            continue
        if decided is not None:
            confirmed += 1
        elif previous is None or t.finding_id not in previous:
            new += 1
            new_critical += t.level == CRITICAL
        if t.level == CRITICAL:
            critical += 1
            if t.misquote:
                misquoted.add((t.article_id, t.segments[0]))
        elif t.level == UNMATCHED:
            unmatched += 1
        else:
            notable += 1
    return FindingCounts(
        critical, len(misquoted), unmatched, notable, new, new_critical, confirmed, dismissed
    )


def in_severity_order(findings: Iterable[Finding]) -> list[Finding]:
    """Critical edits first, then quotations not found, then notable changes; each in reading
    order."""
    return sorted(findings, key=lambda f: f.severity)


def groups(findings: Sequence[Finding]) -> list[list[Finding]]:
    """Findings that say the same (same level and text), most serious first: one entry of a
    findings list with every place it stands."""
    by_text: dict[tuple[str, str], list[Finding]] = {}
    for finding in in_severity_order(findings):
        by_text.setdefault((finding.level, finding.text), []).append(finding)
    return list(by_text.values())


def is_dismissed(finding_id: str, decisions: Mapping[str, Decided]) -> bool:
    decided = decisions.get(finding_id)
    return decided is not None and decided.decision == DISMISSED
