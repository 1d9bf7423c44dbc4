"""Each brush's step under SGD and under Adam, at a few epochs of step 5's two runs: each brush its own pace."""

import torch
from torch import nn

from neura import NeuralPainter, sketches, targets

from .style import canvas

RUNS = [("SGD", torch.optim.SGD, 0.1), ("Adam", torch.optim.Adam, 0.01)]  # step 5's runs
EPOCHS = (0, 10, 50)  # the epochs whose steps are drawn (0: the first step)


def steps(optimizer, lr):
    """{epoch: how far each of the 21 brushes moved in that epoch's step}, as neura.train steps."""
    model, x, y = NeuralPainter(seed=1), sketches(), targets()
    opt, moved = optimizer(model.parameters(), lr=lr), {}
    for epoch in range(max(EPOCHS) + 1):
        before = torch.cat([p.detach().flatten() for p in model.parameters()]).double()
        loss = nn.MSELoss()(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        moved[epoch] = (torch.cat([p.detach().flatten() for p in model.parameters()]).double() - before).abs()
    return moved


def figure():
    fig, axes = canvas(1, 2, figsize=(9, 3.6), sharey=True)
    names = [f"{n}{i}" for n, size in [("W1 ", 12), ("b1 ", 4), ("W2 ", 4), ("b2 ", 1)] for i in range(size)]
    for ax, (label, optimizer, lr) in zip(axes, RUNS, strict=True):
        moved = steps(optimizer, lr)
        for epoch in EPOCHS:
            ax.plot(range(len(names)), moved[epoch].clamp_min(1e-9), "o", label=f"epoch {epoch}", markersize=5)
        ax.set_yscale("log")
        ax.set_title(f"{label}, learning rate {lr}")
        ax.set_xlabel("brush (W1: 12, b1: 4, W2: 4, b2: 1)")
        ax.set_xticks([0, 12, 16, 20])
    axes[0].set_ylabel("how far the brush moved (log scale)")
    fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=len(EPOCHS))
    return fig
