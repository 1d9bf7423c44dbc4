import pytest
import torch
from torch import nn

from neura import deep_stack, gradient_sizes


def test_stack_has_the_asked_depth_width_and_activation():
    stack = deep_stack("sigmoid", depth=5, width=7)
    linears = [m for m in stack if isinstance(m, nn.Linear)]
    assert len(linears) == 5 and all(m.weight.shape == (7, 7) for m in linears)
    assert sum(isinstance(m, nn.Sigmoid) for m in stack) == 5


def test_sizes_are_the_gradient_norms_autograd_gives_for_the_same_stack():
    stack = deep_stack("relu", depth=6, width=8, seed=3)
    torch.manual_seed(3)
    stack(torch.randn(64, 8)).pow(2).mean().backward()
    expected = [m.weight.grad.norm().item() for m in stack if isinstance(m, nn.Linear)]
    assert gradient_sizes("relu", depth=6, width=8, seed=3) == expected


def test_seeded_runs_repeat_and_leave_the_global_random_state_alone():
    before = torch.random.get_rng_state()
    assert gradient_sizes("tanh", depth=4, seed=5) == gradient_sizes("tanh", depth=4, seed=5)
    assert torch.equal(torch.random.get_rng_state(), before)


@pytest.mark.parametrize("seed", range(5))
def test_sigmoid_vanishes_and_relu_with_he_init_does_not(seed):
    sigmoid, relu = gradient_sizes("sigmoid", seed=seed), gradient_sizes("relu", seed=seed)
    default_relu = gradient_sizes("relu", he_init=False, seed=seed)
    assert sigmoid[0] / sigmoid[-1] < 1e-8           # the first layer hears almost nothing
    assert 0.1 < relu[0] / relu[-1] < 10             # ReLU with He init: the same order of size
    assert default_relu[0] / default_relu[-1] < 1e-5  # ReLU alone is not enough: the init matters


@pytest.mark.parametrize("kwargs, error, words", [
    ({"activation": "softmax"}, ValueError, "activation from ['relu', 'sigmoid', 'tanh'], got 'softmax'"),
    ({"depth": 0}, ValueError, "depth >= 1, got 0"),
    ({"width": 2.5}, TypeError, "width to be a whole number, got 2.5"),
    ({"seed": "one"}, TypeError, "seed to be a whole number or None, got 'one'"),
])
def test_bad_input_gets_a_clear_error(kwargs, error, words):
    with pytest.raises(error) as info:
        gradient_sizes(**kwargs)
    assert words in str(info.value)
