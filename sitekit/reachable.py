"""Boxes that scroll sideways, reachable by keyboard; empty table headers, named.

A display formula and a notebook's code cell scroll sideways when wider than the page (on a phone,
most of them); a reader without a mouse can scroll them only once they take the focus. pandas leaves
the header above a table's index empty; screen readers then announce a column without a name.
Material's own scrolling boxes (tables, code blocks) are handled in overrides/main.html and by Material.
"""

import re

from .finisher import finisher

SCROLLERS = re.compile(r'<div class="(arithmatex|highlight-ipynb[^"]*)">')  # the notebook page's cells too
EMPTY_HEADER = re.compile(r"<th></th>")


def finish(content):
    content = SCROLLERS.sub(r'<div class="\1" tabindex="0">', content)
    return EMPTY_HEADER.sub('<th><span class="neura-sr-only">row</span></th>', content)


makeExtension = finisher(finish, "neura-reachable", 7)
