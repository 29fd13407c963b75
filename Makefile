# Two entry points, as in the README: `make audit` and `make test`.
VENV ?= .venv
PIP_INSTALL = $(VENV)/bin/pip install --quiet -c constraints.txt

.PHONY: audit test lint clean

$(VENV)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PIP_INSTALL) -e '.[test]'
	touch $@

audit: $(VENV)/.installed
	$(VENV)/bin/auditor audit

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test: lint
	$(VENV)/bin/python -m pytest

clean:
	rm -rf $(VENV)
