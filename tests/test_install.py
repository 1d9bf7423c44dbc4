"""A reader of the hosted site installs neura from it and runs the steps' blocks, away from this checkout."""

import contextlib
import datetime
import io
import json
import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import version

import install
import page_notebooks
import pytest
import sitetools
import torch

STEPS = sitetools.step_pages()
# The steps whose blocks the fresh venv runs: all but step 5's optimizer races and step 7's gallery, which
# take 35 s more between them; the other steps' blocks already prove that the installed wheel works.
RUN = [p for p in STEPS if not p.name.startswith(("5-", "7-"))]


def text(path):
    """The words of an HTML page, tags dropped."""
    return re.sub(r"<[^>]+>", "", path.read_text())


def test_home_page_and_each_step_give_the_install_line_from_the_sites_own_address(served):
    site, server = served
    line = f"pip install {server}packages/{install.wheel_name()}"
    assert (site / "packages" / install.wheel_name()).is_file()
    for page in [site / "index.html", *(site / sitetools.url(p) / "index.html" for p in STEPS)]:
        words = text(page)
        assert line in words, page
        assert f"Verified with {install.verified()}" in words, page
    assert install.verified() == f"Python {sys.version.split()[0]}, torch {version('torch')} and pandas " \
                                 f"{version('pandas')}"


def test_every_page_footer_names_the_versions_and_the_date_of_the_build(site):
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    for path in sitetools.urls():
        footer = (site / path / "index.html").read_text().split('class="md-copyright"')[-1]
        assert f"Built on {today} with {install.verified()}." in footer, path


@pytest.mark.parametrize("site_torch, note", [(version("torch"), False), ("1.0.0+cpu", True)])
def test_notebooks_first_cell_prints_torch_and_a_note_only_when_it_differs_from_the_sites(site_torch, note):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):  # neura is installed here, so the cell installs nothing
        exec(page_notebooks.setup("https://example.org/never-fetched.whl", site_torch), {})
    lines = out.getvalue().splitlines()
    assert lines[0] == f"torch {torch.__version__}"
    assert lines[1:] == ([f"This site's numbers come from torch {site_torch.split('+')[0]}: "
                          "yours may differ in the last digits."] if note else [])


def test_each_downloaded_notebook_starts_by_installing_neura_from_the_site(served):
    site, server = served
    downloads = [site / "notebooks" / f"{page.stem}.ipynb" for page in STEPS]
    downloads += [site / "studio-session" / "studio-session.ipynb"]  # the notebook that is a page, too
    for download in downloads:
        cells = json.loads(download.read_text())["cells"]
        first = next(c for c in cells if c["cell_type"] == "code")
        assert "".join(first["source"]) == page_notebooks.setup(f"{server}packages/{install.wheel_name()}",
                                                                version("torch"))


def test_a_fresh_venv_installs_neura_from_the_served_site_and_the_steps_show_their_outputs(served, tmp_path):
    site, server = served
    line = re.search(r"pip install (\S+\.whl)", text(site / "index.html")).group(0).split()
    venv, py = tmp_path / "venv", tmp_path / "venv" / "bin" / "python"
    try:
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        # The reader's line, run by this pip into the new venv; the constraints hold torch to the pinned
        # CPU build (an open torch requirement pulls a multi-GB CUDA one).
        subprocess.run([sys.executable, "-m", "pip", "--python", str(py), *line[1:], "--quiet", "--no-compile",
                        "-c", str(sitetools.ROOT / ".ci" / "constraints.txt")], check=True, cwd=tmp_path)
        shutil.copy(sitetools.ROOT / "tests" / "run_each_alone.py", tmp_path)
        blocks = [b for page in RUN for b in sitetools.blocks(page)]
        snippets = {b.name: b.code for b in blocks} | {"where": "import neura\nprint(neura.__file__)"}
        # Let this run cache compiled modules, as a reader's Python does (pip compiled none: --no-compile).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        run = subprocess.run([str(py), "run_each_alone.py"], input=json.dumps(snippets), capture_output=True,
                             text=True, cwd=tmp_path, env=env)
        assert run.returncode == 0, run.stderr[-3000:]
        ran = json.loads(run.stdout)
    finally:
        shutil.rmtree(venv, ignore_errors=True)  # about 850 MB of torch
    assert ran["where"][1].startswith(str(venv)), ran["where"]
    for block in blocks:
        ok, output = ran[block.name]
        assert not ok if block.must_fail else block.problem(ok, output) is None, f"{block.name}: {output}"
