"""The machinery that makes, finishes and checks Neura's site; not part of the `neura` wheel.

Make, then render: `python -m sitekit.make` writes every generated file into docs/ (figures, the
diary, the live studio's data, the notebooks, the wheel); the renderer (MkDocs, or Zensical) only
renders, and the Markdown extensions listed in mkdocs.yml finish each page. The names below are
what the tests and benchmarks use most: where things are, the pages and their blocks, the build
and its server, Chromium.
"""

from .alone import Alone
from .boxes import box
from .browser import CHROMIUM, FLAGS, axe, chromium, contrast, luminance, missing_browser, npm_package
from .layout import DOCS, ROOT, url, urls
from .pages import MARKER, STEP, Block, blocks, collapsed, nav, pages, step_pages
from .serve import Quiet, build, serve

__all__ = ["Alone", "CHROMIUM", "FLAGS", "axe", "chromium", "contrast", "luminance", "missing_browser",
           "npm_package", "DOCS", "ROOT", "url", "urls", "box", "MARKER", "STEP", "Block", "blocks",
           "collapsed", "nav", "pages", "step_pages", "Quiet", "build", "serve"]
