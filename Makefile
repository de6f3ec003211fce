# Two commands for a new machine: `make serve` and `make test` (see README.md).
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
AXE    := node_modules/axe-core/axe.min.js
export NO_MKDOCS_2_WARNING := 1
# Build dates (the sitemap's lastmod) from the last commit, so a build is reproducible byte for byte.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve test quick build pdf offline check coverage sources clean

serve: $(STAMP)  ## serve the site on http://127.0.0.1:8000, rebuilding on change
	$(PY) -m mkdocs serve --strict -a 127.0.0.1:8000

# pytest-xdist, one worker per core: a test module runs whole in one worker (--dist loadfile), so what it builds
# once (the workbooks' compiled formulas, module fixtures) is built once; the workers share one build of the site. The
# modules go out in tests/conftest.py's order (long ones first), not xdist's (most tests first).
CORES  := -n auto --maxprocesses 4 --dist loadfile --no-loadscope-reorder
# Python keeps the compiled modules and pytest its rewritten test modules (in __pycache__/, which git ignores) even
# where the environment sets PYTHONDONTWRITEBYTECODE: else every worker compiles them all again, 3 s of CPU each.
test quick: export PYTHONDONTWRITEBYTECODE :=
# The tests write and delete thousands of files (copies of the project, built sites): in memory that takes a
# seventeenth of the system's CPU it takes on the build machine's disk (8 copies of docs/ and playbook_data/: 0.3 s
# against 5.1 s). So their temporary folders go to /dev/shm where it is memory with 4 GB free; else, or with
# TEST_TMPDIR= (empty), where the system puts them.
TEST_TMPDIR ?= $(shell [ "$$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && \
	[ "$$(df -k --output=avail /dev/shm 2>/dev/null | tail -1)" -gt 4000000 ] 2>/dev/null && echo /dev/shm)
ifneq ($(TEST_TMPDIR),)
test quick: export TMPDIR := $(TEST_TMPDIR)
endif

test: $(STAMP) /usr/bin/chromium $(AXE)  ## run every test, the browser ones included
	$(PY) -m pytest $(CORES)

quick: $(STAMP) $(AXE)  ## every test but the site builds, the browser and the scale tests (markers `build`, `browser`, `slow`)
	$(PY) -m pytest -q -m "not build and not browser and not slow" $(CORES)

build: $(STAMP)  ## build the site into site/
	$(PY) -m mkdocs build --strict

pdf: build /usr/bin/chromium  ## build, then a PDF of every booklet and handout pack, both languages, into site/downloads/
	$(PY) -m playbook.printables.pdf --site site

offline: $(STAMP)  ## a build that works opened from the file system: site-offline/ and site-offline.zip
	OFFLINE=true $(PY) -m mkdocs build --strict -d site-offline
	rm -f site-offline.zip && cd site-offline && ../$(PY) -m zipfile -c ../site-offline.zip .

check: $(STAMP)  ## validate playbook_data/ without building
	$(PY) -m playbook check

coverage: $(STAMP)  ## which seed topics the playbook covers
	$(PY) -m playbook coverage

# The source documents are not in the repository: `make sources SHARED=<folder>` names the folder holding them
# (SEED_MAP.md, seeds/); no other target reads it.
sources: $(STAMP)  ## check the playbook against the source documents: make sources SHARED=<folder>
	@test -n "$(SHARED)" || { echo "make sources: name the folder of the source documents, e.g. make sources SHARED=path/to/sources" >&2; exit 2; }
	$(PY) -m playbook sources --shared $(SHARED)

# A virtual environment with the project and its test tools, remade when pyproject.toml changes.
$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# The npm packages of package.json at the versions package-lock.json pins: axe-core for the accessibility
# tests, and those whose files the site ships (exceljs, ts-fsrs, qrcode-generator, reveal.js), which the tests
# compare byte for byte. They go to node_modules/ at the top, so tests/ holds only the project's own tests.
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's chromium for the browser tests (Playwright's own browser download cannot work offline),
# with CJK fonts so screenshots and PDFs show Chinese.
/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk poppler-utils

clean:
	rm -rf site site-offline site-offline.zip .pytest_cache
