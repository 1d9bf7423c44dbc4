"""The README's preview, `mkdocs serve --dirty`, in a copy of the project: a prose edit renders its own page
only, and an edit to a file every page reads (a glossary word's meaning) renders them all (sitekit/dirty.py).
A dirty `mkdocs build` into the same folder is what the preview runs on each edit."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import sitekit
from sitekit import layout


def build(project):
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "-q", "-d", "site"], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(project)})
    assert done.returncode == 0, done.stderr[-3000:]
    return {page: page.stat().st_mtime_ns for page in (project / "site").rglob("index.html")}


@pytest.fixture(scope="module")
def project(site):
    """A copy of the project, with the cache the run's build filled (hence `site`), built once."""
    folder = Path(tempfile.mkdtemp(prefix="neura-dirty-"))
    try:
        for part in ["neura", "sitekit", "docs", ".ci", ".cache/build", "mkdocs.yml", "pyproject.toml", "README.md"]:
            (shutil.copytree if (sitekit.ROOT / part).is_dir() else shutil.copy)(sitekit.ROOT / part, folder / part)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_prose_edit_renders_its_page_and_a_shared_edit_renders_every_page(project):
    first = build(project)
    loss = project / "site" / "3-loss" / "index.html"
    page = project / "docs" / "3-loss.md"
    page.write_text(page.read_text() + "\nA sentence only this edit wrote.\n")
    after_prose = build(project)
    assert "A sentence only this edit wrote." in loss.read_text()
    assert [p.parent.name for p in first if after_prose[p] != first[p]] == ["3-loss"]

    words = project / "docs" / layout.INCLUDES / "abbreviations.md"
    meaning = "One pass over the whole training set (glossary)"
    assert meaning in words.read_text()
    words.write_text(words.read_text().replace(meaning, "A meaning only this edit wrote"))
    after_shared = build(project)
    assert all(after_shared[p] != after_prose[p] for p in first), "a page kept its old glossary words"
    assert "A meaning only this edit wrote" in (project / "site" / "6-training" / "index.html").read_text()
