"""The check that no code or output box hides part of a line on a 1280 px desktop catches a long line
(test_tour.py makes the check on every page).
"""

def test_the_check_catches_a_long_line(visit):
    """The same check on a page with one line of 120 characters finds it."""
    v = visit("")
    assert v.page.viewport_size["width"] == 1280
    v.page.evaluate("document.querySelector('article .language-python pre code').textContent += '#' + 'x'.repeat(120)")
    assert len(v.hidden()) == 1
