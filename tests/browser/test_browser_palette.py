"""The light/dark toggle in Chromium: figures keep their light paper, grey text keeps 4.5:1 contrast.

What each page showed comes from the `tour` fixture: every page visited once, in both palettes.
"""

import pytest

import sitekit

PATHS = sitekit.urls()


# The reference and the glossary have no pictures; the live studio draws SVG on its own paper
# (tests/browser/test_live.py checks it).
@pytest.mark.xdist_group("tour")
@pytest.mark.parametrize("path", [p for p in PATHS if p not in ("reference/", "glossary/", "live/")])
def test_palette_toggle_switches_light_and_dark_and_figures_keep_their_paper(tour, path):
    seen = tour[path]
    assert set(seen["schemes"]) == {"default", "slate"}
    first, second = seen["paper"]
    assert first and all(min(rgb) > 235 for rgb in first), first  # light paper under the dark ink
    assert second == first  # and the same in the other palette
    assert seen["problems_after_toggle"] == []


@pytest.mark.xdist_group("tour")
@pytest.mark.parametrize("path", PATHS)
def test_quiet_text_is_readable_in_both_palettes(tour, path):
    for scheme, shown in zip(tour[path]["schemes"], tour[path]["colours"], strict=True):
        assert shown, "no quiet text found to judge"
        low = [(text, round(sitekit.contrast(ink, back), 2)) for text, ink, back in shown
               if sitekit.contrast(ink, back) < 4.5]
        assert low == [], scheme
