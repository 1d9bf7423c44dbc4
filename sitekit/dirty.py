"""A preview that renders only what an edit touched: `mkdocs serve --dirty`, made right for this site.

A dirty rebuild renders a page again only if its Markdown file is newer than the page it built before.
Every page here also reads files it does not name: the snippets it includes (docs/includes/: the glossary's
words, the diary, the install box), the glossary (its first uses link to it), the theme's overrides,
mkdocs.yml and the Markdown extensions of sitekit (and neura, whose docstrings the API page shows). When
one of those is newer than the oldest page built, `forget` deletes the built pages, so the rebuild renders
them all; a prose edit renders its own page only. A full build (no --dirty) renders everything anyway.
"""

from pathlib import Path

from .layout import DOCS, INCLUDES, ROOT

SHARED = [DOCS / INCLUDES, DOCS / "glossary.md", DOCS / "overrides", ROOT / "mkdocs.yml", ROOT / "sitekit",
          ROOT / "neura"]


def newest(paths):
    """The latest modification time of the files at PATHS (folders: their files, Python's caches left out)."""
    files = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*"))
             if f.is_file() and "__pycache__" not in f.parts]
    return max((f.stat().st_mtime for f in files), default=0)


def forget(site, shared=SHARED):
    """Delete the pages built in SITE if a file of SHARED changed after the oldest of them; return how many."""
    pages = list(Path(site).rglob("*.html"))
    if pages and newest(shared) > min(p.stat().st_mtime for p in pages):
        for page in pages:
            page.unlink()
        return len(pages)
    return 0
