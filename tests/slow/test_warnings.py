"""A deprecation fails the suite, whether a page's block triggers it (run alone) or neura in a test."""

import subprocess
import sys
from pathlib import Path

import pytest

import sitekit
from sitekit import ROOT

WARN = 'import warnings\n\nwarnings.warn("this will change", {kind})\nprint("ran")\n'
KINDS = [("DeprecationWarning", True), ("FutureWarning", True), ("UserWarning", False)]
RUN_ALONE = [sitekit.Block(Path(__file__), 0, WARN.format(kind=kind), None) for kind, _ in KINDS]


@pytest.mark.parametrize("kind, fails", KINDS)
def test_a_block_run_alone_fails_on_a_deprecation(alone, kind, fails):
    """Run alone as the pages' blocks are (in their first batch: RUN_ALONE)."""
    ok, output = alone(WARN.format(kind=kind))
    assert ok != fails and (kind in output if fails else output == "ran\n")


@pytest.mark.parametrize("kind, fails", KINDS)
def test_a_test_fails_on_a_deprecation_under_the_projects_pytest_settings(tmp_path, kind, fails):
    body = "".join(f"    {line}\n" for line in WARN.format(kind=kind).splitlines())
    (tmp_path / "test_it.py").write_text(f"def test_it():\n{body}")
    settings = ["-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path)]
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *settings, "test_it.py"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert ("1 failed" if fails else "1 passed") in run.stdout, run.stdout[-2000:]
