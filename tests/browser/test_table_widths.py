"""The table-width check (browsing.CLIPPED) finds a table that a box clips, and step 6's diary fits its column
(issue 27: it was wider than the text column at 1280 px, its last columns and half its caption cut off with
no scrollbar). Every page's tables are judged where those pages are visited already: at 1280 px by the tour
(test_tour.py), at 360 px in two font families by test_browser_narrow.py."""

import pytest

from sitekit import browsing

WIDTHS = [1280, 360]


def wide(visit, path, width):
    """The page at PATH in a tab WIDTH px wide, every collapsed box open and every tab shown."""
    page = visit(path, width, 900).page
    page.add_style_tag(content=browsing.SHOW_ALL)
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_the_check_finds_a_clipped_table(visit, width):
    """A table far wider than the page, in a box that clips, is found; in a box that scrolls, it is not."""
    page = wide(visit, "6-training/", width)
    page.evaluate("""() => { const box = document.createElement('div');
        box.id = 'wide'; box.style.overflow = 'hidden';
        box.innerHTML = '<table class="probe"><caption>too wide</caption><tr><td>'
            + 'x'.repeat(400) + '</td></tr></table>';
        document.querySelector('article').append(box) }""")
    assert page.evaluate(browsing.CLIPPED) == ['too wide: clipped by <div class="">']
    page.evaluate("document.getElementById('wide').style.overflow = 'auto'")
    assert page.evaluate(browsing.CLIPPED) == []


def test_step_6s_diary_fits_the_text_column_at_1280(visit):
    """Issue 27: the diary was 1225 px wide in a 720 px column, its scrollbar easy to miss."""
    page = wide(visit, "6-training/", 1280)
    assert page.evaluate("""() => { const wrap = document.querySelector('article table:has(> caption)')
        .closest('.md-typeset__scrollwrap'); return wrap.scrollWidth <= wrap.clientWidth }""")
