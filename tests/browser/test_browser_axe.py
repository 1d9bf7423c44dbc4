"""axe-core, Deque's accessibility checker, on every page in both palettes: every WCAG 2.0, 2.1 and
2.2 rule of levels A and AA, and its best practices. Lighthouse runs only a subset of these rules, and
only in the light palette. Here: axe catches what it should; test_tour.py runs it on every page.
"""

import sitekit

PATHS = sitekit.urls()


def test_axe_catches_an_unnamed_field_and_pale_text(site, visit):
    (site / "inaccessible").mkdir(exist_ok=True)
    (site / "inaccessible" / "index.html").write_text(
        "<!doctype html><html lang='en'><head><title>x</title></head><body><main><h1>A form</h1>"
        "<input type='text'><p style='color: #aaa'>pale</p></main></body></html>")
    rules = {rule: element for rule, element, _ in sitekit.axe(visit("inaccessible/").page)}
    assert rules == {"label": "input", "color-contrast": "p"}
