"""The pages' code blocks: every Python block is one that runs (tests/slow/test_codeblock_mutation.py: its
shown output is really checked).

Each block itself is an item of its page (`pytest docs/3-loss.md`, see conftest.py at the root).
"""

import re

import pytest
from pytest_codeblocks import extract_from_file

import sitekit

PAGES = [page for page in sitekit.pages() if page.suffix == ".md"]
PYTHONISH = re.compile(r"^\{?\.?(py|python|python3|pycon)\b", re.I)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_python_looking_fence_is_a_bare_python_fence(page):
    """pytest-codeblocks reads only bare ```python fences as Python; anything else would never run."""
    skipped = [f"line {b.lineno}: {b.syntax!r}" for b in extract_from_file(page)
               if PYTHONISH.match(b.syntax or "") and b.syntax != "python"]
    skipped += [f"line {n}: {line.strip()!r}" for n, line in enumerate(page.read_text().splitlines(), 1)
                if line.lstrip().startswith("~~~")]  # tilde fences are not read at all
    assert not skipped, f"these blocks would never run: {skipped}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_block_continues_another(page):
    """A copy button copies one block, which must run alone: no `pytest-codeblocks:cont`."""
    assert "pytest-codeblocks:cont" not in page.read_text()


def test_site_has_enough_checked_blocks():
    steps = {page.name: sitekit.blocks(page) for page in sitekit.step_pages()}
    assert len(steps) >= 6
    for name, found in steps.items():
        assert any("neura" in b.code for b in found), f"{name} never imports neura"
        assert any(b.expected for b in found), f"{name} shows no checked output"
    assert sum(map(len, steps.values())) >= 30
