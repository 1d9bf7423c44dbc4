"""The built site in real headless Chromium: every page loads clean, offline, with math and pictures.

Debian's Chromium drives the tests (`apt-get install chromium`, `pip install playwright`); Playwright's
own browser download is never used. Without Chromium the tests are skipped, except under CI.
"""

import io
import json
import os
import shutil
import subprocess
import sys

import matplotlib.pyplot as plt
import pytest
from conftest import PAGES, ROOT
from pytest_codeblocks import extract_from_file

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
        return ("no playwright package: install it with `pip install playwright`"
                " (Debian's Chromium is used, no browser download)")
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
    visits = []

    def open_page(path):
        v = Visit(browser, server)
        v.page.goto(server + path, wait_until="networkidle")
        visits.append(v)
        return v
    yield open_page
    for v in visits:
        v.page.close()


@pytest.mark.parametrize("path", PAGES + ["404.html"])  # GitHub Pages shows 404.html for a missing page
def test_page_loads_clean_offline_with_math_and_pictures(visit, path):
    assert visit(path).problems() == []


def test_next_links_walk_all_seven_steps_with_instant_navigation(visit):
    v = visit("")
    v.page.evaluate("window.neuraMarker = 'still the first page load'")
    for number, step in enumerate(["1-network", "2-forward", "3-loss", "4-backprop", "5-optimizer", "6-training",
                                  "7-gallery"], 1):
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


def figure_corners(v):
    """The on-screen colour (RGB) near each figure's top-left corner: its paper, or the page showing
    through if the figure were transparent, or whatever a dark-mode filter made of it."""
    imgs, found = v.page.locator("article img"), []
    for i in range(imgs.count()):
        shot = plt.imread(io.BytesIO(imgs.nth(i).screenshot()), format="png")
        found.append(tuple(round(255 * c) for c in shot[3, 3, :3]))
    return found


@pytest.mark.parametrize("path", [p for p in PAGES if p != "reference/"])  # the reference has no pictures
def test_palette_toggle_switches_light_and_dark_and_figures_keep_their_paper(visit, path):
    v = visit(path)
    first, paper = v.scheme(), figure_corners(v)
    assert {first, v.toggle_palette()} == {"default", "slate"}
    assert paper and all(min(rgb) > 235 for rgb in paper), paper  # light paper under the dark ink
    assert figure_corners(v) == paper  # and the same in the other palette
    assert v.problems() == []


# Text that Material and JupyterLab colour grey or pale by default: footer, quiet code tokens, notebook
# prompts. For each shown element, the WCAG contrast of its colour on the backgrounds painted under it.
LOW_CONTRAST = """els => {
    const rgba = (e, property) => {
        const [r, g, b, a = 1] = getComputedStyle(e)[property].match(/[\\d.]+/g).map(Number); return [r, g, b, a] };
    const over = ([r, g, b, a], base) => [r, g, b].map((c, i) => c * a + base[i] * (1 - a));
    const lum = rgb => rgb.map(c => c / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
                          .reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (x, y) => (Math.max(lum(x), lum(y)) + 0.05) / (Math.min(lum(x), lum(y)) + 0.05);
    return els.filter(e => e.textContent.trim() && e.getClientRects().length).map(e => {
        const layers = [];
        for (let p = e; p; p = p.parentElement) {
            const c = rgba(p, 'backgroundColor'); if (c[3] > 0) layers.push(c); if (c[3] === 1) break }
        const back = layers.reverse().reduce((base, c) => over(c, base), [255, 255, 255]);
        return [e.className + ': ' + e.textContent.trim().slice(0, 20), ratio(over(rgba(e, 'color'), back), back)]
    }).filter(([, r]) => r < 4.5) }"""
QUIET_TEXT = (".md-copyright, .highlight .c1, .highlight .ow, .highlight .p, .highlight .o,"
              " .jp-InputPrompt, .jp-OutputPrompt")


@pytest.mark.parametrize("path", PAGES)
def test_quiet_text_is_readable_in_both_palettes(visit, path):
    v = visit(path)
    v.page.add_style_tag(content="* { transition: none !important }")  # judge the colours, not a fade
    for _ in range(2):  # the palette the page opens with, then the other one
        assert v.page.eval_on_selector_all(QUIET_TEXT, LOW_CONTRAST) == [], v.scheme()
        v.toggle_palette()


def source(path):
    """The Markdown file behind a page of the site."""
    return ROOT / "docs" / f"{path.strip('/') or 'index'}.md"


# What a learner does to see a block before copying it: open the collapsed solution, pick the tab.
REVEAL = """button => { for (let e = button; e; e = e.parentElement) {
    if (e.tagName === 'DETAILS' && !e.open) e.querySelector(':scope > summary').click();
    if (e.classList.contains('tabbed-block')) {
        const labels = e.closest('.tabbed-set').querySelectorAll(':scope > .tabbed-labels > label');
        labels[[...e.parentElement.children].indexOf(e)].click() } } }"""


@pytest.fixture(scope="module")
def copies(browser, server):
    """For each page: how many code blocks it shows, and the text each copy button puts on the clipboard."""
    page, found = browser.new_page(permissions=["clipboard-read", "clipboard-write"]), {}
    for path in PAGES:
        page.goto(server + path, wait_until="networkidle")
        buttons, texts = page.locator("article .md-code__button[data-md-type=copy], article clipboard-copy"), []
        for i in range(buttons.count()):
            page.evaluate("navigator.clipboard.writeText('')")
            buttons.nth(i).evaluate(REVEAL)
            buttons.nth(i).click()
            texts.append(page.evaluate("navigator.clipboard.readText()"))
        found[path] = page.locator("article div.highlight pre, article .jp-InputArea pre").count(), texts
    page.close()
    return found


def copied_python(path, texts):
    """{name: (copied code or None, meant to fail)} for the Python a learner copies from a page.

    A step page's blocks each run alone; the notebook's cells run in order, as one session.
    """
    if not source(path).exists():
        return {path: ("\n".join(texts), False)}
    lines = lambda code: tuple(line for line in code.splitlines() if line.strip())  # noqa: E731
    by_code = {lines(t): t for t in texts}  # pytest-codeblocks drops blank lines of indented blocks
    return {f"{path}:{b.lineno}": (by_code.get(lines(b.code)), any("xfail" in m for m in b.marks))
            for b in extract_from_file(source(path)) if b.syntax == "python"}


@pytest.fixture(scope="module")
def ran(copies):
    """Every copied Python snippet, run in a fresh interpreter (tests/alone.py): {name: (ok, output)}."""
    snippets = {name: code for path, (_, texts) in copies.items()
                for name, (code, _) in copied_python(path, texts).items() if code}
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "alone.py"), "-"], input=json.dumps(snippets),
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


@pytest.mark.parametrize("path", PAGES)
def test_every_code_block_has_a_copy_button(copies, path):
    blocks, texts = copies[path]
    assert len(texts) == blocks and all(t.strip() for t in texts)


@pytest.mark.parametrize("path", PAGES)
def test_what_the_copy_button_copies_runs_in_a_fresh_python(copies, ran, path):
    snippets = copied_python(path, copies[path][1])
    assert snippets, "no Python to copy on this page"
    for name, (code, must_fail) in snippets.items():
        assert code is not None, f"{name}: no copy button copies this block as its page's source has it"
        ok, output = ran[name]
        assert ok != must_fail, f"{name}: {'ran, but it is marked to fail' if ok else output}"


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
