"""Every step page, downloaded from the built site as a notebook, runs top to bottom in a fresh kernel
and prints what its page shows."""

import re

import nbformat
import pytest
import torch

import sitekit
from sitekit import layout
from sitekit.notebooks import ATTRS, anchors, execute, published

STEPS = sitekit.step_pages()


def download(site, page):
    """The notebook the built site in folder SITE offers for step PAGE."""
    return nbformat.read(site / layout.NOTEBOOKS / f"{page.stem}.ipynb", as_version=4)


def test_there_is_a_notebook_for_each_step(site):
    assert len(STEPS) >= 6
    assert sorted(p.name for p in (site / layout.NOTEBOOKS).iterdir()) == sorted(f"{p.stem}.ipynb" for p in STEPS)


@pytest.mark.parametrize("page", STEPS, ids=lambda p: p.stem)
def test_page_notebook_runs_in_a_fresh_kernel_and_prints_what_the_page_shows(site, page):
    ran = execute(download(site, page))
    setup, *code = [c for c in ran.cells if c.cell_type == "code"]  # setup: tests/site/test_install.py
    assert "".join(o.text for o in setup.outputs if o.output_type == "stream") == f"torch {torch.__version__}\n"
    blocks = sitekit.blocks(page)
    lines = lambda text: [line for line in text.splitlines() if line.strip()]  # noqa: E731  (see sitekit.Block)
    assert [lines(c.source) for c in code] == [lines(b.code) for b in blocks]
    for cell, block in zip(code, blocks, strict=True):
        assert ("raises-exception" in cell.metadata.get("tags", [])) == block.must_fail, block.name
        if block.expected is not None:
            printed = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
            assert printed == block.expected, block.name


def test_built_site_offers_each_notebook_for_download(site):
    for page in STEPS:
        html = layout.built(site, page).read_text()
        assert f'href="../{layout.NOTEBOOKS}/{page.stem}.ipynb"' in html


def test_each_notebooks_links_reach_the_site_and_it_shows_no_attribute_list(served):
    """A downloaded notebook has no site beside it: a link to a page (the live studio's with its query)
    or a picture names the site's address, a link to a heading of its own names it as Jupyter does;
    attr_list's `{ #anchor }` would show as text in Jupyter."""
    site, url = served
    for page in STEPS:
        nb = download(site, page)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        assert re.findall(rf"\]\((?!{re.escape(url)}|#)[^)]*\)", text) == [], page.name
        assert ATTRS.findall(text) == [], page.name
        headings = {h.replace(" ", "-") for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}  # Jupyter's ids
        assert set(re.findall(r"\]\(#([^)]*)\)", text)) <= headings, page.name
    assert published("[4](#check-yourself)", "", anchors("## Check yourself")) == "[4](#Check-yourself)"
    assert published("[it](live/index.md?seed=1&lr=2){ .live-link }\n{ #here }", "https://s.org/") == (
        "[it](https://s.org/live/?seed=1&lr=2)\n")
    assert published("[a](index.md) [b](3-loss.md#the-loss)", "/") == "[a](/) [b](/3-loss/#the-loss)"
