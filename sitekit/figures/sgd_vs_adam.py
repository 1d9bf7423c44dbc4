"""The same painter trained with SGD and with Adam: both loss curves over 200 epochs."""

from neura import NeuralPainter, sketches, targets, train

from .style import canvas

RUNS = [("SGD", "sgd", 0.1), ("Adam", "adam", 0.01)]


def figure():
    fig, ax = canvas(figsize=(7, 3.8))
    for label, name, lr in RUNS:
        diary = train(NeuralPainter(seed=1), sketches(), targets(), optimizer=name, lr=lr, epochs=200)
        ax.plot(diary["Epoch"], diary["Loss"], label=f"{label}, lr = {lr}")
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss (log scale)")
    ax.set_title("one painter (seed 1), two optimizers")
    ax.legend()
    return fig
