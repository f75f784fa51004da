# Two commands do everything on a fresh machine with Python 3.11, pip and make:
#   make demo   install the runtime, build a chronicle of the demo corpus, print its timeline, serve it
#   make test   install the runtime with the test and benchmark extras and run the whole test suite
# Both install exactly the versions of requirements.lock; `make lock` regenerates it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= kronik-demo.duckdb
LOCK := requirements.lock
# Stamps of what is installed in $(VENV); an install reruns when pyproject.toml, the lock or
# the C module (setup.py, src/kronik/_tokens.c, which the editable install compiles in place)
# changes, and `make test` after `make demo` adds the extras to the demo's environment.
# An editable install leaves Kronik's own modules uncompiled, and where Python may not write
# bytecode (PYTHONDONTWRITEBYTECODE) every start of kronik would compile them again: a fifth
# of the start-up of `kronik extract`. The install compiles them once; Python compiles a
# module edited since in memory, as before.
RUNTIME_STAMP := $(VENV)/.kronik-runtime
TEST_STAMP := $(VENV)/.kronik-test
# The resolver that writes the lock, itself pinned so that the same inputs give the same lock.
UV_VERSION := 0.13.9
LOCK_TOOLS := build/lock-tools

.PHONY: install demo test browsers bench lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): pyproject.toml setup.py src/kronik/_tokens.c $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(LOCK) -e .
	$(BIN)/python -m compileall -q src
	touch $@

$(TEST_STAMP): pyproject.toml setup.py src/kronik/_tokens.c $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[test,bench]'
	$(BIN)/python -m compileall -q src
	touch $@ $(RUNTIME_STAMP)

install: $(RUNTIME_STAMP)

demo: install
	$(BIN)/kronik ingest examples/demo_corpus --db $(DB)
	$(BIN)/kronik timeline --db $(DB)
	@echo "Serving the chronicle on http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/kronik serve --db $(DB)

test: $(TEST_STAMP) browsers
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

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/run.py

# Resolve pyproject.toml's dependencies, all extras, for Python 3.11 and later on every
# platform, and write them to the lock. Versions already locked are kept while pyproject.toml
# allows them; `make lock LOCK_FLAGS=--upgrade` moves everything to the newest allowed.
# Run it after changing a dependency, and commit the lock with pyproject.toml.
LOCK_FLAGS ?=
lock:
	$(LOCK_TOOLS)/bin/uv --version 2>/dev/null | grep -qF "uv $(UV_VERSION) " || \
	  { $(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/pip install --quiet uv==$(UV_VERSION); }
	$(LOCK_TOOLS)/bin/uv pip compile pyproject.toml --all-extras --universal --python-version 3.11 \
	  --custom-compile-command "make lock" --quiet $(LOCK_FLAGS) -o $(LOCK)

clean:
	rm -rf $(VENV) build dist src/*.egg-info src/kronik/_tokens.*.so .pytest_cache $(DB)
