"""The math font the site serves: STIX Two Math, from npm at build time, cut down to the characters the formulas use.

Chromium draws MathML in the fonts it finds. On Debian none serves as `math`: the display sum of step 3 came
out in Liberation Serif at text size (DejaVu Math TeX Gyre only filled in the italic letters), and the hat of
y-hat as a text caret. With this font's MATH table the display sum takes the font's larger variant, and
accents, fractions and scripts are placed as TeX places them. Nothing of the font is committed: npm installs
the pinned package into .cache/npm/, and the make step serves the subset as fonts/NAME (layout.FONTS), which
docs/stylesheets/neura.css names.

Only the characters below are kept, with the glyphs the MATH table reaches from them (a display operator's
larger variant, a bracket's taller ones and parts), which the subsetter follows: 27 KB of woff2 instead of
the package's 403 KB. A formula with a character missing here still shows it, from a system font;
tests/site/test_math_font_file.py names any that a page uses.
"""

import functools
import io
import logging
import os
import shutil
from pathlib import Path

from . import cache
from .browser import npm_folder, npm_package

SPEC = "@fontsource/stix-two-math@5.3.0"  # OFL-1.1; the one woff2 it ships holds every glyph and the MATH table
SOURCE = "files/stix-two-math-latin-400-normal.woff2"
NAME = "stix-two-math.woff2"  # below layout.FONTS; docs/stylesheets/neura.css's @font-face names it
FAMILY = "Neura Math"  # the @font-face's family, a name no system font has

# Every printable ASCII character (any variable name, digit or bracket) and the other symbols the
# formulas use; a single letter in <mi> is drawn in its math italic form (below), kept as well.
CHARACTERS = "".join(map(chr, range(0x20, 0x7F))) + "\u00a0·×…←∂∑−∫≈⊙⊤βηλϵ"

LOG = logging.getLogger("mkdocs.sitekit")  # MkDocs shows its INFO lines; only a WARNING fails --strict


def italic(char):
    """The math italic form MathML Core draws CHAR in, alone in an <mi> (its text-transform: math-auto)."""
    code = ord(char)
    if "A" <= char <= "Z":
        return chr(0x1D434 + code - ord("A"))
    if "a" <= char <= "z":
        return "\u210e" if char == "h" else chr(0x1D44E + code - ord("a"))
    if "\u03b1" <= char <= "\u03c9":
        return chr(0x1D6FC + code - 0x3B1)
    return {"\u2207": "\U0001d6fb", "\u2202": "\U0001d715", "\u03f5": "\U0001d716", "\u03d1": "\U0001d717",
            "\u03f0": "\U0001d718", "\u03d5": "\U0001d719", "\u03f1": "\U0001d71a", "\u03d6": "\U0001d71b",
            "\u0131": "\U0001d6a4", "\u0237": "\U0001d6a5"}.get(char, char)


def subset(font_file, characters=CHARACTERS):
    """The woff2 bytes of FONT_FILE cut down to CHARACTERS and their italic forms, with its MATH table and
    the glyphs that table reaches (a display operator's larger variant, a bracket's taller ones)."""
    from fontTools import subset as fontsubset
    from fontTools.ttLib import TTFont

    options = fontsubset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # every OpenType feature, not only the text ones kept by default
    options.name_IDs = ["*"]  # the copyright and licence lines stay in the font
    options.notdef_outline = True
    font = TTFont(font_file, recalcTimestamp=False)  # the same bytes from every build
    subsetter = fontsubset.Subsetter(options)
    subsetter.populate(text=characters + "".join(map(italic, characters)))
    subsetter.subset(font)
    if "MATH" not in font:
        raise RuntimeError(f"{SPEC}'s {SOURCE} lost its MATH table in the subset")
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def make():
    return subset(npm_package(SPEC) / SOURCE)


def thing():
    """The cache.Thing that makes the served font, or None where it cannot be made: no npm to install the
    package (the README's serve command needs only Python; formulas then use the system's math font).
    Under CI (CI=true), where .ci/run installs npm, a missing font fails the build."""
    made = cache.Thing("fonts", [SPEC, Path(__file__)], make, NAME)
    if made.path.exists() or (npm_folder(SPEC) / "package.json").exists() or shutil.which("npm"):
        return made
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"CI needs the math font: no npm to install {SPEC} (apt-get install npm)")
    no_npm()
    return None


@functools.cache  # once, not at each rebuild of a preview
def no_npm():
    LOG.info(f"No npm, so no math font: formulas use the system's math font (install npm to serve {SPEC})")
