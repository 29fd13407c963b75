"""Hard-wrapped text (pure): which lines of a text are one paragraph broken by a wrap.

A mail client, an editor or a wire service breaks each paragraph into lines of at most some
width; a scraper keeps each paragraph on one line, or everything on one. Where a text's lines
break must never decide its segments, so a hard-wrapped text's lines are joined back into its
paragraphs before segmentation (`auditor.stages.segment`). A text is hard-wrapped when its
lines break where a greedy wrap at its widest line would: most lines that another follows are
so full that the next line's first word would not have fitted. A line that ends earlier — a
headline, a paragraph's last line, a byline — ends its paragraph.
"""

from __future__ import annotations

import re
from itertools import pairwise

from auditor.settings import SegmentSettings

#: a word as a wrap sees it: between spaces (a no-break space is inside a word)
_WRAP_WORD = re.compile(r"[^ \t]+")


def paragraphs(lines: list[str], settings: SegmentSettings) -> list[tuple[int, int]]:
    """(first, last) line index of each paragraph of a hard-wrapped text, in order, blank
    lines alone; for a text that is not hard-wrapped (`wrapped_min_share` of at least
    `wrapped_min_lines` lines that another follows), each line alone."""
    width = max((len(line.rstrip()) for line in lines), default=0)
    broken = [breaks_before(line, following, width) for line, following in pairwise(lines)]
    # a line ending its paragraph before a blank line is no evidence either way: only lines
    # that another line of text follows count
    followed = sum(1 for line, following in pairwise(lines) if line.strip() and following.strip())
    alone = [(i, i) for i in range(len(lines))]
    if followed < settings.wrapped_min_lines or sum(broken) < settings.wrapped_min_share * followed:
        return alone
    out: list[tuple[int, int]] = []
    for i in range(len(lines)):
        if out and broken[i - 1]:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def breaks_before(line: str, following: str, width: int) -> bool:
    """Whether a greedy wrap at `width` columns broke `line` before `following`'s first word
    (after a hyphen, a word's second part follows without a space)."""
    head = line.rstrip()
    word = _WRAP_WORD.match(following.lstrip(" \t"))
    if not head.strip() or word is None:
        return False
    space = 0 if head.endswith("-") else 1
    return len(head) + space + len(word.group()) > width
