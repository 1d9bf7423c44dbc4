"""CONTRIBUTING.md's example blocks run and print what they show; the files it names exist; the README links it."""

import re

import sitekit

GUIDE = sitekit.ROOT / "CONTRIBUTING.md"


EXAMPLES = [b for text in re.findall(r"````text\n(.*?)````", GUIDE.read_text(), re.S)
            for b in sitekit.blocks(GUIDE, text=text)]
RUN_ALONE = EXAMPLES  # run in the pages' first batch (conftest.py)


def test_example_blocks_print_their_expected_output(alone):
    assert len(EXAMPLES) >= 2
    for example in EXAMPLES:
        assert example.expected and example.problem(*alone(example.code)) is None


def test_every_file_it_names_exists():
    named = set(re.findall(r"`((?:docs|tests|\.ci|neura)/[\w./-]+\.(?:py|md|txt))`", GUIDE.read_text()))
    named |= set(re.findall(r"(?:pytest|python) ((?:docs|tests|\.ci)/[\w./-]+)", GUIDE.read_text()))
    named = {n for n in named if "NAME" not in n and "N-name" not in n}
    assert len(named) > 8
    assert [n for n in named if not (sitekit.ROOT / n).exists()] == []


def test_readme_links_it():
    assert "(CONTRIBUTING.md)" in (sitekit.ROOT / "README.md").read_text()
