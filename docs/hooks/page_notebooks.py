"""Every step page as a Jupyter notebook to download, made at build time from the page's own Markdown.

jupytext's Markdown reader makes the cells: ```python fences become code cells, everything else
Markdown. jupytext knows nothing of Material's admonitions, tabs and collapsed blocks (their
fences are indented, so it would leave the code as Markdown): `unfold` turns them into plain text
first, by our own rule. A block the page marks as failing on purpose is tagged `raises-exception`,
pytest markers are dropped, and pictures and links point at the published site.
"""

import re
import sys
from pathlib import Path

import cache
import jupytext
import nbformat
from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / ".ci"))  # sitetools: the one reader of the nav and of code blocks
import sitetools  # noqa: E402

BOX = re.compile(r'^(?:!!!|\?\?\?\+?|===) ?(\w*) *"?([^"]*)"?\s*$')
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
        box = BOX.match(line[depth:])
        if box:
            lines += [f"**{box.group(2) or box.group(1).capitalize()}**", ""]
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
    text = re.sub(r"\]\((figures/[\w-]+\.svg)\)", rf"]({site_url}\1)", text)
    text = re.sub(r"\]\(([\w-]+)\.md([?#][^)\s]*)?\)",
                  lambda m: f"]({site_url}{'' if m[1] == 'index' else m[1] + '/'}{m[2] or ''})", text)
    return ATTRS.sub("", text)


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
    failing = {lines(b.code) for b in sitetools.blocks(page) if b.must_fail}
    cells, shown_output = [], False
    read = jupytext.reads(unfold(Path(page).read_text()), fmt="md").cells
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


def on_files(files, config):
    from mkdocs.structure.files import File

    first = setup(config.extra["wheel"], config.extra["versions"]["torch"])  # from docs/hooks/install.py
    for page in sitetools.step_pages(ROOT):
        made = cached_notebook(page, config["site_url"] or "", first)
        files.append(File.generated(config, f"notebooks/{page.stem}.ipynb", abs_src_path=str(made)))
    return files


def cached_notebook(page, site_url, first=None):
    """The path of PAGE's notebook, made again only when the page, this hook, the site's address or
    the first cell changed."""
    return cache.cached("notebooks", [page, Path(__file__), site_url, first or ""],
                        lambda: notebook(page, site_url, first), f"{page.stem}.ipynb")


def on_page_markdown(markdown, page, **kwargs):
    name = Path(page.file.src_uri).name
    if not sitetools.STEP.fullmatch(name):
        return markdown
    stem = Path(name).stem
    link = f'[Download this page as a Jupyter notebook](notebooks/{stem}.ipynb){{ .md-button download="{stem}.ipynb" }}'
    return re.sub(r"^(# .*)$", rf"\1\n\n{link}", markdown, count=1, flags=re.M)
