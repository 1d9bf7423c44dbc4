"""Keep the notebook page offline and light.

mkdocs-jupyter's template always adds a MathJax loader (with an empty URL)
and a Mermaid loader from a CDN, and inlines about 0.5 MB of JupyterLab CSS.
The studio notebook uses neither math nor Mermaid, so both loaders go, and
only the CSS rules whose classes appear on the page stay. The page's meta
description comes from the notebook's own metadata.
"""

import json
import re
from pathlib import Path

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
    output = re.sub(r"(<style[^>]*>)(.*?)(</style>)", lambda m: m[1] + prune(m[2], classes) + m[3], output,
                    flags=re.S)
    return output.replace('<img src="data:image/png', '<img alt="The plot drawn by the notebook cell above"'
                                                       ' src="data:image/png')
