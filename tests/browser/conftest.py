"""Debian's Chromium, driven by Playwright, on the built site (tests/conftest.py builds and serves it).

Each worker of pytest-xdist that runs a test here starts its own Chromium.
"""

import os

import pytest

import sitekit
from sitekit import browsing, studio


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
    """visit(path, width=1280, height=720, scheme="light") opens the site's page at PATH, once loaded, in a new
    tab of that size whose reader prefers that colour scheme, and returns its Visit."""
    visits = []

    def open_page(path, width=1280, height=720, scheme="light"):
        v = browsing.Visit(tabs, server)
        v.page.set_viewport_size({"width": width, "height": height})
        v.page.emulate_media(color_scheme=scheme)
        v.page.goto(server + path, wait_until="load")
        visits.append(v)
        return v
    yield open_page
    for v in visits:
        v.close()


@pytest.fixture
def live(visit):
    """live(query="", width=1280, height=900, scheme="light") opens the live studio at ?QUERY (with its "?") in
    a new tab, as visit does, and returns the tab (Playwright's page) once her run is drawn."""
    def open_run(query="", width=1280, height=900, scheme="light"):
        page = visit(f"{studio.ADDRESS}{query}", width, height, scheme).page
        page.wait_for_selector("#live-studio[data-state=done]")
        return page
    return open_run
