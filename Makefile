# Two commands do all set-up on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site test fuzz lint serve bench screenshots clean add

site: $(STAMP)  ## Build the site from seeds/ into site/
	$(PY) -m generator build

test: $(STAMP)  ## Lint, type-check and run every test (browser tests included)
	$(VENV)/bin/ruff check generator tests bench tools
	$(VENV)/bin/ruff format --check generator tests bench tools
	$(VENV)/bin/mypy generator
	$(PY) -m pytest -n 2 -q

fuzz: $(STAMP)  ## The property tests of bytes -> pages with many more examples (new ones each run)
	DOSSIER_HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -n 2 -q -W ignore::hypothesis.errors.HypothesisWarning tests/test_fuzz.py

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests bench tools
	$(VENV)/bin/ruff format --check generator tests bench tools
	$(VENV)/bin/mypy generator

add: $(STAMP)  ## Fetch pages into seeds/: make add URL="https://... https://..." (or saved files)
	$(PY) -m generator add $(URL)

serve: $(STAMP)  ## Generate, then serve with live reload on http://127.0.0.1:8000
	$(PY) -m generator serve

bench: $(STAMP)  ## Benchmark the pipeline at N = 100, 1,000, 10,000 (writes BENCHMARKS.md)
	$(PY) -m bench.run --sizes 100 1000 10000

screenshots: $(STAMP)  ## Refresh the README's screenshots from the seed site
	DOSSIER_UPDATE_SCREENSHOTS=1 $(PY) -m pytest -q tests/browser -k readme_screenshots

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf site docs/index.md docs/feed.xml docs/articles docs/actors docs/events docs/timeline docs/charts docs/data docs/report .dossier-cache
