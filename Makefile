# Every target sets up what it needs first (scripts/setup is quick when all is in place).
PY := .venv/bin/python
PORT ?= 8000

.PHONY: serve test bench lint setup

setup:
	scripts/setup --full

serve:
	scripts/setup
	$(PY) -m mkdocs serve -f site_example/mkdocs.yml -a 127.0.0.1:$(PORT)

test:
	scripts/setup --full
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	node_modules/.bin/biome ci
	$(PY) -m pytest

bench:
	scripts/setup --full
	$(PY) benchmarks/run.py

lint:
	scripts/setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	node_modules/.bin/biome ci
