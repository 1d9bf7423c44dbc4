"""The first cell of every notebook the site offers prints the reader's torch, and a note only where it
differs from the site's (tests/site/test_install.py: the cell installs neura from the site)."""

import contextlib
import io
from importlib.metadata import version

import pytest
import torch

from sitekit import notebooks


@pytest.mark.parametrize("site_torch, note", [(version("torch"), False), ("1.0.0+cpu", True)])
def test_notebooks_first_cell_prints_torch_and_a_note_only_when_it_differs_from_the_sites(site_torch, note):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):  # neura is installed here, so the cell installs nothing
        exec(notebooks.setup("https://example.org/never-fetched.whl", site_torch), {})
    lines = out.getvalue().splitlines()
    assert lines[0] == f"torch {torch.__version__}"
    assert lines[1:] == ([f"This site's numbers come from torch {site_torch.split('+')[0]}: "
                          "yours may differ in the last digits."] if note else [])
