"""Draw the site's figures at build time, so that no picture can disagree with the code.

Every `docs/figures/NAME.py` defines `figure()`, which returns a matplotlib
figure; the build saves it as `figures/NAME.svg` beside the pages. A figure is drawn again only
when its script, `_style.py`, this hook, neura or a pinned version changed (cache.py), and then
ahead of the pages (ahead.py): the build waits for it only before it writes the site's files.
"""

import importlib.util
import io
import sys
from pathlib import Path

import cache

SCRIPTS = Path(__file__).resolve().parent.parent / "figures"


def load(name):
    """Import the figure script `docs/figures/NAME.py` as a module."""
    import matplotlib

    matplotlib.use("Agg")  # files, not windows (imported here: the build's own Python draws nothing)
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))  # so scripts can share `_style`
    spec = importlib.util.spec_from_file_location(f"figure_{name}", SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def svg(fig):
    """The figure as SVG text, the same bytes on every build."""
    import matplotlib.pyplot

    out = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "neura", "svg.fonttype": "none"}):
        fig.savefig(out, format="svg", metadata={"Date": None})
    matplotlib.pyplot.close(fig)
    return out.getvalue()


def names():
    """The figure names, one for each script in docs/figures/."""
    return sorted(p.stem for p in SCRIPTS.glob("*.py") if not p.name.startswith("_"))


def thing(name):
    """Figure NAME's SVG, keyed on its script, the style and this hook."""
    inputs = [SCRIPTS / f"{name}.py", SCRIPTS / "_style.py", Path(__file__)]
    return cache.Thing("figures", inputs, lambda: svg(load(name).figure()), f"{name}.svg")


def things():
    return [thing(name) for name in names()]


def drawn(name):
    """The path of the SVG of figure NAME, drawn only when one of its inputs changed."""
    return cache.cached(*thing(name))


def on_files(files, config):
    from mkdocs.structure.files import File

    for figure in things():  # where it will be: on_env waits for it
        files.append(File.generated(config, f"figures/{figure.name}", abs_src_path=str(figure.path)))
    return files


def on_env(env, config, files):
    """Every figure drawn (or drawn now) before mkdocs copies the files into the site."""
    for name in names():
        drawn(name)
    return env
