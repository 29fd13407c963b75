"""The data dictionary `reports/README.md`, rendered from `auditor.columns` (pure)."""

from __future__ import annotations

from auditor import __version__
from auditor.reports.columns import FRAGMENTS, GROUPING, QUOTES, SEGMENTS, Column
from auditor.reports.history import RUNS
from auditor.reports.review import DECISIONS, FINDINGS
from auditor.reports.summary import HISTORY, SUMMARY
from auditor.settings import Settings
from auditor.stages.backtranslation import model_identity
from auditor.stages.changes import EDIT_TYPES
from auditor.stages.score import signatures

_INTRO = """\
# Reports of `auditor` — data dictionary

Written by `auditor audit` (version {version}); do not edit by hand, the next audit replaces it.

**To read the results, open `audit.xlsx`** (the columns of the CSVs, a reviewer's first — in
Segments the verdict and the two wordings; numbers are number cells and times are date cells,
so it reads the same in any language setting; its sheet "Read me" repeats this dictionary) or
**`html/index.html`** (every article, and a page per article that marks each change on the
words it concerns). The CSVs are for machines and scripts: a spreadsheet whose decimal
separator is a comma (Turkish, German, French, …) misreads their numbers (0.985 as 985, 12.5
as a date) unless the file is imported with the language English (USA): in LibreOffice, the
Text Import dialog with Character set UTF-8, Separated by Comma and Language English (USA).

Every CSV is UTF-8 with a byte-order mark (Excel keeps Turkish letters) and `\\r\\n` line ends.
A text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
or a carriage return) is written with a leading apostrophe `'`; the rest of the text is kept.
Lists inside one cell are separated by `; `. An empty cell means "does not apply" (for example,
no scores for an article that reports another event).

How to read the CSVs: open `summary.csv` first, one row per article. `status` says whether the
article was compared with an official document (`ok`), reports another event
(`no_official_match`: nothing is scored and no misquote is alleged) or could not be read
(`error`, with the reason in `error`). Then filter `segments.csv` on `article_id` to see each
sentence and quotation beside the official wording it aligns to. `fragments.csv` lists the
text that is not in English.

Untranslated fragments (`status` = `no_model`) need an offline translation package, e.g. for
Turkish: `auditor models install translate-tr_en.argosmodel` (a file you copied) or
`auditor models install tr en --download` (the only command that uses the network).
"""


def _table(columns: list[Column]) -> str:
    lines = ["| column | type | unit | meaning | example |", "|---|---|---|---|---|"]
    for c in columns:
        example = f"`{c.example}`" if c.example else ""
        lines.append(f"| `{c.name}` | {c.type} | {c.unit} | {c.meaning} | {example} |")
    return "\n".join(lines)


_SCORING = """\
## How segments are scored

An article is compared with the official document whose sentences it covers most. It is
`no_official_match` when it aligns to less than {min_coverage:.0%} of that document's sentences
and fewer than {min_quote_share:.0%} of its quotations (of {min_quote_words}+ words) are found: it
reports another event, and nothing in it is scored or called a misquote.

**Quotations** (`kind` = `quote`) are claims of exact words. A quotation over several sentences
is one row per sentence. Each is compared with the span of official wording it claims — the
words of an official sentence outside that span are never counted as dropped. It is `exact`
when its words stand in the official text word for word (case and punctuation aside), and
`strong` when its own words say so: at least {quote_min_word_share:.0%} of them stand there in
order, with {quote_min_shared} content words and {quote_min_run} consecutive words among them (or
{quote_close_word_share:.0%}, with {quote_close_shared} content word and {quote_close_run} in a
row). Otherwise a quotation of {min_quote_words}+ words is `unmatched`, "not found in the
official text", and the note shows the closest official wording with its evidence; shorter
quoted phrases are never called fabricated. Its neighbours' places never find a quotation; a
part of a quotation over several sentences that lies between two found parts, one official
sentence apart, and shares {quote_slot_min_shared} content words with that sentence is shown
beside it as `weak`.

**Sentences** hold the reporter's own words (their quotations cut out); a sentence that is
only its quotations and "he said" is not compared again. A sentence is aligned to one official
sentence or a run of 2–3 consecutive ones: `strong` when its chrF++ is at least {sure_chrf:g}; or
at least {close_chrf:g} with {min_shared} shared content words and half the official words
present; or at least {paraphrase_chrf:g} with {paraphrase_shared} shared content words (reported
speech). `weak` (chrF++ ≥ {neighbour_min_chrf:g}) when it only lies in order between the
official sentences its neighbours align to, next to one of them. On the reporter's words only a
change of meaning is charged: each edit type says how in the table below.

A `weak` alignment is shown but never scored, never charged and never counted as drift.
`category`: `verbatim` when the wording is identical apart from case, punctuation and spacing;
`drift` when chrF++ is below {paraphrase_min_chrf:g} or a critical edit was found;
`paraphrase` otherwise.

Scores are sacrebleu's own; their signatures, and the back-translation classifier's file:

```
{signatures}
```
"""


def edit_types_table() -> str:
    """The table of edit types, written from their records (`auditor.stages.changes`): the
    data dictionary and docs/reference.md show it."""
    lines = [
        "| type | level | what changed | example | on the reporter's own words |",
        "|---|---|---|---|---|",
    ]
    for t in EDIT_TYPES:
        lines.append(
            f"| `{t.name}` | {t.level} | {t.meaning} | `{t.example}` | {t.reported_speech} |"
        )
    return "\n".join(lines)


_REVIEW = """\
## Findings and review decisions

A **finding** is one critical edit, one notable change (a spliced quotation among them) or one
quotation not found in the official text. Its `finding_id` is made of what it is — the article,
the official wording, the kind of segment and the change — never of the run, so it stays the
same while the finding stands. A reviewer confirms or dismisses a finding with `auditor review`
(or by typing `confirmed` or `dismissed` into the Decision column of the workbook's Findings
sheet, or the `decision` column of findings.csv, then `auditor review import FILE`). A
dismissed finding stays in every report, greyed, and leaves every count (`critical_edits`,
`quotes_misquoted`, …), the exit code and `--fail-on`. Decisions are kept in the state and
copied to `decisions.csv` by every run (a state rebuilt takes them back from it); a decision on
an article that changed since is shown as stale, and still applies while its finding stands.

"""


_EDIT_TYPES = """\
## Edit types

`critical_edits` and `notable_changes` name each change as `type: official → article` (`∅`:
absent). A critical edit is a change of what was said — a charge; a notable change is what a
reviewer should see, no charge. A quotation is held to its words; the reporter's own words to
what they mean (last column).

"""


def sections(settings: Settings) -> list[str]:
    """The dictionary's sections after its introduction and before the settings of the audit:
    every CSV's columns, the review, how segments are scored (with `settings`' thresholds) and
    the edit types. `docs/reference.md` is written from them too (`tests/derived_text.py`)."""
    match, verdict = settings.align, settings.verdict
    scoring = _SCORING.format(
        min_coverage=verdict.min_coverage,
        min_quote_share=verdict.min_quote_share,
        min_quote_words=verdict.min_quote_words,
        paraphrase_min_chrf=verdict.paraphrase_min_chrf,
        sure_chrf=match.sure_chrf,
        close_chrf=match.close_chrf,
        min_shared=match.min_shared,
        paraphrase_chrf=match.paraphrase_chrf,
        paraphrase_shared=match.paraphrase_shared,
        neighbour_min_chrf=match.neighbour_min_chrf,
        quote_min_word_share=match.quote_min_word_share,
        quote_min_shared=match.quote_min_shared,
        quote_min_run=match.quote_min_run,
        quote_close_word_share=match.quote_close_word_share,
        quote_close_shared=match.quote_close_shared,
        quote_close_run=match.quote_close_run,
        quote_slot_min_shared=match.quote_slot_min_shared,
        signatures="\n".join(
            f"{k}: {v}"
            for k, v in {
                **signatures(),
                "back-translation classifier": model_identity(settings.backtranslation),
            }.items()
        ),
    )
    return [
        "## summary.csv — one row per article\n\n" + _table(SUMMARY),
        "## segments.csv — one row per segment\n\n" + _table(SEGMENTS),
        "## fragments.csv — one row per segment not in English\n\n" + _table(FRAGMENTS),
        "## history.csv — one row per article each time its result changed\n\n"
        "A run appends a row for an article that is new or whose status or scores changed; "
        "a run in which nothing changed appends none (runs.csv has a row for every run).\n\n"
        + _table(HISTORY),
        "## quotes.csv — one row per official wording × distinct article wording\n\n"
        + GROUPING
        + ". An article's outlet and time come from `corpus/articles.csv` (columns `file`, "
        "`outlet`, `url`, `published`) when it names the article; otherwise the outlet is the "
        "file's name without its extension and the time is when the auditor first saw the "
        "file.\n\n" + _table(QUOTES),
        _REVIEW + "## findings.csv — one row per finding\n\n" + _table(FINDINGS),
        "## decisions.csv — one row per review decision (written by every run)\n\n"
        + _table(DECISIONS),
        "## runs.csv — one row per run\n\n" + _table(RUNS),
        scoring.rstrip(),
        _EDIT_TYPES + edit_types_table(),
    ]


def render(settings: Settings) -> str:
    """Markdown text of the data dictionary for reports produced with `settings`."""
    return (
        "\n\n".join(
            [
                _INTRO.format(version=__version__),
                *sections(settings),
                "## Settings of this audit\n\n```\n" + settings.signature() + "\n```",
            ]
        )
        + "\n"
    )
