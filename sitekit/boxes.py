"""What a box is, and whether it opens collapsed: the one statement of the rule, for a page's Markdown.

Markdown (Material's admonitions, pymdownx.details and pymdownx.tabbed): a box starts with a line
`MARKER kind "title"` (the kind may be several words, the title may go, or the kind when there is a
title, as those extensions read it) and holds the lines below it that are blank or indented deeper.
`!!!` is an admonition, always shown; `???` a box that opens collapsed; `???+` one that opens
expanded; `===` a tab, always shown. `box(line)` reads such a line.
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

