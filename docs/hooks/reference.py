"""Write the API reference from neura's own docstrings, at build time."""

import inspect

import neura

PLACEHOLDER = "<!-- neura:api -->"


def entry(name):
    """Markdown for one public name: its signature and its docstring."""
    obj = getattr(neura, name)
    if not callable(obj):
        return f"## `{name}`\n\n`{name} = {obj!r}`\n"
    parts = [f"## `{name}{inspect.signature(obj)}`\n", inspect.getdoc(obj) or ""]
    if inspect.isclass(obj):
        for method, func in vars(obj).items():
            if not method.startswith("_") and inspect.getdoc(func):
                parts.append(f"`{method}{inspect.signature(func)}`: {inspect.getdoc(func)}")
    return "\n\n".join(parts) + "\n"


def reference():
    """The whole reference, one entry for each name in `neura.__all__`."""
    return "\n".join(entry(name) for name in neura.__all__)


def on_page_markdown(markdown, **kwargs):
    return markdown.replace(PLACEHOLDER, reference()) if PLACEHOLDER in markdown else markdown
