"""A reader of the hosted site installs neura from it and runs the steps' blocks, away from this checkout."""

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from email import message_from_bytes
from importlib.metadata import distribution, version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import sitekit
from sitekit import alone, layout, notebooks, wheel

STEPS = sitekit.step_pages()
# The steps whose blocks the fresh venv runs: all but step 5's optimizer races and step 7's gallery, which
# take 35 s more between them; the other steps' blocks already prove that the installed wheel works.
RUN = [p for p in STEPS if not p.name.startswith(("5-", "7-"))]


def text(path):
    """The words of an HTML page, tags dropped."""
    return re.sub(r"<[^>]+>", "", path.read_text())


def test_home_page_and_each_step_give_the_install_line_from_the_sites_own_address(served):
    site, server = served
    line = f"pip install {wheel.address(server)}"
    assert (site / layout.PACKAGES / wheel.wheel_name()).is_file()
    for page in [sitekit.DOCS / "index.md", *STEPS]:
        words = text(layout.built(site, page))
        assert line in words, page
        assert f"Verified with {wheel.verified()}" in words, page
    assert wheel.verified() == f"Python {sys.version.split()[0]}, torch {version('torch')} and pandas " \
                                 f"{version('pandas')}"


def test_every_page_footer_names_the_versions_and_the_date_of_the_build(site):
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    for page in sitekit.pages():
        footer = layout.built(site, page).read_text().split('class="md-copyright"')[-1]
        assert f"Built on {today} with {wheel.verified()}." in footer, page.name


def test_each_downloaded_notebook_starts_by_installing_neura_from_the_site(served):
    site, server = served
    downloads = [site / layout.NOTEBOOKS / f"{page.stem}.ipynb" for page in STEPS]
    notebook = sitekit.DOCS / "studio-session.ipynb"  # the notebook that is a page, too: offered beside it
    downloads += [layout.built(site, notebook).with_name(notebook.name)]
    for download in downloads:
        cells = json.loads(download.read_text())["cells"]
        first = next(c for c in cells if c["cell_type"] == "code")
        assert "".join(first["source"]) == notebooks.setup(wheel.address(server), version("torch"))


def installed(requirements):
    """The distributions installed here that REQUIREMENTS ask for, with what they ask for in turn."""
    found, todo = {}, list(requirements)
    while todo:
        wanted = Requirement(todo.pop())
        name = canonicalize_name(wanted.name)
        if name not in found and (wanted.marker is None or wanted.marker.evaluate({"extra": ""})):
            found[name] = distribution(wanted.name)
            todo += found[name].requires or []
    return found.values()


def lend(distributions, site_packages):
    """Link each of DISTRIBUTIONS' top-level folders and files into SITE_PACKAGES, as if pip had put them there."""
    for dist in distributions:
        for top in {f.parts[0] for f in dist.files} - {"..", "__pycache__"}:  # not its scripts in bin/
            (site_packages / top).symlink_to(dist.locate_file(top))


@pytest.fixture(scope="module")
def reader(site):
    """A reader's fresh venv installs neura with the home page's line, then runs the blocks of the steps
    in RUN there: (the venv, {block name or "where": (ok, output)}).

    The venv gets what the wheel requires (torch, pandas and what they require, nothing else) lent from
    this one, so pip checks the wheel's requirements against them and installs only neura: unpacking
    torch again would take 15 s and prove nothing that the README's own install does not.
    """
    line = re.search(r"pip install (\S+\.whl)", text(layout.built(site, "index.md"))).group(0).split()
    folder = Path(tempfile.mkdtemp(prefix="neura-reader-"))
    venv, py = folder / "venv", folder / "venv" / "bin" / "python"
    try:
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        with zipfile.ZipFile(site / layout.PACKAGES / wheel.wheel_name()) as archive:
            metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            needs = message_from_bytes(archive.read(metadata)).get_all("Requires-Dist")
        lend(installed(needs), Path(next(venv.glob("lib/python*/site-packages"))))
        # The reader's line, run by this pip into the new venv.
        subprocess.run([sys.executable, "-m", "pip", "--python", str(py), *line[1:], "--quiet", "--no-compile",
                        "-c", str(sitekit.ROOT / ".ci" / "constraints.txt")], check=True, cwd=folder,
                       capture_output=True)
        shutil.copy(alone.RUNNER, folder / "run_each_alone.py")
        snippets = {b.name: b.code for page in RUN for b in sitekit.blocks(page)}
        snippets["where"] = "import neura\nprint(neura.__file__)"
        # Let this run cache compiled modules, as a reader's Python does (pip compiled none: --no-compile).
        # And with torch's own threads: the suite runs everything else on one (conftest.py at the root).
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "OMP_NUM_THREADS")}
        run = subprocess.run([str(py), "run_each_alone.py"], input=json.dumps(snippets), capture_output=True,
                             text=True, cwd=folder, env=env)
        assert run.returncode == 0, run.stderr[-3000:]
        return venv, json.loads(run.stdout)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_fresh_venv_installs_neura_from_the_served_site_and_the_steps_show_their_outputs(reader):
    venv, ran = reader
    assert ran["where"][1].startswith(str(venv)), ran["where"]
    blocks = [b for page in RUN for b in sitekit.blocks(page)]
    assert len(blocks) > 20
    for block in blocks:
        ok, output = ran[block.name]
        assert not ok if block.must_fail else block.problem(ok, output) is None, f"{block.name}: {output}"
