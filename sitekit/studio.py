"""The live studio's page (docs/live/index.md) as the tests read it: its address, its default run, the query
strings of its runs, and its challenges."""

import json
import urllib.parse

from .layout import DOCS, url

PAGE = DOCS / "live" / "index.md"
ADDRESS = url(PAGE)  # below the site's root
DEFAULT = "seed=1&hidden=4&optimizer=sgd&lr=0.1&epochs=200&x=0.5,0.7,0.3;0.9,0.2,0.6&y=0.8,0.3"


def query(seed, hidden, optimizer, lr, epochs, x, y):
    """The address's query string, numbers written as the page writes them (1 not 1.0)."""
    x = ";".join(",".join(f"{v:g}" for v in row) for row in x)
    y = ",".join(f"{v:g}" for v in y)
    return f"seed={seed}&hidden={hidden}&optimizer={optimizer}&lr={lr:g}&epochs={epochs}&x={x}&y={y}"


def parse(q):
    """The configuration of a live-studio address, as keyword arguments for neura (see tests/browser/test_live.py)."""
    p = dict(urllib.parse.parse_qsl(q))
    return {"seed": int(p["seed"]), "hidden": int(p["hidden"]), "optimizer": p["optimizer"], "lr": float(p["lr"]),
            "epochs": int(p["epochs"]), "x": [[float(v) for v in row.split(",")] for row in p["x"].split(";")],
            "y": [float(v) for v in p["y"].split(",")]}


def challenges():
    """The challenges the page offers (docs/live/challenges.json)."""
    return json.loads((DOCS / "live" / "challenges.json").read_text())


def brushes(hidden, seed):
    """NeuralPainter(hidden, seed)'s starting brushes as the page's trainer takes them: {"W1", "b1", "W2", "b2"},
    each a flat list of exact floats (a float's repr round-trips)."""
    from neura import NeuralPainter

    p = NeuralPainter(hidden, seed)
    tensors = {"W1": p.layer1.weight, "b1": p.layer1.bias, "W2": p.layer2.weight, "b2": p.layer2.bias}
    return {k: t.detach().flatten().tolist() for k, t in tensors.items()}
