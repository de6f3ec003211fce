"""How the tests are spread over pytest-xdist's workers (the Makefile's `-n auto`), how a worker collects its
garbage, and how it ends.

The order in which pytest-xdist hands out whole modules (the Makefile's `--dist loadfile
--no-loadscope-reorder`): longest first, so that no long module is left to finish alone at the end while the other
workers wait. How long a module takes is what its tests took in the last runs on this machine, kept in pytest's
cache (.pytest_cache/, which git ignores); a module none of whose tests has run yet comes first, by the rule a
fresh clone uses for all: those that build or drive the browser first, fewest tests first (each then builds its own
sites or visits every page: the longest), then the rest, most tests first."""

import atexit
import gc
import os
import sys

import pytest

KEY = "playbook/test-seconds"  # test id -> seconds its last run took, setup and teardown included
_took: dict[str, float] = {}


@pytest.hookimpl(trylast=True)  # after tests/conftest.py has marked the tests that build
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]):
    items.sort(key=_long_first(items, config))


def _long_first(items: list[pytest.Item], config: pytest.Config):
    """The sort key of `items` (a test's module's place in the order)."""
    took = _kept(config)
    tests, heavy, known = {}, set(), {}
    for item in items:
        tests.setdefault(item.path, []).append(item.nodeid)
        if item.get_closest_marker("build") or item.get_closest_marker("browser"):
            heavy.add(item.path)
    for path, ids in tests.items():
        seconds = [took[i] for i in ids if i in took]
        if seconds:  # tests not run yet take what the module's others took on average
            known[path] = sum(seconds) / len(seconds) * len(ids)

    def key(item):
        path, count = item.path, len(tests[item.path])
        if path in known:
            return (2, -known[path])
        return (0, count) if path in heavy else (1, -count)
    return key


def _kept(config: pytest.Config) -> dict[str, float]:
    cache = getattr(config, "cache", None)  # none under `-p no:cacheprovider`
    return cache.get(KEY, {}) if cache else {}


def pytest_runtest_logreport(report: pytest.TestReport):
    _took[report.nodeid] = _took.get(report.nodeid, 0.0) + report.duration


def pytest_sessionfinish(session: pytest.Session):
    """Where the tests are handed out (pytest-xdist's controller, or the one process without it), what this run's
    tests took replaces what the last runs said of them."""
    cache = getattr(session.config, "cache", None)
    if _took and cache and not hasattr(session.config, "workerinput"):
        cache.set(KEY, _kept(session.config) | {test: round(seconds, 3) for test, seconds in _took.items()})


def pytest_configure(config: pytest.Config):
    # A young-generation collection each 10,000 allocations, not 700: the tests make many objects that live (the
    # loaded playbook, compiled workbooks), which each collection walks again; 0.7-0.9 s less CPU in 16 s of tests
    gc.set_threshold(10_000)
    if hasattr(config, "workerinput"):  # a worker, whose results have gone to the controller by the time it exits
        atexit.register(_exit_now)


def _exit_now():
    """Leave without Python's teardown, which frees every object one by one: 1.5-1.9 s for a worker that has held
    a compiled workbook or the loaded playbook, while the controller waits (the way mypy leaves, too)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
