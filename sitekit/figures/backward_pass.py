"""The backward walk at one station of the live studio's pass view: neuron 2's slope, computed once, reused
by its three first-layer brushes (sketch 0, Neura's first brushes, autograd's numbers)."""

import torch
from torch import nn

from neura import FEATURES, NeuralPainter, sketches, targets

from .network import NEGATIVE, OFF, POSITIVE, column
from .style import INK, PAPER, canvas

NEURON, SKETCH = 2, 0


def slopes():
    """Autograd's in-between slopes for the studio's sketches at Neura's first brushes (seed 1)."""
    model = NeuralPainter(seed=1)
    x = sketches()
    z = model.layer1(x)
    h = torch.relu(z)
    score = model.layer2(h)
    for t in (z, h, score):
        t.retain_grad()
    nn.MSELoss()(score, targets()).backward()
    return model, x, {"score": score.grad[:, 0], "h": h.grad, "z": z.grad}


def figure():
    model, x, d = slopes()
    hidden = model.layer1.out_features
    layers = [column(3, 0), column(hidden, 1), column(1, 2)]
    fig, ax = canvas(figsize=(7.5, 3.8))
    ax.axis("off")
    ax.grid(False)
    for j, end in enumerate(layers[1]):
        for i, start in enumerate(layers[0]):
            lit = j == NEURON
            w = model.layer1.weight[j, i].item()
            ax.plot(*zip(start, end, strict=True), color=POSITIVE if w > 0 else NEGATIVE,
                    linewidth=2.5 if lit else 0.6, alpha=1 if lit else 0.3, zorder=1)
            if lit:
                feature = x[SKETCH, i].item()
                ax.text(start[0] + 0.12, start[1] + (end[1] - start[1]) * 0.12 + 0.1,
                        f"×{feature:.1f} = {d['z'][SKETCH, j].item() * feature:+.4f}", fontsize=9, zorder=3,
                        bbox={"facecolor": PAPER, "edgecolor": "none", "pad": 1})
        ax.plot(*zip(end, layers[2][0], strict=True), color=INK, linewidth=0.6, alpha=0.4, zorder=1)
    for k, points in enumerate(layers):
        for n, (px, py) in enumerate(points):
            silent = k == 1 and d["z"][SKETCH, n] == 0 and d["h"][SKETCH, n] != 0
            ax.scatter([px], [py], s=700, color=OFF if silent else PAPER, edgecolors=INK,
                       linewidths=3 if k == 1 and n == NEURON else 1.2, zorder=2)
            if k == 0:
                ax.text(px - 0.2, py, f"{FEATURES[n]} {x[SKETCH, n].item():.1f}", ha="right", va="center")
            if k == 1:
                ax.text(px, py, str(n), ha="center", va="center", fontsize=9, zorder=3)
                ax.text(px + 0.15, py + 0.28, f"dL/dh {d['h'][SKETCH, n].item():+.4f}", fontsize=9, zorder=3)
    ax.text(2.2, 0, f"dL/dŷ {d['score'][SKETCH].item():+.4f}", va="center")
    ax.set_xlim(-1.3, 2.9)
    ax.set_ylim(-hidden / 2, hidden / 2)
    return fig
