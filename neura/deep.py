"""A deep stack of layers, to watch the gradient fade (or not) on its way back to the first layer."""

import torch
from torch import nn

from .checks import check_positive, check_seed
from .seeding import seeded

ACTIVATIONS = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}


def deep_stack(activation="relu", depth=20, width=32, he_init=True, seed=0):
    """`depth` layers of Linear(width, width), each followed by `activation`.

    `he_init` draws the weights with Kaiming (He) initialization, made for
    ReLU; otherwise they keep nn.Linear's default, which is smaller.
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"deep_stack expects an activation from "
                         f"{sorted(ACTIVATIONS)}, got {activation!r}")
    check_positive(depth, "depth", "deep_stack", whole=True)
    check_positive(width, "width", "deep_stack", whole=True)
    check_seed(seed, "deep_stack")
    layers = []
    with seeded(seed):
        for _ in range(depth):
            linear = nn.Linear(width, width)
            if he_init:
                nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
                nn.init.zeros_(linear.bias)
            layers += [linear, ACTIVATIONS[activation]()]
    return nn.Sequential(*layers)


def gradient_sizes(activation="relu", depth=20, width=32, he_init=True, seed=0):
    """The gradient's size (norm) at each layer's weights, first layer first.

    A batch of 64 random inputs goes through `deep_stack(...)`; the loss is the
    mean square of the output.
    """
    stack = deep_stack(activation, depth, width, he_init, seed)
    with seeded(seed):
        x = torch.randn(64, width)
    stack(x).pow(2).mean().backward()
    linears = [layer for layer in stack if isinstance(layer, nn.Linear)]
    return [layer.weight.grad.norm().item() for layer in linears]
