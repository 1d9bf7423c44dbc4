"""What a box is, and whether it opens collapsed: the one statement of the rule, for a page's Markdown
and for its HTML.

Markdown (Material's admonitions, pymdownx.details and pymdownx.tabbed): a box starts with a line
`MARKER kind "title"` (the kind may be several words, the title may go, or the kind when there is a
title, as those extensions read it) and holds the lines below it that are blank or indented deeper.
`!!!` is an admonition, always shown; `???` a box that opens collapsed; `???+` one that opens
expanded; `===` a tab, always shown. `box(line)` reads such a line.

HTML: pymdownx.details renders `???` and `???+` as a <details>, which opens collapsed unless it has
the attribute `open`. `details(content)` finds them, nested ones too.
"""

import re
from dataclasses import dataclass

MARKERS = {"!!!": False, "???": True, "???+": False, "===": False}  # {marker: its box opens collapsed}
LINE = re.compile(rf'^( *)({"|".join(map(re.escape, sorted(MARKERS, key=len, reverse=True)))}) ?'
                  r'(?:([\w-]+(?: +[\w-]+)*)(?: +"(.*?)")?|"(.*?)") *$')


@dataclass(frozen=True)
class Box:
    """A box of a page's Markdown, as its first line states it."""

    indent: int  # the spaces before its marker
    marker: str  # "!!!", "???", "???+" or "==="
    kind: str  # "note", "success", ... (words, if several); "" for a tab
    title: str  # "" if it has none

    @property
    def collapsed(self):
        return MARKERS[self.marker]


def box(line):
    """The Box whose first line is LINE (a line of Markdown), or None."""
    found = LINE.match(line)
    return Box(len(found[1]), found[2], found[3] or "", found[4] or found[5] or "") if found else None


TAG = re.compile(r"<details(\s[^>]*)?>|</details>")
VALUE = re.compile(r"""=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)""")


@dataclass(frozen=True)
class Details:
    """A <details> box of a page's HTML: where its tags are, and whether it opens collapsed."""

    start: int  # where its <details ...> starts
    body: int  # where that tag ends: its summary and content follow
    close: int  # where its </details> starts
    end: int  # where that tag ends
    collapsed: bool


def collapsed(attributes):
    """Whether a <details> with ATTRIBUTES (the text between `<details` and `>`) opens collapsed: it has no
    attribute `open` (`open`, `open=""` or `open="open"`)."""
    return "open" not in VALUE.sub(" ", attributes).lower().split()


def details(content):
    """The <details> boxes of CONTENT (HTML), nested ones too, in the order they close; a tag without
    its partner is left out."""
    found, opened = [], []
    for tag in TAG.finditer(content):
        if tag[0] != "</details>":
            opened.append(tag)
        elif opened:
            start = opened.pop()
            found.append(Details(start.start(), start.end(), tag.start(), tag.end(), collapsed(start[1] or "")))
    return found
