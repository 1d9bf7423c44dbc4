"""Every step page as a Jupyter notebook, made at build time from the page's own Markdown.

Python fences become code cells; everything else stays Markdown. Admonitions,
tabs and collapsed blocks are unfolded, a block the page marks as failing on
purpose is tagged `raises-exception`, and pictures point at the published site.
"""

import re
from pathlib import Path

import nbformat

DOCS = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^```(\w*)\s*$")
BOX = re.compile(r'^(?:!!!|\?\?\?\+?|===) ?(\w*) *"?([^"]*)"?\s*$')


def unfold(markdown):
    """The page's lines with front matter and pytest markers dropped and boxes turned into plain text."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    lines, inside = [], False
    for line in text.splitlines():
        box = BOX.match(line)
        if box:
            lines.append(f"**{box.group(2) or box.group(1).capitalize()}**")
            lines.append("")
            inside = True
        elif inside and (line.startswith("    ") or not line.strip()):
            lines.append(line[4:])
        else:
            inside = False
            lines.append(line)
    return lines


def published(line, site_url):
    """Links to pictures and pages made absolute, so that they work from a downloaded notebook."""
    line = re.sub(r"\]\((figures/[\w-]+\.svg)\)", rf"]({site_url}\1)", line)
    return re.sub(r"\]\(([\w-]+)\.md(#[\w-]+)?\)",
                  lambda m: f"]({site_url}{'' if m[1] == 'index' else m[1] + '/'}{m[2] or ''})", line)


def notebook(markdown, site_url=""):
    """The notebook for one page's Markdown."""
    cells, prose, code, tags, output = [], [], None, [], False
    for line in unfold(markdown):
        if "pytest.mark.xfail" in line:
            tags = ["raises-exception"]
        if line.startswith("<!--") and "pytest" in line:
            output = "expected-output" in line  # the next fence is a block's output: it stays Markdown
            continue
        fence = FENCE.match(line)
        if fence and output:
            output = False
            prose.append(line)
        elif code is None and fence and fence.group(1) == "python":
            if "".join(prose).strip():
                cells.append(nbformat.v4.new_markdown_cell("\n".join(prose).strip()))
            prose, code = [], []
        elif code is not None and fence:
            cells.append(nbformat.v4.new_code_cell("\n".join(code), metadata={"tags": tags} if tags else {}))
            code, tags = None, []
        elif code is not None:
            code.append(line)
        else:
            prose.append(published(line, site_url))
    if "".join(prose).strip():
        cells.append(nbformat.v4.new_markdown_cell("\n".join(prose).strip()))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nbformat.writes(nb)


def step_pages():
    """The step pages: docs/1-network.md to docs/6-training.md."""
    return sorted(DOCS.glob("[1-9]-*.md"))


def on_files(files, config):
    from mkdocs.structure.files import File

    for page in step_pages():
        content = notebook(page.read_text(), config["site_url"] or "")
        files.append(File.generated(config, f"notebooks/{page.stem}.ipynb", content=content))
    return files


def on_page_markdown(markdown, page, **kwargs):
    name = Path(page.file.src_uri).stem
    if not any(p.stem == name for p in step_pages()):
        return markdown
    link = f'[Download this page as a Jupyter notebook](notebooks/{name}.ipynb){{ .md-button download="{name}.ipynb" }}'
    return re.sub(r"^(# .*)$", rf"\1\n\n{link}", markdown, count=1, flags=re.M)
