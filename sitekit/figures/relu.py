"""ReLU and its gradient, drawn from torch itself."""

import torch

from .style import canvas


def figure():
    x = torch.linspace(-3, 3, 601, requires_grad=True)
    y = torch.relu(x)
    y.sum().backward()
    fig, (left, right) = canvas(1, 2, figsize=(8, 3.2))
    left.plot(x.detach(), y.detach())
    left.set_title("ReLU(x) = max(0, x)")
    right.plot(x.detach(), x.grad, color="C1")
    right.set_title("its gradient: 0 or 1")
    for ax in (left, right):
        ax.set_xlabel("x")
    return fig
