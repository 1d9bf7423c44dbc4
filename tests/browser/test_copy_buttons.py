"""Every copy button in Chromium copies exactly a block that ran: a page's Python block (run alone, once,
by the `alone` fixture) or a cell of the notebook the build executed. The `tour` fixture clicked the buttons."""

import json

import pytest

import sitekit

PAGES = sitekit.pages()
RUN_ALONE = [block for page in PAGES if page.suffix == ".md" for block in sitekit.blocks(page)]  # asked of `alone`


def lines(code):
    """The code's non-blank lines (pytest-codeblocks drops blank lines of indented blocks)."""
    return tuple(line for line in code.splitlines() if line.strip())


@pytest.mark.xdist_group("tour")
@pytest.mark.parametrize("source", PAGES, ids=sitekit.url)
def test_every_code_block_has_a_copy_button(tour, source):
    blocks, texts = tour[sitekit.url(source)]["blocks"], tour[sitekit.url(source)]["copies"]
    assert len(texts) == blocks and all(t.strip() for t in texts)


@pytest.mark.xdist_group("tour")
@pytest.mark.parametrize("source", [p for p in PAGES if p.suffix == ".md"], ids=sitekit.url)
def test_each_python_block_is_copied_as_it_ran_alone(tour, alone, source):
    copied = {lines(text) for text in tour[sitekit.url(source)]["copies"]}
    found = sitekit.blocks(source)
    assert found, "no Python to copy on this page"
    for block in found:
        assert lines(block.code) in copied, f"{block.name}: no copy button copies this block as it ran"
        ok, output = alone(block.code)
        assert ok != block.must_fail, f"{block.name}: {'ran, but it is marked to fail' if ok else output}"


@pytest.mark.xdist_group("tour")
@pytest.mark.parametrize("source", [p for p in PAGES if p.suffix == ".ipynb"], ids=sitekit.url)
def test_each_notebook_cell_is_copied_as_the_build_ran_it(tour, source):
    """The strict build executes the notebook (a failing cell fails it); the page offers what it ran."""
    cells = [lines("".join(c["source"])) for c in json.loads(source.read_text())["cells"] if c["cell_type"] == "code"]
    assert cells and [lines(text) for text in tour[sitekit.url(source)]["copies"]] == cells


@pytest.mark.xdist_group("tour")
@pytest.mark.parametrize("source", PAGES, ids=sitekit.url)
def test_each_code_blocks_buttons_are_named_once_it_is_shown(tour, source):
    """Material gives a block its buttons (in a <nav>) as the block comes on screen; overrides/main.html
    names each after its block, so a screen reader's list of landmarks tells them apart."""
    blocks, names = tour[sitekit.url(source)]["code_navs"]
    assert names == [f"Code block {i + 1}" for i in range(blocks)]
