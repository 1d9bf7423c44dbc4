"""No code or output box hides part of a line on a 1280 px desktop (on a phone, code scrolls in its box).

What each page showed comes from the `tour` fixture (tests/browser/conftest.py): every page visited once.
"""

import pytest

import sitekit


@pytest.mark.xdist_group("tour")
@pytest.mark.parametrize("path", sitekit.urls())
def test_no_code_box_hides_text_at_1280_px(tour, path):
    hidden = tour[path]["hidden"]
    assert hidden == [], f"{len(hidden)} boxes scroll sideways; their longest lines: {hidden}"


def test_the_check_catches_a_long_line(visit):
    """The same check on a page with one line of 120 characters finds it."""
    v = visit("")
    assert v.page.viewport_size["width"] == 1280
    v.page.evaluate("document.querySelector('article .language-python pre code').textContent += '#' + 'x'.repeat(120)")
    assert len(v.hidden()) == 1
