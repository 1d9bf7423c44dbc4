"""Fixtures: the site built once per session and served on 127.0.0.1, Debian's Chromium, and the slow
checks that run in the background.

The build starts in a thread as soon as the tests are collected, if any test needs the site, so
that it runs while the first tests (and the blocks) run. Once it is done, the tour of every page
and each test module's `background(site, server)` run in two other Pythons, one job at a time each,
while this one goes on with the other tests; the tests that read their results run last.
"""

import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import sitekit
from sitekit import browsing

WAITS = {"tour", "background"}  # fixtures whose work runs in the background once the site is built
SITE_FIXTURES = {"site", "server", "served", *WAITS}


class Site:
    """The site: built with `mkdocs build --strict` into a new folder in a thread, served from 127.0.0.1,
    and the work that starts once it is built."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="neura-site-")
        self.httpd, self.url = sitekit.serve(self.folder)  # the port is known before the build: site_url
        self.thread = ThreadPoolExecutor(1)
        self.build = self.thread.submit(sitekit.build, self.folder, self.url)
        self.jobs = None

    def ready(self):
        """(folder, address) once the build has succeeded."""
        done = self.build.result()
        assert done.returncode == 0, done.stderr[-4000:]
        return Path(self.folder), self.url

    def then(self, work):
        """Run each of WORK {name: function(folder, address)} once the site is built, in order, in two other
        Pythons (spawned: they share no state, such as torch's random generator, with this one nor
        each other, and no lock of Python's); self.jobs.result()[name].result() is what it returned."""
        self.processes = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"))
        self.jobs = self.thread.submit(lambda: {name: self.processes.submit(f, *self.ready())
                                                for name, f in work.items()})

    def close(self):
        if self.jobs:
            self.processes.shutdown(wait=True, cancel_futures=True)  # nothing left running when the folder goes
        self.thread.shutdown(wait=True)
        self.httpd.shutdown()
        shutil.rmtree(self.folder, ignore_errors=True)


def needs(item):
    """What a test waits for: 0 nothing, 1 the site, 2 its module's background work, 3 the tour."""
    names = set(getattr(item, "fixturenames", ()))
    return 3 if "tour" in names else 2 if "background" in names else 1 if names & SITE_FIXTURES else 0


def pytest_collection_modifyitems(items):
    """The tests that need the built site go after the others, so that they run while it builds; those
    that wait for background work after them, the tour's last (it takes longest). A stable sort: each
    group keeps its order."""
    items.sort(key=needs)


SITE = pytest.StashKey[Site]()


def pytest_collection_finish(session):
    if not any(map(needs, session.items)):
        return
    site = session.config.stash[SITE] = Site()
    work = {}
    if any("tour" in getattr(item, "fixturenames", ()) for item in session.items):
        work["tour"] = browsing.tour_every_page  # first: it takes longest
    for item in session.items:  # in the order their tests will ask
        if "background" in getattr(item, "fixturenames", ()):
            work.setdefault(item.module.__name__, item.module.background)
    if work:
        site.then(work)


def pytest_sessionfinish(session):
    site = session.config.stash.get(SITE, None)
    if site:
        site.close()


@pytest.fixture(scope="session")
def served(request):
    """(folder, address) of the site built once with `mkdocs build --strict` and served on 127.0.0.1.

    The address is known before the build, so that site_url (which Material's instant navigation
    relies on) is the address the pages are really served from.
    """
    if SITE not in request.config.stash:  # asked for by a test collected without it (a plugin's)
        request.config.stash[SITE] = Site()
    return request.config.stash[SITE].ready()


@pytest.fixture(scope="session")
def site(served):
    """The folder of the built site."""
    return served[0]


@pytest.fixture(scope="session")
def server(served):
    """The address the built site is served from."""
    return served[1]


@pytest.fixture(scope="module")
def background(request, served):
    """What the test module's own `background(site, server)` returned: it ran in another Python from the
    moment the site was built, beside the other tests (see Site.then)."""
    return request.config.stash[SITE].jobs.result()[request.module.__name__].result()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium; skipped where it is missing, except under CI."""
    why = sitekit.missing_browser()
    if why and os.environ.get("CI") == "true":
        pytest.fail(f"CI needs the browser tests: {why}")
    if why:
        pytest.skip(why)
    with sitekit.chromium() as chromium:
        yield chromium


@pytest.fixture(scope="session")
def tabs(browser):
    """The browser context whose tabs the tests open, one after another (see browsing.tabs)."""
    context = browsing.tabs(browser)
    yield context
    context.close()


@pytest.fixture
def visit(tabs, server):
    """visit(path) opens the site's page at PATH in a new tab and returns its Visit."""
    visits = []

    def open_page(path, wait_until="networkidle"):
        v = browsing.Visit(tabs, server)
        v.page.goto(server + path, wait_until=wait_until)
        visits.append(v)
        return v
    yield open_page
    for v in visits:
        v.close()


@pytest.fixture(scope="session")
def tour(request, browser, served):
    """What the tour of every page saw (see visit_every_page); it ran in the background."""
    return request.config.stash[SITE].jobs.result()["tour"].result()
