"""Learning against memorising: training and test loss for a small painter on 400 sketches and a wide one on 8."""

from neura import NeuralPainter, gallery, train

from .style import canvas

FLOOR = 0.1**2 / 3  # the mean square of the mentor's mood: no painter can predict it


def figure():
    x, y = gallery(500, seed=1)
    test = (x[400:], y[400:])
    runs = [("4 hidden neurons, 400 sketches", train(NeuralPainter(seed=1), x[:400], y[:400], optimizer="adam",
                                                     lr=0.01, epochs=200, test=test)),
            ("64 hidden neurons, 8 sketches", train(NeuralPainter(hidden=64, seed=1), x[:8], y[:8],
                                                    optimizer="adam", lr=0.01, epochs=500, test=test))]
    fig, axes = canvas(1, 2, figsize=(9, 3.8), sharey=True)
    for ax, (title, diary) in zip(axes, runs, strict=True):
        ax.plot(diary["Epoch"], diary["Loss"], color="C0", label="training loss")
        ax.plot(diary["Epoch"], diary["Test loss"], color="C1", label="test loss")
        ax.axhline(FLOOR, color="#8a8578", linewidth=1, linestyle=":", label="the mood's floor")
        ax.set_yscale("log")
        ax.set_title(title)
        ax.set_xlabel("epoch")
    best = runs[1][1]["Test loss"].idxmin()
    axes[1].axvline(best, color="C3", linewidth=1.2, linestyle="--")
    axes[1].annotate(f"lowest test loss:\nepoch {best}", (best, 0.15), xytext=(8, 0), textcoords="offset points",
                     color="C3", fontsize=10)
    axes[0].set_ylabel("loss (log scale)")
    axes[0].legend(loc="upper right")
    return fig
