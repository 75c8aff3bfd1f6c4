# Tropa: `make run` starts the site with demo data; `make test` runs the suite. Both set up what they need.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint contracts check messages lock clean browser

$(VENV)/.installed: requirements.lock requirements-dev.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found); set PYTHON=..."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.lock -r requirements-dev.lock
	touch $@

setup: $(VENV)/.installed

## Start the site (uvicorn + Huey consumer) on http://$(HOST):$(PORT) with demo data; Ctrl-C stops both.
run: setup
	DEBUG=$${DEBUG:-1} EMAIL_BACKEND=$${EMAIL_BACKEND:-console} $(PY) manage.py migrate --noinput
	@# Seeding runs its tasks inline and keeps the invitation emails it triggers off the console.
	DEBUG=$${DEBUG:-1} HUEY_IMMEDIATE=1 EMAIL_BACKEND=locmem $(PY) manage.py seed_demo
	DEBUG=$${DEBUG:-1} EMAIL_BACKEND=$${EMAIL_BACKEND:-console} HOST=$(HOST) PORT=$(PORT) PY=$(PY) scripts/run.sh

## The whole test suite (SQLite by default; DATABASE_URL / REDIS_URL switch to PostgreSQL / Redis).
test: setup
	$(PY) -m pytest -n $${TEST_WORKERS:-2} $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

contracts: setup
	$(VENV)/bin/lint-imports

check: lint contracts
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=tropa.example.org DEBUG=0 \
	  $(PY) manage.py check --deploy --fail-level WARNING

## The browser journeys alone (Playwright + Debian's Chromium: `apt-get install chromium`); screenshots in test-artifacts/.
browser: setup
	$(PY) -m pytest tests/browser -m browser -p no:xdist

## Re-extract and compile the ru/en catalogues (needs GNU gettext); compiled .mo files are committed.
messages: setup
	DEBUG=1 $(PY) manage.py makemessages -l ru -l en --no-obsolete --ignore=.venv --ignore=var --ignore=bench
	DEBUG=1 $(PY) manage.py makemessages -d djangojs -l ru -l en --no-obsolete --ignore=.venv --ignore=var --ignore='static/vendor/*'
	@# msgmerge's fuzzy guesses are usually wrong: empty them so the catalogue test lists them as untranslated.
	for f in locale/*/LC_MESSAGES/*.po; do msgattrib --clear-fuzzy --empty --clear-previous "$$f" -o "$$f"; done
	for f in locale/en/LC_MESSAGES/*.po; do msgen "$$f" -o "$$f"; done  # English: msgstr = the source
	DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv

## Re-pin dependencies after editing requirements*.in.
lock: setup
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-dev.lock requirements-dev.in

clean:
	rm -rf var/ .pytest_cache

## Benchmarks (bench/README.md). `bench`: large size on SQLite, then on PostgreSQL when it answers on
## 127.0.0.1:5432 (databases tropa_bench_<size>); about 15 min per backend the first time (seeding), ~10 after.
bench: setup
	$(PY) -m bench.run --size large --db sqlite
	@if $(PY) -c "from bench.env import port_open; raise SystemExit(not port_open('127.0.0.1', 5432))"; then \
	  $(PY) -m bench.run --size large --db postgres; \
	else echo "PostgreSQL is not answering on 127.0.0.1:5432: skipped"; fi

## The harness end to end at smoke size on SQLite, ~2 s per page, under 2 minutes; fails if the harness breaks.
bench-smoke: setup
	$(PY) -m bench.run --size smoke --db sqlite --duration 1 --open-duration 1 --sweep-budget 5 --jobs-budget 6 \
	  --chat-connections 50 --chat-messages 10

.PHONY: bench bench-smoke
