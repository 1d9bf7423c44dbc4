"""Input checks that fail early, with a message a learner can act on."""

import math
import numbers

import torch
from torch import nn


def _shape(t):
    return list(t.shape)


def check_batch(x, features, dtype, who="NeuralPainter"):
    """Check that `x` is a [n, features] batch of finite floats of `dtype`."""
    if not isinstance(x, torch.Tensor):
        raise TypeError(f"{who} expects sketches as a torch.Tensor of shape [n, {features}], "
                        f"got {type(x).__name__}")
    if x.dim() != 2:
        hint = ": wrap one sketch as x.unsqueeze(0)" if x.dim() == 1 else ""
        raise ValueError(f"{who} expects a 2-D batch of shape [n, {features}], "
                         f"got {x.dim()}-D shape {_shape(x)}{hint}")
    if x.shape[1] != features:
        raise ValueError(f"{who} expects {features} features per sketch "
                         f"(color, pressure, tilt), got {x.shape[1]}")
    if x.shape[0] == 0:
        raise ValueError(f"{who} expects at least one sketch, got an empty batch of shape {_shape(x)}")
    if x.dtype != dtype:
        raise TypeError(f"{who} expects sketches of dtype {dtype}, got {x.dtype}"
                        + (": write numbers like 0.5, not 1" if not x.is_floating_point() else ""))
    check_finite(x, "sketches", who)


def check_finite(x, name, who):
    """Check that every number in `x` is finite (no NaN, no inf)."""
    if not torch.isfinite(x).all():
        bad = "NaN" if torch.isnan(x).any() else "inf"
        raise ValueError(f"{who} expects finite {name}, got {bad} in {_shape(x)}")


def check_targets(targets, predictions, who="train"):
    """Check that `targets` has the predictions' shape and dtype, and is finite."""
    if not isinstance(targets, torch.Tensor):
        raise TypeError(f"{who} expects targets as a torch.Tensor, got {type(targets).__name__}")
    if targets.shape != predictions.shape:
        raise ValueError(f"{who} expects targets of shape {_shape(predictions)} "
                         f"(one score per sketch), got {_shape(targets)}")
    if targets.dtype != predictions.dtype:
        raise TypeError(f"{who} expects targets of dtype {predictions.dtype}, got {targets.dtype}")
    check_finite(targets, "targets", who)


def check_positive(value, name, who, whole=False):
    """Check that `value` is a finite number > 0 (a whole number if `whole`)."""
    kind = numbers.Integral if whole else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind):
        expected = "a whole number" if whole else "a number"
        raise TypeError(f"{who} expects {name} to be {expected}, got {value!r}")
    if not (value > 0 and math.isfinite(value)):
        expected = ">= 1" if whole else "> 0"
        raise ValueError(f"{who} expects {name} {expected}, got {value!r}")


def check_seed(seed, who):
    """Check that `seed` is None or a whole number that torch.manual_seed takes."""
    if seed is None:
        return
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(f"{who} expects seed to be a whole number or None, got {seed!r}")
    if not -2**63 <= seed < 2**64:
        raise ValueError(f"{who} expects seed from -2**63 to 2**64 - 1, got {seed!r}")


def check_model(model, who):
    """Check that `model` is shaped like NeuralPainter: nn.Linear layers `layer1` and `layer2`."""
    layers = [getattr(model, name, None) for name in ("layer1", "layer2")]
    if not all(isinstance(layer, nn.Linear) for layer in layers):
        raise TypeError(f"{who} expects a NeuralPainter (a model whose layer1 and layer2 are nn.Linear), "
                        f"got {type(model).__name__}")
    if layers[0].out_features != layers[1].in_features:
        raise ValueError(f"{who} expects layer2 to take the {layers[0].out_features} outputs of layer1, "
                         f"got layer2 with {layers[1].in_features} inputs")
