"""Every page on a 360 px phone, in two font families: nothing scrolls the page sideways (what is wider,
a formula, a table, code, scrolls inside its own box), no table hides part of itself, no table heading
breaks inside a word, and every label of every figure lies inside it.

A reader's fonts are not ours: a layout that fits only the widths of one family fails here. The families
come from Debian packages that .ci/run installs (tests/unit/test_ci_fonts.py); a missing one is a failure
that says which package.
"""

import pytest

import sitekit
from sitekit import browsing, figures, layout
from sitekit.browser import FONT_PACKAGES

PATHS = [*sitekit.urls(), "404.html"]
FIGURES = [f"{layout.FIGURES}/{name}.svg" for name in figures.names()]  # each as its own document, as an <img> draws it
PHONE = {"width": 360, "height": 740}
FONTS = {"DejaVu Sans": "DejaVu Sans Mono", "Liberation Sans": "Liberation Mono"}  # text font: its code font
PACKAGES = FONT_PACKAGES  # Debian's; .ci/run installs them (tests/unit/test_ci_fonts.py)
# Every element of the page (an SVG figure's labels too) in one family and its code in the other, every
# block laid out (neura.css lets far ones wait); the families among them that are not installed, measured:
# a missing family falls back to serif in one measure and to monospace in the other.
FONT = """async ([text, code]) => {
    const root = document.documentElement;
    let style = document.getElementById('neura-font');
    if (!style) { style = document.createElementNS(root.namespaceURI, 'style'); style.id = 'neura-font';
                  root.append(style) }
    style.textContent = `* { font-family: "${text}" !important; content-visibility: visible !important }
        :is(pre, code, kbd, samp), :is(pre, code, kbd, samp) * { font-family: "${code}" !important }`;
    await document.fonts.ready;
    const ink = new OffscreenCanvas(1, 1).getContext('2d');
    const width = font => { ink.font = font; return ink.measureText('mmmWWWiii 0.5 brush').width };
    return [text, code].filter(f => width(`40px "${f}", serif`) !== width(`40px "${f}", monospace`)) }"""
# Elements that reach past the right edge of the screen, unless a box around them that ends on
# screen scrolls sideways (overflow-x auto or scroll) to show them; and how wide the document is.
SPILLS = """() => {
    const edge = document.documentElement.clientWidth + 0.5;
    const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
    const boxed = e => { for (let p = e.parentElement; p; p = p.parentElement)
        if (scrolls(p) && p.getBoundingClientRect().right <= edge) return true; return false };
    const spills = [...document.body.querySelectorAll('*')].filter(e => {
        const r = e.getBoundingClientRect(); return r.width > 0 && r.right > edge && !boxed(e) });
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
             spills: spills.map(e => `${e.tagName.toLowerCase()}.${e.className} ends at ${Math.round(
                 e.getBoundingClientRect().right)} px`).slice(0, 5) } }"""
# Words (runs of letters and digits) of a table's headings that a line break cuts in two, not those
# only screen readers read (1 px wide). Unicode lets a line break between "][" in "W1[0][0]": that is no cut.
CUT_WORDS = """() => [...document.querySelectorAll('th')].flatMap(th => {
    const cut = [], walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node; (node = walk.nextNode());) for (const word of node.data.matchAll(/[\\p{L}\\p{N}_]+/gu)) {
        const range = document.createRange();
        range.setStart(node, word.index); range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1 && node.parentElement.getBoundingClientRect().width > 1) cut.push(word[0]) }
    return cut })"""
# Each shown label (<text>) of an SVG that reaches out of the picture that holds it, which cuts it off.
LABELS = """() => [...document.querySelectorAll('svg text')]
    .filter(t => t.textContent.trim() && t.getClientRects().length).flatMap(t => {
        const r = t.getBoundingClientRect(), box = t.closest('svg').getBoundingClientRect();
        const out = Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom);
        return out > 0.5 ? [`"${t.textContent.trim()}" reaches ${out.toFixed(1)} px out of its picture`] : [] })"""


def look(page, url):
    """{family: what SPILLS (pages), CUT_WORDS, LABELS and browsing.CLIPPED found} for the page at URL, opened once.
    Tables are judged last, with every collapsed box open and every tab shown (browsing.SHOW_ALL)."""
    page.goto(url, wait_until="load")
    if page.locator("#live-studio").count():
        page.wait_for_selector("#live-studio[data-state=done]")  # her pictures drawn
    seen, document = {}, page.evaluate("!!document.body")  # a page, not a figure's own SVG document
    for text, code in FONTS.items():
        missing = page.evaluate(FONT, [text, code])
        if missing:
            return {"missing": missing}
        if page.locator("#live-studio").count():  # her pictures drawn again, fitted to this font
            page.click("#live-back")
            page.click("#live-forward")
        seen[text] = {**(page.evaluate(SPILLS) if document else {}),
                      "cut": page.evaluate(CUT_WORDS), "labels": page.evaluate(LABELS)}
    if document:
        page.add_style_tag(content=browsing.SHOW_ALL)
        for text, code in FONTS.items():
            page.evaluate(FONT, [text, code])
            seen[text]["clipped"] = page.evaluate(browsing.CLIPPED)
    return seen


@pytest.fixture(scope="module")
def phone(browser, server):
    """{path: look(...)} for every page and figure on a 360 px wide screen."""
    page = browser.new_page(viewport=PHONE)
    yield {path: look(page, server + path) for path in [*PATHS, *FIGURES]}
    page.close()


def shown(phone, path, family):
    """What PATH showed in FAMILY; a failure that names the package if the family is not installed."""
    seen = phone[path]
    if "missing" in seen:
        pytest.fail(f"no font {' or '.join(seen['missing'])} in this Chromium: the narrow tests lay every page out"
                    f" in {' and '.join(FONTS)}; install them with `apt-get install {PACKAGES}` (.ci/run does)")
    return seen[family]


@pytest.mark.parametrize("family", FONTS)
@pytest.mark.parametrize("path", PATHS)
def test_no_page_scrolls_sideways_on_a_360_px_phone(phone, path, family):
    phone = shown(phone, path, family)
    assert phone["spills"] == []
    assert phone["scrollWidth"] <= phone["clientWidth"] == PHONE["width"]


@pytest.mark.parametrize("family", FONTS)
@pytest.mark.parametrize("path", PATHS)
def test_table_headings_break_between_words_not_inside_them(phone, path, family):
    assert shown(phone, path, family)["cut"] == []


@pytest.mark.parametrize("family", FONTS)
@pytest.mark.parametrize("path", PATHS)
def test_no_table_hides_part_of_itself_on_a_360_px_phone(phone, path, family):
    """Every table fits the article or sits in a box that scrolls sideways (at 1280 px: test_tour.py)."""
    assert shown(phone, path, family)["clipped"] == []


@pytest.mark.parametrize("family", FONTS)
@pytest.mark.parametrize("path", PATHS + FIGURES)
def test_every_figure_label_lies_inside_its_picture(phone, path, family):
    assert shown(phone, path, family)["labels"] == []


def test_the_checks_catch_a_wide_element_a_cut_word_and_a_missing_font_and_spare_a_boxed_element(tabs, server):
    page = tabs.new_page()
    page.set_viewport_size(PHONE)
    page.goto(server + "3-loss/", wait_until="load")
    page.evaluate("""() => { const box = document.createElement('div'); box.style.overflowX = 'auto';
        box.innerHTML = '<p id="boxed" style="width: 900px">wide, in its own scroll box</p>';
        document.querySelector('article').append(box) }""")
    assert page.evaluate(SPILLS)["spills"] == []
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<p id="loose" style="width: 900px">wide, loose</p>')""")
    found = page.evaluate(SPILLS)
    assert found["scrollWidth"] > PHONE["width"] and any(s.startswith("p.") for s in found["spills"])
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<table class="cut" style="width: 40px; table-layout: fixed"><tr><th style="overflow-wrap: anywhere">'
        + 'brush pressure</th></tr></table>')""")
    assert page.evaluate(CUT_WORDS) == ["brush", "pressure"]
    assert page.evaluate(FONT, ["No Such Sans", "DejaVu Sans Mono"]) == ["No Such Sans"]  # named, not used
    page.close()


def test_the_check_catches_a_figure_label_too_wide_for_its_picture(tabs, tmp_path):
    """The network figure, with its first input renamed to a long label that its layout did not measure."""
    fig = figures.load("network").figure()
    label = next(t for t in fig.axes[0].texts if t.get_text() == "color mix")
    fig.canvas.draw()  # the layout made for the short name, then the long one
    fig.set_layout_engine("none")
    label.set_text("the colour mix of the paint on Neura's brush")
    (tmp_path / "wide.svg").write_text(figures.svg(fig))
    httpd, url = sitekit.serve(tmp_path)
    try:
        found = look(tabs.new_page(), url + "wide.svg")
    finally:
        httpd.shutdown()
    for family in FONTS:
        assert [s.split('"')[1] for s in found[family]["labels"]] == [label.get_text()]
