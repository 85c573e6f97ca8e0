# Every target sets up what it needs first (scripts/setup is quick when all is in place).
PY := .venv/bin/python
PORT ?= 8000
# The lowest and the newest supported Python (.venvs/<version>, made by scripts/setup --full);
# .venv's Python runs everything.
PYTHONS := $(shell scripts/setup --pythons)
# The tests that need no browser: what can differ from one Python to another.
FAST := tests/transform tests/build tests/site
# A test file per core at a time (pytest-xdist; a file's module fixtures stay in one process),
# in the order collected: the browser suite puts its matrix first (tests/browser/conftest.py).
SPREAD := -n auto --dist loadfile --no-loadscope-reorder

.PHONY: serve test test-fast fast-others bench lint setup checks

setup:
	scripts/setup --full

serve:
	scripts/setup
	$(PY) -m mkdocs serve -f site_example/mkdocs.yml -a 127.0.0.1:$(PORT)

# The checks, the tests without a browser on each other Python, then the whole suite.
test: setup checks fast-others
	$(PY) -m pytest $(SPREAD)

# The checks and the tests without a browser, on every Python.
test-fast: setup checks fast-others
	$(PY) -m pytest $(SPREAD) $(FAST)

# The tests without a browser on each other Python (the checks run once, on .venv's).
fast-others:
	@for version in $(PYTHONS); do \
	  if [ -x .venvs/$$version/bin/python ]; then \
	    echo "== Python $$version: $(FAST)"; \
	    .venvs/$$version/bin/python -m pytest -q $(SPREAD) $(FAST) || exit 1; \
	  else \
	    echo "== Python $$version: MISSING, not tested (scripts/setup --full says how to get it)"; \
	  fi; \
	done

bench:
	scripts/setup --full
	$(PY) benchmarks/run.py

lint:
	scripts/setup
	@$(MAKE) --no-print-directory checks

checks:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	node_modules/.bin/biome ci
