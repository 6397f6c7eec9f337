# Set-up on a fresh machine needs only python3.11 and make.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test build bench clean browser docs

run: $(STAMP)            ## install, then build the graph from data/ into build/
	$(BIN)/edugraph build

test: $(STAMP) browser   ## install, then run the whole test suite
	$(BIN)/python -m pytest

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

browser:                 ## headless Chromium for the page tests (Debian package)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: browser tests will be skipped"; \
	  else echo "chromium not installed and not root: browser tests will be skipped"; fi; }

docs: $(STAMP)            ## the ontology's documentation pages (pyLODE) in docs/ontology/
	$(BIN)/python -m edugraph.ontology docs --out docs/ontology

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf build $(VENV) .pytest_cache
