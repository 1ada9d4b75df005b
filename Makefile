# quanze: every target sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

.PHONY: demo test lint bench realworld clean

# the install compiles the extractor's hot modules (setup.py): redone when their source changes
$(STAMP): pyproject.toml setup.py $(wildcard extractors/citing/*.py extractors/citing/*/*.py)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/quanze demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -q -n 2

bench: $(STAMP)
	$(BIN)/python -m bench

# accuracy on the real lists of ../shared/realworld, per file and in total
realworld: $(STAMP)
	$(BIN)/python -m bench realworld

clean:
	rm -rf $(VENV) quanze-demo build *.egg-info *.so extractors/citing/*.so extractors/citing/*/*.so \
		extractors/citing/compiled.json
