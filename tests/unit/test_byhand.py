import pytest
import torch
from torch import nn

from neura import NeuralPainter, backprop, sketches, targets


def autograd(model, x, y):
    model.zero_grad()
    nn.MSELoss()(model(x), y).backward()
    return {name: p.grad for name, p in model.named_parameters()}


@pytest.mark.parametrize("seed", range(25))
def test_by_hand_equals_autograd_on_random_painters_and_batches(seed):
    g = torch.Generator().manual_seed(seed)
    hidden = int(torch.randint(1, 9, (1,), generator=g))
    n = int(torch.randint(1, 17, (1,), generator=g))
    x = torch.randn(n, 3, generator=g)
    y = torch.randn(n, 1, generator=g)
    model = NeuralPainter(hidden, seed=seed)
    expected = autograd(model, x, y)
    got = backprop(model, x, y)
    assert got.keys() == expected.keys()
    for name in expected:
        assert got[name].shape == expected[name].shape
        torch.testing.assert_close(got[name], expected[name], atol=1e-6, rtol=0)


def test_by_hand_equals_autograd_on_the_studio_sketches():
    model = NeuralPainter(seed=1)
    expected = autograd(model, sketches(), targets())
    got = backprop(model, sketches(), targets())
    for name in expected:
        torch.testing.assert_close(got[name], expected[name], atol=1e-6, rtol=0)


def test_by_hand_does_not_touch_the_models_grad():
    model = NeuralPainter(seed=1)
    backprop(model, sketches(), targets())
    assert all(p.grad is None for p in model.parameters())


@pytest.mark.parametrize("x, y, error, words", [
    (torch.zeros(2, 4), targets(), ValueError, "backprop expects 3 features per sketch"),
    (torch.zeros(0, 3), targets(), ValueError, "empty batch"),
    (sketches(), torch.tensor([0.8, 0.3]), ValueError, "targets of shape [2, 1]"),
    (sketches().double(), targets(), TypeError, "dtype torch.float32, got torch.float64"),
])
def test_bad_input_gets_a_clear_error(x, y, error, words):
    with pytest.raises(error, match=None) as info:
        backprop(NeuralPainter(seed=1), x, y)
    assert words in str(info.value)


@pytest.mark.parametrize("model, error, words", [
    (nn.Linear(3, 1), TypeError, "backprop expects a NeuralPainter (a model whose layer1 and layer2 are nn.Linear), "
                                 "got Linear"),
    (nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1)), TypeError, "got Sequential"),
])
def test_a_model_not_shaped_like_the_painter_gets_a_clear_error(model, error, words):
    with pytest.raises(error) as info:
        backprop(model, sketches(), targets())
    assert words in str(info.value)
    assert info.traceback[-1].path.parent.name == "neura"
