"""CI installs the font families that tests/browser/test_browser_narrow.py lays every page out in."""

import sitekit
from sitekit.browser import FONT_PACKAGES


def test_ci_installs_the_font_families_the_pages_are_laid_out_in():
    run = (sitekit.ROOT / ".ci" / "run").read_text()
    assert all(package in run for package in FONT_PACKAGES.split())
