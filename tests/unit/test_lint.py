"""The code is ruff-clean, with the rules of pyproject.toml's [tool.ruff]."""

import subprocess
import sys

from sitekit import ROOT


def test_ruff_finds_nothing():
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
