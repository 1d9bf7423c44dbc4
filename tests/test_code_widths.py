"""No code or output box hides part of a line on a 1280 px desktop (on a phone, code scrolls in its box)."""

import pytest
import sitetools

# Every collapsed block opened and every tab shown, as a reader could, so every box is measured:
# the API page's "Source code" boxes too, which show neura's public functions (so keep their lines to 80).
SHOW_ALL = ".tabbed-content > .tabbed-block { display: block !important }"
HIDDEN = """() => { document.querySelectorAll('article details').forEach(d => d.open = true);
    return [...document.querySelectorAll('article pre')].filter(pre => {
        const code = pre.querySelector('code') || pre;
        return code.scrollWidth > code.clientWidth + 1 || pre.scrollWidth > pre.clientWidth + 1;
    }).map(pre => pre.textContent.split('\\n').reduce((a, b) => b.length > a.length ? b : a, '')) }"""


@pytest.mark.parametrize("path", sitetools.urls())
def test_no_code_box_hides_text_at_1280_px(visit, path):
    v = visit(path)
    v.page.set_viewport_size({"width": 1280, "height": 900})
    v.page.add_style_tag(content=SHOW_ALL)
    hidden = v.page.evaluate(HIDDEN)
    assert hidden == [], f"{len(hidden)} boxes scroll sideways; their longest lines: {hidden}"


def test_the_check_catches_a_long_line(visit):
    """The same check on a page with one line of 120 characters finds it."""
    v = visit("")
    v.page.set_viewport_size({"width": 1280, "height": 900})
    v.page.evaluate("document.querySelector('article .language-python pre code').textContent += '#' + 'x'.repeat(120)")
    assert len(v.page.evaluate(HIDDEN)) == 1
