"""What a chart costs a page: inline SVG written by auditor/reports/html/charts.py against a
vendored chart library (the README's choice), measured on a reports folder.

    python bench/chart_weight.py REPORTS [--library path/to/uPlot.iife.min.js ...]

For each page of REPORTS/html that holds a chart: its size, the bytes of its <svg> elements,
and the time Python takes to write the charts of the corpus page again. For each library
file given (e.g. uPlot 1.6.32's `dist/uPlot.iife.min.js` and `dist/uPlot.min.css`, from
`npm pack uplot@1.6.32`): its size, raw and gzipped — what every page would carry before any
data, inlined (the pages' Content-Security-Policy lets only their own script and style run).
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", type=Path)
    parser.add_argument("--library", type=Path, nargs="*", default=[])
    args = parser.parse_args()
    html = args.reports / "html"
    print("page\tbytes\tsvg bytes\tcharts")
    for page in sorted(html.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        svgs = re.findall(r"<svg.*?</svg>", text, flags=re.S)
        if svgs:
            size = sum(len(s.encode()) for s in svgs)
            print(f"{page.relative_to(html)}\t{len(text.encode()):,}\t{size:,}\t{len(svgs)}")
    from auditor.reports.html import charts
    from auditor.run.report import _stored_results  # noqa: F401 (the state's results)
    from auditor.store.decisions import Decisions
    from auditor.store.state import State, state_path

    state = State(state_path(args.reports))
    try:
        history = state.history()
        review = Decisions(state.db).review()
    finally:
        state.close()
    clock = time.perf_counter()
    for article_id in {str(r["article_id"]) for r in history}:
        charts.over_runs(charts.series(history, article_id), review.run_at)
    print(f"scores over runs of every article: {time.perf_counter() - clock:.3f} s")
    for library in args.library:
        data = library.read_bytes()
        print(f"{library.name}\t{len(data):,} bytes\t{len(gzip.compress(data)):,} gzipped")


if __name__ == "__main__":
    main()
