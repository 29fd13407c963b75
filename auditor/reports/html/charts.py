"""Pictures of the corpus (pure): inline SVG written here, from the reports' own data.

The pages allow no script or style but their own (Content-Security-Policy), load nothing and
must print: so a chart is SVG markup inside the page — shapes with classes that the page's
stylesheet colours, `<title>` elements for the tooltips, text that prints and can be selected
— never a script that draws on a canvas. Measured against a vendored chart library in
`bench/RESULTS.md` (docs/design.md says why).

Three pictures: the substitutions that recur across outlets (`recurring`), drift per outlet
(`by_outlet`), and an article's scores over the runs that changed them (`over_runs`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Any

from markupsafe import Markup, escape

from auditor.reports import layout
from auditor.reports.findings import CRITICAL, DISMISSED, Decided, Finding
from auditor.reports.summary import ArticleSummary

WIDTH = 880  #: pixels of a chart's drawing (it scales with the page)
ROW = 24  #: pixels per bar
LABEL = 330  #: pixels for the labels left of the bars
#: a label's width against the workbook's measure of text (`layout.text_pixels`, Arial 10 pt):
#: the charts' 12 px system-ui is DejaVu Sans on Linux, up to ~15 % wider than Arial a glyph
#: (digits 0.636 em against 0.556)
LABEL_SCALE = 12 / (layout.FONT_SIZE * layout.PIXELS_PER_POINT) * 1.15
#: at most this many bars in one chart (the rest are counted below it)
MAX_BARS = 20


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  #: the value as written at the bar's end
    css: str = ""  #: `critical`, `notable`, …
    title: str = ""  #: the tooltip
    link: str = ""


def bars(items: Sequence[Bar], top: float | None = None, caption: str = "") -> Markup:
    """A horizontal bar chart: a label, a bar as long as its value, the value written after."""
    shown = list(items[:MAX_BARS])
    if not shown:
        return Markup("")
    top = top or max(b.value for b in shown) or 1.0
    room = WIDTH - LABEL - 150
    height = ROW * len(shown) + 8
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{escape(caption)}">'
    ]
    for n, bar in enumerate(shown):
        y = n * ROW + 4
        length = max(1.0, room * bar.value / top) if bar.value > 0 else 0.0
        label = _fit(bar.label, LABEL - 8)
        text = (
            f'<text class="label" x="{LABEL - 8}" y="{y + 15}" text-anchor="end">'
            f"{escape(label)}</text>"
        )
        if bar.link:
            text = f'<a href="{escape(bar.link)}">{text}</a>'
        parts.append(
            f'<g class="bar {escape(bar.css)}"><title>{escape(bar.title or bar.label)}</title>'
            f"{text}"
            f'<rect x="{LABEL}" y="{y + 3}" width="{length:.1f}" height="{ROW - 8}" rx="2"/>'
            f'<text class="value" x="{LABEL + length + 6:.1f}" y="{y + 15}">'
            f"{escape(bar.shown)}</text></g>"
        )
    parts.append("</svg>")
    more = len(items) - len(shown)
    if more > 0:
        parts.append(f'<p class="note">and {more:,} more</p>')
    return Markup("".join(parts))


def _fit(text: str, pixels: float) -> str:
    """`text`, cut with "…" where it would grow past `pixels` of a chart's label."""
    if layout.text_pixels(text) * LABEL_SCALE <= pixels:
        return text
    while text and layout.text_pixels(text + "…") * LABEL_SCALE > pixels:
        text = text[:-1]
    return text + "…"


# ---------------------------------------------------------------- the corpus's pictures


def recurring(
    findings: Iterable[Finding],
    decided: Mapping[str, Decided],
    outlets: Mapping[str, str],
    pages: Mapping[str, str],
) -> list[Bar]:
    """The changes (critical edits and word substitutions) that more than one article makes,
    by how many outlets make them: a wording that travels. A dismissed finding is left out."""
    carried: dict[str, tuple[set[str], set[str], str, str]] = {}
    for f in findings:
        if f.type in ("spliced", "unmatched") or _dismissed(f, decided):
            continue
        arts, outs, _, _ = carried.setdefault(f.text, (set(), set(), f.level, f.article_id))
        arts.add(f.article_id)
        outs.add(outlets.get(f.article_id, f.article_id))
    counted = {
        text: (len(arts), outs, level, first)
        for text, (arts, outs, level, first) in carried.items()
    }
    return recurring_bars(counted, pages.get)


def recurring_bars(
    carried: Mapping[str, tuple[int, set[str], str, str]], page: Callable[[str], str | None]
) -> list[Bar]:
    """`recurring`'s bars from its counts: change → (articles, outlets, level, first article);
    `page`: an article's proof page."""
    ranked = sorted(
        ((text, v) for text, v in carried.items() if v[0] > 1),
        key=lambda item: (-len(item[1][1]), -item[1][0], item[1][2] != CRITICAL, item[0]),
    )
    return [
        Bar(
            text,
            len(outs),
            f"{len(outs)} outlet{'s' if len(outs) != 1 else ''}, {arts} articles",
            "critical" if level == CRITICAL else "notable",
            f"{text}: in {arts} articles of {len(outs)} outlets ({', '.join(sorted(outs)[:8])})",
            page(first) or "",
        )
        for text, (arts, outs, level, first) in ranked
    ]


def by_outlet(summaries: Iterable[ArticleSummary], outlets: Mapping[str, str]) -> list[Bar]:
    """Each outlet's drift: 100 − the mean closeness (chrF++) of its compared articles, with its
    critical edits per article (dismissed ones left out)."""
    per: dict[str, tuple[list[float], list[int]]] = {}
    for s in summaries:
        if s.chrf is not None:
            chrf, critical = per.setdefault(outlets.get(s.article_id, s.article_id), ([], [0]))
            chrf.append(s.chrf)
            critical[0] += s.critical_edits or 0
    return outlet_bars(per)


def outlet_bars(per: Mapping[str, tuple[Sequence[float], Sequence[int]]]) -> list[Bar]:
    """`by_outlet`'s bars from each outlet's chrF++ values and its sum of critical edits."""
    out = []
    for outlet, (values, critical_sum) in per.items():
        closeness = fmean(values)
        critical = critical_sum[0] / len(values)
        out.append(
            Bar(
                f"{outlet} ({len(values)} article{'s' if len(values) != 1 else ''})",
                100 - closeness,
                f"drift {100 - closeness:.0f} · {critical:.1f} critical edits per article",
                "critical" if critical else "",
                f"{outlet}: mean closeness (chrF++) {closeness:.1f} of 100 over {len(values)} "
                f"compared articles; {critical:.2f} critical edits per article",
            )
        )
    return sorted(out, key=lambda b: (-b.value, b.label))


# ---------------------------------------------------------------- scores over runs

#: the scores drawn over runs: history column, label, css class
SCORES = (("chrf", "closeness (chrF++)", "chrf"), ("bleu", "BLEU", "bleu"))
LINE_HEIGHT = 150
LINE_WIDTH = 420


def series(history: Iterable[Mapping[str, Any]], article_id: str) -> list[Mapping[str, Any]]:
    """An article's rows of history.csv, oldest first."""
    rows = [r for r in history if r.get("article_id") == article_id]
    return sorted(rows, key=lambda r: str(r.get("run_at", "")))


def over_runs(rows: Sequence[Mapping[str, Any]], last_run: str = "", caption: str = "") -> Markup:
    """An article's closeness and BLEU at each run that changed its result, held until the
    next one (history.csv has a row only when a result changed), up to `last_run`."""
    points = [r for r in rows if any(r.get(name) is not None for name, _, _ in SCORES)]
    if not points:
        return Markup("")
    times = [str(r["run_at"]) for r in points]
    end = max([*times, last_run])
    span = len(times) if end == times[-1] else len(times) + 1
    left, right, top, bottom = 36, 12, 10, 34
    room_x = LINE_WIDTH - left - right
    room_y = LINE_HEIGHT - top - bottom

    def x(n: int) -> float:
        return left + (room_x * n / max(span - 1, 1))

    def y(value: float) -> float:
        return top + room_y * (1 - min(max(value, 0.0), 100.0) / 100)

    parts = [
        f'<svg class="chart runs" viewBox="0 0 {LINE_WIDTH} {LINE_HEIGHT}" width="{LINE_WIDTH}" '
        f'role="img" aria-label="{escape(caption)}">'
    ]
    for level in (0, 50, 100):
        parts.append(
            f'<line class="grid" x1="{left}" x2="{LINE_WIDTH - right}" y1="{y(level):.1f}" '
            f'y2="{y(level):.1f}"/><text class="tick" x="{left - 4}" y="{y(level) + 4:.1f}" '
            f'text-anchor="end">{level}</text>'
        )
    for name, label, css in SCORES:
        steps = []
        for n, row in enumerate(points):
            value = row.get(name)
            if value is None:
                continue
            following = n + 1 if n + 1 < len(points) else span - 1
            steps.append((n, following, float(value), str(row["run_at"])))
        if not steps:
            continue
        path = " ".join(
            f"{'M' if k == 0 else 'L'}{x(a):.1f},{y(v):.1f} L{x(b):.1f},{y(v):.1f}"
            for k, (a, b, v, _) in enumerate(steps)
        )
        parts.append(f'<path class="line {css}" d="{path}"><title>{escape(label)}</title></path>')
        for a, _, value, at in steps:
            parts.append(
                f'<circle class="dot {css}" cx="{x(a):.1f}" cy="{y(value):.1f}" r="3.5">'
                f"<title>{escape(label)} {value:.1f} from the run of {escape(at)}</title></circle>"
            )
    first, last = times[0][:10], end[:10]
    parts.append(
        f'<text class="tick" x="{left}" y="{LINE_HEIGHT - 16}">{escape(first)}</text>'
        f'<text class="tick" x="{LINE_WIDTH - right}" y="{LINE_HEIGHT - 16}" '
        f'text-anchor="end">{escape(last)}</text>'
    )
    legend_x = left
    for _, label, css in SCORES:
        parts.append(
            f'<rect class="key {css}" x="{legend_x}" y="{LINE_HEIGHT - 10}" width="10" '
            f'height="4"/><text class="tick" x="{legend_x + 14}" y="{LINE_HEIGHT - 5}">'
            f"{escape(label)}</text>"
        )
        legend_x += 150
    parts.append("</svg>")
    return Markup("".join(parts))


def moved(history: Iterable[Mapping[str, Any]]) -> list[tuple[str, float]]:
    """The articles whose closeness changed over runs, most first: (article id, change)."""
    per: dict[str, list[Mapping[str, Any]]] = {}
    for row in sorted(history, key=lambda r: str(r.get("run_at", ""))):
        per.setdefault(str(row["article_id"]), []).append(row)
    return moved_of(per.values())


def moved_of(
    by_article: Iterable[Sequence[Mapping[str, Any]]], top: int | None = None
) -> list[tuple[str, float]]:
    """`moved` from each article's rows (oldest first), one article at a time; `top`: keep
    only that many (the chart's), never a row per article."""
    out: list[tuple[str, float]] = []
    for rows in by_article:
        v = [float(r["chrf"]) for r in rows if r.get("chrf") is not None]
        if len(v) > 1 and max(v) != min(v):
            out.append((str(rows[0]["article_id"]), v[-1] - v[0]))
            if top is not None and len(out) > 2 * top:
                out = sorted(out, key=_moved_order)[:top]
    return sorted(out, key=_moved_order)[:top]


def _moved_order(item: tuple[str, float]) -> tuple[float, str]:
    return (-abs(item[1]), item[0])


def _dismissed(f: Finding, decided: Mapping[str, Decided]) -> bool:
    d = decided.get(f.finding_id)
    return d is not None and d.decision == DISMISSED
