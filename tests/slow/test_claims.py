"""Claims the pages make across seeds, computed over the seeds (the pages state what these find)."""

import contextlib
import io

import pytest

import sitekit
from neura import NeuralPainter, sketches, targets, train
from sitekit.cache import kept

COLUMNS = ["Loss", "Grad_W1[0][0]", "Grad_B1[0]"]  # what the tests read of each diary


@pytest.fixture(scope="module")
def diaries():
    """train's diary of 100 epochs (its COLUMNS) for the painters of seeds 0-199 (step 6's ten are its first ten
    rows), kept under .cache/build/ while neura, torch and this file stay."""
    def train_all():
        return [{c: d[c].tolist() for c in COLUMNS}
                for d in (train(NeuralPainter(seed=seed), sketches(), targets(), epochs=100) for seed in range(200))]
    return kept(__file__, COLUMNS, train_all)


def test_a_dead_relu_stays_dead_under_full_batch_sgd(diaries):
    """Step 6: once neuron 0 is silent on both sketches, it never fires again (100 epochs, seeds 0-199)."""
    dead_at_0 = dies_later = 0
    for seed, d in enumerate(diaries):
        quiet = [w == 0 and b == 0 for w, b in zip(d["Grad_W1[0][0]"], d["Grad_B1[0]"], strict=True)]
        if True in quiet:
            first = quiet.index(True)
            assert all(quiet[first:]), f"seed {seed}: neuron 0 came back after epoch {first}"
            dead_at_0 += first == 0
            dies_later += first > 0
    assert dead_at_0 == 82 and dies_later >= 11  # the page's ten epochs find 82 and 11


def test_step_6_trains_200_painters_at_once_exactly_as_train_does(diaries):
    """Step 6's batched block: every painter's losses and neuron 0's gradients, bit for bit as train's diary."""
    code = next(b.code for b in sitekit.blocks(sitekit.DOCS / "6-training.md") if "stack_module_state" in b.code)
    found = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, found)
    epochs = len(train(NeuralPainter(seed=0), sketches(), targets()))  # train's default, as the block uses
    for seed, d in enumerate(diaries):
        for column, batched in [("Loss", "loss"), ("Grad_W1[0][0]", "grad_w"), ("Grad_B1[0]", "grad_b")]:
            assert found[batched][seed].tolist() == d[column][:epochs], f"seed {seed}: {column} differs"
