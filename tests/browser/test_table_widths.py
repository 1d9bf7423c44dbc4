"""No table hides part of itself (issue 27: step 6's diary was wider than the text column at 1280 px,
its last columns and half its caption cut off with no scrollbar): on every page, at 1280 and 360 px
wide, every table fits its container or sits in a box that scrolls sideways, and no box clips it."""

import pytest

import sitekit
from sitekit import browsing

WIDTHS = [1280, 360]

# Every table that hides part of itself, each as a sentence. Walking up from the table itself to the
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


@pytest.fixture
def wide_tab(browser, server):
    """open(path, width) opens a page of the built site in a tab WIDTH px wide."""
    pages = []

    def open_page(path, width):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(server + path, wait_until="networkidle")
        page.add_style_tag(content=browsing.SHOW_ALL)
        pages.append(page)
        return page
    yield open_page
    for page in pages:
        page.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", sitekit.urls())
def test_no_table_hides_part_of_itself(wide_tab, path, width):
    assert wide_tab(path, width).evaluate(CLIPPED) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_check_finds_a_clipped_table(wide_tab, width):
    """A table far wider than the page, in a box that clips, is found; in a box that scrolls, it is not."""
    page = wide_tab("6-training/", width)
    page.evaluate("""() => { const box = document.createElement('div');
        box.id = 'wide'; box.style.overflow = 'hidden';
        box.innerHTML = '<table class="probe"><caption>too wide</caption><tr><td>'
            + 'x'.repeat(400) + '</td></tr></table>';
        document.querySelector('article').append(box) }""")
    assert page.evaluate(CLIPPED) == ['too wide: clipped by <div class="">']
    page.evaluate("document.getElementById('wide').style.overflow = 'auto'")
    assert page.evaluate(CLIPPED) == []


def test_step_6s_diary_fits_the_text_column_at_1280(wide_tab):
    """Issue 27: the diary was 1225 px wide in a 720 px column, its scrollbar easy to miss."""
    page = wide_tab("6-training/", 1280)
    assert page.evaluate("""() => { const wrap = document.querySelector('article table:has(> caption)')
        .closest('.md-typeset__scrollwrap'); return wrap.scrollWidth <= wrap.clientWidth }""")
