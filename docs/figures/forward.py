"""The forward pass of sketch 0 (the first) through Neura's network, with the real value at every neuron."""

from network import figure as network

from neura import NeuralPainter, sketches


def figure():
    return network(NeuralPainter(seed=1), sketch=sketches()[0])
