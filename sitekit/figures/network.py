"""Neura's network drawn from a model's real layer sizes and weights, optionally with one sketch's values."""

import torch

from neura import FEATURES, NeuralPainter

from .style import COLORS, INK, PAPER, canvas

POSITIVE, NEGATIVE, OFF = COLORS[0], COLORS[1], "#c9c3b6"


def column(count, x):
    """`count` points stacked around the middle at horizontal position `x`."""
    return [(x, (count - 1) / 2 - i) for i in range(count)]


def figure(model=None, sketch=None):
    """The diagram of `model` (default: NeuralPainter(seed=1)); with `sketch`, the values it takes."""
    model = model or NeuralPainter(seed=1)
    hidden = model.layer1.out_features
    layers = [column(3, 0), column(hidden, 1), column(1, 2)]
    values = None
    if sketch is not None:
        with torch.no_grad():
            strokes = torch.relu(model.layer1(sketch.unsqueeze(0)))[0]
            values = [sketch.tolist(), strokes.tolist(), model.layer2(strokes.unsqueeze(0))[0].tolist()]
    fig, ax = canvas(figsize=(7.5, max(3.2, 0.75 * hidden + 1)))
    ax.axis("off")
    ax.grid(False)
    weights = [model.layer1.weight.detach(), model.layer2.weight.detach()]
    scale = max(w.abs().max() for w in weights)
    for k, w in enumerate(weights):
        for j, end in enumerate(layers[k + 1]):
            for i, start in enumerate(layers[k]):
                ax.plot(*zip(start, end, strict=True), color=POSITIVE if w[j, i] > 0 else NEGATIVE,
                        linewidth=0.5 + 3 * abs(w[j, i]) / scale, alpha=0.8, zorder=1)
    names = {0: list(FEATURES), 2: ["score"]}
    for k, points in enumerate(layers):
        for n, (x, y) in enumerate(points):
            erased = values is not None and k == 1 and values[1][n] == 0
            ax.scatter([x], [y], s=1000, color=OFF if erased else PAPER, edgecolors=INK, linewidths=1.5, zorder=2)
            inside = f"{values[k][n]:.2f}" if values else ("ReLU" if k == 1 else "")
            ax.text(x, y, inside, ha="center", va="center", fontsize=8, zorder=3)
            if k in names:  # inputs on the left, the output on the right
                ax.text(x + (-0.2 if k == 0 else 0.2), y, names[k][n], ha="right" if k == 0 else "left",
                        va="center")
    ax.plot([], [], color=POSITIVE, label="positive weight")
    ax.plot([], [], color=NEGATIVE, label="negative weight")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, -0.12), ncol=2)
    ax.set_xlim(-1.1, 3.1)
    top = max(len(points) for points in layers) / 2
    ax.set_ylim(-top - 0.4, top + 0.1)
    return fig
