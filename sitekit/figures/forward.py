"""The forward pass of sketch 0 (the first) through Neura's network, with the real value at every neuron."""

from neura import NeuralPainter, sketches

from .network import figure as network


def figure():
    return network(NeuralPainter(seed=1), sketch=sketches()[0])
