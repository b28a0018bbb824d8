# Everything a fresh machine needs is installed by these targets.
#   make serve   set up, build and serve the site on http://127.0.0.1:8000 with live reload
#   make test    set up (including Chromium for the browser tests and Java for the Nu Html
#                Checker) and run every test, in parallel (a worker per core)
#   make build   a strict build into site/
#   make validate  check the content and report every error
#   make serve-editor  as make serve, with the browser editor at /admin/ writing to the files
#                here (Decap CMS's local backend, decap-server, on 127.0.0.1:$(EDITOR_PORT))
#   make cms     install the browser editor (Decap CMS and decap-server, from npm, into cms/)

VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
NODE_STAMP := tests/node/node_modules/.installed
CMS_STAMP  := cms/node_modules/.installed
EDITOR_PORT ?= 8081
SERVE_ADDR ?= 127.0.0.1:8000
VALIDATE_FORMAT ?= text
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: setup serve serve-editor editor-screenshots cms build validate test browser-deps clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --watch standards --watch standards_site

# The editor writes to the files on disk; mkdocs serve sees the change and reloads the page.
serve-editor: $(STAMP) $(CMS_STAMP)
	PORT=$(EDITOR_PORT) BIND_HOST=127.0.0.1 MODE=fs GIT_REPO_DIRECTORY="$(CURDIR)" \
	  node cms/node_modules/decap-server/dist/index.js & editor=$$!; \
	trap 'kill $$editor' EXIT INT TERM; \
	echo "The editor: http://$(SERVE_ADDR)/admin/ (it writes to the files here)"; \
	STANDARDS_EDITOR=1 STANDARDS_EDITOR_BACKEND=http://127.0.0.1:$(EDITOR_PORT)/api/v1 \
	  $(VENV)/bin/mkdocs serve --dev-addr $(SERVE_ADDR) --watch standards --watch standards_site

# The screenshots of the editor in docs/authors/editor.md, made by its browser test from the
# real editor on a copy of the content (run it after a change to the editor or its forms).
editor-screenshots: $(STAMP) browser-deps $(CMS_STAMP)
	STANDARDS_UPDATE_SCREENSHOTS=1 $(PYTHON) -m pytest tests/browser/test_editor.py -q -k "author_changes"

# The browser editor: Decap CMS (its script is copied into the site at /admin/) and its local
# backend, decap-server. About 390 MB installed; --ignore-scripts: no install script is needed.
cms: $(CMS_STAMP)

$(CMS_STAMP): cms/package.json cms/package-lock.json
	cd cms && npm ci --no-audit --no-fund --silent --ignore-scripts
	touch $(CMS_STAMP)

build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

validate: $(STAMP)
	$(VENV)/bin/standards-site validate --format $(VALIDATE_FORMAT)

# Chromium for the browser tests and the PDFs (STANDARDS_PDF=1 make build); poppler-utils
# (pdftotext, pdfinfo) for the tests that read the PDFs back; Java for the Nu Html Checker
# (vnu.jar, from tests/node).
# The man1 folder: the JRE's postinst links its man pages there, and fails on slim images
# that lack it.
browser-deps: $(NODE_STAMP)
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v pdftotext >/dev/null || { \
	  echo "Installing Debian's poppler-utils (pdftotext) for the PDF tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }
	@command -v java >/dev/null || { \
	  echo "Installing Debian's default-jre-headless for the Nu Html Checker"; \
	  mkdir -p /usr/share/man/man1; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# --ignore-scripts: vnu-jar's postinstall would download a Java runtime from GitHub when
# none is installed yet; Debian's (above) is the one the tests use.
$(NODE_STAMP): tests/node/package.json tests/node/package-lock.json
	cd tests/node && npm ci --no-audit --no-fund --silent --ignore-scripts
	touch $(NODE_STAMP)

# -n auto: pytest-xdist, a worker per core; each test site is built once per run and shared
# by every worker (tests/shared_builds.py). `.venv/bin/python -m pytest tests/...` runs serially.
test: $(STAMP) browser-deps $(CMS_STAMP)
	$(PYTHON) -m pytest -n auto $(PYTEST_ARGS)

clean:
	rm -rf site build
