"""Plain frozen records that flow between the stages (vocabulary of DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a segment is on the page."""

    TITLE = "title"
    SENTENCE = "sentence"
    QUOTE = "quote"
    FURNITURE = "furniture"


class Role(StrEnum):
    OFFICIAL = "official"
    ARTICLE = "article"


class Status(StrEnum):
    """Outcome of one article's audit."""

    OK = "ok"
    NO_OFFICIAL_MATCH = "no_official_match"
    ERROR = "error"


UNDETERMINED = "und"  # ISO 639-2 code for "language not determined"
ENGLISH = "en"


@dataclass(frozen=True)
class Document:
    """One decoded source file: an official document or an article."""

    doc_id: str  #: path relative to its folder, e.g. `daily-news.txt`
    role: Role
    text: str  #: decoded, NFC-normalised, `\n` line ends
    encoding: str  #: the codec that decoded the bytes
    content_sha256: str  #: hash of the raw bytes, before decoding


@dataclass(frozen=True)
class IngestError:
    """A source file that could not be read as text, with a reason a reviewer understands."""

    doc_id: str
    role: Role
    error: str
    content_sha256: str = ""


@dataclass(frozen=True)
class Segment:
    """One sentence, quotation, title or line of page furniture of a document."""

    index: int  #: position in the document's segment list
    kind: Kind
    text: str
    start: int  #: character offset in `Document.text`
    end: int
    in_sentence: int | None = None  #: for a quote: index of the sentence it stands in
    language: str = UNDETERMINED
    line: int = 1  #: line of the document where the segment starts, from 1
    #: for a quote: index of the first part of its quotation (a quotation over several
    #: sentences is one quote segment per sentence, all with the same `quotation`)
    quotation: int | None = None

    @property
    def is_fragment(self) -> bool:
        """A segment whose language is known and is not English."""
        return self.language not in (ENGLISH, UNDETERMINED)


class Category(StrEnum):
    """How far an article segment's wording is from the official wording."""

    VERBATIM = "verbatim"
    PARAPHRASE = "paraphrase"
    DRIFT = "drift"
    UNMATCHED = "unmatched"
    NOT_SCORED = "not_scored"


class AlignmentStrength(StrEnum):
    """What supports an alignment (DESIGN.md): a weak one never carries a charge."""

    EXACT = "exact"  #: the same words, case and punctuation aside
    STRONG = "strong"  #: its own words are evidence enough
    WEAK = "weak"  #: only its place between aligned neighbours


class NotFound(StrEnum):
    """Why an aligned-for segment has no official counterpart (the `note` says it in words)."""

    QUOTATION = "quotation"  #: a quotation of at least `min_quote_words` words
    PHRASE = "phrase"  #: a shorter quoted phrase: never called fabricated
    COUNTERPART = "counterpart"  #: a sentence of the reporter's


class Level(StrEnum):
    """How much a named change says about the article (DESIGN.md)."""

    CRITICAL = "critical"  #: a change of what was said: a charge a press officer can defend
    NOTABLE = "notable"  #: what a reviewer should see, but no charge


ABSENT = "∅"


@dataclass(frozen=True)
class Change:
    """One named change between the official wording and the article's: its type, the words
    on each side (`∅` when absent) and its level."""

    type: str
    official: str
    article: str
    level: Level = Level.CRITICAL
    #: found through the auditor's own machine translation of a fragment, not the outlet's words
    via_translation: bool = False

    def __str__(self) -> str:
        text = f"{self.type}: {self.official} → {self.article}"
        return f"{text} (via translation)" if self.via_translation else text


class TranslationStatus(StrEnum):
    TRANSLATED = "translated"
    NO_MODEL = "no_model"
    FAILED = "failed"


@dataclass(frozen=True)
class Translation:
    """English of a fragment, and which model produced it."""

    status: TranslationStatus
    text_en: str = ""
    model: str = ""  #: package name and version, e.g. `translate-tr_en 1.9`


@dataclass(frozen=True)
class Place:
    """One part of a spliced quotation: its words, and the official wording they come from."""

    article_text: str
    official_text: str
    official_line: int


@dataclass(frozen=True)
class SegmentResult:
    """One row of `segments.csv`: a segment and everything the audit found about it."""

    segment: Segment
    translation: Translation | None = None  #: only for fragments
    official_id: str = ""
    official_text: str = ""
    official_line: int | None = None  #: line of the official document where `official_text` starts
    bleu: float | None = None
    chrf: float | None = None
    ter: float | None = None
    category: Category = Category.NOT_SCORED
    changes: tuple[Change, ...] = ()  #: critical edits and notable changes, in reading order
    substitutions: tuple[str, ...] = ()
    note: str = ""  #: plain-words explanation, e.g. "quotation not found in the official text"
    alignment: AlignmentStrength | None = None  #: what supports the alignment, when aligned
    not_found: NotFound | None = None  #: why it is `unmatched`, when it is
    #: the English wording that was aligned and scored (its own words, or a fragment's
    #: translation), so later stages never re-derive it
    compared_text: str = ""
    official_roundtrip: str = ""  #: the official wording after en→pivot→en machine translation
    roundtrip_chrf: float | None = None  #: chrF++ of the segment against `official_roundtrip`
    mt_explained: bool | None = None  #: closer to the round trip than to the official wording
    #: a spliced quotation's parts, each with the official wording it comes from, in the
    #: quotation's order (empty for every other segment)
    places: tuple[Place, ...] = ()

    @property
    def critical_edits(self) -> tuple[str, ...]:
        """The changes that are charges, as `type: official → article`."""
        return tuple(str(c) for c in self.changes if c.level is Level.CRITICAL)

    @property
    def notable_changes(self) -> tuple[str, ...]:
        """The changes a reviewer should see that are no charge."""
        return tuple(str(c) for c in self.changes if c.level is Level.NOTABLE)


@dataclass(frozen=True)
class ArticleResult:
    """One row of `summary.csv` plus the article's segment rows."""

    article_id: str
    status: Status
    content_sha256: str
    error: str = ""
    title: str = ""
    language_mix: str = ""
    segments: tuple[SegmentResult, ...] = ()
    official_id: str = ""
    official_coverage: float | None = None
    bleu: float | None = None
    chrf: float | None = None
    ter: float | None = None
    audited_at: str = ""  #: ISO 8601 UTC time of the run that audited it
    backtranslation_score: float | None = None
    backtranslation_evidence: str = ""
    suspected_pivot: str = ""
    #: the back-translation verdict in words ("likely machine translation", "too little text"…)
    backtranslation_verdict: str = ""
    #: 95 % bootstrap intervals of `chrf` and `bleu` over the article's aligned segments
    chrf_ci_low: float | None = None
    chrf_ci_high: float | None = None
    bleu_ci_low: float | None = None
    bleu_ci_high: float | None = None
    #: the codec that decoded the article's bytes (`utf-8`, `cp1254`, `utf-16-le`)
    encoding: str = ""
