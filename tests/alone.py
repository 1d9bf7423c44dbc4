"""Run every Python block of the given pages alone, as in a fresh interpreter.

`alone.py PAGE.md ...` runs the blocks of those pages; `alone.py -` runs the snippets of a JSON
object {"name": code} read from stdin (the browser tests send what the copy buttons copied).

torch, pandas and neura are imported once here; each block then runs in a
forked child, so it starts from a clean namespace and torch's start-up random
state, and it sees nothing that an earlier block did. Prints JSON:
{"page:line": [ok, stdout or error]}.
"""

import contextlib
import io
import json
import os
import pickle
import sys
import traceback

import matplotlib

matplotlib.use("Agg")
import pandas  # noqa: E402,F401
import torch  # noqa: E402
from pytest_codeblocks import extract_from_file  # noqa: E402

import neura  # noqa: E402,F401

FRESH = torch.random.get_rng_state()


def run(code):
    """(ok, printed text or the error) for `code` run in a forked child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        torch.random.set_rng_state(FRESH)
        out, ok = io.StringIO(), True
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(code, "<block>", "exec"), {"__name__": "__main__"})
            result = out.getvalue()
        except BaseException:
            ok, result = False, traceback.format_exc(limit=-3)
        with os.fdopen(write, "wb") as pipe:
            pickle.dump((ok, result), pipe)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return pickle.loads(data) if data else (False, "the block ended the process")


if __name__ == "__main__":
    if sys.argv[1:] == ["-"]:
        snippets = json.load(sys.stdin)
    else:
        snippets = {f"{page}:{block.lineno}": block.code for page in sys.argv[1:]
                    for block in extract_from_file(page) if block.syntax == "python"}
    results = {name: run(code) for name, code in snippets.items()}
    json.dump(results, sys.stdout)
