"""Every page on a 360 px phone: nothing scrolls the page sideways; what is wider (a formula, a table,
code) scrolls inside its own box."""

import pytest
import sitetools

PATHS = [*sitetools.urls(), "404.html"]
PHONE = {"width": 360, "height": 740}
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


def background(site, server):
    """{path: what SPILLS found} for every page opened on a 360 px wide screen, in a Chromium of its own;
    conftest.py runs this beside the other tests once the site is built."""
    if sitetools.missing_browser():
        return None  # the test says why (through `browser`)
    with sitetools.chromium() as browser:
        page, seen = browser.new_page(viewport=PHONE), {}
        for path in PATHS:
            page.goto(server + path, wait_until="networkidle")
            seen[path] = page.evaluate(SPILLS)
        return seen


@pytest.mark.parametrize("path", PATHS)
def test_no_page_scrolls_sideways_on_a_360_px_phone(browser, background, path):  # browser: skip without one
    phone = background[path]
    assert phone["spills"] == []
    assert phone["scrollWidth"] <= phone["clientWidth"] == PHONE["width"]


def test_the_check_catches_a_wide_element_and_spares_one_in_its_own_scroll_box(tabs, server):
    page = tabs.new_page()
    page.set_viewport_size(PHONE)
    page.goto(server + "3-loss/", wait_until="networkidle")
    page.evaluate("""() => { const box = document.createElement('div'); box.style.overflowX = 'auto';
        box.innerHTML = '<p id="boxed" style="width: 900px">wide, in its own scroll box</p>';
        document.querySelector('article').append(box) }""")
    assert page.evaluate(SPILLS)["spills"] == []
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
        '<p id="loose" style="width: 900px">wide, loose</p>')""")
    found = page.evaluate(SPILLS)
    assert found["scrollWidth"] > PHONE["width"] and any(s.startswith("p.") for s in found["spills"])
    page.close()
