"""The word-level marks of one comparison (pure): the official wording against the words the
audit compared, through the audit's own edit script (`auditor.stages.changes.tokens`) — words
inserted, deleted, replaced or in another form — and each named change labelled on the words
it concerns, or marked where its words are absent. The article side's marks can be moved onto
the article's text as written (`projected`): quotation marks, "he said" and all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from auditor.records import ABSENT, Change
from auditor.settings import ChangeSettings
from auditor.stages.changes.tokens import Token, opcodes, tokenize

#: a look placed on a text: its start and end offsets (equal for a gap) and the part
Decoration = tuple[int, int, "Part"]


@dataclass(frozen=True)
class Part:
    """A run of text with one look."""

    text: str
    mark: str = ""  #: `ins` (only in the article), `del` (only official), `rep`, `form`
    level: str = ""  #: `critical` or `notable`: a named change concerns these words
    label: str = ""  #: the change's type, shown after its words (`modality`)
    title: str = ""  #: the change in full (`modality: must → should`)
    gap: bool = False  #: where absent words would stand (`qualifier: dangerous → ∅`)

    @property
    def css(self) -> str:
        names = [self.mark, "chg " + self.level if self.level else "", "gap" if self.gap else ""]
        return " ".join(n for n in names if n)


@dataclass
class Side:
    """One side of a comparison: its located tokens and their marks."""

    text: str
    tokens: list[tuple[Token, int, int]]
    marks: dict[int, str] = field(default_factory=dict)
    changes: dict[int, tuple[str, str, str]] = field(default_factory=dict)  #: level, label, title
    labelled: set[int] = field(default_factory=set)  #: tokens after which the label shows
    #: before a token (or at the end): level, label and title of a change whose words are absent
    gaps: dict[int, list[tuple[str, str, str]]] = field(default_factory=dict)


def located(text: str) -> list[tuple[Token, int, int]]:
    """The audit's tokens of `text`, each with its character offsets."""
    out = []
    position = 0
    for token in tokenize(text):
        start = text.find(token.text, position)
        if start < 0:
            continue
        out.append((token, start, start + len(token.text)))
        position = start + len(token.text)
    return out


def compare(
    official: str, article: str, changes: Sequence[Change], settings: ChangeSettings
) -> tuple[Side, Side]:
    """The two sides of one comparison, words marked by the edit script and by `changes`."""
    off, art = Side(official, located(official)), Side(article, located(article))
    off_words = [i for i, (t, _, _) in enumerate(off.tokens) if t.is_word]
    art_words = [j for j, (t, _, _) in enumerate(art.tokens) if t.is_word]
    off_tokens = [off.tokens[i][0] for i in off_words]
    art_tokens = [art.tokens[j][0] for j in art_words]
    #: for an official word, the article word position its counterpart stands at
    place: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in opcodes(off_tokens, art_tokens, settings):
        for k, i in enumerate(range(i1, i2)):
            place[i] = min(j1 + k, j2) if tag in ("equal", "replace") else j1
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if off_tokens[i].norm != art_tokens[j].norm:  # dependency → dependence
                    off.marks[off_words[i]] = art.marks[art_words[j]] = "form"
            continue
        off_mark, art_mark = {
            "replace": ("rep", "rep"),
            "delete": ("del", ""),
            "insert": ("", "ins"),
        }[tag]
        for i in range(i1, i2):
            off.marks[off_words[i]] = off_mark
        for j in range(j1, j2):
            art.marks[art_words[j]] = art_mark
    for change in changes:
        title = str(change)
        on_official = _find(change.official, off, off_words)
        on_article = _find(change.article, art, art_words)
        for side, found in ((off, on_official), (art, on_article)):
            for i in found:
                side.changes[i] = (change.level.value, change.type, title)
            if found:
                side.labelled.add(found[-1])
        if on_official and not on_article and change.article == ABSENT:
            word = off_words.index(on_official[0])
            at = place.get(word, len(art_words))
            before = art_words[at] if at < len(art_words) else len(art.tokens)
            art.gaps.setdefault(before, []).append((change.level.value, change.type, title))
        if on_article and not on_official and change.official == ABSENT:
            word = art_words.index(on_article[0])
            at = next((i for i, j in sorted(place.items()) if j >= word), len(off_words))
            before = off_words[at] if at < len(off_words) else len(off.tokens)
            off.gaps.setdefault(before, []).append((change.level.value, change.type, title))
    return off, art


def _find(words: str, side: Side, word_tokens: list[int]) -> list[int]:
    """Token indexes of `words` on one side, preferring an occurrence the edit script
    changed; [] when absent (`∅`) or not found."""
    wanted = [t.norm for t in tokenize(words) if t.is_word] if words != ABSENT else []
    if not wanted:
        return []
    norms = [side.tokens[i][0].norm for i in word_tokens]
    hits = [
        word_tokens[k : k + len(wanted)]
        for k in range(len(norms) - len(wanted) + 1)
        if norms[k : k + len(wanted)] == wanted
    ]
    if not hits:
        return []
    changed = [hit for hit in hits if any(side.marks.get(i) for i in hit)]
    return (changed or hits)[0]


def decorations(side: Side) -> list[Decoration]:
    """(start, end, look) of every marked token and gap of one side, in its own text."""
    out = []
    for i, (token, start, end) in enumerate(side.tokens):
        for level, label, title in side.gaps.get(i, ()):
            out.append((start, start, Part("‸", level=level, label=label, title=title, gap=True)))
        mark, change = side.marks.get(i, ""), side.changes.get(i)
        if mark or change:
            level, label, title = change or ("", "", "")
            shown = label if i in side.labelled else ""
            out.append((start, end, Part(token.text, mark, level, shown, title)))
    end_of_text = len(side.text)
    for level, label, title in side.gaps.get(len(side.tokens), ()):
        gap = Part("‸", level=level, label=label, title=title, gap=True)
        out.append((end_of_text, end_of_text, gap))
    return out


def projected(side: Side, text: str, start: int = 0, end: int | None = None) -> list[Decoration]:
    """The decorations of `side` moved onto the same words in `text[start:end]` (the text as
    written: `side.text` may lack its quotation marks, attribution or quotations)."""
    end = len(text) if end is None else end
    if side.text == text[start:end]:
        return [(a + start, b + start, part) for a, b, part in decorations(side)]
    target = [(t, a, b) for t, a, b in located(text[start:end])]
    mapping: dict[int, int] = {}
    ops = Levenshtein.opcodes([t.norm for t, _, _ in side.tokens], [t.norm for t, _, _ in target])
    for op in ops:
        if op.tag == "equal":
            for k in range(op.src_end - op.src_start):
                mapping[op.src_start + k] = op.dest_start + k
    offsets = {}  # side character offset → text character offset, token by token
    for i, (_, a, b) in enumerate(side.tokens):
        if i in mapping:
            _, ta, tb = target[mapping[i]]
            offsets[(a, b)] = (ta + start, tb + start)
    out = []
    for a, b, part in decorations(side):
        if part.gap:
            following = next(((x, y) for x, y in sorted(offsets) if x >= a), None)
            spot = offsets[following][0] if following else end
            out.append((spot, spot, part))
        elif (a, b) in offsets:
            out.append((*offsets[(a, b)], part))
    return out


def rendered(text: str, marks: Iterable[Decoration]) -> tuple[Part, ...]:
    """`text` as parts: plain between the decorations, runs of like marks joined."""
    parts: list[Part] = []
    position = 0
    for start, end, part in sorted(marks, key=lambda d: (d[0], d[1])):
        if start < position:
            continue  # two decorations on one word: the first wins
        if start > position:
            parts.append(Part(text[position:start]))
        parts.append(part)
        position = end
    if position < len(text):
        parts.append(Part(text[position:]))
    return tuple(_joined(parts))


def _joined(parts: list[Part]) -> list[Part]:
    out: list[Part] = []
    for part in parts:
        if out and not part.css and not out[-1].css and not out[-1].label:
            out[-1] = Part(out[-1].text + part.text)
            continue
        if (
            len(out) >= 2
            and part.css
            and not part.gap
            and not out[-1].css
            and not out[-1].text.strip()
            and _alike(out[-2], part)
        ):
            space = out.pop()
            previous = out.pop()
            out.append(
                Part(
                    previous.text + space.text + part.text,
                    part.mark,
                    part.level,
                    part.label,
                    part.title,
                )
            )
            continue
        out.append(part)
    return out


def _alike(a: Part, b: Part) -> bool:
    return (a.mark, a.level, a.title) == (b.mark, b.level, b.title) and not a.label and not a.gap
