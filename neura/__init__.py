"""neura: the small package behind Neura's Painting Studio."""

from .byhand import backprop
from .painter import NeuralPainter
from .studio import FEATURES, sketches, targets
from .train import train

__all__ = ["NeuralPainter", "backprop", "FEATURES", "sketches", "targets", "train"]
__version__ = "0.1.0"
