"""The site's code blocks: all of them run, alone, and show their real output."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_codeblocks import extract_from_file

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").rglob("*.md"))
FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*(.*?)\s*$")
PYTHONISH = re.compile(r"^\{?\.?(py|python|python3|pycon)\b", re.I)


def python_blocks(page):
    return [b for b in extract_from_file(page) if b.syntax == "python"]


def events(page):
    """What a page says to pytest-codeblocks, in order: ("fence", line, info) and ("marker", line, text)."""
    inside = None
    for number, line in enumerate(page.read_text().splitlines(), 1):
        match = FENCE.match(line)
        if inside is None and match:
            inside = match.group(1)
            yield "fence", number, match.group(2)
        elif inside is None and line.strip().startswith("<!--"):
            yield "marker", number, line.strip()
        elif inside and match and line.strip().startswith(inside) and not match.group(2):
            inside = None


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_python_looking_fence_is_collected(page):
    skipped = [f"line {n}: {info!r}" for kind, n, info in events(page)
               if kind == "fence" and PYTHONISH.match(info) and info != "python"]
    assert not skipped, f"pytest-codeblocks runs only bare ```python fences; these would never run: {skipped}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_cont_only_follows_python(page):
    """A `cont` marker appends to the block before it; after a non-Python fence that code never runs."""
    previous, is_output = None, False
    for kind, number, text in events(page):
        if kind == "marker" and "pytest-codeblocks:cont" in text:
            assert previous == "python", f"line {number}: cont after a {previous!r} block never runs"
        elif kind == "marker":
            is_output = "pytest-codeblocks:expected-output" in text
        elif is_output:
            is_output = False  # an output fence: the block before it is still the one cont would extend
        else:
            previous = text


@pytest.fixture(scope="module")
def alone():
    """Every block of every page, each run alone in a forked, fresh interpreter."""
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "alone.py"), *map(str, PAGES)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


BLOCKS = [(page, block) for page in PAGES for block in python_blocks(page)]


@pytest.mark.parametrize("page, block", BLOCKS, ids=[f"{p.name}:{b.lineno}" for p, b in BLOCKS])
def test_block_alone_shows_what_its_page_shows(alone, page, block):
    ok, output = alone[f"{page}:{block.lineno}"]
    if any("xfail" in mark for mark in block.marks):
        assert not ok, "this block is marked to fail, but it ran"
        return
    assert ok, output
    if block.expected_output is not None:
        assert output == block.expected_output


def test_site_has_enough_checked_blocks():
    pages = {p.name: python_blocks(p) for p in PAGES if re.match(r"\d-", p.name)}
    assert len(pages) == 7
    for name, blocks in pages.items():
        assert any("neura" in b.code for b in blocks), f"{name} never imports neura"
        assert any(b.expected_output for b in blocks), f"{name} shows no checked output"
    assert sum(map(len, pages.values())) >= 30


def test_changing_any_digit_of_any_output_fails(tmp_path):
    """Bump one digit in every expected output of the site: pytest-codeblocks must fail each of those blocks."""
    changed = 0
    for page in PAGES:
        lines, state = page.read_text().splitlines(keepends=True), None
        for i, line in enumerate(lines):
            if "pytest-codeblocks:expected-output" in line:
                state = "marker"
            elif state == "marker" and FENCE.match(line):
                state = "output"
            elif state == "output" and FENCE.match(line):
                state = None  # an output without a digit: nothing to change
            elif state == "output" and re.search(r"\d", line):
                j = max(m.start() for m in re.finditer(r"\d", line))
                lines[i] = line[:j] + str((int(line[j]) + 1) % 10) + line[j + 1:]
                changed, state = changed + 1, None
        (tmp_path / page.name).write_text("".join(lines))
    run = subprocess.run([sys.executable, "-m", "pytest", "--codeblocks", "-q", "-p", "no:cacheprovider",
                          str(tmp_path)], capture_output=True, text=True, cwd=tmp_path)
    failed = re.search(r"(\d+) failed", run.stdout)
    assert changed > 0 and failed and int(failed.group(1)) == changed, run.stdout[-2000:]
