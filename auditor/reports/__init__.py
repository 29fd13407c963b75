"""Reports (edge): what a reviewer opens.

`columns` and `summary`: the columns, declared once (the data dictionary is rendered from
them); `data`: what every report format reads; `formats/`: the formats, one module each behind
their registry; `tables`: results → CSV tables (pandas); `history`: history.csv appended
without pandas; `dictionary`: reports/README.md; `commit`: all files of a run replace the old
ones together.
"""
