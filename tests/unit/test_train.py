import math

import pandas as pd
import pytest
import torch
from torch import nn

import neura
from neura import NeuralPainter, sketches, targets, train


def plain_pytorch_diary(seed, hidden, epochs=10, lr=0.1, make_optimizer=torch.optim.SGD):
    """The tutorial's loop written out in plain PyTorch, as a learner would type it."""

    class Painter(nn.Module):
        def __init__(self):
            super().__init__()
            self.layer1 = nn.Linear(3, hidden)
            self.layer2 = nn.Linear(hidden, 1)

        def forward(self, x):
            return self.layer2(torch.relu(self.layer1(x)))

    torch.manual_seed(seed)
    model = Painter()
    optimizer = make_optimizer(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    x = torch.tensor([[0.5, 0.7, 0.3], [0.9, 0.2, 0.6]])
    y = torch.tensor([[0.8], [0.3]])
    log = []
    for epoch in range(epochs):
        predictions = model(x)
        loss = loss_fn(predictions, y)
        optimizer.zero_grad()
        loss.backward()
        w, b = model.layer1.weight, model.layer1.bias
        log.append({
            "Epoch": epoch,
            "W1[0][0]": w[0][0].item(), "W1[0][1]": w[0][1].item(), "W1[0][2]": w[0][2].item(),
            "B1[0]": b[0].item(),
            "Prediction[0]": predictions[0].item(), "Prediction[1]": predictions[1].item(),
            "Target[0]": y[0].item(), "Target[1]": y[1].item(),
            "Loss": loss.item(),
            "Grad_W1[0][0]": w.grad[0][0].item(), "Grad_B1[0]": b.grad[0].item(),
        })
        optimizer.step()
    return pd.DataFrame(log)


@pytest.mark.parametrize("seed", [0, 1, 2, 42])
@pytest.mark.parametrize("hidden", [2, 4])
@pytest.mark.parametrize("name, cls, lr", [("sgd", torch.optim.SGD, 0.1), ("adam", torch.optim.Adam, 0.01)])
def test_diary_equals_the_plain_pytorch_loop_number_for_number(seed, hidden, name, cls, lr):
    diary = train(NeuralPainter(hidden, seed=seed), sketches(), targets(), optimizer=name, lr=lr)
    pd.testing.assert_frame_equal(diary, plain_pytorch_diary(seed, hidden, lr=lr, make_optimizer=cls),
                                  check_exact=True)


def test_diary_has_the_columns_and_one_row_per_epoch():
    diary = train(NeuralPainter(seed=1), sketches(), targets(), epochs=3)
    assert list(diary.columns) == ["Epoch", "W1[0][0]", "W1[0][1]", "W1[0][2]", "B1[0]",
                                   "Prediction[0]", "Prediction[1]", "Target[0]", "Target[1]",
                                   "Loss", "Grad_W1[0][0]", "Grad_B1[0]"]
    assert diary["Epoch"].tolist() == [0, 1, 2]


def test_any_torch_optim_class_is_accepted():
    diary = train(NeuralPainter(seed=1), sketches(), targets(), optimizer=torch.optim.RMSprop, lr=0.01)
    expected = plain_pytorch_diary(1, 4, lr=0.01, make_optimizer=torch.optim.RMSprop)
    pd.testing.assert_frame_equal(diary, expected, check_exact=True)


def test_training_changes_the_model_in_place():
    model = NeuralPainter(seed=1)
    before = model.layer1.weight.detach().clone()
    diary = train(model, sketches(), targets(), epochs=2)
    assert not torch.equal(model.layer1.weight, before)
    assert diary["W1[0][0]"].iloc[0] == before[0][0].item()


def test_studio_data_has_the_documented_shapes():
    assert sketches().shape == (2, 3) and targets().shape == (2, 1)
    assert neura.FEATURES == ("color mix", "brush pressure", "tilt angle")


@pytest.mark.parametrize("kwargs, error, words", [
    ({"epochs": 0}, ValueError, "epochs >= 1, got 0"),
    ({"epochs": 2.5}, TypeError, "epochs to be a whole number, got 2.5"),
    ({"lr": 0}, ValueError, "lr > 0, got 0"),
    ({"lr": -0.1}, ValueError, "lr > 0, got -0.1"),
    ({"lr": float("nan")}, ValueError, "lr > 0, got nan"),
    ({"lr": "fast"}, TypeError, "lr to be a number, got 'fast'"),
    ({"optimizer": "sgdd"}, ValueError, "optimizer name from torch.optim (adadelta,"),
    ({"optimizer": "lbfgs"}, ValueError, "got 'lbfgs'"),
    ({"targets": torch.tensor([0.8, 0.3])}, ValueError, "targets of shape [2, 1] (one score per sketch), got [2]"),
    ({"targets": torch.tensor([[1], [0]])}, TypeError, "targets of dtype torch.float32, got torch.int64"),
    ({"targets": torch.tensor([[0.8], [float("nan")]])}, ValueError, "finite targets, got NaN"),
    ({"sketches": torch.zeros(2, 4)}, ValueError, "train expects 3 features per sketch (color, pressure, tilt), got 4"),
    ({"sketches": torch.zeros(0, 3)}, ValueError, "empty batch"),
])
def test_bad_training_input_gets_a_clear_error(kwargs, error, words):
    args = {"sketches": sketches(), "targets": targets(), **kwargs}
    with pytest.raises(error) as info:
        train(NeuralPainter(seed=1), **args)
    assert words in str(info.value)
    assert info.traceback[-1].path.parent.name == "neura"


def offered_optimizers():
    """The optimizer names that train's error message offers a learner."""
    with pytest.raises(ValueError) as info:
        train(NeuralPainter(seed=1), sketches(), targets(), optimizer="?")
    return str(info.value).split("(")[1].split(")")[0].split(", ")


@pytest.mark.parametrize("name", offered_optimizers())
def test_every_optimizer_the_error_offers_trains_the_painter(name):
    model = NeuralPainter(seed=1)
    diary = train(model, sketches(), targets(), optimizer=name, epochs=3)
    after = nn.MSELoss()(model(sketches()), targets()).item()
    assert len(diary) == 3 and after < diary["Loss"].iloc[0]


def test_the_offer_leaves_out_what_cannot_train_the_painter():
    assert "sgd" in offered_optimizers() and "adam" in offered_optimizers()
    for unfit in [torch.optim.LBFGS, torch.optim.SparseAdam, torch.optim.Muon]:
        assert unfit.__name__.lower() not in offered_optimizers()
        with pytest.raises(ValueError, match=f"got <class '{unfit.__module__}.{unfit.__name__}'>"):
            train(NeuralPainter(seed=1), sketches(), targets(), optimizer=unfit)


class Layered(nn.Module):
    """A model with layer1 and layer2, but layer2 does not fit layer1."""

    def __init__(self):
        super().__init__()
        self.layer1, self.layer2 = nn.Linear(3, 4), nn.Linear(5, 1)


@pytest.mark.parametrize("model, error, words", [
    (nn.Linear(3, 1), TypeError, "train expects a NeuralPainter (a model whose layer1 and layer2 are nn.Linear), "
                                 "got Linear"),
    (nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1)), TypeError, "got Sequential"),
    (Layered(), ValueError, "layer2 to take the 4 outputs of layer1, got layer2 with 5 inputs"),
])
def test_a_model_not_shaped_like_the_painter_gets_a_clear_error(model, error, words):
    with pytest.raises(error) as info:
        train(model, sketches(), targets())
    assert words in str(info.value)
    assert info.traceback[-1].path.parent.name == "neura"


def test_a_diverging_loss_warns_once_naming_the_epoch_and_lr_and_keeps_every_row():
    with pytest.warns(RuntimeWarning) as caught:
        diary = train(NeuralPainter(seed=1), sketches(), targets(), lr=50, epochs=30)
    first = diary.index[~diary["Loss"].map(math.isfinite)][0]
    assert len(caught) == 1 and caught[0].filename == __file__
    assert f"at epoch {first} with lr=50" in str(caught[0].message)
    assert "try a smaller lr, such as lr=5" in str(caught[0].message)
    assert len(diary) == 30 and diary["Loss"].isna().iloc[-1]


def test_a_finite_loss_does_not_warn(recwarn):
    train(NeuralPainter(seed=1), sketches(), targets(), lr=0.1, epochs=30)
    assert not [w for w in recwarn if w.category is RuntimeWarning]
