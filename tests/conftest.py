"""Fixtures: the site built once per session and served on 127.0.0.1, and Debian's Chromium.

The build starts in the background as soon as the tests are collected, if any test needs the
site, so that it runs while the first tests (and the blocks) run.
"""

import io
import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest
import sitetools

SITE_FIXTURES = {"site", "server", "served"}


class Build(threading.Thread):
    """`mkdocs build --strict` into FOLDER for the server that will serve it, in a thread."""

    def __init__(self, folder):
        super().__init__(daemon=True)
        self.folder = folder
        self.httpd, self.url = sitetools.serve(folder)  # the port is known before the build: site_url
        self.start()

    def run(self):
        self.done = sitetools.build(self.folder, self.url)


def needs_site(item):
    return bool(SITE_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(items):
    """The tests that need the built site go last, so that the others run while it builds."""
    items.sort(key=needs_site)  # a stable sort: each group keeps its order


def pytest_collection_finish(session):
    if any(map(needs_site, session.items)):
        session.config.stash[BUILD] = Build(tempfile.mkdtemp(prefix="neura-site-"))


BUILD = pytest.StashKey[Build]()


@pytest.fixture(scope="session")
def served(request):
    """(folder, address) of the site built once with `mkdocs build --strict` and served on 127.0.0.1.

    The address is known before the build, so that site_url (which Material's instant navigation
    relies on) is the address the pages are really served from.
    """
    build = request.config.stash.get(BUILD, None) or Build(tempfile.mkdtemp(prefix="neura-site-"))
    build.join()
    assert build.done.returncode == 0, build.done.stderr[-4000:]
    yield Path(build.folder), build.url
    build.httpd.shutdown()
    shutil.rmtree(build.folder)


@pytest.fixture(scope="session")
def site(served):
    """The folder of the built site."""
    return served[0]


@pytest.fixture(scope="session")
def server(served):
    """The address the built site is served from."""
    return served[1]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium; skipped where it is missing, except under CI."""
    why = sitetools.missing_browser()
    if why and os.environ.get("CI") == "true":
        pytest.fail(f"CI needs the browser tests: {why}")
    if why:
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = sitetools.launch(p)
        yield chromium
        chromium.close()


# decode() waits until an image has arrived (after instant navigation it may still be on its way)
# and fails if it cannot be shown.
BROKEN_IMAGES = """Promise.all([...document.images].map(i => i.decode().then(() => null, () => i.src)))
    .then(srcs => srcs.filter(Boolean))"""


class Visit:
    """A browser page that records console errors, failed requests and requests to other hosts."""

    def __init__(self, browser, origin):
        self.page = browser.new_page(permissions=["clipboard-read", "clipboard-write"])
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

    def scheme(self):
        """The palette the page shows: "default" (light) or "slate" (dark)."""
        return self.page.get_attribute("body", "data-md-color-scheme")

    def toggle_palette(self):
        """Click the light/dark switch, as a reader would; return the palette now shown."""
        self.page.click("form[data-md-component=palette] label:visible")
        return self.scheme()

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
    """visit(path) opens the site's page at PATH in a fresh tab and returns its Visit."""
    visits = []

    def open_page(path, wait_until="networkidle"):
        v = Visit(browser, server)
        v.page.goto(server + path, wait_until=wait_until)
        visits.append(v)
        return v
    yield open_page
    for v in visits:
        v.page.close()


# Colours a reader may find too pale: footer, quiet code tokens, notebook prompts (Material's and
# JupyterLab's defaults are grey). For each shown element: a label, its text colour and the colour of
# the backgrounds painted under it, both as RGB after blending the transparent layers.
QUIET_TEXT = (".md-copyright, .highlight .c1, .highlight .ow, .highlight .p, .highlight .o,"
              " .jp-InputPrompt, .jp-OutputPrompt")
COLOURS = """els => {
    const rgba = (e, property) => {
        const [r, g, b, a = 1] = getComputedStyle(e)[property].match(/[\\d.]+/g).map(Number); return [r, g, b, a] };
    const over = ([r, g, b, a], base) => [r, g, b].map((c, i) => c * a + base[i] * (1 - a));
    return els.filter(e => e.textContent.trim() && e.getClientRects().length).map(e => {
        const layers = [];
        for (let p = e; p; p = p.parentElement) {
            const c = rgba(p, 'backgroundColor'); if (c[3] > 0) layers.push(c); if (c[3] === 1) break }
        const back = layers.reverse().reduce((base, c) => over(c, base), [255, 255, 255]);
        return [e.className + ': ' + e.textContent.trim().slice(0, 20), over(rgba(e, 'color'), back), back]
    }) }"""
# What a learner does to see a block before copying it: open the collapsed solution, pick the tab.
REVEAL = """button => { for (let e = button; e; e = e.parentElement) {
    if (e.tagName === 'DETAILS' && !e.open) e.querySelector(':scope > summary').click();
    if (e.classList.contains('tabbed-block')) {
        const labels = e.closest('.tabbed-set').querySelectorAll(':scope > .tabbed-labels > label');
        labels[[...e.parentElement.children].indexOf(e)].click() } } }"""


def figure_corners(page):
    """The on-screen colour (RGB) near each figure's top-left corner: its paper, or the page showing
    through if the figure were transparent, or whatever a dark-mode filter made of it."""
    import matplotlib.pyplot as plt

    imgs, found = page.locator("article img"), []
    for i in range(imgs.count()):
        imgs.nth(i).evaluate(REVEAL)  # a figure in a collapsed deep dive: open it, as a reader would
        shot = plt.imread(io.BytesIO(imgs.nth(i).screenshot()), format="png")
        found.append(tuple(round(255 * c) for c in shot[3, 3, :3]))
    return found


def copy_every_button(page):
    """The text each copy button of the page puts on the clipboard, in order."""
    buttons, texts = page.locator("article .md-code__button[data-md-type=copy], article clipboard-copy"), []
    for i in range(buttons.count()):
        page.evaluate("navigator.clipboard.writeText('')")
        buttons.nth(i).evaluate(REVEAL)
        buttons.nth(i).click()
        texts.append(page.evaluate("navigator.clipboard.readText()"))
    return texts


def axe_or_why(page):
    """What axe-core finds on PAGE, or why it cannot run here (a sentence)."""
    try:
        return sitetools.axe(page)
    except RuntimeError as why:
        return str(why)


@pytest.fixture(scope="session")
def tour(browser, server):
    """Every page of the site (and the 404 page) visited once, as a reader would, and what was seen:
    {path: dict(problems, schemes, paper, colours, axe, problems_after_toggle, blocks, copies)}.

    Each of paper (figure corners), colours (quiet text) and axe (what axe-core finds) is a pair: the
    palette the page opens with, then the other one. One visit per page serves the page, palette,
    accessibility and copy-button tests; the live studio is judged once its first run is drawn.
    """
    seen = {}
    for path in [*sitetools.urls(), "404.html"]:  # GitHub Pages shows 404.html for a missing page
        v = Visit(browser, server)
        v.page.goto(server + path, wait_until="networkidle")
        if v.page.locator("#live-studio").count():
            v.page.wait_for_selector("#live-studio[data-state=done]")
        found = {"problems": v.problems(), "schemes": [], "paper": [], "colours": [], "axe": []}
        # Judge the colours, not a fade; and every block drawn, as it is once scrolled to (neura.css lets
        # the browser skip code blocks far from the screen, and axe does not scroll to them).
        v.page.add_style_tag(content="* { transition: none !important; content-visibility: visible !important }")
        for _ in range(2):
            found["schemes"].append(v.scheme())
            found["paper"].append(figure_corners(v.page))
            found["colours"].append(v.page.eval_on_selector_all(QUIET_TEXT, COLOURS))
            found["axe"].append(axe_or_why(v.page))
            v.toggle_palette()
        found["problems_after_toggle"] = v.problems()
        found["blocks"] = v.page.locator(  # a block with line numbers has a second <pre> for them
            "article div.highlight pre:not(.linenodiv > pre), article .jp-InputArea pre").count()
        found["copies"] = copy_every_button(v.page)
        seen[path] = found
        v.page.close()
    return seen
