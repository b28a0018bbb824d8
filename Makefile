# Everything a fresh machine needs is installed by these targets.
#   make serve   set up, build and serve the site on http://127.0.0.1:8000 with live reload
#   make test    set up (including Chromium for the browser tests and Java for the Nu Html
#                Checker) and run every test
#   make build   a strict build into site/
#   make validate  check the content and report every error

VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
NODE_STAMP := tests/node/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: setup serve build validate test browser-deps clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --watch standards --watch standards_site

build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

validate: $(STAMP)
	$(VENV)/bin/standards-site validate

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

test: $(STAMP) browser-deps
	$(PYTHON) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf site build
