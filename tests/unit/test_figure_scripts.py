"""Every figure a page shows is drawn by a script of sitekit/figures/; the network diagram follows the model;
the figures' colours stand out from their paper."""

import re

import pytest

import sitekit
from neura import NeuralPainter
from sitekit import figures, layout

DOCS = sitekit.DOCS


def test_every_figure_a_page_shows_has_a_script():
    drawn = re.compile(rf"\]\((?:\.\./)*{layout.FIGURES}/([\w-]+)\.svg\)")  # from a page in a folder too
    shown = {m for page in DOCS.rglob("*.md") for m in drawn.findall(page.read_text())}
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
        assert re.search(rf"!\[[^\]]{{20,}}\]\({layout.FIGURES}/", page.read_text()), page.name


def test_ink_and_every_line_colour_stand_out_from_the_paper():
    style = figures.load("style")
    assert sitekit.contrast(style.INK, style.PAPER) >= 7  # text: WCAG AAA
    assert min(sitekit.contrast(c, style.PAPER) for c in style.COLORS) >= 3  # lines and marks: WCAG non-text contrast
