"""The built site in real headless Chromium: every page loads clean, offline, with math and pictures.

Debian's Chromium drives the tests (`apt-get install chromium`, `pip install playwright`); Playwright's
own browser download is never used. Without Chromium the tests are skipped, except under CI.
"""

import os
import shutil

import pytest
from conftest import PAGES

CHROMIUM = os.environ.get("NEURA_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"]


def missing_browser():
    """Why the browser tests cannot run here, or None."""
    if shutil.which(CHROMIUM) is None:
        return f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium`"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "no playwright package: install it with `pip install playwright` (Debian's Chromium is used, no browser download)"
    return None


@pytest.fixture(scope="session")
def browser():
    why = missing_browser()
    if why and os.environ.get("CI") == "true":
        pytest.fail(f"CI needs the browser tests: {why}")
    if why:
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


# decode() waits until an image has arrived (after instant navigation it may still be on its way)
# and fails if it cannot be shown.
BROKEN_IMAGES = """Promise.all([...document.images].map(i => i.decode().then(() => null, () => i.src)))
    .then(srcs => srcs.filter(Boolean))"""


class Visit:
    """A browser page that records console errors, failed requests and requests to other hosts."""

    def __init__(self, browser, origin):
        self.page = browser.new_page()
        self.errors, self.failed, self.foreign = [], [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.route("**/*", self.only_from(origin))

    def only_from(self, origin):
        def handle(route):
            url = route.request.url
            if url.startswith(origin) or url.startswith("data:"):
                route.continue_()
            else:
                self.foreign.append(url)
                route.abort()
        return handle

    def problems(self):
        """Everything wrong with the page as it is now shown, as a list of sentences."""
        found = [f"console error: {e}" for e in self.errors]
        found += [f"failed request: {u}" for u in self.failed if u not in self.foreign]
        found += [f"request to another host: {u}" for u in self.foreign]
        found += [f"image not loaded: {src}" for src in self.page.evaluate(BROKEN_IMAGES)]
        found += [f"image without alt text: {src}" for src in self.page.eval_on_selector_all(
            "img", "imgs => imgs.filter(i => !(i.alt || '').trim()).map(i => i.src)")]
        found += [f"formula not rendered: {t}" for t in self.page.eval_on_selector_all(
            ".arithmatex", "els => els.filter(e => { const m = e.querySelector('math');"
            " return !m || m.getBoundingClientRect().width === 0 }).map(e => e.textContent)")]
        text = self.page.inner_text("article")
        found += [f"raw TeX on the page: {t}" for t in ("\\(", "\\[", "$$", "\\frac") if t in text]
        return found


@pytest.fixture
def visit(browser, server):
    visits = []

    def open_page(path):
        v = Visit(browser, server)
        v.page.goto(server + path, wait_until="networkidle")
        visits.append(v)
        return v
    yield open_page
    for v in visits:
        v.page.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_clean_offline_with_math_and_pictures(visit, path):
    assert visit(path).problems() == []


def test_next_links_walk_all_six_steps_with_instant_navigation(visit):
    v = visit("")
    v.page.evaluate("window.neuraMarker = 'still the first page load'")
    for number, step in enumerate(["1-network", "2-forward", "3-loss", "4-backprop", "5-optimizer", "6-training"], 1):
        v.page.click("a.md-footer__link--next")
        v.page.wait_for_url(f"**/{step}/")
        v.page.wait_for_function("n => document.querySelector('article h1').textContent.startsWith(`Step ${n}`)",
                                 arg=number)  # the new page's content is in place
        assert v.page.evaluate("window.neuraMarker") == "still the first page load"  # no full reload
        assert v.problems() == [], step
        assert v.page.locator("article .arithmatex math").count() > 0 or step == "6-training"


def test_search_finds_the_backpropagation_step(visit):
    v = visit("")
    v.page.click(".md-search__input")
    v.page.keyboard.type("backpropagation", delay=20)  # Material searches on key events
    v.page.wait_for_selector(".md-search-result__item", state="attached")
    links = v.page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.href)")
    assert any("/4-backprop/" in link for link in links)


def test_palette_toggle_switches_light_and_dark(visit):
    v = visit("1-network/")
    scheme = lambda: v.page.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    first = scheme()
    v.page.click("form[data-md-component=palette] label:visible")
    assert scheme() != first and {first, scheme()} == {"default", "slate"}
    assert v.problems() == []


def test_checker_catches_a_broken_page(site, visit):
    (site / "broken").mkdir(exist_ok=True)
    (site / "broken" / "index.html").write_text(
        "<html><body><article><p>$$x$$</p><img src='missing.png' alt='gone'>"
        "<img src='https://example.com/x.png' alt='far away'>"
        "<script>console.error('boom')</script></article></body></html>")
    problems = " | ".join(visit("broken/").problems())
    for kind in ["console error: boom", "image not loaded", "request to another host: https://example.com/x.png",
                 "raw TeX"]:
        assert kind in problems
