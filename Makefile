# `make run` and `make test` work on a fresh machine: each sets up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Test processes at once. Most tests wait on a server, a terminal or a subprocess
# rather than compute, so three keep a 2-core machine busy without crowding it.
TEST_WORKERS ?= 3

.PHONY: run test lint typecheck serve clean bytecode

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Every start imports gpseeker's own modules; where PYTHONDONTWRITEBYTECODE is set
# (as on many CI and container images) Python would compile them all from source each
# time, a tenth of a second of every plain command. compileall skips what is current.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q gpseeker

run: bytecode
	$(BIN)/gpseeker

test: bytecode
	$(BIN)/ruff format --check gpseeker tests bench
	$(BIN)/ruff check gpseeker tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -q -n $(TEST_WORKERS)

serve: bytecode
	$(BIN)/gpseeker serve --seed-demo

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
