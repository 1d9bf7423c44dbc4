"""The site's pages and their Python blocks.

The pages come from the nav of mkdocs.yml; a page's Python blocks come from pytest-codeblocks'
own reader.
"""

import io
import re
from dataclasses import dataclass
from pathlib import Path

from .boxes import box
from .layout import ROOT

STEP = re.compile(r"\d+-[\w-]+\.md")  # step pages: 1-network.md, 2-forward.md, ...


def nav(project=ROOT):
    """The files the nav of PROJECT's mkdocs.yml lists, in order, as paths below docs/."""
    from mkdocs.utils.yaml import yaml_load  # mkdocs' own loader understands the !ENV tags

    with open(Path(project) / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml_load(f)

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)  # a section
            elif not re.match(r"[a-z]+://", value):  # links to other hosts are not pages
                yield value
    return list(walk(config["nav"]))


def pages(project=ROOT):
    """The site's pages, Markdown and notebooks, as files in docs/, in the nav's order."""
    return [Path(project) / "docs" / name for name in nav(project)]


def step_pages(project=ROOT):
    """The numbered step pages (docs/1-network.md, ...) in the nav's order."""
    return [page for page in pages(project) if STEP.fullmatch(page.name)]


@dataclass(frozen=True)
class Block:
    """One Python block of a page, as pytest-codeblocks reads it."""

    page: Path
    line: int
    code: str
    expected: str | None  # the output the page shows under it, if any
    marks: tuple = ()  # pytest marks written above it, as text: "pytest.mark.xfail(...)"
    boxed: bool = False  # the block sits in a collapsed box (`??? kind "title"`)
    output_boxed: bool = False  # its shown output does (`??? success "Answer"` under a block to predict)

    @property
    def name(self):
        return f"{self.page.name}:{self.line}"

    @property
    def must_fail(self):
        """Marked with pytest.mark.xfail: the page shows it failing on purpose."""
        return any("xfail" in mark for mark in self.marks)

    def problem(self, ok, output):
        """What is wrong with this block, given how it ran alone (ok, output); None if nothing.

        A block marked to fail is judged by its mark (pytest's xfail), so here only whether it ran.
        """
        if not ok:
            return f"{self.name} failed when run alone:\n{output}"
        if self.expected is not None and output != self.expected:
            return f"{self.name} printed\n{output}\nbut its page shows\n{self.expected}"
        return None


MARKER = "pytest-codeblocks:expected-output"


def collapsed(text):
    """The numbers (from 1) of TEXT's lines inside a collapsed box (boxes.py): those under its first line
    that are blank or indented deeper than it."""
    inside, depth = set(), None
    for n, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        if depth is not None and line.strip() and indent <= depth:
            depth = None
        if depth is not None:
            inside.add(n)
        elif (first := box(line)) and first.collapsed:
            depth = first.indent
    return inside


def blocks(page, text=None):
    """The Python blocks of a Markdown page, in order; of TEXT, if given, as if it were PAGE's."""
    from pytest_codeblocks import extract_from_buffer

    text = Path(page).read_text() if text is None else text
    lines, boxed = text.splitlines(), collapsed(text)

    def output_line(b):  # pytest-codeblocks gives a block the first output marked below it
        return next((n for n in range(b.lineno + 1, len(lines) + 1) if MARKER in lines[n - 1]), None)
    return [Block(Path(page), b.lineno, b.code, b.expected_output, tuple(b.marks), b.lineno in boxed,
                  b.expected_output is not None and output_line(b) in boxed)
            for b in extract_from_buffer(io.StringIO(text)) if b.syntax == "python"]
