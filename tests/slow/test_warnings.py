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


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    """What one pytest prints, under the project's settings, for a test that warns with each kind (-rA:
    a line with each test's outcome)."""
    folder = tmp_path_factory.mktemp("warns")
    tests = [f"def test_{kind}():\n" + "".join(f"    {line}\n" for line in WARN.format(kind=kind).splitlines())
             for kind, _ in KINDS]
    (folder / "test_it.py").write_text("\n\n".join(tests))
    settings = ["-c", str(ROOT / "pyproject.toml"), "--rootdir", str(folder)]
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", *settings,
                           "test_it.py"], capture_output=True, text=True, cwd=folder).stdout


@pytest.mark.parametrize("kind, fails", KINDS)
def test_a_test_fails_on_a_deprecation_under_the_projects_pytest_settings(summary, kind, fails):
    assert f"{'FAILED' if fails else 'PASSED'} test_it.py::test_{kind}" in summary, summary[-2000:]
