"""Formulas are drawn in the math font the site serves (sitekit/math_font.py), so they look typeset on any machine.

Without it, Debian's Chromium drew step 3's display sum in Liberation Serif at text size (15 px against the
L beside it, 11 px: 1.36 times) and the hat of y-hat as a text caret, 0.47 em tall and into the y's top.
The measurements would pass with some other math font as well, so the first test also asks Chromium which
font drew the sum and the L: the served one, not a system's (DejaVu Math TeX Gyre drew the L without it).
"""

import io

from PIL import Image

from sitekit import math_font
from sitekit.layout import FONTS

FORMULA = 'math[display="block"]:has(munderover)'  # step 3's L = 1/n sum (y-hat - y)^2
SUM = f"{FORMULA} munderover > mo"
LETTER = f"{FORMULA} > mrow > mi"  # its L
HAT = f"{FORMULA} mover"  # y-hat
FAMILY = "getComputedStyle(document.querySelector('math')).fontFamily"
STATUS = f"[...document.fonts].filter(f => f.family.replace(/\"/g, '') === '{math_font.FAMILY}').map(f => f.status)"
REQUESTED = "name => performance.getEntriesByType('resource').map(r => r.name).filter(n => n.endsWith('/' + name))"


def drawn_in(page, selector):
    """The fonts Chromium drew the first element matching SELECTOR in: [(family, whether a web font)]."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return [(f["familyName"], f["isCustomFont"]) for f in fonts]


def step3(visit):
    """Step 3 with its display formula on screen and every font it asked for loaded."""
    v = visit("3-loss/")
    v.page.locator(SUM).first.scroll_into_view_if_needed()  # formulas off screen are not laid out (neura.css)
    v.page.evaluate("document.fonts.ready.then(() => true)")
    return v


def test_the_display_sum_is_large_and_drawn_in_the_served_font(visit, server):
    v = step3(visit)
    served = f"{FONTS}/{math_font.NAME}"
    assert v.page.evaluate(REQUESTED, served) == [server + served]  # from the site itself, once
    assert v.page.evaluate(STATUS) == ["loaded"]
    assert v.page.evaluate(FAMILY) == f'"{math_font.FAMILY}", math'
    assert drawn_in(v.page, SUM) == [("STIX Two Math", True)]  # the served font, not a system one
    assert drawn_in(v.page, LETTER) == [("STIX Two Math", True)]
    assert [v.page.locator(SUM).first.text_content(), v.page.locator(LETTER).first.text_content()] == ["\u2211", "L"]
    sigma = v.page.locator(SUM).first.bounding_box()["height"]
    letter = v.page.locator(LETTER).first.bounding_box()["height"]
    assert sigma >= 1.7 * letter, (sigma, letter)  # 22 px against 11 here; 15 against 11 without the font
    assert v.problems() == []


def ink(page, element, around):
    """The box (left, top, right, bottom, in CSS px) of ELEMENT's ink, drawn alone (the rest of its formula
    hidden), in a screenshot of the box AROUND (x, y, width, height)."""
    element.evaluate("e => { e.closest('math').style.visibility = 'hidden'; e.style.visibility = 'visible' }")
    shot = Image.open(io.BytesIO(page.screenshot(clip=around)))
    element.evaluate("e => { e.closest('math').style.visibility = ''; e.style.visibility = '' }")
    left, top, right, bottom = shot.convert("L").point(lambda level: 255 if level < 160 else 0).getbbox()
    return [around["x"] + left, around["y"] + top, around["x"] + right, around["y"] + bottom]


def test_the_hat_sits_on_its_letter(visit):
    """y-hat's hat is over its y, just above it (a gap of at most a tenth of an em, no overlap of more than a
    twentieth), and small: at most 0.42 em tall. Here it touches the y (a gap of 0) and is 0.375 em tall; the
    text caret drawn without the font went 0.0625 em into the y and was 0.47 em tall. Measured on the
    formula drawn four times as large (64 px), so that a page pixel is a sixty-fourth of an em."""
    v = step3(visit)
    formula = v.page.locator(FORMULA).first
    em = 4 * formula.evaluate("m => parseFloat(getComputedStyle(m).fontSize)")
    formula.evaluate("(m, size) => m.style.fontSize = size + 'px'", em)
    mover = v.page.locator(HAT).first
    mover.scroll_into_view_if_needed()
    box = mover.bounding_box()
    around = {"x": box["x"] - em / 2, "y": box["y"] - em / 2, "width": box["width"] + em, "height": box["height"] + em}
    hat, base = ink(v.page, mover.locator("mo"), around), ink(v.page, mover.locator("mi"), around)
    assert base[0] <= hat[0] and hat[2] <= base[2], (hat, base)  # within its letter's width
    gap = base[1] - hat[3]
    assert -0.05 * em <= gap <= 0.1 * em, (gap / em, hat, base)
    assert hat[3] - hat[1] <= 0.42 * em, ((hat[3] - hat[1]) / em, hat)
