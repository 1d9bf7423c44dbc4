"""The live studio's pass view (docs/live/pass.js) against torch autograd: every number its stations show."""

import json
import os
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import torch
from torch import nn

from neura import NeuralPainter
from sitekit import ROOT
from sitekit.studio import brushes

NODE = shutil.which("node")
CLI = Path(__file__).with_name("pass_cli.mjs")
# What the live page says: how many random configurations CI checks, and the tolerance (relative above 1,
# absolute below: a few float32 units in the last place, for a CPU whose kernels sum in another order)
SAID = " ".join((ROOT / "docs/live/index.md").read_text().split())
RUNS = int(re.search(r"autograd for (\d+) random configurations", SAID)[1])
TOL = float(re.search(r"agree with PyTorch's to within ([\d.]+)", SAID)[1])
pytestmark = pytest.mark.skipif(NODE is None and os.environ.get("CI") != "true",
                                reason="Node.js is not installed here; CI installs it and runs this test")


def configs(count=RUNS, seed=26):
    """Seeds 0-99, hidden 1-8, SGD or Adam, 1-8 sketches in [0, 1], a random epoch of a run of up to 300."""
    rng = random.Random(seed)
    runs = []
    for _ in range(count):
        n, epochs = rng.randint(1, 8), rng.randint(1, 300)
        runs.append({"hidden": rng.randint(1, 8), "seed": rng.randint(0, 99), "optimizer": rng.choice(["sgd", "adam"]),
                     "lr": 10 ** rng.uniform(-3, 0), "epochs": epochs, "epoch": rng.randrange(epochs),
                     "x": [[rng.random() for _ in range(3)] for _ in range(n)], "y": [rng.random() for _ in range(n)]})
    return runs


def node(runs):
    payload = [dict(brushes(r["hidden"], r["seed"]), **{k: v for k, v in r.items() if k not in ("hidden", "seed")})
               for r in runs]
    out = subprocess.run([NODE or "node", str(CLI)], input=json.dumps(payload),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def autograd(run, js):
    """Torch's numbers at the epoch's brushes (as trainer.js has them): every in-between kept by retain_grad."""
    model = NeuralPainter(run["hidden"])
    b = js["brushes"]
    with torch.no_grad():
        model.layer1.weight.copy_(torch.tensor(b["W1"]).view(-1, 3))
        model.layer1.bias.copy_(torch.tensor(b["b1"]))
        model.layer2.weight.copy_(torch.tensor(b["W2"]).view(1, -1))
        model.layer2.bias.copy_(torch.tensor(b["b2"]))
    x, y = torch.tensor(run["x"]), torch.tensor(run["y"]).unsqueeze(1)
    z = model.layer1(x)
    h = torch.relu(z)
    y_hat = model.layer2(h)
    for t in (z, h, y_hat):
        t.retain_grad()
    loss = nn.MSELoss()(y_hat, y)
    loss.backward()
    W1, W2 = model.layer1.weight, model.layer2.weight
    t = {"z": z, "h": h, "yHat": y_hat, "error": y_hat - y, "dYHat": y_hat.grad, "dH": h.grad, "dZ": z.grad}
    t = {k: v.detach() for k, v in t.items()}
    ref = {k: v.flatten().tolist() for k, v in t.items()} | {"loss": loss.item()}
    ref["grads"] = {"W1": W1.grad.flatten().tolist(), "b1": model.layer1.bias.grad.tolist(),
                    "W2": W2.grad.flatten().tolist(), "b2": model.layer2.bias.grad.tolist()}
    return ref, {"x": x, "W1": W1.detach(), "W2": W2.detach()[0], "t": t, "model": model}


def shown(name, k):
    """Torch's value of a number a station shows, by its name (None: a partial sum torch never forms)."""
    t, x, W1, W2 = k["t"], k["x"], k["W1"], k["W2"]
    ix = [int(v) for v in re.findall(r"\[(\d+)\]", name)]
    grads = {"W1": k["model"].layer1.weight.grad, "b1": k["model"].layer1.bias.grad,
             "W2": k["model"].layer2.weight.grad[0], "b2": k["model"].layer2.bias.grad}
    forms = [
        (r"grad (\w+)", lambda m: grads[m[1]][tuple(ix)] if ix else grads[m[1]][0]),
        (r"x\[\d+\]\[\d+\]·W1", lambda m: x[ix[0], ix[1]] * W1[ix[2], ix[3]]),
        (r"h\[\d+\]\[\d+\]·W2", lambda m: t["h"][ix[0], ix[1]] * W2[ix[2]]),
        (r"dL/dyHat\[\d+\]·h", lambda m: t["dYHat"][ix[0], 0] * t["h"][ix[1], ix[2]]),
        (r"dL/dz\[\d+\]\[\d+\]·x", lambda m: t["dZ"][ix[0], ix[1]] * x[ix[2], ix[3]]),
        (r"dL/dyHat\[", lambda m: t["dYHat"][ix[0], 0]),
        (r"dL/dh\[", lambda m: t["dH"][ix[0], ix[1]]),
        (r"dL/dz\[", lambda m: t["dZ"][ix[0], ix[1]]),
        (r"yHat\[", lambda m: t["yHat"][ix[0], 0]),
        (r"error\[", lambda m: t["error"][ix[0], 0]),
        (r"[zh]\[", lambda m: t[name[0]][ix[0], ix[1]]),
        (r"loss$", lambda m: k["loss"]),
        (r"sum\[", lambda m: None),
    ]
    for pattern, value in forms:
        if m := re.match(pattern, name):
            v = value(m)
            return None if v is None else float(v)
    raise AssertionError(f"a station shows {name!r}, which this test cannot name in torch")


def gap(a, b):
    return abs(a - b) / max(1.0, abs(b))


def measure():
    """Every number of every run against torch: how many are identical, and the largest gap."""
    runs = configs()
    exact = total = 0
    worst = (0.0, None)
    for run, js in zip(runs, node(runs), strict=True):
        ref, kept = autograd(run, js)
        kept["loss"] = ref["loss"]
        pairs = [(k, a, b) for k in ("z", "h", "yHat", "error", "dYHat", "dH", "dZ")
                 for a, b in zip(js[k], ref[k], strict=True)]
        pairs += [("loss", js["loss"], ref["loss"])]
        pairs += [(f"grad {k}", a, b) for k in ref["grads"]
                  for a, b in zip(js["grads"][k], ref["grads"][k], strict=True)]
        pairs += [(name, v, shown(name, kept)) for name, v in js["shown"].items()]
        for name, a, b in pairs:
            if b is None:
                continue
            exact += a == b
            total += 1
            if gap(a, b) > worst[0]:
                worst = (gap(a, b), f"{name} in {run}")
        assert len(js["shown"]) > 0
        rows = [torch.tensor(js[k]).view(-1, run["hidden"]) for k in ("sum", "z")]
        assert torch.equal(rows[0] + torch.tensor(js["brushes"]["b1"]), rows[1]), "z is the sum shown plus its bias"
    return {"runs": len(runs), "exact": exact, "total": total, "worst": worst}


@pytest.fixture(scope="module")
def measured():
    return measure()


def test_every_number_the_pass_shows_is_autograds(measured):
    assert measured["runs"] == RUNS >= 20 and TOL <= 1e-6
    assert measured["worst"][0] <= TOL, f"a shown number parts from autograd's by {measured['worst']}"


def test_identical_on_this_machine(measured):
    """The live page says they are identical to the last bit here: the same products, summed in torch's order."""
    print(f"\npass view: {measured['exact']} of {measured['total']} numbers identical, "
          f"worst gap {measured['worst'][0]:.3g}")
    assert measured["exact"] == measured["total"]
