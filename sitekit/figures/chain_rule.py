"""The one-weight loss as a curve, and its tangent at w = 1.6, whose slope autograd computes."""

import torch

from .style import canvas

X, Y, W = 0.5, 1.0, 1.6


def loss(w):
    return (w * X - Y) ** 2


def figure():
    w = torch.tensor(W, requires_grad=True)
    loss(w).backward()
    slope = w.grad.item()
    ws = torch.linspace(0.4, 3.6, 200)
    fig, ax = canvas(figsize=(6.5, 3.6))
    ax.plot(ws, loss(ws), label="L(w) = (0.5 w - 1)²")
    near = torch.linspace(W - 0.9, W + 0.9, 2)
    ax.plot(near, loss(torch.tensor(W)) + slope * (near - W), "--", color="C1",
            label=f"tangent at w = {W}: slope {slope:.1f}")
    ax.plot([W], [loss(torch.tensor(W))], "o", color="C1")
    ax.plot([Y / X], [0], "o", color="C2", label="minimum at w = 2")
    ax.set_xlabel("weight w")
    ax.set_ylabel("loss")
    ax.legend(loc="upper center")
    return fig
