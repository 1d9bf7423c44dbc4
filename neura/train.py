"""The training loop, and the diary it keeps of every epoch."""

import math
import warnings

import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

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


def train(model, sketches, targets, optimizer="sgd", lr=0.1, epochs=10,
          test=None, batch_size=None, shuffle_seed=0):
    """Train `model` in place on `sketches` and `targets`; return the diary.

    By default an epoch is one step on the whole batch: paint, score with
    MSE, clear old gradients, backpropagate, step. The diary has a row per
    epoch, the state *before* its step: neuron 0's weights and bias, the
    predictions, the targets, the loss and neuron 0's gradients. `optimizer`
    is a name ("sgd", "adam", ...) or a `torch.optim.Optimizer` subclass.

    `test=(sketches, targets)` adds a "Test loss" column: the MSE on those
    held-out sketches, never trained on, at the start of the epoch.
    `batch_size` makes each epoch many steps, one per mini-batch, drawn by a
    DataLoader that reshuffles every epoch (seeded by `shuffle_seed`). The row
    then records the start of the epoch over the whole training set: the
    predictions, the loss and the gradients of that loss (no step uses them:
    each step uses its own mini-batch's). "Steps" counts the steps taken
    before the row.
    """
    check_positive(lr, "lr", "train")
    check_positive(epochs, "epochs", "train", whole=True)
    cls = optimizer_class(optimizer)
    check_model(model, "train")
    check_batch(sketches, model.layer1.in_features, model.layer1.weight.dtype,
                who="train")
    if test is not None:
        test = _held_out(test, model)
    if batch_size is not None:
        check_positive(batch_size, "batch_size", "train", whole=True)
        if isinstance(shuffle_seed, bool) or not isinstance(shuffle_seed, int):
            raise TypeError(f"train expects shuffle_seed to be a whole number, "
                            f"got {shuffle_seed!r}")
    opt = cls(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    diary, batches, steps = [], None, 0
    for epoch in range(epochs):
        predictions = model(sketches)
        if epoch == 0:
            check_targets(targets, predictions)
        loss = loss_fn(predictions, targets)
        opt.zero_grad()
        loss.backward()
        diary.append(_page(epoch, model, predictions, targets, loss))
        if test is not None:
            with torch.no_grad():
                diary[-1]["Test loss"] = loss_fn(model(test[0]), test[1]).item()
        if batch_size is None:
            opt.step()
            continue
        diary[-1]["Steps"] = steps
        # made once the targets are checked: a mismatch gets train's own error
        if batches is None:
            shuffler = torch.Generator().manual_seed(shuffle_seed)
            batches = DataLoader(TensorDataset(sketches, targets), shuffle=True,
                                 batch_size=batch_size, generator=shuffler)
        for x, y in batches:
            opt.zero_grad()
            loss_fn(model(x), y).backward()
            opt.step()
            steps += 1
    _warn_if_diverged(diary, lr)
    return pd.DataFrame(diary)


def _warn_if_diverged(diary, lr):
    """Warn once, at the first epoch whose loss is NaN or infinite: the steps overshot."""
    bad = next((row for row in diary if not math.isfinite(row["Loss"])), None)
    if bad:
        warnings.warn(f"train: the loss became {bad['Loss']} at epoch {bad['Epoch']} with lr={lr}: "
                      f"the steps overshoot; try a smaller lr, such as lr={lr / 10:g}", RuntimeWarning, stacklevel=3)


def _held_out(test, model):
    """Check that `test` is a pair (sketches, targets) fit for `model`; return it."""
    if not isinstance(test, (tuple, list)) or len(test) != 2:
        raise TypeError(f"train expects test=(sketches, targets), a pair of tensors, got {type(test).__name__}"
                        + (f" of length {len(test)}" if isinstance(test, (tuple, list)) else ""))
    who = "train (test set)"
    check_batch(test[0], model.layer1.in_features, model.layer1.weight.dtype, who=who)
    with torch.no_grad():
        check_targets(test[1], model(test[0]), who=who)
    return test


def _page(epoch, model, predictions, targets, loss):
    """One row of the diary: what neuron 0 and the predictions look like this epoch."""
    w, b = model.layer1.weight, model.layer1.bias
    row = {"Epoch": epoch}
    row.update({f"W1[0][{j}]": w[0][j].item() for j in range(w.shape[1])})
    row["B1[0]"] = b[0].item()
    row.update({f"Prediction[{i}]": p for i, p in enumerate(predictions.flatten().tolist())})
    row.update({f"Target[{i}]": t for i, t in enumerate(targets.flatten().tolist())})
    row["Loss"] = loss.item()
    row["Grad_W1[0][0]"] = w.grad[0][0].item()
    row["Grad_B1[0]"] = b.grad[0].item()
    return row
