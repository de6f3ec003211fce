"""Shared fixtures: the project root, the validated data, a strict build of the real site, a local server, a
browser; the markers `make quick` leaves out (`build`, `browser`, `slow`), checked against what each test uses;
and the rule that no test module reads playbook_data/ when it is imported."""

import contextlib
import fcntl
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest_plugins = ["tests.spread"]  # how the tests are spread over pytest-xdist's workers, and how a worker ends

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# Dates in the build (the sitemap's lastmod) come from here, so two builds can be compared byte for byte.
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01


# The command line says a file's errors in the locale's language where no --lang or header tells it
# (calculators.messages.user_language); the tests expect English there, whatever this machine's locale.
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


DATA = str(ROOT / "playbook_data") + os.sep
_collecting = {"on": False, "reads": []}


def _data_read_at_import(event: str, args: tuple):
    """An audit hook: while the test modules are imported, note each file of playbook_data/ opened and the test
    line that opened it (loading the real data belongs in a fixture, `book`, not at import)."""
    if not (_collecting["on"] and event == "open" and isinstance(args[0], (str, os.PathLike))):
        return
    path = os.path.abspath(os.fspath(args[0]))
    if path.startswith(DATA):
        frame = sys._getframe(1)
        while frame and not frame.f_code.co_filename.startswith(str(ROOT / "tests")):
            frame = frame.f_back
        where = f"{Path(frame.f_code.co_filename).relative_to(ROOT)}:{frame.f_lineno}" if frame else "?"
        _collecting["reads"].append(f"{where} reads {Path(path).relative_to(ROOT)}")


sys.addaudithook(_data_read_at_import)


def pytest_collectstart(collector):
    _collecting["on"] = True


def pytest_collection_modifyitems(items):
    """No module read playbook_data/ when imported. A test that uses the built site is marked `build`; one that
    drives chromium must be marked `browser`."""
    _collecting["on"] = False
    if _collecting["reads"]:
        raise pytest.UsageError("a test module reads playbook_data/ when imported (use the `book` fixture): "
                                + "; ".join(sorted(set(_collecting["reads"]))))
    unmarked = []
    for item in items:
        if "site_build" in item.fixturenames:
            item.add_marker(pytest.mark.build)
        if "browser" in item.fixturenames and item.get_closest_marker("browser") is None:
            unmarked.append(item.nodeid)
    if unmarked:
        raise pytest.UsageError("drives chromium without the `browser` marker: " + ", ".join(unmarked))


_running = {"may_build": True}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """mkdocs_build refuses to run, even in a fixture, for a test marked neither `build` nor `browser`."""
    _running["may_build"] = any(item.get_closest_marker(name) for name in ("build", "browser"))


def pytest_runtest_teardown(item):
    _running["may_build"] = True


def mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site_dir`, with `env` added to the environment (every test
    builds through here); the result keeps stdout and stderr.
    Not `-q`: it drops warnings before strict mode can count them, and a warning must fail the build."""
    assert _running["may_build"], "this test builds a site: mark it with @pytest.mark.build"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project, capture_output=True, text=True, env=env,
    )


@pytest.fixture(scope="session")
def book():
    """The real playbook_data/, loaded and validated once per test session (never at import)."""
    from playbook.core.loading import playbook_for

    return playbook_for(ROOT)  # the one copy test modules that call playbook_for share


def file_ids(folder: str) -> list[str]:
    """The ids of one data folder from its file names, to parametrize over without loading the data;
    tests/core/test_data.py checks that each file is named after its id."""
    return sorted(path.stem for path in (ROOT / "playbook_data" / folder).glob("*.yml"))


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SimpleNamespace:
    """The real site, built once per test run: `site` (its folder), `stdout` and `stderr` (its log). Under
    pytest-xdist the workers share one build in the run's temporary folder: the first to need it builds, the others
    wait on its lock (each worker built its own before: one build of 10-20 s of CPU more)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return _site_built(tmp_path_factory.mktemp("site"))
    shared = tmp_path_factory.getbasetemp().parent  # the run's folder, above each worker's own
    with open(shared / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _site_built(shared / "site")


def _site_built(site_dir: Path) -> SimpleNamespace:
    """The real site in `site_dir`, built there unless an earlier call (another worker's) has; its log."""
    log = site_dir.with_name(site_dir.name + ".log.json")
    if not log.is_file():
        result = mkdocs_build(ROOT, site_dir)
        log.write_text(json.dumps([result.returncode, result.stdout, result.stderr]), encoding="utf-8")
    returncode, stdout, stderr = json.loads(log.read_text(encoding="utf-8"))
    assert returncode == 0, stderr
    return SimpleNamespace(site=site_dir, stdout=stdout, stderr=stderr)


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    """The folder of the real site, built once per test session."""
    return site_build.site


def built_pages(site: Path, lang: str) -> list[Path]:
    """Every HTML page of one language in a built site: en/ for English, the rest for Chinese."""
    english = site / "en"
    pages = english.rglob("*.html") if lang == "en" else (p for p in site.rglob("*.html") if english not in p.parents)
    return sorted(pages)


def copy_project(target: Path, parts=("docs", "playbook_data", "playbook", "overrides", "calculators")) -> Path:
    """A copy of what builds the site (docs, data, config, the plugin, overrides, calculators) at `target`; or of
    those of its folders named by `parts`."""
    for name in parts:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throw-away copy of the project for tests that break things."""
    return copy_project(tmp_path)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A throw-away copy of the content, docs/ and playbook_data/ (and mkdocs.yml), for tests that break the data and
    check it without building: two thirds of the project's files to copy and delete."""
    return copy_project(tmp_path, parts=("docs", "playbook_data"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a page that left mid-download is no error
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(folder: Path):
    """`folder` served on 127.0.0.1 (a free port) while the block runs; gives its base URL."""
    httpd = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1 (a free port); yields its base URL."""
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (Playwright's own browser download cannot work here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def expect(*args, **kwargs):
    """Playwright's `expect`, imported on first use: `make quick`, which drives no browser, never loads Playwright
    (0.2 s of CPU in every worker's collection)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(*args, **kwargs)


@pytest.fixture
def page(browser):
    """A fresh browser page whose every request is recorded in `page.requests`."""
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()
