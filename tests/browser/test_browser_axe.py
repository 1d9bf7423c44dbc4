"""axe-core, Deque's accessibility checker, on every page in both palettes: every WCAG 2.0, 2.1 and
2.2 rule of levels A and AA, and its best practices. Lighthouse runs only a subset of these rules, and
only in the light palette.

What axe found on each page comes from the `tour` fixture (tests/browser/conftest.py): every page visited once.
"""

import os

import pytest

import sitekit

PATHS = sitekit.urls()


@pytest.mark.xdist_group("tour")
@pytest.mark.parametrize("path", PATHS + ["404.html"])
def test_axe_finds_nothing_in_either_palette(tour, path):
    seen = tour[path]
    why = next((found for found in seen["axe"] if isinstance(found, str)), None)
    if why and os.environ.get("CI") == "true":
        pytest.fail(f"CI needs the accessibility check: {why}")
    if why:
        pytest.skip(why)
    found = [f"{scheme}: {rule} at {element}: {' '.join(summary.split())}"
             for scheme, violations in zip(seen["schemes"], seen["axe"], strict=True)
             for rule, element, summary in violations]
    assert found == [], "\n".join(found)


def test_axe_catches_an_unnamed_field_and_pale_text(site, visit):
    (site / "inaccessible").mkdir(exist_ok=True)
    (site / "inaccessible" / "index.html").write_text(
        "<!doctype html><html lang='en'><head><title>x</title></head><body><main><h1>A form</h1>"
        "<input type='text'><p style='color: #aaa'>pale</p></main></body></html>")
    rules = {rule: element for rule, element, _ in sitekit.axe(visit("inaccessible/").page)}
    assert rules == {"label": "input", "color-contrast": "p"}
