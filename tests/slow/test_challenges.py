"""Each challenge of the live studio (docs/live/challenges.json) is solvable with neura: what challenges.js
measures, measured with neura.train (tests/browser/test_live_ui.py: the page accepts each solution)."""

import math
import re
import urllib.parse
import warnings

import pytest
import torch

from neura import NeuralPainter, gallery, train
from sitekit import ROOT, studio
from sitekit.studio import parse

CHALLENGES = studio.challenges()


def gallery_run(q):
    """A gallery address's sketches (mode=gallery&n=N): the first N of gallery(500, seed=1), graded on the
    last 100, as step 7 does."""
    n = int(dict(urllib.parse.parse_qsl(q))["n"])
    x, y = gallery(500, seed=1)
    return x[:n], y[:n], (x[400:], y[400:])


def settings(q):
    """parse(q), for a gallery address too (it holds no sketches: they are step 7's)."""
    return parse(f"{q}&x=0,0,0&y=0" if "mode=gallery" in q else q)


def measures(q):
    """What challenges.js measures, measured with neura: {name: value} for an address's query string."""
    c = settings(q)
    if "mode=gallery" in q:
        x, y, test = gallery_run(q)
    else:
        x, y, test = torch.tensor(c["x"]), torch.tensor(c["y"]).unsqueeze(1), None
    model, alive = NeuralPainter(c["hidden"], c["seed"]), []  # alive: at each epoch, the neurons firing on a sketch
    model.layer1.register_forward_hook(lambda _, i, z: alive.append(int((z > 0).any(0).sum())) if i[0] is x else None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a run that diverges warns; it is measured all the same
        diary = train(model, x, y, c["optimizer"], c["lr"], c["epochs"], test=test)
    loss = diary["Loss"].tolist()
    assert len(alive) == len(loss)  # one paint of the sketches an epoch, with the brushes of its row
    found = {"loss": loss[-1], "alive": alive[-1], "alive0": alive[0],
             "fate": "grows" if not all(map(math.isfinite, loss)) or loss[-1] > loss[0]
             else "falls" if loss[-1] < loss[0] / 10 else "stays",
             "pred0": diary["Prediction[0]"].iloc[-1],
             "reach": next((e for e, v in enumerate(loss) if v < 0.001), -1)}
    if test is not None:
        t = diary["Test loss"].tolist()
        best = t.index(min(t))
        found |= {"testBest": best, "memorises": int(memorising(loss, t))}
    return found


RULE = (ROOT / "docs" / "live" / "memorising.js").read_text()
WINDOW, RISE = (float(re.search(rf"const {name} = ([\d.]+);", RULE)[1]) for name in ("WINDOW", "RISE"))


def memorising(loss, test, window=int(WINDOW), rise=RISE):
    """challenges.js's rule (docs/live/memorising.js, its WINDOW and RISE read from it): the mean test loss over
    the last WINDOW epochs ends over RISE times its lowest, and the mean training loss ends below where it was then."""
    def smooth(v):
        return [sum(v[max(0, e + 1 - window):e + 1]) / len(v[max(0, e + 1 - window):e + 1]) for e in range(len(v))]
    t, train_mean = smooth(test), smooth(loss)
    best = t.index(min(t))
    return t[-1] > rise * t[best] and train_mean[-1] < train_mean[best]


def answer(ch, got):
    """The choice a guess should have made (as challenges.js's answer)."""
    if "number" in ch:
        return got
    far = {"log": lambda v: abs(math.log10(v / got)), "lin": lambda v: abs(v - got)}.get(ch.get("near"))
    values = [v for _, v in ch["choices"]]
    return min(values, key=far) if far else next(v for v in values if v == got)


def missing(ch, config):
    """What a goal still misses in a configuration: [] when met (as challenges.js's missing)."""
    setup, given = dict(urllib.parse.parse_qsl(ch["setup"])), dict(urllib.parse.parse_qsl(config))
    values = settings(config)
    wrong = [k for k in ch.get("keep", []) if str(given[k]) != str(setup[k])]
    wrong += [k for k, (lo, hi) in ch.get("limits", {}).items() if not lo <= values[k] <= hi]
    got = measures(config)
    wrong += [m for m, op, v in ch["want"] if not (got[m] < v if op == "<" else got[m] == v)]
    return wrong


@pytest.mark.parametrize("ch", CHALLENGES, ids=[ch["id"] for ch in CHALLENGES])
def test_each_challenge_is_solvable_with_neura(ch):
    if "ask" in ch:  # the stored answer is what neura's run of it says
        assert answer(ch, measures(ch["setup"])[ch["measure"]]) == ch["solution"]
    else:  # the stored solution meets the goal, and the first run it starts from does not
        assert missing(ch, ch["solution"]) == []
        assert missing(ch, ch["setup"]) != []
