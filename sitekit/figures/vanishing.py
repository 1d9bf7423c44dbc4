"""How much gradient reaches each layer of a 20-layer stack: sigmoid vs ReLU, two initializations."""

from neura import gradient_sizes

from .style import canvas

RUNS = [("sigmoid, He init", "sigmoid", True), ("ReLU, He init", "relu", True),
        ("ReLU, default init", "relu", False)]


def figure():
    fig, ax = canvas(figsize=(7, 3.8))
    for label, activation, he_init in RUNS:
        sizes = gradient_sizes(activation, depth=20, he_init=he_init, seed=0)
        ax.plot(range(1, len(sizes) + 1), sizes, "o-", markersize=4, label=label)
    ax.set_yscale("log")
    ax.set_xticks([1, 5, 10, 15, 20])
    ax.set_xlabel("layer (the feedback travels from layer 20 back to layer 1)")
    ax.set_ylabel("gradient size (log scale)")
    ax.legend(loc="lower right")
    return fig
