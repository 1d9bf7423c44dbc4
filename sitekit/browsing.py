"""A reader's visit to the built site in Chromium: what each page shows, in both palettes.

Used by tests/browser/: its conftest.py's `visit` and `tour` fixtures, and the live studio's runs.
"""

import io

from . import layout, studio
from .browser import axe

# decode() waits until an image has arrived (after instant navigation it may still be on its way)
# and fails if it cannot be shown.
BROKEN_IMAGES = """Promise.all([...document.images].map(i => i.decode().then(() => null, () => i.src)))
    .then(srcs => srcs.filter(Boolean))"""


def tabs(browser):
    """A browser context in which tabs are opened one after another, with the clipboard allowed and
    downloads kept. A blank tab stays open in it, so that Chromium keeps the site's renderer, with the
    scripts it compiled, for the next tab: a context of its own per tab cost 1.3 core-seconds a page
    here, against 0.5."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
    context.new_page()
    return context


class Visit:
    """A tab (of `tabs`) that records console errors, failed requests (not those cancelled by a new
    navigation) and requests to other hosts (which fail: the tests' Chromium resolves no other host).
    Nothing is intercepted: Playwright turns the browser's cache off in a tab whose requests it routes."""

    def __init__(self, context, origin):
        self.page = context.new_page()
        self.errors, self.failed, self.foreign = [], [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # A request the browser cancelled (the reader moved on before it finished) is no fault of the page.
        self.page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and self.failed.append(r.url))
        mine = (origin, "data:", f"blob:{origin}")  # the site's own, and what its pages make (a diary to download)
        self.page.on("request", lambda r: r.url.startswith(mine) or self.foreign.append(r.url))

    def close(self):
        """Close the tab, and forget the palette it may have chosen (the tabs share the site's storage)."""
        self.page.evaluate("localStorage.clear()")
        self.page.close()

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
SHOW_ALL = (".tabbed-content > .tabbed-block { display: block !important }"
            " * { content-visibility: visible !important }")  # every box laid out, even far from the screen
HIDDEN = """() => { document.querySelectorAll('article details').forEach(d => d.open = true);
    return [...document.querySelectorAll('article pre')].filter(pre => {
        const code = pre.querySelector('code') || pre;
        return code.scrollWidth > code.clientWidth + 1 || pre.scrollWidth > pre.clientWidth + 1;
    }).map(pre => pre.textContent.split('\\n').reduce((a, b) => b.length > a.length ? b : a, '')) }"""


# Every table that hides part of itself, each as a sentence (issue 27: step 6's diary was wider than the
# text column at 1280 px, its last columns cut off with no scrollbar). Walking up from the table itself to the
# article: a box that clips (overflow hidden or clip) and is narrower than its content hides it; the
# first box that scrolls (overflow-x auto or scroll) shows all of it, a scrollbar away. A table with no
# such box must end inside the article.
CLIPPED = """() => {
    document.querySelectorAll('article details').forEach(d => d.open = true);
    const article = document.querySelector('article');
    return [...document.querySelectorAll('article table')].filter(t => t.getClientRects().length).flatMap(t => {
        const name = (t.caption?.textContent || t.rows[0]?.textContent || '').trim().slice(0, 40);
        for (let box = t; box && box !== article.parentElement; box = box.parentElement) {
            const o = getComputedStyle(box).overflowX, wide = box.scrollWidth > box.clientWidth + 1;
            if ((o === 'hidden' || o === 'clip') && wide)
                return [`${name}: clipped by <${box.localName} class="${box.className}">`];
            if (o === 'auto' || o === 'scroll') return [];
        }
        const a = article.getBoundingClientRect(), b = t.getBoundingClientRect();
        return b.right > a.right + 1 || b.left < a.left - 1 ? [`${name}: wider than the article, no box scrolls`] : [];
    }) }"""


def figure_corners(page):
    """The on-screen colour (RGB) near each figure's top-left corner: its paper, or the page showing
    through if the figure were transparent, or whatever a dark-mode filter made of it."""
    import matplotlib.pyplot as plt

    imgs, found = page.locator("article img"), []
    for i in range(imgs.count()):
        imgs.nth(i).evaluate(REVEAL)  # a figure in a collapsed deep dive: open it, as a reader would
        imgs.nth(i).scroll_into_view_if_needed()
        box = imgs.nth(i).bounding_box()  # on the screen: the one pixel 3 px in from the corner is shot
        shot = plt.imread(io.BytesIO(page.screenshot(clip={"x": box["x"] + 3, "y": box["y"] + 3, "width": 1,
                                                           "height": 1})), format="png")
        found.append(tuple(round(255 * c) for c in shot[0, 0, :3]))
    return found


OPEN_ALL = "() => document.querySelectorAll('article details').forEach(d => d.open = true)"
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


# Each copy button in turn: shown and scrolled to, the clipboard emptied (a button that copied nothing
# leaves it empty), clicked, and the clipboard read once the button has written it (a moment after the
# click), or after 5 s. The page's own click() runs the button's handler as a reader's click does;
# Playwright's click (which, forced, checked no more) took 3.5 times the CPU.
COPY_EACH = "async () => { const reveal = " + REVEAL + """;
    const texts = [], buttons = 'article .md-code__button[data-md-type=copy], article clipboard-copy';
    for (const button of document.querySelectorAll(buttons)) {
        reveal(button); button.scrollIntoView({ block: 'center' });
        await navigator.clipboard.writeText('');
        button.click();
        let text = '';
        for (const start = Date.now(); !text && Date.now() - start < 5000;) {
            await new Promise(done => setTimeout(done, 10)); text = await navigator.clipboard.readText() }
        texts.push(text) }
    return texts }"""


def copy_every_button(page):
    """The text each copy button of the page puts on the clipboard, in order. Material draws a code
    block's buttons once the block comes on screen (content.lazy): for two frames, every block is shown
    (every collapsed box open, every tab's block) on a screen as tall as the page, so that all are drawn."""
    size = page.viewport_size
    page.add_style_tag(content=SHOW_ALL)
    page.evaluate(OPEN_ALL)
    page.set_viewport_size({"width": size["width"], "height": page.evaluate("document.documentElement.scrollHeight")})
    page.evaluate(TWO_FRAMES)
    page.set_viewport_size(size)
    return page.evaluate(COPY_EACH)


def axe_or_why(page):
    """What axe-core finds on PAGE, or why it cannot run here (a sentence)."""
    try:
        return axe(page)
    except RuntimeError as why:
        return str(why)


def visit_every_page(browser, server):
    """Every page of the site (and the 404 page) visited once, as a reader would, and what was seen:
    {path: dict(problems, schemes, paper, colours, axe, problems_after_toggle, hidden, clipped, blocks,
    copies)}.

    Each of paper (figure corners), colours (quiet text) and axe (what axe-core finds) is a pair: the
    palette the page opens with, then the other one. One visit per page serves the page, palette,
    accessibility, code-width and table-width (hidden, clipped: at Playwright's 1280 x 720) and
    copy-button tests; the live studio is judged once its first run is drawn.
    """
    seen, context = {}, tabs(browser)
    for path in [*layout.urls(), "404.html"]:  # GitHub Pages shows 404.html for a missing page
        v = Visit(context, server)
        v.page.goto(server + path, wait_until="load")
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
        found["clipped"] = v.page.evaluate(CLIPPED)  # every box shown, as for hidden
        found["blocks"] = v.page.locator(  # a block with line numbers has a second <pre> for them
            "article div.highlight pre:not(.linenodiv > pre), article .jp-InputArea pre").count()
        found["copies"] = copy_every_button(v.page)
        found["code_navs"] = v.page.evaluate("""() => [document.querySelectorAll('article pre > code').length,
            [...document.querySelectorAll('article .md-code__nav')].map(nav => nav.getAttribute('aria-label'))]""")
        seen[path] = found
        v.close()
    context.close()
    return seen


# A link to another run of the live page, followed as a reader follows one: Material's instant
# navigation leaves it to the page, which trains that run without loading itself again.
FOLLOW = """q => { const a = document.createElement('a'); a.href = '?' + q;
    document.querySelector('article').append(a); a.click(); a.remove() }"""


def open_run(page, server, q, follow=False):
    """PAGE (a Playwright page) showing the live studio's run for query Q, and the diary CSV it downloads;
    loaded afresh, or, with FOLLOW, reached by a link from the live page PAGE already shows."""
    if follow:
        page.evaluate(FOLLOW, q)
    else:
        page.goto(f"{server}{studio.ADDRESS}?{q}")
    page.wait_for_function("q => { const r = document.getElementById('live-studio');"
                           " return r.dataset.state === 'done' && r.dataset.config === '?' + q }", arg=q)
    with page.expect_download() as download:
        page.click("#live-csv")
    return page, download.value.path().read_text()


def notice(visit, query):
    """What the live page of VISIT (a Visit) says of the run at QUERY once it has opened it: its notice,
    which names any setting it refused."""
    visit.page.goto(f"{visit.page.url.split('?')[0]}?{query}")
    visit.page.wait_for_selector("#live-studio[data-state=done]")
    return visit.page.inner_text("#live-notice")
