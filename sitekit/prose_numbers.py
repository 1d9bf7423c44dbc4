"""Every number in a page's prose is printed by one of its blocks, written in one, or accepted.

    python -m sitekit.prose_numbers [PAGE.md ...]     (no PAGE: every Markdown page of the nav)

prints each offender as `page:line: number  (the line)` and exits 1 if there is any.

Prose is what a reader reads or hears: paragraphs, headings, lists, tables, box titles and figure alt
text. Left out: front matter, fenced blocks (the evidence, see below), inline code, formulas ($..$,
$$..$$), HTML tags, entities and comments, link targets, attribute lists `{ ... }` and addresses.

A number is a run of digits, with one decimal point, an exponent (1e-5, 1.2e-07) or thousands commas
(1,000) allowed; its sign is ignored, and so are digits glued to letters (layer1, 3D, 2nd, W1). Numbers
written in words (four fifths) are not found.

The evidence is the text of every fenced block of the page: its code and its shown outputs. A prose
number passes if some number there has the same value (0.8 = 0.8000, 1e-5 = 1e-05), never a rounding:
prose 0.0051 needs a printed 0.0051, not 0.005123. Print the number at the precision the prose gives it.

A page that runs JavaScript of its own (the live studio's `<script type="module" src="view.js">`) has
that code as evidence too, with every module it imports: the limits its form states are the ones the
code enforces. (The live studio's own limits, which its code reads from limits.json, reach its prose
through placeholders, `<!-- neura:live-... -->`, filled from sitekit/live_data.py: comments, so not
prose.)

Also accepted: the number after "step", "steps" or "question" ("Step 3", "steps 2 and 3",
"Question 2"), before " · " (the nav's "3 · The loss"), the marker of a numbered list ("1. "), and
what docs/numbers.txt lists, one per line: `PAGE-or-* NUMBER  # why` (PAGE from docs/),
e.g. `index.md 3.11  # the oldest Python`. Keep that list short: a reviewer reads it.
"""

import os
import re
import sys
from decimal import Decimal
from pathlib import Path

from .layout import DOCS

NUMBER = re.compile(r"(?<![A-Za-z0-9_.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?(?![A-Za-z0-9_]|\.\d)")
FENCE = re.compile(r"^( *)(`{3,})")
LABELLED = re.compile(r"\b(?:[Ss]teps?|[Qq]uestions?)\s+\d+(?:(?:\s*(?:,|-|–|and|or|to)\s*)\d+)*")
HIDDEN = [  # what is not prose, in the order it is removed
    re.compile(r"\A---\n.*?\n---\n", re.S),  # front matter
    re.compile(r"<!--.*?-->", re.S),  # comments: pytest markers, placeholders
    re.compile(r"^--8<-- .*$", re.M),  # included snippets (what they hold is made, not written)
    re.compile(r"\$\$.*?\$\$", re.S),  # display formulas
    re.compile(r"(?<![\\$])\$[^$\n]+\$"),  # inline formulas
    re.compile(r"\\\(.*?\\\)|\\\[.*?\\\]", re.S),  # formulas in \( \) and \[ \]
    re.compile(r"(`+).+?\1"),  # inline code
    re.compile(r"\]\([^)]*\)"),  # link and image targets
    re.compile(r"\]\[[^\]]*\]"),  # reference links' names
    re.compile(r"^\[[^\]]+\]:.*$", re.M),  # reference definitions
    re.compile(r"</?[A-Za-z][^>]*>"),  # HTML tags with their attributes (on one line or more), autolinks
    re.compile(r"\{[:#.][^}\n]*\}|\{ [#.][^}\n]*\}"),  # attribute lists
    re.compile(r"https?://\S+"),  # bare addresses
    re.compile(r"&#?\w+;"),  # HTML entities: &#9664;
    re.compile(r"\b\d+(?= · )"),  # the nav's labels: "3 · The loss"
    re.compile(r"^\s*\d+\.(?=\s)", re.M),  # numbered lists' markers
    LABELLED,
]


def value(number):
    return Decimal(number.replace(",", ""))


def split(markdown):
    """(prose, evidence): the page's text with its fenced blocks blanked (lines kept), and their text."""
    prose, evidence, fence = [], [], None
    for line in markdown.splitlines():
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(2)
            prose.append("")
        elif fence is not None:
            if line.strip() == fence:
                fence = None
            else:
                evidence.append(line)
            prose.append("")
        else:
            prose.append(line)
    return "\n".join(prose), "\n".join(evidence)


SCRIPT = re.compile(r'<script type="module" src="([^"]+)"')
IMPORT = re.compile(r'import\b[^"\n]*"(\./[^"]+)"|import\("(\./[^"]+)"\)')


def scripts(page, markdown):
    """The text of the modules PAGE loads and of every module they import (read from docs/)."""
    page = Path(page)  # served as a folder: live/index.md as live/, 3-loss.md as 3-loss/
    folder = page.parent if page.name == "index.md" else page.with_suffix("")
    todo, seen, texts = [folder / src for src in SCRIPT.findall(markdown)], set(), []
    while todo:
        path = todo.pop().resolve()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        texts.append(path.read_text())
        todo += [path.parent / (a or b) for a, b in IMPORT.findall(texts[-1])]
    return "\n".join(texts)


def blank(match):
    return re.sub(r"[^\n]", " ", match.group(0))


def prose_of(markdown):
    """The page's prose, each line where it was, everything else blanked; and the evidence."""
    prose, evidence = split(markdown)
    for pattern in HIDDEN:
        prose = pattern.sub(blank, prose)
    return prose, evidence


def accepted(page, path=None):
    """The values that PATH (docs/numbers.txt if not given) accepts on PAGE, named from PATH's folder."""
    path = DOCS / "numbers.txt" if path is None else Path(path)
    name = Path(os.path.relpath(Path(page).resolve(), path.parent.resolve())).as_posix()  # e.g. live/index.md
    found = set()
    if path.exists():
        for line in path.read_text().splitlines():
            fields = line.split("#", 1)[0].split()
            if len(fields) == 2 and fields[0] in ("*", name):
                found.add(value(fields[1]))
    return found


def offenders(page, text=None, numbers=None):
    """[(line, number, the line's text)] for every number in PAGE's prose that nothing justifies."""
    markdown = Path(page).read_text() if text is None else text
    prose, evidence = prose_of(markdown)
    evidence += "\n" + scripts(page, markdown)
    known = {value(n) for n in NUMBER.findall(evidence)} | accepted(page, numbers)
    source = markdown.splitlines()
    return [(i, n, source[i - 1].strip()) for i, line in enumerate(prose.splitlines(), 1)
            for n in NUMBER.findall(line) if value(n) not in known]


def main(args):
    from .pages import pages as site_pages

    pages = [Path(a) for a in args] or [p for p in site_pages() if p.suffix == ".md"]
    bad = 0
    for page in pages:
        for line, number, text in offenders(page):
            print(f"{page}:{line}: {number}  ({text[:100]})")
            bad += 1
    print(f"{bad} number(s) in the prose that no block prints", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
