"""Every number that can change a finding, in one frozen object per stage.

`Settings` nests one object per stage of the data flow (ingest, language, segment, align,
changes, back-translation, verdict). Its `fingerprint` keys the cache of stored results and its
`signature` is printed in the reports' data dictionary, so a finding can always be traced to
the thresholds that produced it (as sacrebleu's signatures do for a score).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any


@dataclass(frozen=True)
class IngestSettings:
    """Reading source files."""

    #: share of control characters above which a file is called binary
    max_control_char_share: float = 0.01
    #: a source file larger than this (in MB, 10^6 bytes) is not read: `status=error`, "too
    #: large". A news article is 5–50 kB; a 1 MB one costs about a minute of CPU here
    #: (`python bench/large_article.py`), so this bounds how long one file can hold the lock
    max_article_mb: float = 2.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.max_article_mb) and self.max_article_mb > 0):
            raise ValueError(
                f"max_article_mb must be a finite number above 0, not {self.max_article_mb}"
            )

    @property
    def max_article_bytes(self) -> int:
        return int(self.max_article_mb * 1_000_000)


#: Languages the identifier may answer with; restricting the set is what keeps short English
#: lines from being called Maltese or Tagalog (see docs/design.md, "Language identification").
DEFAULT_LANGUAGES = ("en", "tr", "de", "fr", "es", "ru", "it", "pt", "nl", "el", "ar", "uk")


@dataclass(frozen=True)
class LanguageSettings:
    """Identifying the language of each segment."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    #: a line needs this many lowercase (non-name) words before the language model is trusted
    min_words_for_model: int = 3
    #: below this model probability a non-English verdict becomes `und`
    min_language_confidence: float = 0.90


@dataclass(frozen=True)
class SegmentSettings:
    """Splitting a document into title, sentences, quotations and page furniture."""

    #: a title is a short first line without end punctuation, of at most this many words
    title_max_words: int = 30
    #: words a reporting clause needs before a quotation to stand as its own sentence
    reporting_min_words: int = 3
    #: a page's furniture tail holds at least this share of furniture-like lines
    tail_min_share: float = 0.5
    #: a line of at most this many words without end punctuation is label-like
    label_max_words: int = 8
    #: a line of more words is prose, never a furniture marker (furniture lines are short)
    marker_max_words: int = 40
    #: a text is hard-wrapped (its lines joined into paragraphs) when at least this share of
    #: its lines followed by another, and at least `wrapped_min_lines` of them, break where a
    #: greedy wrap at its widest line would
    wrapped_min_share: float = 0.5
    wrapped_min_lines: int = 4


@dataclass(frozen=True)
class AlignSettings:
    """Finding an article segment's official counterpart, and deciding whether it is one."""

    #: chrF++ at or above which the wording alone is evidence enough
    sure_chrf: float = 55.0
    #: chrF++ with at least `min_shared` content words and half the official words present
    close_chrf: float = 40.0
    min_shared: int = 3
    min_official_recall: float = 0.5
    #: chrF++ for a paraphrase that shares many content words (reported speech)
    paraphrase_chrf: float = 30.0
    paraphrase_shared: int = 6
    paraphrase_recall: float = 0.45
    #: weaker candidates need neighbours: a sure match at most this many official sentences
    #: before or after, in the same order as the article
    neighbour_gap: int = 2
    neighbour_min_chrf: float = 20.0
    #: when extending a run by a neighbouring sentence raises the share of the segment's
    #: content words found by this much, and chrF++ falls by less than `merge_max_chrf_loss`,
    #: the segment merges the official sentences (1:n)
    merge_min_gain: float = 0.15
    merge_min_shared_gain: int = 2
    merge_max_chrf_loss: float = 10.0
    #: … or whatever chrF++ loses, when it raises that share by this much (a summary that
    #: reports three official sentences in one)
    merge_sure_gain: float = 0.2
    #: official sentences a run may hold (1:n alignment)
    max_run: int = 3
    #: content words are compared on their first letters (dependency ≈ dependencies)
    stem_length: int = 5
    #: sentences sharing the most word weight that are then ranked by word F-score
    hit_pool: int = 200
    #: a word in more than this share of official sentences (and more than `common_min`) is
    #: too common to look candidates up by, unless the rarer words find too few
    common_share: float = 0.05
    common_min: int = 50
    #: official sentences looked up per segment, and candidate runs scored with chrF++
    hits: int = 6
    reranked: int = 4
    #: a quotation is found on its own words when, in the span it claims, at least
    #: `quote_min_word_share` of its words stand in order, among them `quote_min_shared`
    #: content words and a run of `quote_min_run` consecutive words — or, when most of its
    #: words stand there (`quote_close_word_share`), one content word and a run of
    #: `quote_close_run` — and it skips at most `quote_max_gap_share` of the span's words (a
    #: quotation stitched together from scattered official words skips many) and renders at
    #: least `quote_min_paired_share` of its words one for one (standing on or replacing a span
    #: word: a translation does, a quotation padding a few official words with its own does
    #: not). Calibrated on WMT's TED zh→en MQM data, machine translations of the talks against
    #: their English original (bench/eval_quotes.py; figures in docs/design.md)
    quote_min_word_share: float = 0.4
    quote_min_shared: int = 2
    quote_min_run: int = 3
    quote_close_word_share: float = 0.6
    quote_close_shared: int = 1
    quote_close_run: int = 4
    quote_max_gap_share: float = 0.35
    quote_min_paired_share: float = 0.6
    #: a quotation's words are matched with the official span's on their first letters
    #: ("sanction" ≈ "sanctions", "dependency" ≈ "dependence")
    quote_key_length: int = 6
    #: an unequal word paired with an official word at the edge of a span is kept inside it only
    #: when the two are at least this similar (rapidfuzz ratio, 0–100): another form, not an
    #: added word
    quote_alike_ratio: float = 50.0
    #: a block of function words at the edge of a span ("and", "the") is loose — dropped unless
    #: it anchors the quotation — when the next equal word stands this many official words or
    #: more further on
    quote_loose_gap: int = 2
    #: a quotation not found on its wording is still aligned — *distorted*: the span explains
    #: its content, the quotation changes what it says — on either of two kinds of evidence.
    #: Its words pair one for one with the span's (a word swapped, a "not" dropped): at least
    #: `distorted_word_share` of them stand in order, `distorted_paired_share` stand on or
    #: replace a span word, it skips at most `distorted_max_gap_share` of the span, and
    #: `distorted_shared` of the equal words are content words. Or its content words are the
    #: span's, in both directions, weighted by rarity in the official sentences (a word every
    #: official sentence has is no evidence): at least `distorted_content_cover` of the
    #: quotation's content weight stands in the span and `distorted_span_cover` of the span's
    #: in the quotation. Calibrated on the TED zh→en MQM talks (bench/eval_quotes.py)
    distorted_word_share: float = 0.55
    distorted_paired_share: float = 0.8
    distorted_max_gap_share: float = 0.3
    distorted_shared: int = 2
    distorted_content_cover: float = 0.7
    distorted_span_cover: float = 0.7
    #: a quotation is *spliced* when 2–`splice_max_parts` parts of it, each of at least
    #: `splice_min_part_words` words and found on its own words in one official sentence,
    #: come from official sentences that are not neighbours, the words between the parts are
    #: function words, and together they place `splice_min_gain` more of its words than its
    #: best single span does; `splice_hits` official sentences are tried for the parts
    splice_max_parts: int = 3
    splice_min_part_words: int = 3
    splice_min_gain: int = 3
    splice_hits: int = 8
    #: official sentences looked up for a quotation (each with its neighbours)
    quote_hits: int = 4
    #: a sentence whose words outside its quotations hold at most this many content words
    #: that are not names is only a frame for them ("…,” the minister told journalists."): it is
    #: scored through its quotations, not again
    frame_max_content_words: int = 2
    #: a part of a quotation over several sentences with too little evidence of its own is
    #: shown (weak, never charged) when its neighbouring parts are found one official sentence
    #: apart and it shares this many content words with the sentence between them
    quote_slot_min_shared: int = 2


@dataclass(frozen=True)
class ChangeSettings:
    """Naming what changed between the official wording and the article's."""

    #: words are lined up on their first letters ("dependency" with "dependence")
    key_length: int = 6
    #: a changed region longer than this (in words, either side) is a rewrite: no word in it
    #: is said to have replaced a particular word on the other side
    max_replacement_words: int = 4
    #: digits written right after a letter ("CO2", "km2", "G7") are a symbol's when they are
    #: at most this many: left out or added with it they are no value ("Rs500" is an amount)
    symbol_max_digits: int = 2
    #: a word replaced by one of opposite sentiment is a sentiment edit only as the edit
    #: script's own pair, in a changed place of at most this many words (either side): a
    #: sentiment lexicon is broad, and words of a rewritten place are no pair
    sentiment_max_words: int = 2
    #: official content words left out together, with nothing in their place, are shown as an
    #: omission when they are at least this many (shown in quotations only, where one word
    #: left out is already not what was said; chosen on the MQM calibration halves)
    omission_min_words: int = 1
    #: a removed and an added name at least this similar (rapidfuzz ratio) are one name
    #: re-spelled ("Tchaikovski" / "Tchaikovsky"): an entity edit pairs them
    respelling_min_ratio: float = 60.0
    #: two sentence-initial capitalised words at least this similar are one word's forms
    initial_same_word_ratio: float = 75.0
    #: a name and a demonym share at least this many first letters (Russia / Russian)
    demonym_min_prefix: int = 4
    #: a capitalised word of at most this many letters is read as an abbreviation of a name on
    #: the other side ("USA" / "United States", "KMT" / "Kuomintang")
    abbreviation_max_letters: int = 6
    #: a negative prefix makes an opposite only on a stem of at least this many letters
    #: ("unevaluated" / "evaluated"; not "undo" / "do")
    prefix_min_stem: int = 4
    #: a negator or a diminisher at most this many words before a word turns it toward its
    #: opposite ("not legal" / "illegal", "less safe"): no antonym edit then
    negation_reach: int = 3
    #: a negation is litotes when a word at most this many words after the negator has its
    #: antonym on the other side ("not long after" / "shortly after")
    litotes_reach: int = 3


@dataclass(frozen=True)
class BacktranslationSettings:
    """Weights and floors of the back-translation evidence (calibrated: see markers.py)."""

    #: the statistics (weak signals) together add at most this to the score's total (alone:
    #: a score of 1 − e^−0.5 = 0.39), and never lift a score to 0.5: that needs artefacts
    #: that make 0.5 alone (markers.py)
    weak_cap: float = 0.5
    #: the highest score an article reaches without artefacts that make 0.5 alone (the weak
    #: statistics lift a score towards 0.5, never across it)
    weak_max_score: float = 0.499
    #: function-word profile (0: the average human translation into English, about +1: the
    #: average MT output, about −0.8: native English news) at which the signal starts, the
    #: span to its full strength, and the fewest words it is read on
    profile_floor: float = -1.0
    profile_span: float = 4.0
    profile_min_words: int = 100
    #: share of sentences with a spaced hyphen (`talks - and`) at which that signal is full
    dash_span: float = 0.2
    #: MATTR-50 below this is low lexical variety, at full strength `mattr_span` lower
    mattr_floor: float = 0.84
    mattr_span: float = 0.10
    mattr_window: int = 50
    #: share of sentences opening with an -ing participle above which it is a habit, at full
    #: strength `participle_span` higher
    participle_floor: float = 0.10
    participle_span: float = 0.10
    #: share of sentences opening with one connective above which it is a habit, at full
    #: strength `connective_span` higher, read on at least `connective_min_sentences` sentences
    connective_floor: float = 0.25
    connective_span: float = 0.10
    connective_min_sentences: int = 5
    #: a rate's denominator is at least this many sentences
    min_rate_sentences: int = 20
    #: artefacts
    weight_double_attribution: float = 1.0
    weight_orphan_tails: float = 1.0
    weight_participle_that: float = 0.5
    weight_calques: float = 0.5
    weight_odd_punctuation: float = 0.5
    weight_stray_quotes: float = 0.5
    weight_lowercase_starts: float = 0.5
    #: statistics
    weight_function_word_profile: float = 0.5
    weight_spaced_hyphens: float = 0.25
    weight_lexical_poverty: float = 0.1
    weight_participle_openers: float = 0.5
    weight_repeated_connective: float = 0.3
    #: round-trip chrF++ from which the round trip through the suspected pivot is named a sign
    #: of machine translation (a second signal beside the probability, not calibrated)
    round_trip_floor: float = 60.0
    #: probability from which official sentences are round-tripped through the suspected pivot
    #: to see whether machine translation explains the drift (with "too little text": always).
    #: 0: every article with a suspected pivot, the round trip being a second signal beside
    #: the probability rather than a check of it
    mt_explain_min_score: float = 0.0
    #: the back-translation verdict (classifier.py): the trained model's parameters (a file of
    #: auditor/data/), the fewest English sentences it is given a probability on (below:
    #: "too little text"; its held-out figures are for documents of 10 sentences or more),
    #: the probabilities from which machine translation is "likely" or "possible" (possible:
    #: the lowest probability from 0.5 that at most 2 % of the held-out native English of the
    #: calibration half reaches, bench/train_backtranslation.py; the probability itself stays
    #: calibrated, the charge is made where it is rarely false), and how many of the features
    #: that moved the probability most the evidence names
    classifier_file: str = "mt_classifier.json"
    classifier_min_sentences: int = 10
    verdict_likely: float = 0.8
    verdict_possible: float = 0.64
    evidence_features: int = 4


@dataclass(frozen=True)
class VerdictSettings:
    """Whether an article reports an official document, and how far a segment drifted."""

    #: a quotation shorter than this many words is a quoted phrase, never called fabricated
    min_quote_words: int = 5
    #: an article reports an official document when it aligns to at least this share of the
    #: document's sentences (seed 000: 0.57; the three other-event seeds: at most 0.13) …
    min_coverage: float = 0.2
    #: … or when at least this share of its quotations align (a short article quoting a long
    #: transcript covers little of it; seed 000: 1.0, seeds 002–004: at most 0.2)
    min_quote_share: float = 0.5
    #: … or when at least this share of its compared sentences and quotations are found there
    #: (an agency report paraphrasing a few sentences of a long transcript, without quoting:
    #: the seed reporting the event 0.70; the three other-event seeds at most 0.15), counting
    #: at least `min_found_segments` of them
    min_article_share: float = 0.35
    min_found_segments: int = 3
    #: an aligned segment below this chrF++, or with a critical edit, is `drift`
    paraphrase_min_chrf: float = 60.0


@dataclass(frozen=True)
class ScoreSettings:
    """How sure an article's scores are: the bootstrap behind `chrf_ci_*` and `bleu_ci_*`."""

    #: resamples of the article's aligned segments (sacrebleu's paired bootstrap uses 1,000)
    bootstrap_samples: int = 1000
    #: numpy seed of the resampling (sacrebleu's default SACREBLEU_SEED), so a re-run of an
    #: unchanged article gives the same interval
    bootstrap_seed: int = 12345


@dataclass(frozen=True)
class Settings:
    """Thresholds and switches that change what the audit finds, one object per stage."""

    ingest: IngestSettings = field(default_factory=IngestSettings)
    language: LanguageSettings = field(default_factory=LanguageSettings)
    segment: SegmentSettings = field(default_factory=SegmentSettings)
    align: AlignSettings = field(default_factory=AlignSettings)
    changes: ChangeSettings = field(default_factory=ChangeSettings)
    backtranslation: BacktranslationSettings = field(default_factory=BacktranslationSettings)
    verdict: VerdictSettings = field(default_factory=VerdictSettings)
    score: ScoreSettings = field(default_factory=ScoreSettings)

    def fingerprint(self) -> str:
        """Short stable hash of every setting; changes whenever a result could change."""
        payload = json.dumps(asdict(self), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def signature(self) -> str:
        """Human-readable `stage.key:value|…` record of every setting, printed with scores."""
        return "|".join(f"{key}:{value}" for key, value in _flat(self))


def _flat(obj: Any, prefix: str = "") -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for f in fields(obj):
        value = getattr(obj, f.name)
        if is_dataclass(value):
            out.extend(_flat(value, f"{prefix}{f.name}."))
        elif isinstance(value, tuple):
            out.append((prefix + f.name, ",".join(map(str, value))))
        else:
            out.append((prefix + f.name, str(value)))
    return out
