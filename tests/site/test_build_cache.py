"""The make step's cache (sitekit/cache.py): a prose edit reuses every generated thing; an edit to neura
makes the figures, the diary and the executed notebook again, with new output (tests/slow/test_make_step.py:
the make step writes into docs/ only what changed).

Each state runs the make step's own cache calls in a copy of the project, in a fresh Python that imports
the copy's sitekit and neura, starting from the cache the run's build left.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import sitekit

# What the make step makes, asked for as it asks (each call makes the thing only if its key is new).
MADE = """
import json
from sitekit import diary, figures, layout, notebooks
print(json.dumps({
    "figure": str(figures.drawn("network")),
    "diary": str(diary.cached_table()),
    "notebook": str(notebooks.executed(layout.DOCS / "studio-session.ipynb")),
    "page notebook": str(notebooks.cached_notebook(layout.DOCS / "3-loss.md", "")),
}))
"""


def made(project):
    """{thing: (its path in PROJECT's cache, its text)} and what the run printed to stderr."""
    run = subprocess.run([sys.executable, "-c", MADE], cwd=project, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(project)})  # the copy's sitekit and neura
    assert run.returncode == 0, run.stderr[-3000:]
    paths = {k: project / v for k, v in json.loads(run.stdout).items()}
    return {k: (p.relative_to(project), p.read_text()) for k, p in paths.items()}, run.stderr


def cache_files(project):
    return {p.relative_to(project) for p in (project / ".cache" / "build").rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def states(site):
    """In a copy of the project with the cache the run's build filled (hence `site`): what the hooks make,
    and the cache's files, before and after a prose edit and after an edit to neura."""
    project = Path(tempfile.mkdtemp(prefix="neura-project-"))
    try:
        for part in ["neura", "sitekit", "docs", ".ci", ".cache/build", "mkdocs.yml"]:
            (shutil.copytree if (sitekit.ROOT / part).is_dir() else shutil.copy)(sitekit.ROOT / part,
                                                                                   project / part)
        built = cache_files(project)
        state = {"first": made(project)[0], "before": cache_files(project)}
        state["new"] = state["before"] - built  # what the build's cache did not hold

        page = project / "docs" / "3-loss.md"
        page.write_text(page.read_text() + "\nOne more sentence of prose.\n")
        state["prose"], state["after prose"] = made(project)[0], cache_files(project)

        seeding = project / "neura" / "seeding.py"
        seeding.write_text(seeding.read_text().replace("torch.manual_seed(seed)", "torch.manual_seed(seed + 1000)"))
        state["remade"], state["log"] = made(project)
        return state
    finally:
        shutil.rmtree(project)


def test_prose_edit_reuses_the_cache_and_a_neura_edit_remakes_it(states):
    before, first, prose, remade = (states[k] for k in ["before", "first", "prose", "remade"])
    assert {path for path, _ in first.values()} <= before
    assert states["new"] <= {first["page notebook"][0]}  # (a page notebook for this address, "", may be new)

    same = [thing for thing in first if thing != "page notebook"]
    assert {k: prose[k] for k in same} == {k: first[k] for k in same}
    assert states["after prose"] - before == {prose["page notebook"][0]}  # only the edited page's own notebook
    assert "One more sentence of prose." in prose["page notebook"][1]

    for thing in ["figure", "diary", "notebook"]:
        assert remade[thing][0] not in before, f"the {thing} was not made again"
        assert remade[thing][1] != first[thing][1], f"the {thing} did not change"
    def outputs(notebook):
        return [c.get("outputs", []) for c in json.loads(notebook[1])["cells"]]
    assert outputs(remade["notebook"]) != outputs(first["notebook"])
    assert "IPKernelApp" not in states["log"]  # the notebook ran, and its kernel had nothing to warn about
