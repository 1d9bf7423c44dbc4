"""A block whose output sits in a collapsed box, and a block inside one, are still read, compared,
labelled and put in the page's notebook like any other (tests/pages/boxes.md is the sample page)."""

import re
from pathlib import Path

import markdown
import nbformat
from mkdocs.utils.yaml import yaml_load

import sitekit
from sitekit import budgets, notebooks

PAGE = Path(__file__).parents[1] / "pages" / "boxes.md"  # not in unit/: its blocks are run alone, as a page's


def render(text):
    """TEXT as the site's Markdown extensions render it (the output labels among them: sitekit/output_label.py)."""
    with open(sitekit.ROOT / "mkdocs.yml", encoding="utf-8") as f:
        listed = yaml_load(f)["markdown_extensions"]
    names = [next(iter(e)) if isinstance(e, dict) else e for e in listed]
    configs = {next(iter(e)): next(iter(e.values())) for e in listed if isinstance(e, dict)}
    configs["pymdownx.snippets"] = {**configs["pymdownx.snippets"], "base_path": [str(sitekit.ROOT)]}
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


def test_outputs_in_boxes_belong_to_their_blocks():
    boxed, predict = sitekit.blocks(PAGE)
    assert (boxed.boxed, boxed.output_boxed, boxed.expected) == (True, True, "4\n")
    assert (predict.boxed, predict.output_boxed, predict.expected) == (False, True, "2\n")
    assert predict.problem(True, "2\n") is None and predict.problem(True, "3\n") is not None  # it is compared


def test_outputs_in_boxes_are_labelled_and_stay_in_their_boxes():
    html = render(PAGE.read_text())
    outputs = re.findall(r'<div class="[^"]*neura-output"><span class="filename">Output</span><pre>', html)
    assert len(outputs) == 2
    answer = re.search(r'<details class="success">\s*<summary>Answer</summary>(.*?)</details>', html, re.S)
    assert "neura-output" in answer[1] and "<code>2\n</code>" in answer[1]
    assert budgets.count(html)[1] == 1  # the main path shows one line of code: the block to predict


def test_blocks_in_boxes_are_cells_of_the_pages_notebook():
    nb = nbformat.reads(notebooks.notebook(PAGE), as_version=4)
    assert [c.source for c in nb.cells if c.cell_type == "code"] == [b.code.strip() for b in sitekit.blocks(PAGE)]
    assert not any("<!--" in c.source for c in nb.cells), "a marker leaked into the notebook"


BOXES = re.compile(r'^ *\?\?\?\+? (info "Look closer: [^"]+"|note "Proof: [^"]+"|success "Answer")$')


def test_every_collapsed_box_of_a_step_is_look_closer_proof_or_answer():
    """One name and one look for each kind, so that a learner knows which she may skip (CONTRIBUTING.md)."""
    odd = [f"{page.name}:{n}: {line.strip()}" for page in sitekit.step_pages()
           for n, line in enumerate(page.read_text().splitlines(), 1)
           if line.lstrip().startswith("???") and not BOXES.match(line)]
    assert odd == []
    assert all(BOXES.match(line) for line in PAGE.read_text().splitlines() if line.startswith("???"))
