"""Seed 1's training run: the loss, and both predictions approaching (or passing) their targets."""

from neura import NeuralPainter, sketches, targets, train

from .style import canvas


def figure():
    diary = train(NeuralPainter(seed=1), sketches(), targets(), epochs=200)
    fig, (left, right) = canvas(1, 2, figsize=(9, 3.6))
    left.plot(diary["Epoch"], diary["Loss"], color="C3")
    left.set_yscale("log")
    left.set_title("the loss (log scale)")
    for i, color in enumerate(["C0", "C1"]):
        right.plot(diary["Epoch"], diary[f"Prediction[{i}]"], color=color, label=f"sketch {i}")
        right.axhline(diary[f"Target[{i}]"].iloc[0], color=color, linestyle=":", linewidth=1.5)
    right.set_title("predictions (dotted: targets)")
    right.legend(loc="lower right")
    for ax in (left, right):
        ax.axvline(9, color="#8a8578", linewidth=1, linestyle="--")  # the ten epochs of the diary
        ax.set_xlabel("epoch (dashed line: end of the diary, epoch 9)")
    return fig
