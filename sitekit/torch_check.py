"""The pages under the torch installed here: every block run alone, then the live studio's agreement test.

    python -m sitekit.torch_check     # in a venv with the project and another torch (see CONTRIBUTING.md)

Lists each block whose output is no longer what its page shows (or that no longer fails, if its page shows
it failing) and exits 1 if there is one, or if the live studio's numbers no longer agree with PyTorch's.
The scheduled workflow (.github/workflows/newest-torch.yml) runs it on the newest torch CPU build.
"""

import os
import subprocess
import sys

from .alone import Alone
from .layout import ROOT
from .pages import blocks, pages

AGREEMENT = "tests/browser/test_live.py::test_every_number_agrees_with_pytorch"


def changed(pages, alone=None):
    """The blocks of PAGES (Markdown files), and [(block name, what differs)] for those that changed; each
    block run alone by ALONE (an Alone: a new one if not given)."""
    found = [block for page in pages for block in blocks(page)]
    alone = alone or Alone()
    alone.add(found)
    differ = []
    for block in found:
        ok, output = alone(block.code)
        if block.must_fail:
            if ok:
                differ.append((block.name, "its page shows it failing, and it ran"))
        elif problem := block.problem(ok, output):
            differ.append((block.name, problem))
    return found, differ


def main():
    import torch

    os.environ["OMP_NUM_THREADS"] = "1"  # as in the suite: the tensors are tiny
    found, differ = changed([page for page in pages() if page.suffix == ".md"])
    print(f"torch {torch.__version__}: {len(found)} blocks run alone, {len(differ)} changed", flush=True)
    for name, what in differ:
        print(f"\n--- {name}\n{what}")
    live = subprocess.run([sys.executable, "-m", "pytest", AGREEMENT, "-q"], cwd=ROOT)
    print(f"live studio agreement test: {'passed' if live.returncode == 0 else 'FAILED'}")
    if differ:
        print("blocks whose output changed:", " ".join(name for name, _ in differ))
    return 1 if differ or live.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
