"""Derive the advance widths of the workbook's font, once.

    python bench/derive_text_widths.py [--fonts /usr/share/fonts/truetype/liberation]
        [--out auditor/data/text_widths.tsv]

audit.xlsx is written in Arial 10. Excel draws it in Arial; LibreOffice in Liberation Sans, which
is metric-compatible with it (the same advance width for every character). Neither program
fits a row's height to wrapped text that XlsxWriter writes, so auditor/reports/layout.py
computes each row's height from these widths. The table holds the advance width, in units of
1/2048 em (Liberation Sans's units per em), of Liberation Sans Regular and Bold for the
characters of the Latin scripts (Turkish, Spanish, German, French, … letters), their
punctuation and the symbols the reports write (→, ∅, ‸, …). A character not in the table is
measured as the widest of its script's letters in the table would be: an em.

Needs fontTools (`pip install fonttools`, not a dependency of auditor) and the Liberation fonts
(Debian's fonts-liberation, installed with LibreOffice).
"""

from __future__ import annotations

import argparse
from pathlib import Path

#: the characters measured: Basic Latin, Latin-1, Latin Extended-A, general punctuation,
#: arrows and the mathematical symbols the reports use
RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xFF),
    (0x100, 0x17F),
    (0x2010, 0x2027),
    (0x2030, 0x203A),
    (0x2190, 0x2195),
    (0x2205, 0x2205),
    (0x2212, 0x2212),
    (0x2038, 0x2038),
    (0x20AC, 0x20AC),
)


def main() -> None:
    from fontTools.ttLib import TTFont

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fonts", type=Path, default=Path("/usr/share/fonts/truetype/liberation"))
    parser.add_argument("--out", type=Path, default=Path("auditor/data/text_widths.tsv"))
    args = parser.parse_args()
    faces = [TTFont(args.fonts / f"LiberationSans-{style}.ttf") for style in ("Regular", "Bold")]
    units = {face["head"].unitsPerEm for face in faces}
    assert units == {2048}, units
    lines = [
        "# Advance widths of Liberation Sans Regular and Bold (SIL Open Font License 1.1; "
        "metric-compatible with Arial), in 1/2048 em, for measuring the workbook's wrapped "
        "text (auditor/reports/layout.py): code point<TAB>regular width,bold width. Derived by "
        "bench/derive_text_widths.py from Debian's fonts-liberation."
    ]
    for low, high in RANGES:
        for code in range(low, high + 1):
            widths = []
            for face in faces:
                glyph = face.getBestCmap().get(code)
                if glyph is None:
                    break
                widths.append(face["hmtx"][glyph][0])
            if len(widths) == 2:
                lines.append(f"{code:04X}\t{widths[0]},{widths[1]}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} characters → {args.out}")


if __name__ == "__main__":
    main()
