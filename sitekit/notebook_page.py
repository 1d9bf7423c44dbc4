"""The studio-session notebook page under MkDocs: offline and light.

The make step executes the notebook (notebooks.py); mkdocs-jupyter renders the executed copy (its own
execution stays off: its cache would key on the notebook alone, not on neura). mkdocs-jupyter's template
always adds a MathJax loader (with an empty URL) and a Mermaid loader from a CDN, and inlines about 0.5 MB
of JupyterLab CSS.
The studio notebook uses neither math nor Mermaid, so both loaders go, and
only the CSS rules whose classes appear on the page stay. A code cell that scrolls sideways takes the
keyboard focus; pandas' empty header above a table's index is named for screen readers. The page's
meta description comes from the notebook's own metadata, and the downloadable copy starts, like every
step's notebook, by installing neura from the site if it is missing.
"""

import json
import re
from pathlib import Path

import nbformat

from . import cache, code_spans, reachable
from .notebooks import setup

NOTEBOOKS = ["studio-session.ipynb"]  # the notebooks that are pages (mkdocs-jupyter's `include`)

LOADERS = [
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S),
    re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S),
]


def rules(css):
    """Split CSS into top-level (prelude, body) pairs; an @media body is itself CSS."""
    out, depth, start, head = [], 0, 0, 0
    for i, ch in enumerate(css):
        if ch == "{":
            if depth == 0:
                head = i
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                out.append((css[start:head].strip(), css[head + 1:i]))
                start = i + 1
    return out


def selectors(prelude):
    """The comma-separated selectors of a rule, leaving commas inside :is(...) and :not(...) alone."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            out.append(prelude[start:i])
            start = i + 1
    return out + [prelude[start:]]


def prune(css, classes):
    """Only the rules that can match: every class their selector names is used on the page."""
    kept = []
    for prelude, body in rules(css):
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = prune(body, classes)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            used = [s for s in selectors(prelude) if set(re.findall(r"\.([\w-]+)", s)) <= classes]
            if used:
                kept.append(f"{','.join(used)}{{{body}}}")
    return "".join(kept)


def pruned(css, classes):
    """prune(CSS, CLASSES), kept in the build's cache: a preview does not prune the same 0.5 MB again."""
    inputs = [css, " ".join(sorted(classes)), Path(__file__)]
    return cache.cached("css", inputs, lambda: prune(css, classes), "style.css").read_text(encoding="utf-8")


def description(path):
    """The meta description the notebook at PATH gives in its metadata, or None."""
    return json.loads(Path(path).read_text())["metadata"].get("description")


def finish(output):
    """The rendered notebook page OUTPUT, offline and light (see above)."""
    for loader in LOADERS:
        output = loader.sub("", output)
    classes = {c for attr in re.findall(r'class="([^"]*)"', output) for c in attr.split()}
    output = re.sub(r"(<style[^>]*>)(.*?)(</style>)", lambda m: m[1] + pruned(m[2], classes) + m[3], output,
                    flags=re.S)
    output = code_spans.finish(reachable.finish(output))  # not Markdown: the extensions' finishing is called here
    return output.replace('<img src="data:image/png', '<img alt="The plot drawn by the notebook cell above"'
                                                       ' src="data:image/png')


def with_setup(download, wheel, torch_version):
    """Put the install cell first in the notebook file DOWNLOAD (after its title cell)."""
    nb = nbformat.read(download, as_version=4)
    first = nbformat.v4.new_code_cell(setup(wheel, torch_version))
    nb.cells.insert(1 if nb.cells and nb.cells[0].cell_type == "markdown" else 0, first)
    nbformat.write(nb, download)
