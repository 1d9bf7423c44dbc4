"""Make every file the site generates, into docs/, before any renderer runs.

    python -m sitekit.make [--site-url URL] [--docs DIR]

writes, each at the path the site serves it from (layout.py) and only if its bytes changed:
the figures, the live studio's data and limits, neura's wheel, every step page as a notebook,
the snippets the pages include (the diary table, the install boxes) and the math font; it also executes the
studio-session notebook. Each is kept in the content-hash cache (cache.py), so a prose edit remakes
only that page's notebook. MkDocs runs this through sitekit/hooks.py; for Zensical, run it first.
The address defaults to mkdocs.yml's site_url (NEURA_SITE_URL sets it, as for the build); --docs makes
into another copy of docs/ (sitekit/zensical.py's copy of the project), still from this checkout's cache.
"""

import argparse
import logging
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import cache, diary, figures, live_data, math_font, notebooks, wheel
from .layout import DOCS, FIGURES, FONTS, INCLUDES, LIVE, NOTEBOOKS, PACKAGES
from .pages import step_pages

SESSION = "studio-session.ipynb"  # executed at make time; the renderer shows the executed copy


def snippet(name, text):
    return cache.Thing("snippets", [text], lambda: text, name)


def things(site_url, docs=DOCS):
    """{path below docs/: the cache.Thing that makes it} for a site served at SITE_URL, from the pages in DOCS."""
    first = notebooks.setup(wheel.address(site_url), wheel.versions()["torch"])
    made = {f"{FIGURES}/{t.name}": t for t in figures.things()}
    made |= {f"{LIVE}/{t.name}": t for t in live_data.things()}
    made[f"{PACKAGES}/{wheel.wheel_name()}"] = wheel.wheel()
    pages = step_pages(Path(docs).parent)
    made |= {f"{NOTEBOOKS}/{page.stem}.ipynb": notebooks.thing(page, site_url, first) for page in pages}
    made[f"{INCLUDES}/diary.html"] = diary.things()[0]
    for name, title in [("home", "Install neura, then paste any block"), ("step", "Run this page in your own Python")]:
        made[f"{INCLUDES}/install-{name}.md"] = snippet(f"install-{name}.md", wheel.box(site_url, title))
    if font := math_font.thing():  # None without npm, outside CI: formulas then use the system's math font
        made[f"{FONTS}/{font.name}"] = font
    return made


def site_url():
    """mkdocs.yml's site_url, as the build reads it (NEURA_SITE_URL overrides it)."""
    from mkdocs.utils.yaml import yaml_load

    with open(DOCS.parent / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f).get("site_url") or ""


def make(url=None, docs=DOCS, out=None):
    """Make everything for a site served at URL from the pages in DOCS into OUT (DOCS itself unless given);
    return the paths written (those whose bytes changed).

    The studio-session notebook runs in its kernel (another process) while this Python makes the rest."""
    url, out = site_url() if url is None else url, Path(out or docs)
    with ThreadPoolExecutor(1) as kernel:
        session = kernel.submit(notebooks.executed, Path(docs) / SESSION)
        written = [place(cache.cached(*thing), out / path) for path, thing in things(url, docs).items()]
        session.result()
    return [path for path in written if path]


def place(made, path):
    """Copy MADE to PATH unless PATH already holds the same bytes (a preview watching docs/ then sees
    no change); the path if copied, else None."""
    if path.exists() and path.stat().st_size == made.stat().st_size and path.read_bytes() == made.read_bytes():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    shutil.copyfile(made, part)
    part.replace(path)  # whole or not at all
    return path


def main(args=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-url", help="where the site will be served from (default: mkdocs.yml's site_url)")
    parser.add_argument("--docs", type=Path, default=DOCS, help="the docs folder to make into (default: docs/)")
    options = parser.parse_args(args)
    logging.basicConfig(format="sitekit.make: %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.INFO)  # the INFO lines MkDocs would show (math_font.py's)
    written = make(options.site_url, options.docs)
    print(f"sitekit.make: {len(written)} file(s) written into {options.docs}" if written else
          "sitekit.make: nothing changed")


if __name__ == "__main__":
    main()
