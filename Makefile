# Metro's everyday commands. `make run` and `make test` do all set-up themselves.
PORT ?= 8000
VENV := .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Local development runs with DEBUG on unless the environment says otherwise.
export DEBUG ?= 1

.PHONY: run serve-prod drills test e2e install browser-tools migrate demo lint format check clean bench-renditions bench bench-admin

$(STAMP): requirements.txt requirements-dev.txt
	@interpreter=$$(bin/find-python) || exit 1; \
	if [ ! -x $(PYTHON) ] || ! $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		echo "Creating $(VENV) with $$interpreter"; rm -rf $(VENV); "$$interpreter" -m venv $(VENV) || exit 1; \
	fi
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@mkdir -p var
	@touch $(STAMP)

install: $(STAMP)

# From the npm registry (package-lock.json): axe-core for the browser tests' accessibility
# audit, and vnu-jar, the Nu HTML checker (on Java) for tests/metro/test_html_validity.py.
BROWSER_TOOLS := node_modules/.installed
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH

$(BROWSER_TOOLS): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $(BROWSER_TOOLS); \
	else \
		echo "npm not found: the accessibility audit and HTML validation will be skipped (install Node.js and npm)"; \
	fi

browser-tools: $(BROWSER_TOOLS)

migrate: install
	$(PYTHON) manage.py migrate --noinput

demo: migrate
	$(PYTHON) manage.py load_demo

run: demo
	$(PYTHON) manage.py create_dev_logins
	$(PYTHON) manage.py runserver 127.0.0.1:$(PORT)

# Production mode on this machine: gunicorn, DEBUG off, collected static files
# (bin/serve-prod; set DATABASE_URL, REDIS_URL, SECRET_KEY... as in production).
serve-prod: install
	DEBUG=0 bin/serve-prod

# Fault drills and the two-instance check on a PostgreSQL and a Redis of their own (prints figures).
drills: install
	DEBUG=0 $(PYTHON) -m bench.drills $(DRILLS_ARGS)

# Browser tests run too when Chromium is installed, and are reported as skipped when not.
test: install browser-tools
	$(PYTHON) -m pytest $(PYTEST_ARGS)

# Only the browser tests, which need Chromium (apt-get install -y chromium).
e2e: install browser-tools
	@test -x "$(CHROMIUM_PATH)" || { echo "make e2e needs Chromium at $(CHROMIUM_PATH): apt-get install -y chromium" >&2; exit 1; }
	$(PYTHON) -m pytest -m e2e tests/e2e $(PYTEST_ARGS)

# Style, formatting, and the layers' one-way imports (pyproject's [tool.importlinter]).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install
	$(PYTHON) manage.py check
	$(PYTHON) manage.py makemigrations --check --dry-run

# Figures, not a test: Metro's renditions against plain Pillow (BENCH_ARGS="--runs 15 --json out.json").
bench-renditions: install
	$(PYTHON) -m bench.renditions $(BENCH_ARGS)

# Figures, not a test: every page kind under gunicorn and nginx, cold and warm, at 1,000 and
# 100,000 stories on PostgreSQL (bench/pages.py; BENCH_ARGS="--quick --sizes 1000" for a smoke run).
bench: install
	$(PYTHON) -m bench $(BENCH_ARGS)

# The editors' admin pages, timed in process as an editor on metro_bench_100000
# (bench/admin_pages.py; BENCH_ARGS="--size 10000 --runs 5" for a smaller archive).
bench-admin: install
	$(PYTHON) -m bench.admin_pages $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache node_modules test-artifacts
