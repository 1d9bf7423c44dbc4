"""The files CONTRIBUTING.md names exist, and the README links it (tests/slow/test_contributing_examples.py: its
example blocks run and print what they show)."""

import re

import sitekit

GUIDE = sitekit.ROOT / "CONTRIBUTING.md"


def test_every_file_it_names_exists():
    named = set(re.findall(r"`((?:docs|tests|\.ci|neura)/[\w./-]+\.(?:py|md|txt))`", GUIDE.read_text()))
    named |= set(re.findall(r"(?:pytest|python) ((?:docs|tests|\.ci)/[\w./-]+)", GUIDE.read_text()))
    named = {n for n in named if "NAME" not in n and "N-name" not in n}
    assert len(named) > 8
    assert [n for n in named if not (sitekit.ROOT / n).exists()] == []


def test_readme_links_it():
    assert "(CONTRIBUTING.md)" in (sitekit.ROOT / "README.md").read_text()
