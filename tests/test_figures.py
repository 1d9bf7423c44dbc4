"""Every figure is drawn from the code at build time; the network diagram follows the model."""

import re

import pytest

import sitekit
from neura import NeuralPainter
from sitekit import figures

DOCS = sitekit.DOCS


@pytest.mark.parametrize("name", figures.names())
def test_every_figure_script_drew_a_figure_with_axes_into_the_site(site, name):
    """The strict build drew each script's figure() (or took it from the cache, keyed on the script)."""
    svg = (site / "figures" / f"{name}.svg").read_text()
    assert svg.startswith("<?xml") and 'id="axes_1"' in svg


def test_every_figure_a_page_shows_has_a_script():
    shown = {m for page in DOCS.glob("*.md") for m in re.findall(r"\]\(figures/([\w-]+)\.svg\)", page.read_text())}
    assert shown and shown <= set(figures.names())


def test_svg_is_the_same_on_every_build():
    network = figures.load("network")
    assert figures.svg(network.figure()) == figures.svg(network.figure())


@pytest.mark.parametrize("hidden", [1, 2, 6])
def test_network_diagram_follows_the_hidden_size(hidden):
    network = figures.load("network")
    fig = network.figure(NeuralPainter(hidden, seed=1))
    neurons = [c for c in fig.axes[0].collections if len(c.get_offsets()) == 1]
    hidden_column = [c for c in neurons if c.get_offsets()[0][0] == 1]
    assert len(neurons) == 3 + hidden + 1 and len(hidden_column) == hidden
    assert figures.svg(fig) != figures.svg(network.figure(NeuralPainter(hidden + 1, seed=1)))


def test_each_step_page_shows_a_figure():
    for page in sitekit.step_pages():
        assert re.search(r"!\[[^\]]{20,}\]\(figures/", page.read_text()), page.name


def test_ink_and_every_line_colour_stand_out_from_the_paper():
    style = figures.load("style")
    assert sitekit.contrast(style.INK, style.PAPER) >= 7  # text: WCAG AAA
    assert min(sitekit.contrast(c, style.PAPER) for c in style.COLORS) >= 3  # lines and marks: WCAG non-text contrast


def test_the_brush_steps_drawn_are_the_steps_neura_train_takes():
    """Step 5's brush-steps figure: neuron 0's brushes move, epoch by epoch, exactly as in train's diary."""
    from neura import sketches, targets, train
    from sitekit.figures import brush_steps

    columns, brushes = ["W1[0][0]", "W1[0][1]", "W1[0][2]", "B1[0]"], [0, 1, 2, 12]  # 12: the first bias
    for label, optimizer, lr in brush_steps.RUNS:
        moved = brush_steps.steps(optimizer, lr)
        diary = train(NeuralPainter(seed=1), sketches(), targets(), optimizer=label, lr=lr,
                      epochs=max(brush_steps.EPOCHS) + 2)
        for epoch in brush_steps.EPOCHS:
            by_train = (diary.loc[epoch + 1, columns] - diary.loc[epoch, columns]).abs().tolist()
            assert moved[epoch][brushes].tolist() == by_train, (label, epoch)
    assert ((moved[0] - 0.01).abs() < 1e-6).all()  # Adam's first step: the learning rate, each brush (float32)
