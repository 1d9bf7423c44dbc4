"""NeuralPainter: three sketch features in, one painting score out."""

import torch
from torch import nn

from .checks import check_batch, check_positive, check_seed
from .seeding import seeded


class NeuralPainter(nn.Module):
    """Neura's network: Linear(3, hidden), ReLU, Linear(hidden, 1).

    `seed` draws the starting weights and biases (her brushes) from
    `torch.manual_seed(seed)`, exactly as a plain PyTorch script that calls
    `torch.manual_seed(seed)` and then builds the same layers would, while
    leaving torch's global random state alone.
    """

    def __init__(self, hidden=4, seed=None):
        super().__init__()
        check_positive(hidden, "hidden", "NeuralPainter", whole=True)
        check_seed(seed, "NeuralPainter")
        with seeded(seed):
            self.layer1 = nn.Linear(3, hidden)  # sketch -> hidden strokes
            self.layer2 = nn.Linear(hidden, 1)  # strokes -> one score

    def forward(self, x):
        """Paint a batch: `x` of shape [n, 3] gives scores of shape [n, 1]."""
        check_batch(x, self.layer1.in_features, self.layer1.weight.dtype)
        return self.layer2(torch.relu(self.layer1(x)))

