"""The training loop, and the diary it keeps of every epoch."""

import math
import warnings

import pandas as pd
import torch
from torch import nn

from .checks import check_batch, check_model, check_positive, check_targets

# What cannot train the painter: the base class, one that needs a closure at every step,
# one for sparse gradients only, and one for 2-D weights only (the painter has biases).
_UNFIT = {"Optimizer", "LBFGS", "SparseAdam", "Muon"}


def optimizer_class(optimizer):
    """The `torch.optim` class for a name such as "sgd" or "Adam", or the class itself if it can train."""
    known = {n.lower(): c for n, c in vars(torch.optim).items()
             if isinstance(c, type) and issubclass(c, torch.optim.Optimizer)
             and n not in _UNFIT}
    if isinstance(optimizer, type) and issubclass(optimizer, torch.optim.Optimizer) \
            and optimizer.__name__ not in _UNFIT:
        return optimizer
    if not isinstance(optimizer, str) or optimizer.lower() not in known:
        raise ValueError(f"train expects an optimizer name from torch.optim "
                         f"({', '.join(sorted(known))}), got {optimizer!r}")
    return known[optimizer.lower()]


def train(model, sketches, targets, optimizer="sgd", lr=0.1, epochs=10):
    """Train `model` in place on one batch and return the diary, one row per epoch.

    Each epoch paints, scores with MSE, clears old gradients, backpropagates
    and steps. The row records the state *before* the step: neuron 0's
    weights and bias, the predictions, the targets, the loss and neuron 0's
    gradients. `optimizer` is a name ("sgd", "adam", ...) or a
    `torch.optim.Optimizer` subclass.
    """
    check_positive(lr, "lr", "train")
    check_positive(epochs, "epochs", "train", whole=True)
    cls = optimizer_class(optimizer)
    check_model(model, "train")
    check_batch(sketches, model.layer1.in_features, model.layer1.weight.dtype, who="train")
    opt = cls(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    diary = []
    for epoch in range(epochs):
        predictions = model(sketches)
        if epoch == 0:
            check_targets(targets, predictions)
        loss = loss_fn(predictions, targets)
        opt.zero_grad()
        loss.backward()
        diary.append(_page(epoch, model, predictions, targets, loss))
        opt.step()
    _warn_if_diverged(diary, lr)
    return pd.DataFrame(diary)


def _warn_if_diverged(diary, lr):
    """Warn once, at the first epoch whose loss is NaN or infinite: the steps overshot."""
    bad = next((row for row in diary if not math.isfinite(row["Loss"])), None)
    if bad:
        warnings.warn(f"train: the loss became {bad['Loss']} at epoch {bad['Epoch']} with lr={lr}: "
                      f"the steps overshoot; try a smaller lr, such as lr={lr / 10:g}", RuntimeWarning, stacklevel=3)


def _page(epoch, model, predictions, targets, loss):
    """One row of the diary: what neuron 0 and the predictions look like this epoch."""
    w, b = model.layer1.weight, model.layer1.bias
    row = {"Epoch": epoch}
    row.update({f"W1[0][{j}]": w[0][j].item() for j in range(w.shape[1])})
    row["B1[0]"] = b[0].item()
    row.update({f"Prediction[{i}]": p.item() for i, p in enumerate(predictions)})
    row.update({f"Target[{i}]": t.item() for i, t in enumerate(targets)})
    row["Loss"] = loss.item()
    row["Grad_W1[0][0]"] = w.grad[0][0].item()
    row["Grad_B1[0]"] = b.grad[0].item()
    return row
