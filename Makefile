# Metro's everyday commands. `make run` and `make test` do all set-up themselves.
PORT ?= 8000
VENV := .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Local development runs with DEBUG on unless the environment says otherwise.
export DEBUG ?= 1

.PHONY: run test install migrate demo lint format check clean bench-renditions

$(STAMP): requirements.txt requirements-dev.txt
	@interpreter=$$(bin/find-python) || exit 1; \
	if [ ! -x $(PYTHON) ] || ! $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		echo "Creating $(VENV) with $$interpreter"; rm -rf $(VENV); "$$interpreter" -m venv $(VENV) || exit 1; \
	fi
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@mkdir -p var
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PYTHON) manage.py migrate --noinput

demo: migrate
	$(PYTHON) manage.py load_demo

run: demo
	$(PYTHON) manage.py create_dev_logins
	$(PYTHON) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PYTHON) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install
	$(PYTHON) manage.py check
	$(PYTHON) manage.py makemigrations --check --dry-run

# Figures, not a test: Metro's renditions against plain Pillow (BENCH_ARGS="--runs 15 --json out.json").
bench-renditions: install
	$(PYTHON) -m bench.renditions $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
