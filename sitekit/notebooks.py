"""The notebooks: every step page as a Jupyter notebook to download, made from the page's own Markdown,
and the studio-session notebook, executed.

jupytext's Markdown reader makes the cells: ```python fences become code cells, everything else
Markdown. jupytext knows nothing of Material's admonitions, tabs and collapsed blocks (their
fences are indented, so it would leave the code as Markdown): `unfold` turns them into plain text
first, by boxes.py's rule. A block the page marks as failing on purpose is tagged `raises-exception`,
pytest markers and what only the site shows are dropped, and pictures and links point at the published site.

The studio-session notebook runs in a fresh kernel at make time, once for each state of its inputs
(cache.py); the renderer shows the executed copy.
"""

import os
import re
import tempfile
from pathlib import Path

import jupytext
import nbformat
from markdown.extensions.toc import slugify

from . import cache, layout
from .boxes import box
from .pages import blocks

MARKER = re.compile(r"^<!--.*pytest.*-->\n?", re.M)
ATTRS = re.compile(r" ?\{:? ?[#.][A-Za-z][^}\n]*\}")  # attr_list's `{ #id }`, `{: .class }`


def unfold(markdown):
    """The page's text with front matter dropped and boxes (admonitions, tabs), nested ones too, turned
    into plain text."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    lines, depth = [], 0  # depth: how far the text of the boxes we are in is indented
    for line in text.splitlines():
        while depth and line.strip() and not line.startswith(" " * depth):
            depth -= 4
        first = box(line[depth:])
        if first and not first.indent:  # a box at this depth (an indented line is code or text)
            lines += [f"**{first.title or first.kind.capitalize()}**", ""]
            depth += 4
        else:
            lines.append(line[depth:])
    return "\n".join(lines) + "\n"


def anchors(text):
    """{the site's anchor of each heading in TEXT: Jupyter's}. Jupyter names a heading by its text with
    spaces turned into dashes ("Check-yourself"); the site by Python-Markdown's slug ("check-yourself")."""
    headings = (ATTRS.sub("", h).strip() for h in re.findall(r"^#+ (.+)$", text, flags=re.M))
    return {slugify(h, "-"): h.replace(" ", "-") for h in headings}


def published(text, site_url, page_anchors=None):
    """Links to pictures and pages (with their query, as the live studio's) made absolute, so that they
    work from a downloaded notebook, and a link to a heading of the same page named as Jupyter names it
    (PAGE_ANCHORS, from `anchors`); attribute lists (`{ #anchor }`, `{ .live-link }`), which Jupyter
    would show as text, dropped."""
    text = re.sub(r"\]\(#([\w-]+)\)", lambda m: f"](#{(page_anchors or {}).get(m[1], m[1])})", text)
    text = re.sub(rf"\]\(({layout.FIGURES}/[\w-]+\.svg)\)", rf"]({site_url}\1)", text)
    text = re.sub(r"\]\(((?:[\w-]+/)*)([\w-]+)\.md([?#][^)\s]*)?\)",  # live/index.md is served as live/
                  lambda m: f"]({site_url}{m[1]}{'' if m[2] == 'index' else m[2] + '/'}{m[3] or ''})", text)
    return ATTRS.sub("", text)


# What only the site shows: placeholders, included snippets (the install box, the diary) and the download link.
DOWNLOAD = rf"\[Download this page as a Jupyter notebook\]\({layout.NOTEBOOKS}/.*"
SITE_ONLY = re.compile(rf"^(<!-- neura:[\w-]+ -->|--8<-- .*|{DOWNLOAD})\n\n?", re.M)


def lines(code):
    return tuple(line for line in code.splitlines() if line.strip())


def setup(wheel, torch_version):
    """The first code cell: install neura from WHEEL if it is missing; compare torch with the site's."""
    site = torch_version.split("+")[0]
    return f"""# Every block imports neura, the package behind the site: install it from there if it is missing.
import importlib.util, subprocess, sys
if importlib.util.find_spec("neura") is None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "{wheel}"], check=True)
    importlib.invalidate_caches()
import torch
print("torch", torch.__version__)
if torch.__version__.split("+")[0] != "{site}":
    print("This site's numbers come from torch {site}: yours may differ in the last digits.")"""


def notebook(page, site_url="", first=None):
    """The notebook (as text) for the Markdown page PAGE, with the code FIRST (if given) as its first code cell."""
    failing = {lines(b.code) for b in blocks(page) if b.must_fail}
    cells, shown_output = [], False
    read = jupytext.reads(unfold(SITE_ONLY.sub("", Path(page).read_text())), fmt="md").cells
    headings = anchors("\n".join(c.source for c in read if c.cell_type == "markdown"))
    for cell in read:
        cell.metadata = {}
        if cell.cell_type == "code" and shown_output:  # a block's output fenced as ```python: stays text
            cell = nbformat.v4.new_markdown_cell(f"```python\n{cell.source}\n```")
        shown_output = cell.source.rstrip().endswith("pytest-codeblocks:expected-output-->")
        if cell.cell_type == "markdown":
            cell.source = published(MARKER.sub("", cell.source), site_url, headings).strip()
            if not cell.source:
                continue
        elif lines(cell.source) in failing:
            cell.metadata["tags"] = ["raises-exception"]
        cells.append(cell)
    if first:
        cells.insert(1 if cells and cells[0].cell_type == "markdown" else 0, nbformat.v4.new_code_cell(first))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nbformat.writes(nb)


def thing(page, site_url, first=None):
    """PAGE's notebook, made again only when the page, this module, the site's address or the first cell changed."""
    return cache.Thing("notebooks", [Path(page), Path(__file__), site_url, first or ""],
                       lambda: notebook(page, site_url, first), f"{Path(page).stem}.ipynb")


def cached_notebook(page, site_url, first=None):
    """The path of PAGE's notebook in the cache, made if missing."""
    return cache.cached(*thing(page, site_url, first))


def execute(nb, cwd=layout.ROOT, timeout=120):
    """Run notebook NB (filled in place) top to bottom in a fresh Python kernel whose folder is CWD.

    The kernel talks over IPC, not TCP: nothing listens on the network, and ipykernel has no
    unencrypted-TCP warning to print into the build's output. torch gets one thread in it: the
    notebook's tensors are tiny, and a second thread only waits (on a busy machine, for seconds).
    """
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as sockets:
        km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "kernel"))
        try:
            NotebookClient(nb, km=km, timeout=timeout, allow_errors=False,
                           resources={"metadata": {"path": str(cwd)}}).execute(
                env={**os.environ, "OMP_NUM_THREADS": "1"})
        finally:
            if km.has_kernel:
                km.shutdown_kernel(now=True)
    return nb


def inputs(source):
    return [Path(source), Path(__file__)]


def executed(source):
    """The path of the executed copy of the notebook SOURCE, made only when an input changed."""
    run = lambda: nbformat.writes(execute(nbformat.read(source, as_version=4)))  # noqa: E731
    return cache.cached("notebook", inputs(source), run, Path(source).name)
