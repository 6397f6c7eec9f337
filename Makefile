# Set-up on a fresh machine needs only python3.11 and make.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test build bench clean browser stores docs

run: $(STAMP)            ## install, then build the graph from data/ into build/
	$(BIN)/edugraph build

test: $(STAMP) browser stores   ## install, then run the whole test suite
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

stores:                  ## Virtuoso 7 and Jena ARQ for the store tests (Debian packages)
	@{ command -v virtuoso-t && command -v javac && [ -f /usr/share/java/jena-arq.jar ]; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource \
	      libapache-jena-java default-jdk-headless >/dev/null) \
	      || echo "virtuoso-opensource or Jena could not be installed: their store tests will be skipped"; \
	  else echo "virtuoso-opensource or Jena not installed and not root: their store tests will be skipped"; fi; }

docs: $(STAMP)            ## the ontology's documentation pages (pyLODE) in docs/ontology/
	$(BIN)/python -m edugraph.ontology docs --out docs/ontology

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf build $(VENV) .pytest_cache
