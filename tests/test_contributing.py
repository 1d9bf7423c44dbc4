"""CONTRIBUTING.md's example block runs and prints what it shows; the files it names exist; the README links it."""

import re

import sitetools

GUIDE = sitetools.ROOT / "CONTRIBUTING.md"


[EXAMPLE] = sitetools.blocks(GUIDE, text=re.search(r"````text\n(.*?)````", GUIDE.read_text(), re.S).group(1))
RUN_ALONE = [EXAMPLE]  # run in the pages' first batch (conftest.py)


def test_example_block_prints_its_expected_output(alone):
    assert EXAMPLE.expected and EXAMPLE.problem(*alone(EXAMPLE.code)) is None


def test_every_file_it_names_exists():
    named = set(re.findall(r"`((?:docs|tests|\.ci|neura)/[\w./-]+\.(?:py|md|txt))`", GUIDE.read_text()))
    named |= set(re.findall(r"(?:pytest|python) ((?:docs|tests|\.ci)/[\w./-]+)", GUIDE.read_text()))
    named = {n for n in named if "NAME" not in n and "N-name" not in n}
    assert len(named) > 8
    assert [n for n in named if not (sitetools.ROOT / n).exists()] == []


def test_readme_links_it():
    assert "(CONTRIBUTING.md)" in (sitetools.ROOT / "README.md").read_text()
