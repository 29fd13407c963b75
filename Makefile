# The README's two commands: `make audit` (set up .venv, audit the corpus) and `make test`
# (add the test tools to that same .venv; lint, type checks, tests).
VENV ?= .venv
PYTHON ?= python3
PIP_INSTALL = $(VENV)/bin/pip install --quiet -c constraints.txt
# An editable install that is one path in a .pth file: setuptools' default editable finder is
# imported by every Python start (~20 ms of pathlib, urllib, ipaddress), a cron re-audit's
# largest fixed cost after the interpreter itself
EDITABLE = --config-settings editable_mode=compat -e
# PyTorch's CPU-only wheels; only `make stanza` uses them
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu

.PHONY: audit test lint stanza clean

# The runtime environment. Made afresh when the dependencies change, so that nothing of the
# previous set lingers (argostranslate and argos-translate-lt install the same files).
$(VENV)/.installed: pyproject.toml constraints.txt
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) $(EDITABLE) .
	touch $@

# The test tools, added to the environment that `make audit` made.
$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP_INSTALL) $(EDITABLE) '.[test]'
	touch $@

audit: $(VENV)/.installed
	$(VENV)/bin/auditor audit

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test: lint
	$(VENV)/bin/python -m pytest

# Optional: Stanza (and CPU-only PyTorch) for packages whose only splitter is stanza/.
stanza: $(VENV)/.installed
	$(PIP_INSTALL) --index-url $(TORCH_INDEX) torch
	$(PIP_INSTALL) $(EDITABLE) '.[stanza]'

clean:
	rm -rf $(VENV)
