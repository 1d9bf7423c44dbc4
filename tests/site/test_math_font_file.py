"""The math font the site serves (sitekit/math_font.py) has every character the built formulas use, and is small."""

import html
import re

from fontTools.ttLib import TTFont

from sitekit import math_font
from sitekit.layout import FONTS


def characters(page):
    """Every character the formulas of PAGE (built HTML) draw, as Chromium draws them (a lone letter in <mi>
    in its italic form)."""
    found = set()
    for formula in re.findall(r"<math\b.*?</math>", page, re.S):
        for tag, attributes, text in re.findall(r"<(mi|mo|mn|mtext)\b([^>]*)>([^<]*)<", formula):
            text = html.unescape(text)
            if tag == "mi" and len(text) == 1 and "mathvariant" not in attributes:
                text = math_font.italic(text)
            found |= set(text)
    return found


def test_the_served_font_has_every_character_the_formulas_use_and_is_small(site):
    font = TTFont(site / FONTS / math_font.NAME)
    assert "MATH" in font
    cmap = font.getBestCmap()
    missing = {}
    for page in sorted(site.rglob("index.html")):
        for char in characters(page.read_text(encoding="utf-8")) - {" "}:
            if ord(char) not in cmap:
                missing.setdefault(char, page.parent.relative_to(site).as_posix())
    assert missing == {}, f"add these to sitekit/math_font.py's CHARACTERS: {missing}"
    assert (site / FONTS / math_font.NAME).stat().st_size < 40_000  # 27 KB; the whole font is 403 KB
