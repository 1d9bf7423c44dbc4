"""Where things are: the project's folders, and where the built site keeps its pages and files.

The one module that knows the built site's layout; every other module and test asks it.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CACHE = ROOT / ".cache"  # the build's content-hash cache (cache.py), npm packages, Jinja's bytecode

# What the make step writes into docs/, at the paths the site serves them from (all of it ignored by git).
FIGURES = "figures"  # figures/NAME.svg, one per module of sitekit/figures/
LIVE = "live"  # the live studio's data: brushes-HIDDEN.bin, gallery.bin, order-N.bin, limits.json
PACKAGES = "packages"  # neura's wheel
NOTEBOOKS = "notebooks"  # every step page as a notebook, STEM.ipynb
INCLUDES = "includes"  # snippets the pages include (abbreviations.md; the diary table, made)
FONTS = "fonts"  # the math font the formulas are drawn in (math_font.py), which neura.css names


def url(page):
    """Where PAGE (a file in docs/, or its path from there) is served, below the site's root: "" for the home
    page, "3-loss/" for 3-loss.md, "live/" for live/index.md."""
    parts = Path(page).with_suffix("").parts
    if "docs" in parts:  # a file of some project's docs/: its path from there
        parts = parts[len(parts) - parts[::-1].index("docs"):]
    *folders, name = parts
    return "".join(f"{folder}/" for folder in folders) + ("" if name == "index" else f"{name}/")


def urls(project=ROOT):
    """Every page's address below the site's root, in the nav's order."""
    from .pages import pages

    return [url(page) for page in pages(project)]


def built(site, page):
    """The HTML file of PAGE (a file in docs/) in the built site in folder SITE."""
    return Path(site) / url(page) / "index.html"
