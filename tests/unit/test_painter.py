import pytest
import torch

from neura import NeuralPainter, sketches


def test_layers_have_the_names_and_sizes_the_pages_use():
    model = NeuralPainter(hidden=5)
    assert (model.layer1.in_features, model.layer1.out_features) == (3, 5)
    assert (model.layer2.in_features, model.layer2.out_features) == (5, 1)
    assert NeuralPainter().layer1.out_features == 4


def test_forward_is_linear_relu_linear():
    model = NeuralPainter(seed=3)
    x = sketches()
    hidden = (x @ model.layer1.weight.T + model.layer1.bias).clamp(min=0)
    expected = hidden @ model.layer2.weight.T + model.layer2.bias
    assert torch.equal(model(x), expected)
    assert model(x).shape == (2, 1)


def test_seed_matches_manual_seed_and_leaves_global_state_alone():
    torch.manual_seed(7)
    plain = torch.nn.Linear(3, 4), torch.nn.Linear(4, 1)
    before = torch.random.get_rng_state()
    model = NeuralPainter(seed=7)
    assert torch.equal(torch.random.get_rng_state(), before)
    assert torch.equal(model.layer1.weight, plain[0].weight)
    assert torch.equal(model.layer2.bias, plain[1].bias)


def test_unseeded_painters_draw_fresh_brushes():
    assert not torch.equal(NeuralPainter().layer1.weight, NeuralPainter().layer1.weight)


@pytest.mark.parametrize("x, error, words", [
    (torch.zeros(2, 4), ValueError, "expects 3 features per sketch (color, pressure, tilt), got 4"),
    (torch.zeros(3), ValueError, "2-D batch of shape [n, 3], got 1-D shape [3]"),
    (torch.zeros(1, 2, 3), ValueError, "2-D batch of shape [n, 3], got 3-D shape [1, 2, 3]"),
    (torch.zeros(0, 3), ValueError, "at least one sketch, got an empty batch of shape [0, 3]"),
    (torch.zeros(2, 3, dtype=torch.int64), TypeError, "dtype torch.float32, got torch.int64"),
    (torch.zeros(2, 3, dtype=torch.float64), TypeError, "dtype torch.float32, got torch.float64"),
    (torch.tensor([[0.5, float("nan"), 0.3]]), ValueError, "finite sketches, got NaN"),
    (torch.tensor([[0.5, float("inf"), 0.3]]), ValueError, "finite sketches, got inf"),
    ([[0.5, 0.7, 0.3]], TypeError, "torch.Tensor of shape [n, 3], got list"),
])
def test_bad_sketches_get_a_clear_error(x, error, words):
    with pytest.raises(error) as info:
        NeuralPainter()(x)
    assert words in str(info.value)
    assert info.traceback[-1].path.parent.name == "neura"  # raised by neura, not deep inside torch


@pytest.mark.parametrize("hidden, error", [(0, ValueError), (-2, ValueError), (2.5, TypeError), ("4", TypeError)])
def test_bad_hidden_size_gets_a_clear_error(hidden, error):
    with pytest.raises(error, match=f"hidden .*got {hidden!r}"):
        NeuralPainter(hidden=hidden)


@pytest.mark.parametrize("seed, error, words", [
    ("one", TypeError, "seed to be a whole number or None, got 'one'"),
    (1.5, TypeError, "seed to be a whole number or None, got 1.5"),
    (True, TypeError, "seed to be a whole number or None, got True"),
    (2**64, ValueError, "seed from -2**63 to 2**64 - 1, got 18446744073709551616"),
])
def test_bad_seed_gets_a_clear_error(seed, error, words):
    with pytest.raises(error) as info:
        NeuralPainter(seed=seed)
    assert words in str(info.value)
    assert info.traceback[-1].path.parent.name == "neura"
