"""Draw the site's figures at build time, so that no picture can disagree with the code.

Every `docs/figures/NAME.py` defines `figure()`, which returns a matplotlib
figure; the build saves it as `figures/NAME.svg` beside the pages. A figure is drawn again only
when its script, `_style.py`, this hook, neura or a pinned version changed (cache.py).
"""

import importlib.util
import io
import sys
from pathlib import Path

import cache
import matplotlib

matplotlib.use("Agg")
from mkdocs.structure.files import File  # noqa: E402

SCRIPTS = Path(__file__).resolve().parent.parent / "figures"


def load(name):
    """Import the figure script `docs/figures/NAME.py` as a module."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))  # so scripts can share `_style`
    spec = importlib.util.spec_from_file_location(f"figure_{name}", SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def svg(fig):
    """The figure as SVG text, the same bytes on every build."""
    out = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "neura", "svg.fonttype": "none"}):
        fig.savefig(out, format="svg", metadata={"Date": None})
    matplotlib.pyplot.close(fig)
    return out.getvalue()


def names():
    """The figure names, one for each script in docs/figures/."""
    return sorted(p.stem for p in SCRIPTS.glob("*.py") if not p.name.startswith("_"))


def drawn(name):
    """The path of the SVG of figure NAME, drawn only when one of its inputs changed."""
    inputs = [SCRIPTS / f"{name}.py", SCRIPTS / "_style.py", Path(__file__)]
    return cache.cached("figures", inputs, lambda: svg(load(name).figure()), f"{name}.svg")


def on_files(files, config):
    for name in names():
        files.append(File.generated(config, f"figures/{name}.svg", abs_src_path=str(drawn(name))))
    return files
