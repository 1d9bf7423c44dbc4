"""The studio-session notebook page: executed (and cached), offline and light.

The notebook runs in a fresh kernel at build time, once for each state of its inputs (cache.py),
and mkdocs-jupyter renders the executed copy (its own execution stays off: its cache would key on
the notebook alone, not on neura). mkdocs-jupyter's template always adds a MathJax loader (with an empty URL)
and a Mermaid loader from a CDN, and inlines about 0.5 MB of JupyterLab CSS.
The studio notebook uses neither math nor Mermaid, so both loaders go, and
only the CSS rules whose classes appear on the page stay. The page's meta
description comes from the notebook's own metadata.
"""

import json
import os
import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cache
import nbformat
from mkdocs.plugins import event_priority
from page_notebooks import setup

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


def execute(nb, cwd=cache.ROOT, timeout=120):
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


def on_pre_build(config):
    """Start running the notebooks (each in its own kernel process) while the build reads the pages."""
    global RUNNING
    pool = ThreadPoolExecutor(len(NOTEBOOKS))
    RUNNING = {name: pool.submit(executed, Path(config["docs_dir"]) / name) for name in NOTEBOOKS}
    pool.shutdown(wait=False)


@event_priority(-100)  # after mkdocs-jupyter wrapped the file (its wrapper computes its own abs_src_path)
def on_files(files, config):
    for name in NOTEBOOKS:
        path = cache.where("notebook", inputs(Path(config["docs_dir"]) / name), name)  # executed by its page
        files.get_file_from_path(name).abs_src_path = str(path)
    return files


@event_priority(100)  # before mkdocs-jupyter reads the executed copy
def on_pre_page(page, config, files):
    if page.file.src_uri in RUNNING:
        RUNNING[page.file.src_uri].result()
    return page


def on_page_context(context, page, **kwargs):
    if page.file.src_uri.endswith(".ipynb"):
        notebook = json.loads(Path(page.file.abs_src_path).read_text())
        page.meta.setdefault("description", notebook["metadata"].get("description"))
    return context


def on_post_page(output, page, **kwargs):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    for loader in LOADERS:
        output = loader.sub("", output)
    classes = {c for attr in re.findall(r'class="([^"]*)"', output) for c in attr.split()}
    output = re.sub(r"(<style[^>]*>)(.*?)(</style>)", lambda m: m[1] + pruned(m[2], classes) + m[3], output,
                    flags=re.S)
    return output.replace('<img src="data:image/png', '<img alt="The plot drawn by the notebook cell above"'
                                                       ' src="data:image/png')


def on_post_build(config):
    """The downloadable copy starts, like every step's notebook, by installing neura from the site if missing."""
    for name in NOTEBOOKS:
        download = Path(config["site_dir"]) / Path(name).stem / name
        nb = nbformat.read(download, as_version=4)
        first = nbformat.v4.new_code_cell(setup(config.extra["wheel"], config.extra["versions"]["torch"]))
        nb.cells.insert(1 if nb.cells and nb.cells[0].cell_type == "markdown" else 0, first)
        nbformat.write(nb, download)
