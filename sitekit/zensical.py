"""The second renderer: Zensical builds the site from the same mkdocs.yml, after the make step.

MkDocs with Material is the deployed build. Zensical (pinned in .ci/constraints.txt, installed by the `test`
extra) reads mkdocs.yml, but runs no `hooks:` and no MkDocs plugin but those it imitates (mkdocstrings, search):
so the make step runs first, and every page is finished by the same Markdown extensions (sitekit/).
tests/site/test_zensical.py compares each page's article between the two builds: identical, but for DIFFERENCES.

Zensical has no `-d`: it writes its site only inside the project (site_dir), and its cache into the project's
.cache/, beside the make step's (`zensical build --clean` deletes that whole folder). So build() renders a copy
of the project, made for the address it is given, and the checkout's docs/ and .cache/ are left alone.
Outside the articles, not compared: no footer versions (a hook adds them), Zensical's own theme and assets.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .layout import ROOT

VERSION = "0.0.73"  # as pinned; 0.0.74 and later need zensical-ui, which the package index does not serve

PARTS = ["mkdocs.yml", "docs", "neura", "sitekit"]  # the config, the pages (made files too), mkdocstrings' neura

SKIP = '<a id="__skip" tabindex="-1"></a>'

# Each way Zensical's build differs from MkDocs's, by page address below the site's root ("*": every page).
DIFFERENCES = {
    "*": "The theme's wrapper: Zensical's template opens every article with the skip link's target "
         f"({SKIP}) and leaves other blank lines around the page's content than Material's. Compared: the "
         "article's content without that anchor and without the whitespace at its two ends (article()).",
    "studio-session/": "No page: Zensical renders no notebook (it runs no MkDocs plugin, so no mkdocs-jupyter, "
                       "and no hook); it copies studio-session.ipynb, unexecuted, and its nav links to that file.",
    "missing images": "Zensical's --strict fails on a link to a missing page, not on a missing image or file "
                      "(0.0.73): the test checks that every src and href of every article finds its file, in "
                      "both builds. MkDocs's --strict fails on both by itself.",
}

# Exactly what DIFFERENCES[page] changes in the article: (MkDocs's text, Zensical's text). None now: the live
# studio's page is docs/live/index.md, so a relative URL in its raw HTML means the same file under both (Zensical
# resolves it from the Markdown file's folder, MkDocs from the page's address, and both are live/).
REWRITTEN = {}

# The URLs of an article of Zensical's build that find no file, as DIFFERENCES names them.
UNFOUND = {}


def copy(folder, project=ROOT):
    """Copy what Zensical reads of PROJECT (PARTS, the made files in docs/ too) into FOLDER; return FOLDER."""
    folder = Path(folder)
    for part in PARTS:
        source = Path(project) / part
        if source.is_dir():
            shutil.copytree(source, folder / part, ignore=shutil.ignore_patterns("__pycache__", ".*.part"))
        else:
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, folder / part)
    return folder


def render(project, url):
    """`zensical build --strict` of PROJECT (a copy) for pages served at URL, into PROJECT/site; the finished
    process. No make step: PROJECT's docs/ must hold the made files for URL."""
    return subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "-f", "mkdocs.yml"], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NEURA_SITE_URL": url})


def build(out, url, project=ROOT):
    """The make step for URL into a copy of PROJECT (from PROJECT's cache), then Zensical's build of the copy,
    moved to OUT; the finished process of the first step that failed, else of Zensical."""
    with tempfile.TemporaryDirectory(prefix="neura-zensical-") as tmp:
        work = copy(Path(tmp) / "project", project)
        made = subprocess.run([sys.executable, "-m", "sitekit.make", "--site-url", url, "--docs", str(work / "docs")],
                              cwd=project, capture_output=True, text=True)
        if made.returncode:
            return made
        done = render(work, url)
        if done.returncode == 0:
            shutil.move(work / "site", out)
        return done


def article(html):
    """The article of a built page as the test compares it (DIFFERENCES["*"]), or None if it has none."""
    found = re.search(r"<article\b[^>]*>(.*)</article>", html, re.S)
    return found and found[1].strip().removeprefix(SKIP).strip()
