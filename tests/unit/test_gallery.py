"""The gallery, and train() with a held-out set and mini-batches, against plain PyTorch."""

import inspect

import pandas as pd
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from neura import NeuralPainter, gallery, sketches, targets, train
from neura.gallery import rule


def test_gallery_has_the_documented_shapes_and_dtypes():
    x, y = gallery(7, seed=3)
    assert x.shape == (7, 3) and y.shape == (7, 1)
    assert x.dtype == y.dtype == torch.float32
    assert ((x >= 0) & (x < 1)).all()


def test_same_seed_same_gallery_and_a_longer_gallery_starts_with_the_shorter():
    x, y = gallery(500, seed=1)
    for n in (1, 8, 17, 400):
        xn, yn = gallery(n, seed=1)
        assert torch.equal(xn, x[:n]) and torch.equal(yn, y[:n])
    assert not torch.equal(gallery(8, seed=2)[0], x[:8])


def test_gallery_leaves_torch_global_random_state_alone():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    gallery(50, seed=0)
    assert torch.equal(torch.rand(3), expected)


def test_scores_are_the_documented_rule_plus_a_mood_of_at_most_a_tenth():
    line = next(s for s in inspect.getdoc(rule).splitlines() if s.strip().startswith("score ="))
    x, y = gallery(1000, seed=0)
    for sketch, score in zip(x.tolist(), y.flatten().tolist(), strict=True):
        color, pressure, tilt = sketch
        documented = eval(line.split("=", 1)[1], {"max": max, "abs": abs},
                          {"color": color, "pressure": pressure, "tilt": tilt})
        assert abs(score - documented) <= 0.1 + 1e-6
    mood = y - rule(x)
    assert mood.min() < -0.09 and mood.max() > 0.09  # the mood spans its whole range


@pytest.mark.parametrize("args, error, words", [
    ((0, 1), ValueError, "gallery expects n >= 1, got 0"),
    ((2.5, 1), TypeError, "gallery expects n to be a whole number, got 2.5"),
    ((5, None), TypeError, "gallery expects seed to be a whole number, got None"),
    ((5, 1.5), TypeError, "gallery expects seed to be a whole number or None, got 1.5"),
])
def test_bad_gallery_arguments_get_a_clear_error(args, error, words):
    with pytest.raises(error) as info:
        gallery(*args)
    assert words in str(info.value)


def test_a_test_set_only_adds_the_test_loss_column():
    x, y = gallery(40, seed=0)
    plain = train(NeuralPainter(seed=1), x[:30], y[:30], optimizer="adam", lr=0.01, epochs=5)
    model = NeuralPainter(seed=1)
    diary = train(model, x[:30], y[:30], optimizer="adam", lr=0.01, epochs=5, test=(x[30:], y[30:]))
    pd.testing.assert_frame_equal(diary.drop(columns="Test loss"), plain, check_exact=True)
    assert list(diary.columns[-1:]) == ["Test loss"]
    last = NeuralPainter(seed=1)  # replay in plain PyTorch: the test loss before each step
    optimizer = torch.optim.Adam(last.parameters(), lr=0.01)
    for epoch in range(5):
        with torch.no_grad():
            assert diary["Test loss"][epoch] == nn.MSELoss()(last(x[30:]), y[30:]).item()
        optimizer.zero_grad()
        nn.MSELoss()(last(x[:30]), y[:30]).backward()
        optimizer.step()


@pytest.mark.parametrize("batch_size, steps", [(32, 13), (400, 1), (1000, 1), (1, 400)])
def test_mini_batches_follow_the_plain_dataloader_loop(batch_size, steps):
    x, y = gallery(500, seed=1)
    epochs = 3 if batch_size > 1 else 1
    state = torch.random.get_rng_state()
    model = NeuralPainter(seed=1)
    diary = train(model, x[:400], y[:400], epochs=epochs, test=(x[400:], y[400:]), batch_size=batch_size)
    assert torch.equal(torch.random.get_rng_state(), state)

    plain = NeuralPainter(seed=1)
    optimizer = torch.optim.SGD(plain.parameters(), lr=0.1)
    loader = DataLoader(TensorDataset(x[:400], y[:400]), batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    for epoch in range(epochs):
        with torch.no_grad():  # the row: the whole training set and the exam, before the epoch's steps
            assert diary["Loss"][epoch] == nn.MSELoss()(plain(x[:400]), y[:400]).item()
            assert diary["Test loss"][epoch] == nn.MSELoss()(plain(x[400:]), y[400:]).item()
        for xb, yb in loader:
            optimizer.zero_grad()
            nn.MSELoss()(plain(xb), yb).backward()
            optimizer.step()
    assert len(loader) == steps
    assert diary["Steps"].tolist() == [epoch * steps for epoch in range(epochs)]
    for mine, theirs in zip(model.parameters(), plain.parameters(), strict=True):
        assert torch.equal(mine, theirs)


def test_the_shuffle_seed_changes_the_order_and_only_that():
    x, y = gallery(100, seed=0)
    runs = [train(NeuralPainter(seed=1), x, y, epochs=3, batch_size=10, shuffle_seed=s)["Loss"] for s in (0, 0, 1)]
    assert runs[0].equals(runs[1]) and not runs[0].equals(runs[2])
    assert runs[0][0] == runs[2][0]  # the same painter before any step


x8, y8 = gallery(8, seed=0)
T = "train (test set) expects"


@pytest.mark.parametrize("kwargs, error, words", [
    ({"batch_size": 0}, ValueError, "train expects batch_size >= 1, got 0"),
    ({"batch_size": 2.5}, TypeError, "train expects batch_size to be a whole number, got 2.5"),
    ({"batch_size": True}, TypeError, "train expects batch_size to be a whole number, got True"),
    ({"batch_size": 4, "shuffle_seed": None}, TypeError, "train expects shuffle_seed to be a whole number, got None"),
    ({"test": x8}, TypeError, "train expects test=(sketches, targets), a pair of tensors, got Tensor"),
    ({"test": (x8, y8, y8)}, TypeError, "a pair of tensors, got tuple of length 3"),
    ({"test": (x8[:, :2], y8)}, ValueError, f"{T} 3 features per sketch (color, pressure, tilt), got 2"),
    ({"test": (x8, y8[:, 0])}, ValueError, f"{T} targets of shape [8, 1] (one score per sketch), got [8]"),
    ({"test": (x8, y8[:4])}, ValueError, f"{T} targets of shape [8, 1]"),
    ({"test": (x8, y8.double())}, TypeError, f"{T} targets of dtype torch.float32, got torch.float64"),
    ({"test": (x8.double(), y8)}, TypeError, f"{T} sketches of dtype torch.float32, got torch.float64"),
    ({"test": (x8[8:], y8[8:])}, ValueError, f"{T} at least one sketch, got an empty batch of shape [0, 3]"),
    ({"sketches": x8[:0], "targets": y8[:0]}, ValueError, "train expects at least one sketch, got an empty batch"),
    ({"targets": y8[:5], "batch_size": 2}, ValueError, "train expects targets of shape [8, 1] (one score per"),
])
def test_bad_test_set_or_batch_size_gets_a_clear_error(kwargs, error, words):
    args = {"sketches": x8, "targets": y8, **kwargs}
    with pytest.raises(error) as info:
        train(NeuralPainter(seed=1), **args)
    assert words in str(info.value)
    assert info.traceback[-1].path.parent.name == "neura"


def test_the_two_sketch_diary_is_unchanged_by_the_new_arguments_default():
    assert train(NeuralPainter(seed=1), sketches(), targets()).equals(
        train(NeuralPainter(seed=1), sketches(), targets(), test=None, batch_size=None))
