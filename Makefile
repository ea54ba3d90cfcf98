# Two commands for a newcomer: `make demo` and `make test`. Everything else is a step they use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
VENDOR := src/meent/static/vendor

.PHONY: demo test install static messages openapi lint clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) static messages

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

static: node_modules/.package-lock.json $(STAMP)
	mkdir -p $(VENDOR)/fonts
	cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/utrecht.css
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx.min.js
	cp node_modules/redoc/bundles/redoc.standalone.js $(VENDOR)/redoc.standalone.js
	cp node_modules/@fontsource-variable/noto-sans/files/*-wght-normal.woff2 $(VENDOR)/fonts/
	sed -e 's#./files/#fonts/#g' node_modules/@fontsource-variable/noto-sans/wght.css > $(VENDOR)/noto-sans.css
	$(BIN)/meent manage collectstatic --noinput -v0

messages: $(STAMP)
	$(BIN)/python scripts/compile_messages.py

openapi: install
	DJANGO_SETTINGS_MODULE=meent.settings $(BIN)/meent manage spectacular --format openapi-json --file openapi.json --validate --fail-on-warn

demo: install
	$(BIN)/meent demo --port $(PORT)

chromium:
	@[ -x /usr/bin/chromium ] || { echo "Chromium installeren voor de browsertests (apt)…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install chromium
	$(BIN)/ruff check .
	MEENT_ENV=test $(BIN)/meent manage makemigrations --check --dry-run
	MEENT_ENV=test $(BIN)/python scripts/check_openapi.py
	MEENT_ENV=test $(BIN)/pytest -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var
