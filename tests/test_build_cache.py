"""The build's cache (docs/hooks/cache.py): a prose edit reuses every generated thing; an edit to neura
makes the figures, the diary and the executed notebook again, with new output.

Each state runs the hooks' own cache calls in a copy of the project, in a fresh Python that imports
the copy's neura, starting from the cache the session's build left.
"""

import json
import os
import shutil
import subprocess
import sys

import pytest
import sitetools

# What the hooks make, asked for as the build asks (each call makes the thing only if its key is new).
MADE = """
import json, figures, diary, notebook_page, page_notebooks, sitetools
print(json.dumps({
    "figure": str(figures.drawn("network")),
    "diary": str(diary.cached_table()),
    "notebook": str(notebook_page.executed(sitetools.DOCS / "studio-session.ipynb")),
    "page notebook": str(page_notebooks.cached_notebook(sitetools.DOCS / "3-loss.md", "")),
}))
"""


def made(project):
    """{thing: path in PROJECT's cache} and what the run printed to stderr."""
    run = subprocess.run([sys.executable, "-c", MADE], cwd=project, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join([str(project / ".ci"),
                                                                         str(project / "docs" / "hooks")])})
    assert run.returncode == 0, run.stderr[-3000:]
    return {k: project / v for k, v in json.loads(run.stdout).items()}, run.stderr


def cache_files(project):
    return {p for p in (project / ".cache" / "build").rglob("*") if p.is_file()}


@pytest.fixture
def project(site, tmp_path):
    """A copy of the project with the cache the session's build (`site`) filled."""
    copy = tmp_path / "project"
    for part in ["neura", "docs", ".ci", ".cache/build", "mkdocs.yml"]:
        (shutil.copytree if (sitetools.ROOT / part).is_dir() else shutil.copy)(sitetools.ROOT / part, copy / part)
    return copy


def test_prose_edit_reuses_the_cache_and_a_neura_edit_remakes_it(project):
    made(project)  # the page notebook for this address ("") is new; the rest was in the build's cache
    before = cache_files(project)
    first, _ = made(project)
    assert set(first.values()) <= before

    page = project / "docs" / "3-loss.md"
    page.write_text(page.read_text() + "\nOne more sentence of prose.\n")
    prose, _ = made(project)
    assert {k: v for k, v in prose.items() if k != "page notebook"} == {k: v for k, v in first.items()
                                                                        if k != "page notebook"}
    assert cache_files(project) - before == {prose["page notebook"]}  # only the edited page's own notebook
    assert "One more sentence of prose." in prose["page notebook"].read_text()

    seeding = project / "neura" / "seeding.py"
    seeding.write_text(seeding.read_text().replace("torch.manual_seed(seed)", "torch.manual_seed(seed + 1000)"))
    remade, log = made(project)
    for thing in ["figure", "diary", "notebook"]:
        assert remade[thing] not in before, f"the {thing} was not made again"
        assert remade[thing].read_text() != first[thing].read_text(), f"the {thing} did not change"
    outputs = [[o for o in c.get("outputs", [])] for c in json.loads(remade["notebook"].read_text())["cells"]]
    assert outputs != [[o for o in c.get("outputs", [])] for c in json.loads(first["notebook"].read_text())["cells"]]
    assert "IPKernelApp" not in log  # the notebook ran, and its kernel had nothing to warn about
