# Two commands do everything on a fresh machine with Python 3.11, pip and make:
#   make demo   install, build a chronicle of the demo corpus, print its timeline, serve it on localhost
#   make test   install and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= kronik-demo.duckdb

.PHONY: install demo test browsers bench clean

$(BIN)/kronik: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(BIN)/kronik

install: $(BIN)/kronik

demo: install
	$(BIN)/kronik ingest examples/demo_corpus --db $(DB)
	$(BIN)/kronik timeline --db $(DB)
	@echo "Serving the chronicle on http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/kronik serve --db $(DB)

test: install browsers
	$(BIN)/python -m pytest

# Chromium for the browser tests (tests/test_web_browser.py): Debian's package, installed
# when missing and make runs as root; otherwise, or without a package mirror, the browser
# tests are skipped with a message saying so.
browsers:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -q && apt-get install -y -q chromium) || \
	      echo "browsers: could not install chromium; the browser tests will be skipped"; \
	  else \
	    echo "browsers: chromium is missing and installing it needs root (apt-get install chromium); the browser tests will be skipped"; \
	  fi; }

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache $(DB)
