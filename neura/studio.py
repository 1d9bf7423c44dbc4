"""The studio's examples: two sketches and the scores her mentor wants."""

import torch

FEATURES = ("color mix", "brush pressure", "tilt angle")


def sketches():
    """The two sketches, shape [2, 3]: one row each, one column per feature."""
    return torch.tensor([[0.5, 0.7, 0.3],   # a gentle stroke with a warm tone
                         [0.9, 0.2, 0.6]])  # a bold stroke with a tilted brush


def targets():
    """The mentor's scores for the two sketches, shape [2, 1]."""
    return torch.tensor([[0.8], [0.3]])
