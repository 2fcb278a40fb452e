# Samenspel: `make run` starts the server with a demo session; `make test` installs what the tests need and runs all.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8080
DATA ?= data
PHONES ?= 50,200,1000
BENCH_ARGS ?=
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test check lint typecheck unit install install-test chromium libreoffice bench wheel clean

$(BIN)/facilitation: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(BIN)/facilitation

$(VENV)/.test-deps: pyproject.toml $(BIN)/facilitation
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# axe-core for the accessibility tests, from the npm registry (pinned in package-lock.json)
node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install-test: $(VENV)/.test-deps chromium libreoffice node_modules/axe-core/axe.min.js

# Debian's chromium for the Playwright tests (never a downloaded browser build: there may be no internet).
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# Debian's LibreOffice Writer and Calc (headless) and poppler's pdftotext, so a test proves a real office suite
# prints the team plan's .docx and .xlsx whole (every word, one page wide).
libreoffice:
	@if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null \
		|| ! dpkg -s libreoffice-calc-nogui >/dev/null 2>&1; then \
		echo "Installing Debian's LibreOffice Writer and Calc and poppler-utils for the export tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils >/dev/null; \
	fi

run: install
	$(BIN)/facilitation serve --port $(PORT) --data-dir $(DATA) --demo

lint: $(VENV)/.test-deps
	$(BIN)/ruff check facilitation tests bench
	$(BIN)/ruff format --check facilitation tests bench

typecheck: $(VENV)/.test-deps
	$(BIN)/mypy

unit: $(VENV)/.test-deps
	$(BIN)/pytest -q -m 'not browser'

# The edit loop: lint, types and every test but the browser runs, in two processes.
check: lint typecheck
	$(BIN)/pytest -q -n 2 --dist loadfile -m 'not browser'

# Two processes, each test file kept whole in one (its browser and server fixtures are shared within the file).
test: install-test lint typecheck
	$(BIN)/pytest -q -n 2 --dist loadfile --durations=25

# The performance harness: simulated phones against Samenspel and a bare NiceGUI floor; writes BENCHMARKS.md.
bench: $(VENV)/.test-deps
	$(BIN)/python -m bench.run --phones $(PHONES) $(BENCH_ARGS)

# The package to install on a laptop without a checkout (README: "Installing on a laptop"): dist/samenspel-*.whl
wheel: install
	$(BIN)/pip wheel --no-deps --wheel-dir dist .

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
