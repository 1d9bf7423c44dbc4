"""The site's figures, drawn from the real model at make time, so that no picture can disagree with the code.

Every module here but `style` defines `figure()`, which returns a matplotlib figure; the make step
saves it as `figures/NAME.svg` (the module's name with dashes) beside the pages. A figure is drawn
again only when its module, `style`, this file, neura or a pinned version changed (cache.py).
"""

import importlib
import io
import pkgutil
from pathlib import Path

from .. import cache

HERE = Path(__file__).resolve().parent


def names():
    """The figure names, one for each module here but `style`: "chain-rule", "loss", ..."""
    return sorted(m.name.replace("_", "-") for m in pkgutil.iter_modules([str(HERE)]) if m.name != "style")


def load(name):
    """The module that draws figure NAME."""
    import matplotlib

    matplotlib.use("Agg")  # files, not windows
    return importlib.import_module(f"{__name__}.{name.replace('-', '_')}")


def svg(fig):
    """The figure as SVG text, the same bytes on every build."""
    import matplotlib.pyplot

    out = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "neura", "svg.fonttype": "none"}):
        fig.savefig(out, format="svg", metadata={"Date": None})
    matplotlib.pyplot.close(fig)
    return out.getvalue()


def thing(name):
    """Figure NAME's SVG, keyed on its module, the style and this file."""
    inputs = [HERE / f"{name.replace('-', '_')}.py", HERE / "style.py", Path(__file__)]
    return cache.Thing("figures", inputs, lambda: svg(load(name).figure()), f"{name}.svg")


def things():
    return [thing(name) for name in names()]


def drawn(name):
    """The path of the SVG of figure NAME, drawn only when one of its inputs changed."""
    return cache.cached(*thing(name))
