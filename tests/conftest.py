"""Fixtures: the site built once per session and served on 127.0.0.1, Debian's Chromium, and the slow
checks that run in the background.

The build starts in a thread as soon as the tests are collected, if any test needs the site, so
that it runs while the first tests (and the blocks) run. Once it is done, the tour of every page
(in a Chromium of its own) and each test module's `background(site, server)` start in two more
threads, while the main thread goes on with the other tests; the tests that read their results
run last.
"""

import io
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sitetools

WAITS = {"tour", "background"}  # fixtures whose work runs in the background once the site is built
SITE_FIXTURES = {"site", "server", "served", *WAITS}


class Site:
    """The site: built with `mkdocs build --strict` into a new folder, served from 127.0.0.1, and the
    work that starts once it is built; each part in a thread of POOL, from the moment it is made."""

    def __init__(self, pool):
        self.pool, self.folder = pool, tempfile.mkdtemp(prefix="neura-site-")
        self.httpd, self.url = sitetools.serve(self.folder)  # the port is known before the build: site_url
        self.build = pool.submit(sitetools.build, self.folder, self.url)
        self.jobs = {}

    def ready(self):
        """(folder, address) once the build has succeeded."""
        done = self.build.result()
        assert done.returncode == 0, done.stderr[-4000:]
        return Path(self.folder), self.url

    def then(self, name, work):
        """Start WORK(folder, address) once the site is built; its result is self.jobs[NAME].result()."""
        self.jobs[name] = self.pool.submit(lambda: work(*self.ready()))

    def close(self):
        for job in self.jobs.values():
            job.cancel() or job.exception()  # nothing is left running when the folder goes
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
    pool = ThreadPoolExecutor(3)  # the build, the tour, the modules' work; once built, two modules' at a time
    site = session.config.stash[SITE] = Site(pool)
    if any("tour" in getattr(item, "fixturenames", ()) for item in session.items):
        site.then("tour", tour_every_page)
    waiting = [item.module for item in session.items if "background" in getattr(item, "fixturenames", ())]
    for module in dict.fromkeys(waiting):  # in the order their tests will ask
        site.then(module.__name__, module.background)


def pytest_sessionfinish(session):
    site = session.config.stash.get(SITE, None)
    if site:
        site.close()
        site.pool.shutdown(wait=True)


@pytest.fixture(scope="session")
def served(request):
    """(folder, address) of the site built once with `mkdocs build --strict` and served on 127.0.0.1.

    The address is known before the build, so that site_url (which Material's instant navigation
    relies on) is the address the pages are really served from.
    """
    if SITE not in request.config.stash:  # asked for by a test collected without it (a plugin's)
        request.config.stash[SITE] = Site(ThreadPoolExecutor(1))
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
    """What the test module's own `background(site, server)` returned: it ran in a thread from the
    moment the site was built, beside the other tests. So it must share nothing with them: its work runs
    in other processes (a kernel, a venv, a fresh Python), never torch in this one (NeuralPainter(seed)
    seeds torch's one global generator)."""
    return request.config.stash[SITE].jobs[request.module.__name__].result()


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

    def hidden(self):
        """The longest line of each code box that scrolls sideways, every box shown (see HIDDEN)."""
        self.page.add_style_tag(content=SHOW_ALL)
        return self.page.evaluate(HIDDEN)

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


# Code boxes that hide part of a line, with every collapsed block opened and every tab shown, as a
# reader could: the longest line of each. The API page's "Source code" boxes too, which show neura's
# public functions (so keep their lines to 80).
SHOW_ALL = ".tabbed-content > .tabbed-block { display: block !important }"
HIDDEN = """() => { document.querySelectorAll('article details').forEach(d => d.open = true);
    return [...document.querySelectorAll('article pre')].filter(pre => {
        const code = pre.querySelector('code') || pre;
        return code.scrollWidth > code.clientWidth + 1 || pre.scrollWidth > pre.clientWidth + 1;
    }).map(pre => pre.textContent.split('\\n').reduce((a, b) => b.length > a.length ? b : a, '')) }"""


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


SHOW_EVERY_BLOCK = "async () => { const reveal = " + REVEAL + """;
    for (const code of document.querySelectorAll('article pre > code')) {
        reveal(code); code.scrollIntoView({ block: 'center' });
        await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))) } }"""


def copy_every_button(page):
    """The text each copy button of the page puts on the clipboard, in order. Material draws a code
    block's buttons once the block comes on screen (content.lazy): each is scrolled to first, as read."""
    page.evaluate(SHOW_EVERY_BLOCK)
    buttons, texts = page.locator("article .md-code__button[data-md-type=copy], article clipboard-copy"), []
    reveal_and_clear = f"button => {{ ({REVEAL})(button); return navigator.clipboard.writeText('') }}"
    for i in range(buttons.count()):
        buttons.nth(i).evaluate(reveal_and_clear)  # a button that copied nothing would leave it empty
        buttons.nth(i).click()
        texts.append(page.evaluate("navigator.clipboard.readText()"))
    return texts


def axe_or_why(page):
    """What axe-core finds on PAGE, or why it cannot run here (a sentence)."""
    try:
        return sitetools.axe(page)
    except RuntimeError as why:
        return str(why)


def visit_every_page(browser, server):
    """Every page of the site (and the 404 page) visited once, as a reader would, and what was seen:
    {path: dict(problems, schemes, paper, colours, axe, problems_after_toggle, hidden, blocks, copies)}.

    Each of paper (figure corners), colours (quiet text) and axe (what axe-core finds) is a pair: the
    palette the page opens with, then the other one. One visit per page serves the page, palette,
    accessibility, code-width (hidden: at Playwright's 1280 x 720) and copy-button tests; the live
    studio is judged once its first run is drawn.
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
        found["hidden"] = v.hidden()
        found["blocks"] = v.page.locator(  # a block with line numbers has a second <pre> for them
            "article div.highlight pre:not(.linenodiv > pre), article .jp-InputArea pre").count()
        found["copies"] = copy_every_button(v.page)
        found["code_navs"] = v.page.evaluate("""() => [document.querySelectorAll('article pre > code').length,
            [...document.querySelectorAll('article .md-code__nav')].map(nav => nav.getAttribute('aria-label'))]""")
        seen[path] = found
        v.page.close()
    return seen


def tour_every_page(site, server):
    """visit_every_page in a Chromium of its own: this runs in a thread beside the main one's."""
    if sitetools.missing_browser():
        return None  # the `tour` fixture says why (through `browser`)
    with sitetools.chromium() as browser:
        return visit_every_page(browser, server)


@pytest.fixture(scope="session")
def tour(request, browser, served):
    """What the tour of every page saw (see visit_every_page); it ran in the background."""
    return request.config.stash[SITE].jobs["tour"].result()
