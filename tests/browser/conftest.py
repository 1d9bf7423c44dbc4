"""Debian's Chromium, driven by Playwright, on the built site (tests/conftest.py builds and serves it).

Each worker of pytest-xdist that runs a test here starts its own Chromium.
"""

import os

import pytest

import sitekit
from sitekit import browsing


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
