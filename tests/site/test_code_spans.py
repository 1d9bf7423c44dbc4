"""Names and spaces in highlighted code carry no <span> of their own (sitekit/code_spans.py); that this
changes nothing on screen, tests/browser/test_code_span_looks.py checks."""

import re

import sitekit
from sitekit import layout


def test_no_page_wraps_a_name_or_a_space_of_its_code(site):
    pages = {page: layout.built(site, page).read_text() for page in sitekit.pages()}
    assert all('<span class="p">' in pages[step] for step in sitekit.step_pages())  # still coloured
    for page, html in pages.items():
        assert not re.search(r'<span class="[nw]">', html), page.name
