"""The live studio's pass view: the address opens it at a moment, it steps with buttons, keys and play, it
says each station, it fits at 390 px in both palettes, and every gradient it shows is PyTorch's."""

import re

import pytest
import torch
from torch import nn

import sitekit
from neura import NeuralPainter, train
from sitekit.studio import DEFAULT, parse

SHOWN = "() => { const p = document.getElementById('live-pass').pass; return {...p, values: {...p.values}} }"


def station(page):
    return page.get_attribute("#live-pass", "data-station")


def test_the_address_opens_a_moment_and_its_gradients_are_autograds(live):
    page = live(f"?{DEFAULT}&epoch=5&pass=backward&station=4")
    shown = page.evaluate(SHOWN)
    assert (station(page), page.input_value("#live-epoch"), shown["epoch"]) == ("backward 4", "5", 5)
    assert "neuron 0's dL/dz" in page.inner_text("#live-pass-say")
    c = parse(DEFAULT)
    model = NeuralPainter(c["hidden"], c["seed"])
    x, y = torch.tensor(c["x"]), torch.tensor(c["y"]).unsqueeze(1)
    train(model, x, y, c["optimizer"], c["lr"], 5)  # the brushes at the start of epoch 5
    model.zero_grad()
    nn.MSELoss()(model(x), y).backward()
    want = {f"grad W1[0][{k}]": model.layer1.weight.grad[0, k].item() for k in range(3)}
    want["grad b1[0]"] = model.layer1.bias.grad[0].item()
    assert {k: shown["values"][k] for k in want} == want  # SGD runs agree bit for bit


def test_buttons_keys_and_play_step_it_and_each_station_is_said(live):
    page = live(f"?{DEFAULT}")
    assert page.get_attribute("#live-pass-say", "aria-live") == "polite"
    assert station(page) == "forward 0" and page.is_disabled("#live-pass-back")
    said = [page.inner_text("#live-pass-say")]
    page.click("#live-pass-next")
    said.append(page.inner_text("#live-pass-say"))
    assert station(page) == "forward 1" and said[1] != said[0]
    assert "pass=forward&station=1" in page.url and "epoch=199" in page.url  # the address keeps the moment
    page.keyboard.press("ArrowRight")  # focus is on the button
    assert station(page) == "forward 2"
    page.keyboard.press("End")
    assert station(page) == "backward 7" and page.is_disabled("#live-pass-next")
    page.keyboard.press("ArrowLeft")
    assert station(page) == "backward 6"
    page.keyboard.press("Home")
    page.click("#live-pass-play")
    assert page.get_attribute("#live-pass-play", "aria-pressed") == "true"
    page.wait_for_function("document.getElementById('live-pass').dataset.station === 'forward 2'", timeout=10_000)
    page.click("#live-pass-play")
    assert page.get_attribute("#live-pass-play", "aria-pressed") == "false"


@pytest.mark.parametrize("query, refused", [
    ("pass=sideways", "pass (expects"), ("pass=backward&station=8", "station (expects a whole number from 0 to 7"),
    ("epoch=200", "epoch (expects a whole number from 0 to 199")])
def test_a_bad_moment_in_the_address_is_refused_and_said(live, query, refused):
    page = live(f"?{DEFAULT}&{query}")
    assert refused in page.inner_text("#live-notice")
    assert page.get_attribute("#live-studio", "data-config") == f"?{DEFAULT}"  # the run itself stands


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_station_fits_at_390_px_and_axe_finds_nothing(live, scheme):
    page = live(f"?{DEFAULT}", width=390, scheme=scheme)
    cut = """() => { const o = document.getElementById('live-pass-net').getBoundingClientRect();
        return [...document.querySelectorAll('#live-pass-net text')].filter(t => { const b = t.getBoundingClientRect();
          return b.left < o.left - 0.5 || b.right > o.right + 0.5 }).map(t => t.textContent) }"""
    small = """() => [...document.querySelectorAll('#live-pass-net text')].map(t => t.getBoundingClientRect().height)
        .filter(h => h < 10)"""  # the picture scrolls sideways rather than shrink its numbers (live.css)
    for _ in range(14):
        assert page.evaluate(cut) == []
        assert page.evaluate(small) == []
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        page.click("#live-pass-next") if not page.is_disabled("#live-pass-next") else None
    assert station(page) == "backward 7"
    page.set_viewport_size({"width": 1280, "height": 900})  # axe as test_live.py runs it, on a wide screen,
    page.evaluate("window.scrollTo(0, 0)")  # from the top: a control the walk left under the sticky header
    assert sitekit.axe(page) == []            # would count as obscured (target-size)


def test_step_4s_question_is_answered_by_walking_the_view(live):
    """Question 5 links to a station; walking on from it shows what the answer's block prints."""
    step = sitekit.DOCS / "4-backprop.md"
    text = step.read_text()
    link = re.search(r"\*\*Question 5\.\*\* Open \[the pass view\]\(live/index\.md(\?[^)]+)\)", text)[1]
    block = next(b for b in sitekit.blocks(step) if "silent for sketch 1" in (b.expected or ""))
    silent, *products, total = block.expected.splitlines()
    page = live(link)
    assert station(page) == "backward 3"
    page.select_option("#live-pass-sketch", "1")
    neurons = re.search(r"\[(.*)\]", silent)[1]
    assert f"neurons {neurons}." in page.inner_text("#live-pass-say")  # "no feedback: neurons 2, 3."
    page.click("#live-pass-next")
    assert station(page) == "backward 4"
    table = {1: page.inner_text("#live-pass-rows")}
    page.select_option("#live-pass-sketch", "0")
    table[0] = page.inner_text("#live-pass-rows")
    for i, line in enumerate(products):
        assert line.split(" = ")[1] in table[i], (line, table[i])  # sketch i's product
    assert total.split(" = ")[1] in table[0]  # the gradient, summed


def test_step_4s_figure_shows_the_numbers_of_the_view(live):
    """The figure for readers without JavaScript shows, rounded, the numbers the view shows at its moment."""
    from sitekit.figures import backward_pass

    labels = [t.get_text() for t in backward_pass.figure().axes[0].texts]
    slopes = [float(t.split()[1]) for t in labels if t.startswith("dL/dh")]
    products = [float(t.split(" = ")[1]) for t in labels if t.startswith("×")]
    link = re.search(r"\[Watch it in the live studio\]\(live/index\.md(\?[^)]+)\)",
                     (sitekit.DOCS / "4-backprop.md").read_text())[1]
    page = live(link)
    view = page.evaluate(SHOWN)["values"]
    page.click("#live-pass-next")
    page.click("#live-pass-next")
    page.click("#live-pass-next")
    page.click("#live-pass-next")
    later = page.evaluate(SHOWN)
    assert later["index"] == 4 + backward_pass.NEURON
    n = backward_pass.NEURON
    assert [round(view[f"dL/dh[0][{j}]"], 4) for j in range(len(slopes))] == slopes
    assert [round(later["values"][f"dL/dz[0][{n}]·x[0][{k}]"], 4) for k in range(3)] == products
