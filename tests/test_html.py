"""reports/html/: the proof of each article (pure) and the pages as written (static, escaped)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.records import Change, Level
from auditor.reports.html import INDEX, page_path
from auditor.reports.html.marks import Part, compare, decorations, rendered
from auditor.settings import ChangeSettings
from tests.conftest import HOSTILE, HOSTILE_LINES

TURKISH = "turkish-outlet-2022-11-30-bucharest-press-conference.txt"
CYPRUS = "cyprus-outlet-2022-11-29-aspen-gmf-forum-speech.txt"


class Elements(HTMLParser):
    """Every element's tag, attributes and own text, and the text of every script."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self.stack: list[list[str]] = []
        self.scripts: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text: list[str] = []
        self.elements.append((tag, {k: v or "" for k, v in attrs}, text))
        self.in_script = tag == "script"
        if tag not in ("meta", "br", "input", "link"):
            self.stack.append(text)

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False
        if self.stack and tag not in ("meta", "br", "input", "link"):
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts.append(data)
        for text in self.stack:
            text.append(data)

    def having(self, css: str, within: str = "proof") -> list[tuple[dict[str, str], str]]:
        """Elements after the one with id `within` (the proof table, not the legend above it)
        whose class list holds every class of `css` ("quote misquoted")."""
        wanted = set(css.split())
        start = next((i for i, (_, a, _) in enumerate(self.elements) if a.get("id") == within), 0)
        return [
            (attrs, "".join(text))
            for _, attrs, text in self.elements[start:]
            if wanted <= set(attrs.get("class", "").split())
        ]


def _page(reports: Path, article_id: str) -> tuple[str, Elements]:
    html = (reports / "html" / page_path(article_id)).read_text(encoding="utf-8")
    parsed = Elements()
    parsed.feed(html)
    return html, parsed


def _side(official: str, article: str, *changes: Change) -> tuple[tuple[Part, ...], ...]:
    off, art = compare(official, article, changes, ChangeSettings())
    return rendered(off.text, decorations(off)), rendered(art.text, decorations(art))


def _marked(parts: tuple[Part, ...]) -> list[tuple[str, str, str]]:
    return [(p.text, p.css, p.label) for p in parts if p.css]


# ---------------------------------------------------------------- the word-level diff


def test_a_replaced_word_is_marked_on_both_sides_with_its_change() -> None:
    official, article = _side(
        "But we must not underestimate Russia.",
        "But we should not underestimate Russia.",
        Change("modality", "must", "should"),
    )
    assert _marked(official) == [("must", "rep chg critical", "modality")]
    assert _marked(article) == [("should", "rep chg critical", "modality")]
    assert "".join(p.text for p in article) == "But we should not underestimate Russia."


def test_a_dropped_qualifier_is_marked_where_it_is_missing() -> None:
    official, article = _side(
        "The war in Ukraine has demonstrated our dangerous dependency on Russian gas.",
        "The war in Ukraine showed our dependence on Russian gas.",
        Change("qualifier", "dangerous", "∅", Level.NOTABLE),
    )
    assert ("dangerous", "del chg notable", "qualifier") in _marked(official)
    assert ("dependency", "form", "") in _marked(official)
    gap = next(p for p in article if p.gap)
    assert (gap.level, gap.label, gap.title) == ("notable", "qualifier", "qualifier: dangerous → ∅")
    text = "".join(p.text for p in article)
    assert text == "The war in Ukraine showed our ‸dependence on Russian gas."


@pytest.mark.parametrize(
    ("official", "article", "expected"),
    [
        ("We act now.", "We act now.", []),
        ("We act now.", "We act today.", [("now", "rep"), ("today", "rep")]),
        ("We act now.", "We act.", [("now", "del")]),
        ("We act.", "We act quickly.", [("quickly", "ins")]),
    ],
)
def test_inserted_deleted_and_replaced_words(
    official: str, article: str, expected: list[tuple[str, str]]
) -> None:
    off, art = _side(official, article)
    assert [(t, css) for t, css, _ in _marked(off) + _marked(art)] == expected


# ---------------------------------------------------------------- the pages


def test_an_article_with_markup_is_shown_as_text(reviewed: Path) -> None:
    html, page = _page(reviewed, HOSTILE)
    assert "<script>window.pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert len(page.scripts) == 1 and "pwned" not in page.scripts[0]  # only the page's own
    assert not [a for _, a, _ in page.elements if any(k.startswith("on") for k in a)]
    assert HOSTILE_LINES[1].replace('"', "&#34;") in html  # the formula, as written
    assert "ÖZADAM&#39;dan" in html and "ığdır şüphe" in html
    index = (reviewed / "html" / INDEX).read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in index and "<img" not in index


def test_pages_load_nothing_from_elsewhere(reviewed: Path) -> None:
    pages = sorted((reviewed / "html").rglob("*.html"))
    # the index, the quotes page, the pictures of the corpus and one page per article
    assert len(pages) == 8
    for path in pages:
        html = path.read_text(encoding="utf-8")
        parsed = Elements()
        parsed.feed(html)
        csp = next(a["content"] for t, a, _ in parsed.elements if a.get("http-equiv"))
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp
        for tag, attrs, _ in parsed.elements:
            for name in ("src", "href", "action", "srcset"):
                target = attrs.get(name, "")
                assert not re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", target), (path.name, tag, target)
                if name == "href" and target and not target.startswith("#"):
                    assert (path.parent / target).resolve().is_file(), target
        assert "<link" not in html and "@import" not in html and "url(" not in html


def test_the_misquoted_words_are_marked_in_their_quotation(reviewed: Path) -> None:
    _, page = _page(reviewed, TURKISH)
    misquoted = page.having("quote misquoted")
    # the quotation's words, with the label of its change after "should"
    assert [text for _, text in misquoted] == ["But we shouldmodality not underestimate Russia."]
    critical = page.having("chg critical")
    assert ("should", "modality: must → should") in [(t, a["title"]) for a, t in critical]
    assert ("must", "modality: must → should") in [(t, a["title"]) for a, t in critical]
    assert len(page.having("quote not-found")) == 6
    # the findings list: the change, where it stands (line and sentence) and the words there
    findings = [text for _, text in page.having("critical", within="") if "·" in text]
    assert any(
        "modality: must → should" in f
        and "line 8, sentence 3" in f
        and "official line 14" in f
        and "But we should not underestimate Russia." in f
        for f in findings
    )
    # the six parts of one quotation not found are one finding, its words beside it
    not_found = [t for _, t in page.having("not-found", within="") if "line 11" in t]
    assert len(not_found) == 1 and "line 11, sentences 2–7" in not_found[0]
    assert "Our most urgent task right now" in not_found[0]
    # the quotation sits inside its sentence's row, on the article's line 8
    row = next(text for tag, a, text in page.elements if tag == "tr" and a.get("id") == "s11")
    assert "".join(row).split("\n")[1:4] == [
        "8s. 3",  # line 8, its sentence 3
        "But we shouldmodality not underestimate Russia.misquoted",
        "",
    ]


def test_fragments_and_furniture_are_shown_for_what_they_are(reviewed: Path) -> None:
    html, page = _page(reviewed, CYPRUS)
    assert "reports another event" in html
    assert [t for _, t in page.having("lang")] == ["tr"] * 6
    assert html.count("not translated: no tr→en translation model installed") == 6
    assert page.having("furniture")
    assert not page.having("chg")  # nothing compared, nothing charged


@pytest.mark.parametrize(
    "article_id",
    ["a.txt", "A.txt", "a b.txt", "index", "../../etc/passwd", "<img>.txt", "çağrı.txt", "x" * 300],
)
def test_page_names_are_safe_anywhere(article_id: str) -> None:
    path = page_path(article_id)
    assert re.fullmatch(r"articles/[a-z0-9][a-z0-9._-]*\.html", path) and len(path) < 140


def test_page_names_never_collide() -> None:
    ids = ["a.txt", "A.txt", "a b.txt", "a_b.txt", "a-b.txt", "A_B.txt"]
    assert len({page_path(i).lower() for i in ids}) == len(ids)


def test_the_score_intervals_are_on_the_article_page_and_the_index(reviewed: Path) -> None:
    import pandas as pd

    summary = pd.read_csv(reviewed / "summary.csv", encoding="utf-8-sig")
    scored = summary[summary.chrf_ci_low.notna()]
    assert len(scored) >= 1
    row = scored.iloc[0]
    html, _ = _page(reviewed, row.article_id)
    low, high = f"{row.chrf_ci_low:.1f}", f"{row.chrf_ci_high:.1f}"
    assert f"closeness {low}–{high}" in html
    assert f"BLEU {row.bleu_ci_low:.1f}–{row.bleu_ci_high:.1f}" in html
    index = (reviewed / "html" / INDEX).read_text(encoding="utf-8")
    assert f'title="95 % interval {low}–{high}"' in index
    unscored = summary[summary.chrf.isna()].iloc[0]
    assert 'class="interval"' not in _page(reviewed, unscored.article_id)[0]


@pytest.fixture(scope="module")
def hostile_reviewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two hostile articles (splices, distorted quotations, headlines) beside the transcript."""
    import shutil

    from auditor.run.pipeline import audit_corpus
    from tests.conftest import CORPUS

    root = tmp_path_factory.mktemp("hostile")
    (root / "corpus" / "articles").mkdir(parents=True)
    shutil.copytree(CORPUS / "official", root / "corpus" / "official")
    data = Path(__file__).parent / "data" / "hostile"
    for name in ("herald-splices.txt", "tribune-reversed-quotes.txt"):
        shutil.copy(data / name, root / "corpus" / "articles" / name)
    audit_corpus(root / "corpus", root / "reports", models_dir=root / "no-models")
    return root / "reports"


def test_a_spliced_quotation_is_shown_joined_from_its_places(hostile_reviewed: Path) -> None:
    import pandas as pd

    _, page = _page(hostile_reviewed, "herald-splices.txt")
    places = [text for _, text in page.having("places")]
    assert len(places) == 4
    assert places[2].count("official line") == 3
    assert "and manage the risks ← official line 48: And manage the risks" in places[2]
    segments = pd.read_csv(hostile_reviewed / "segments.csv", keep_default_na=False)
    lines = segments[segments.official_lines != ""].official_lines.tolist()
    assert lines == ["13; 35", "34; 14", "41; 32; 48", "21; 45"]


def test_a_distorted_quotation_shows_its_content_evidence(hostile_reviewed: Path) -> None:
    _, page = _page(hostile_reviewed, "tribune-reversed-quotes.txt")
    notes = [text for _, text in page.having("note")]
    assert any(
        n.startswith("aligned on its content, not its wording: 2 of its 2 content words")
        and "(underestimate, Russia;" in n
        for n in notes
    )
    headline = next(t for tag, a, t in page.elements if tag == "tr" and a.get("id") == "s0")
    assert "negation: not → ∅" in "".join(headline)
