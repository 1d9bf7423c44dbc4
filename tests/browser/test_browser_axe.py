"""axe-core, Deque's accessibility checker, on every page in both palettes: every WCAG 2.0, 2.1 and
2.2 rule of levels A and AA, and its best practices. Lighthouse runs only a subset of these rules, and
only in the light palette. Here: axe catches what it should; test_tour.py runs it on every page.
"""

import sitekit
from sitekit import layout


def test_axe_catches_an_unnamed_field_and_pale_text(site, visit):
    page = layout.built(site, "inaccessible.md")  # a page of its own, served with the site
    page.parent.mkdir(exist_ok=True)
    page.write_text(
        "<!doctype html><html lang='en'><head><title>x</title></head><body><main><h1>A form</h1>"
        "<input type='text'><p style='color: #aaa'>pale</p></main></body></html>")
    rules = {rule: element for rule, element, _ in sitekit.axe(visit(layout.url("inaccessible.md")).page)}
    assert rules == {"label": "input", "color-contrast": "p"}
