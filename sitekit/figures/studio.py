"""Neura's studio: a robot painter at her easel. The painting on the canvas is her real training curve."""

from matplotlib.patches import Circle, Ellipse, FancyBboxPatch, Polygon, Rectangle

from neura import NeuralPainter, sketches, targets, train

from .style import COLORS, INK, canvas

METAL, WOOD, CANVAS = "#b8b4c8", "#b07a4a", "#ffffff"


def figure():
    fig, ax = canvas(figsize=(8, 4.6))
    ax.axis("off")
    ax.grid(False)
    ax.set_xlim(0, 16)
    ax.set_ylim(0, 9.2)
    ax.set_aspect("equal")
    add = ax.add_patch
    # the easel and its canvas
    for x0, x1 in [(9.2, 10.2), (14.8, 13.8)]:
        ax.plot([x0, x1], [0.3, 8.4], color=WOOD, linewidth=5, solid_capstyle="round")
    ax.plot([12, 12], [0.3, 7.9], color=WOOD, linewidth=4)
    add(Rectangle((9.6, 3.2), 4.8, 4.6, facecolor=CANVAS, edgecolor=INK, linewidth=1.5, zorder=2))
    # on the canvas: her loss falling over 60 epochs, drawn from a real run
    loss = train(NeuralPainter(seed=1), sketches(), targets(), epochs=60)["Loss"]
    xs = 9.9 + 4.2 * loss.index / loss.index.max()
    ax.plot(xs, 3.5 + 4.0 * loss / loss.max(), color=COLORS[0], linewidth=3, zorder=3)
    ax.plot(xs, [3.5] * len(xs), color=COLORS[2], linewidth=1.5, linestyle=":", zorder=3)
    # Neura: head, eyes, antenna, body, arm and brush
    add(FancyBboxPatch((3.0, 5.6), 2.6, 2.0, boxstyle="round,pad=0.2", facecolor=METAL, edgecolor=INK))
    for x in (3.8, 4.8):
        add(Circle((x, 6.7), 0.28, facecolor=CANVAS, edgecolor=INK))
        add(Circle((x + 0.07, 6.7), 0.12, facecolor=INK))
    ax.plot([3.8, 4.8], [6.0, 6.0], color=INK, linewidth=2)
    ax.plot([4.3, 4.3], [7.8, 8.5], color=INK, linewidth=2)
    add(Circle((4.3, 8.6), 0.2, facecolor=COLORS[1], edgecolor=INK))
    add(FancyBboxPatch((2.8, 1.6), 3.0, 3.6, boxstyle="round,pad=0.2", facecolor=METAL, edgecolor=INK))
    add(Circle((4.3, 3.4), 0.5, facecolor=COLORS[3], edgecolor=INK))  # her heart: a loss meter
    ax.plot([5.8, 7.4, 9.3], [4.4, 5.2, 5.9], color=INK, linewidth=5, solid_capstyle="round")
    ax.plot([9.3, 9.9], [5.9, 6.2], color=WOOD, linewidth=3)
    add(Polygon([[9.85, 6.1], [10.25, 6.45], [10.0, 6.0]], facecolor=COLORS[0], edgecolor=INK))
    for x in (3.4, 5.2):
        add(Rectangle((x - 0.3, 0.3), 0.6, 1.3, facecolor=METAL, edgecolor=INK))
    # her palette: one blob of paint per feature of a sketch
    add(Ellipse((1.9, 4.1), 3.2, 1.7, angle=20, facecolor="#e9dcc3", edgecolor=INK))
    for (x, y), color in zip([(1.0, 3.9), (1.9, 4.3), (2.7, 4.7)], COLORS[:3], strict=True):
        add(Circle((x, y), 0.28, facecolor=color, edgecolor=INK))
    ax.text(1.9, 2.8, "color · pressure · tilt", ha="center", fontsize=9)
    ax.text(12, 8.75, "Neura's Painting Studio", ha="center", fontsize=13, weight="bold")
    return fig
