# Two commands do everything on a fresh machine with Python 3.11, pip and make:
#   make demo   install, extract the demo corpus into a chronicle and serve it on localhost
#   make test   install and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= kronik-demo.duckdb

.PHONY: install demo test bench clean

$(BIN)/kronik: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(BIN)/kronik

install: $(BIN)/kronik

demo: install
	$(BIN)/kronik extract examples/demo_corpus -o demo-output.jsonl
	@echo "document records written to demo-output.jsonl"

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache $(DB) demo-output.jsonl
