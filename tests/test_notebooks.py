"""Every step page, downloaded as a notebook, runs top to bottom in a fresh kernel."""

import nbformat
import pytest
from conftest import hook
from nbclient import NotebookClient

downloads = hook("downloads")
PAGES = downloads.step_pages()


def test_there_is_a_notebook_for_each_of_the_seven_steps():
    assert [p.name[0] for p in PAGES] == list("1234567")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_notebook_runs_in_a_fresh_kernel(page):
    nb = nbformat.reads(downloads.notebook(page.read_text(), "https://example.org/"), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    outputs = page.read_text().count("expected-output-->\n```python\n")
    assert len(code) == page.read_text().count("```python\n") - outputs
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=False).execute()
    failed = [c for c in code if any(o.output_type == "error" for o in c.outputs)]
    assert all("raises-exception" in c.metadata.get("tags", []) for c in failed)


def test_built_site_offers_each_notebook_for_download(site):
    for page in PAGES:
        assert (site / "notebooks" / f"{page.stem}.ipynb").is_file()
        html = (site / page.stem / "index.html").read_text()
        assert f'href="../notebooks/{page.stem}.ipynb"' in html
