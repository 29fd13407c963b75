"""Language: the Turkish footer is Turkish, no English line of any seed is a fragment."""

from __future__ import annotations

import pytest

from auditor.records import ENGLISH, UNDETERMINED, Kind
from auditor.settings import Settings
from auditor.stages.language import Identifier, identify, identify_segments, language_mix
from auditor.stages.segment import segment_document
from tests.conftest import CYPRUS, SEEDS

SETTINGS = Settings().language

CYPRUS_FOOTER = [
    "Levent ÖZADAM'dan",
    "Levent Kutay",
    "Levent KUTAY'dan",
    "En güncel gelişmelerden hemen haberdar olmak için",
    "Suç teşkil edecek, yasadışı, tehditkar, rahatsız edici, hakaret ve küfür içeren, "
    "aşağılayıcı, küçük düşürücü, kaba, müstehcen, ahlaka aykırı, kişilik haklarına zarar verici "
    "ya da benzeri niteliklerde içeriklerden doğan her türlü mali, hukuki, cezai, idari sorumluluk "
    "içeriği gönderen Üye/Üyeler’e aittir.",
    "Diğer CYPRUS MIRROR Haberleri",
]


def _labelled(path, identifier: Identifier):  # type: ignore[no-untyped-def]
    return identify_segments(
        segment_document(path.read_text(encoding="utf-8")), identifier, SETTINGS
    )


def test_every_turkish_footer_line_of_the_cyprus_article_is_a_turkish_fragment(
    identifier: Identifier,
) -> None:
    fragments = [s for s in _labelled(CYPRUS, identifier) if s.is_fragment]
    assert [s.text for s in fragments] == CYPRUS_FOOTER
    assert {s.language for s in fragments} == {"tr"}
    assert {s.kind for s in fragments} == {Kind.FURNITURE}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_no_english_line_of_any_seed_is_a_fragment(path, identifier: Identifier) -> None:  # type: ignore[no-untyped-def]
    fragments = [s.text for s in _labelled(path, identifier) if s.is_fragment]
    expected = CYPRUS_FOOTER if path == CYPRUS else []
    assert fragments == expected


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Levent ÖZADAM'dan", "tr"),  # name + Turkish ablative suffix
        ("Diğer CYPRUS MIRROR Haberleri", "tr"),  # Turkish function word
        ("En güncel gelişmelerden hemen haberdar olmak için", "tr"),
        ("Levent Kutay", UNDETERMINED),  # a name alone is no evidence
        ("Steve Cowan", UNDETERMINED),
        ("Recep Tayyip Erdoğan", UNDETERMINED),  # a Turkish letter in a name is not Turkish
        ("A- A A+", UNDETERMINED),
        ("NATO-2030", UNDETERMINED),
        ("Lethal aid", UNDETERMINED),
        ("Leave a Reply", ENGLISH),
        ("President Erdoğan met the Secretary General in Ankara today.", ENGLISH),
        ("NATO: We will not back down in support of Ukraine", ENGLISH),
        ("Die Minister haben heute in Brüssel über die Ukraine gesprochen.", "de"),
        ("Bakanlar bugün Brüksel'de Ukrayna'yı görüştü ve destek sözü verdi.", "tr"),
    ],
)
def test_line_language(line: str, language: str, identifier: Identifier) -> None:
    assert identify(line, identifier, SETTINGS) == language


def test_language_mix_counts_characters_once(identifier: Identifier) -> None:
    mix = language_mix(_labelled(CYPRUS, identifier))
    shares = dict(part.split(" ") for part in mix.split("; "))
    assert next(iter(shares)) == "en"
    assert "tr" in shares and shares["tr"].endswith("%")
