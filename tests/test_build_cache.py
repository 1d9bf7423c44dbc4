"""The build's cache (docs/hooks/cache.py): a prose edit reuses every generated thing; an edit to neura
makes the figures, the diary and the executed notebook again, with new output.

Each state runs the hooks' own cache calls in a copy of the project, in a fresh Python that imports
the copy's neura, starting from the cache the session's build left.
"""

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

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
    """{thing: (its path in PROJECT's cache, its text)} and what the run printed to stderr."""
    run = subprocess.run([sys.executable, "-c", MADE], cwd=project, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join([str(project / ".ci"),
                                                                         str(project / "docs" / "hooks")])})
    assert run.returncode == 0, run.stderr[-3000:]
    paths = {k: project / v for k, v in json.loads(run.stdout).items()}
    return {k: (p.relative_to(project), p.read_text()) for k, p in paths.items()}, run.stderr


def cache_files(project):
    return {p.relative_to(project) for p in (project / ".cache" / "build").rglob("*") if p.is_file()}


def background(site, server):
    """In a copy of the project with the cache the session's build filled: what the hooks make, and the
    cache's files, before and after a prose edit and after an edit to neura. conftest.py runs this
    beside the other tests once the site is built."""
    project = Path(tempfile.mkdtemp(prefix="neura-project-"))
    try:
        for part in ["neura", "docs", ".ci", ".cache/build", "mkdocs.yml"]:
            (shutil.copytree if (sitetools.ROOT / part).is_dir() else shutil.copy)(sitetools.ROOT / part,
                                                                                   project / part)
        made(project)  # the page notebook for this address ("") is new; the rest was in the build's cache
        state = {"before": cache_files(project), "first": made(project)[0]}

        page = project / "docs" / "3-loss.md"
        page.write_text(page.read_text() + "\nOne more sentence of prose.\n")
        state["prose"], state["after prose"] = made(project)[0], cache_files(project)

        seeding = project / "neura" / "seeding.py"
        seeding.write_text(seeding.read_text().replace("torch.manual_seed(seed)", "torch.manual_seed(seed + 1000)"))
        state["remade"], state["log"] = made(project)
        return state
    finally:
        shutil.rmtree(project)


def test_prose_edit_reuses_the_cache_and_a_neura_edit_remakes_it(background):
    before, first, prose, remade = (background[k] for k in ["before", "first", "prose", "remade"])
    assert {path for path, _ in first.values()} <= before

    same = [thing for thing in first if thing != "page notebook"]
    assert {k: prose[k] for k in same} == {k: first[k] for k in same}
    assert background["after prose"] - before == {prose["page notebook"][0]}  # only the edited page's own notebook
    assert "One more sentence of prose." in prose["page notebook"][1]

    for thing in ["figure", "diary", "notebook"]:
        assert remade[thing][0] not in before, f"the {thing} was not made again"
        assert remade[thing][1] != first[thing][1], f"the {thing} did not change"
    def outputs(notebook):
        return [c.get("outputs", []) for c in json.loads(notebook[1])["cells"]]
    assert outputs(remade["notebook"]) != outputs(first["notebook"])
    assert "IPKernelApp" not in background["log"]  # the notebook ran, and its kernel had nothing to warn about


# A hook whose first thing takes a while to make and whose second cannot be made outside the build's Python.
PROBE = """
import os, time

def slow():
    time.sleep(0.5)
    return str(os.getpid())

def here_only():
    if os.getpid() != int(os.environ["PROBE_BUILD"]):
        raise RuntimeError("the probe's second thing fails outside the build's Python")
    return str(os.getpid())

def things():
    import cache
    kind = os.environ["PROBE_KIND"]
    return [cache.Thing(kind, [], slow, "slow.txt"), cache.Thing(kind, [], here_only, "here.txt")]
"""


def test_what_ahead_makes_is_awaited_and_what_it_fails_the_build_makes(tmp_path, monkeypatch, capfd):
    import cache

    kind = f"probe-{uuid.uuid4().hex}"
    (tmp_path / "ahead_probe.py").write_text(PROBE)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    monkeypatch.setenv("PROBE_KIND", kind)
    monkeypatch.setenv("PROBE_BUILD", str(os.getpid()))
    monkeypatch.setattr(cache, "MAKER", None)
    monkeypatch.setattr(cache, "AHEAD", set())
    probe = importlib.import_module("ahead_probe")
    try:
        cache.ahead(probe)
        assert {thing.path for thing in probe.things()} == cache.AHEAD
        slow, here = (cache.cached(*thing) for thing in probe.things())
        assert slow.read_text() == str(cache.MAKER.pid)  # made by the other Python, and awaited
        assert here.read_text() == str(os.getpid())  # that Python failed: made by this one
        assert cache.MAKER.wait() == 1 and "fails outside the build's Python" in capfd.readouterr().err
        cache.ahead(probe)
        assert cache.MAKER is None  # nothing missing: no other Python
    finally:
        shutil.rmtree(cache.FOLDER / kind, ignore_errors=True)
