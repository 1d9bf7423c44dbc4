"""The pages' code blocks: every Python block is one that runs, and its shown output is really checked.

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


def bump_one_digit_per_output(text):
    """The page with the last digit of the first digit-bearing line of each shown output changed."""
    lines, state, changed = text.splitlines(keepends=True), None, 0
    for i, line in enumerate(lines):
        fence = line.lstrip().startswith("```")
        if "pytest-codeblocks:expected-output" in line:
            state = "marker"
        elif state == "marker" and fence:
            state = "output"
        elif state == "output" and fence:
            state = None  # an output without a digit: nothing to change
        elif state == "output" and re.search(r"\d", line):
            j = max(m.start() for m in re.finditer(r"\d", line))
            lines[i] = line[:j] + str((int(line[j]) + 1) % 10) + line[j + 1:]
            changed, state = changed + 1, None
    return "".join(lines), changed


def test_changing_any_digit_of_any_output_fails(alone, tmp_path):
    """Bump one digit in every shown output: the very check each block's item makes must fail each one."""
    changed = caught = 0
    for page in PAGES:
        text, n = bump_one_digit_per_output(page.read_text())
        (tmp_path / page.name).write_text(text)
        changed += n
        caught += sum(b.problem(*alone(b.code)) is not None for b in sitekit.blocks(tmp_path / page.name)
                      if not b.must_fail)  # those fail anyway
    assert changed > 30 and caught == changed
