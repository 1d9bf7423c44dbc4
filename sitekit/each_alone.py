"""Run each Python snippet alone, as a learner would paste it into a fresh interpreter.

    python sitekit/each_alone.py < snippets.json      # {"name": "code", ...}

torch, pandas and neura are imported once here; each snippet then runs in a forked child, so it
starts from a clean namespace and torch's start-up random state, and sees nothing an earlier snippet
did. As many children run at once as there are CPUs. Prints JSON {"name": [ok, stdout or the error]}.
"""

import contextlib
import io
import json
import os
import pickle
import sys
import tempfile
import traceback
import warnings

import pandas
import torch

import neura  # noqa: F401

try:  # figures draw off screen; a reader's bare venv (tests/site/test_install.py) has no matplotlib
    import matplotlib

    matplotlib.use("Agg")
except ModuleNotFoundError:
    pass

FRESH = torch.random.get_rng_state()
# A block that triggers a deprecation fails, as a test does (filterwarnings in pyproject.toml).
warnings.simplefilter("error", DeprecationWarning)
warnings.simplefilter("error", FutureWarning)


def warm_up():
    """Pay once, here, for what torch and pandas load on first use (making an optimizer imports
    torch._dynamo and sympy: about a second), so that no child pays it again. Random state is restored
    in each child."""
    model = torch.nn.Linear(3, 1)
    for optimizer in torch.optim.SGD(model.parameters(), lr=0.1), torch.optim.Adam(model.parameters()):
        optimizer.zero_grad()
        torch.nn.functional.mse_loss(model(torch.ones(2, 3)), torch.zeros(2, 1)).backward()
        optimizer.step()
    pandas.DataFrame({"x": [1.0]}).to_string()


def child(code, path):
    """In the forked child: run CODE, pickle (ok, printed text or the error) into PATH, and exit."""
    torch.random.set_rng_state(FRESH)
    out, ok = io.StringIO(), True
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "<block>", "exec"), {"__name__": "__main__"})
        result = out.getvalue()
    except BaseException:
        ok, result = False, traceback.format_exc(limit=-3)
    with open(path, "wb") as f:
        pickle.dump((ok, result), f)
    os._exit(0)


def run_all(snippets, at_once=None):
    """{name: (ok, output)} for every snippet of {name: code}, AT_ONCE children at a time (one per CPU)."""
    at_once = at_once or os.cpu_count() or 1
    results, running, todo = {}, {}, list(enumerate(snippets.items()))
    with tempfile.TemporaryDirectory() as tmp:
        while todo or running:
            while todo and len(running) < at_once:
                number, (name, code) = todo.pop(0)
                path = os.path.join(tmp, str(number))
                sys.stdout.flush()
                pid = os.fork()
                if pid == 0:
                    child(code, path)
                running[pid] = name, path
            pid, _ = os.wait()
            name, path = running.pop(pid)
            try:
                with open(path, "rb") as f:
                    results[name] = pickle.load(f)
            except (OSError, EOFError):
                results[name] = False, "the block ended the process"
    return results


if __name__ == "__main__":
    warm_up()
    json.dump(run_all(json.load(sys.stdin)), sys.stdout)
