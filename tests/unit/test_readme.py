"""The README's two commands are the ones CI runs and the home page shows."""

import re

from sitekit import ROOT


def shell_commands(path):
    return re.findall(r"```shell\n(.*?)\n```", path.read_text(), re.S)


def test_readme_starts_with_the_serve_and_the_test_command():
    serve, test = shell_commands(ROOT / "README.md")[:2]
    assert serve.endswith("mkdocs serve --dirty") and test.endswith("python -m pytest")


def test_ci_runs_exactly_the_readme_test_command():
    test = shell_commands(ROOT / "README.md")[1]
    assert test in (ROOT / ".ci" / "run").read_text().splitlines()


def test_home_page_shows_the_same_two_commands():
    assert shell_commands(ROOT / "docs" / "index.md") == shell_commands(ROOT / "README.md")[:2]
