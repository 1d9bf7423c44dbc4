"""Neura's first two scores beside their targets, and the squared errors that make the loss."""

import torch

from neura import NeuralPainter, sketches, targets

from .style import INK, canvas


def figure():
    with torch.no_grad():
        scores = NeuralPainter(seed=1)(sketches()).flatten()
    goal = targets().flatten()
    squares = ((scores - goal) ** 2).tolist()
    mean = sum(squares) / len(squares)
    scores, goal = scores.tolist(), goal.tolist()
    names = ["sketch 0", "sketch 1"]
    fig, (left, right) = canvas(1, 2, figsize=(8, 3.4))
    at = [0, 1]
    left.bar([a - 0.2 for a in at], scores, width=0.4, label="Neura's score")
    left.bar([a + 0.2 for a in at], goal, width=0.4, label="target", color="C1")
    left.axhline(0, color=INK, linewidth=0.8)
    left.set_xticks(at, names)
    left.set_ylim(-0.3, 1.05)
    left.set_title("first try vs the mentor's scores")
    left.legend(loc="upper right")
    right.bar(at, squares, width=0.5, color="C2")
    right.axhline(mean, linestyle="--", color="C3", label=f"mean = loss = {mean:.4f}")
    for x, s in zip(at, squares, strict=True):
        right.annotate(f"{s:.4f}", (x, s), ha="center", va="bottom")
    right.set_xticks(at, names)
    right.set_ylim(0, 1.05)
    right.set_title("squared errors")
    right.legend(loc="upper right")
    return fig
