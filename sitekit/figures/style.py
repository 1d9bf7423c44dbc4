"""One look for every figure: ink on warm paper, readable in light and dark mode."""

import matplotlib.pyplot as plt

PAPER = "#fdfaf3"
INK = "#2b2a33"
COLORS = ["#6a3fb5", "#b06e00", "#1f8a70", "#c2185b", "#3b6fb6"]  # Neura's palette

STYLE = {
    "figure.facecolor": PAPER, "axes.facecolor": PAPER, "savefig.facecolor": PAPER,
    "text.color": INK, "axes.labelcolor": INK, "axes.edgecolor": INK,
    "xtick.color": INK, "ytick.color": INK,
    "axes.prop_cycle": plt.cycler(color=COLORS),
    "axes.spines.top": False, "axes.spines.right": False,
    "axes.grid": True, "grid.color": "#e4ded0", "grid.linewidth": 0.8,
    "font.size": 11, "font.family": "sans-serif",
    "lines.linewidth": 2.2, "legend.frameon": False,
}


def canvas(*args, **kwargs):
    """A new figure and axes in the studio's style (arguments go to plt.subplots)."""
    plt.rcParams.update(STYLE)
    fig, ax = plt.subplots(*args, layout="constrained", **kwargs)
    # The browser draws the labels in the reader's font, not in the DejaVu Sans matplotlib measured
    # them in: twice constrained layout's margin (6 pt, not 3) keeps them inside the picture.
    fig.get_layout_engine().set(w_pad=6 / 72, h_pad=6 / 72)
    return fig, ax
