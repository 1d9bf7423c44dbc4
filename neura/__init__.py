"""neura: the small package behind Neura's Painting Studio."""

from .byhand import backprop
from .deep import deep_stack, gradient_sizes
from .gallery import gallery
from .painter import NeuralPainter
from .studio import FEATURES, sketches, targets
from .train import train

__all__ = ["NeuralPainter", "FEATURES", "sketches", "targets", "train", "gallery", "backprop", "gradient_sizes",
           "deep_stack"]
__version__ = "0.1.0"
