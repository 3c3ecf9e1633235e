# `make run` and `make test` work on a fresh machine: each sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/gpseeker

test: $(STAMP)
	$(BIN)/ruff format --check gpseeker tests bench
	$(BIN)/ruff check gpseeker tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q

serve: $(STAMP)
	$(BIN)/gpseeker serve --seed-demo

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
