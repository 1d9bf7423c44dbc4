"""What the live studio's challenges' answers rest on (docs/live/challenges.json), checked with neura."""

import math

import pytest
import torch

from neura import NeuralPainter, sketches, targets, train


def test_learning_rate_1_silences_every_neuron_after_two_steps():
    model = NeuralPainter(seed=1)
    losses, biases, alive = [], [], []
    for _ in range(10):
        losses.append(train(model, sketches(), targets(), lr=1, epochs=1)["Loss"][0])
        biases.append(round(model.layer2.bias.item(), 4))
        with torch.no_grad():
            alive.append(int((model.layer1(sketches()) > 0).any(0).sum()))
    assert alive[0] > 0 and alive[1:] == [0] * 9
    assert {f"{loss:.4f}" for loss in losses[2:]} == {"3.6996"} and f"{losses[1]:.4f}" != "3.6996"
    assert biases[1:4] == [-1.3571, 2.4571, -1.3571]
    assert abs((biases[1] + biases[2]) / 2 - 0.55) < 1e-4


def test_learning_rate_10_grows_every_epoch_until_infinite():
    with pytest.warns(RuntimeWarning):
        loss = train(NeuralPainter(seed=1), sketches(), targets(), lr=10, epochs=20)["Loss"]
    finite = loss[loss.map(math.isfinite)]
    assert len(finite) == 15 and finite.is_monotonic_increasing and loss[15:].map(math.isinf).all()


def test_one_hidden_neuron_is_silent_from_the_start_for_46_seeds():
    silent = [s for s in range(100) if (NeuralPainter(1, s).layer1(sketches()) <= 0).all()]
    assert len(silent) == 46


def test_two_identical_sketches_end_at_the_middle():
    x = torch.tensor([[0.5, 0.7, 0.3], [0.5, 0.7, 0.3]])
    last = train(NeuralPainter(seed=1), x, targets(), lr=0.1, epochs=200).iloc[-1]
    assert f"{last['Loss']:.4f}" == "0.0625"
    assert f"{last['Prediction[0]']:.2f}" == f"{last['Prediction[1]']:.2f}" == "0.55"
