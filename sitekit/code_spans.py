"""Fewer elements in highlighted code: names and spaces lose the <span> Pygments wraps them in.

Material colours a name (class "n") exactly as the code around it (--md-code-hl-name-color is
--md-code-fg-color in both palettes) and spaces (class "w") not at all, so their spans change nothing
on screen; yet they were a fifth of a step page's elements, and the browser styles every element at
load, several times (Lighthouse's blocking time). tests/site/test_code_spans.py and
tests/browser/test_code_span_looks.py check both claims.
"""

import re

from .finisher import finisher

_PLAIN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def finish(content):
    return _PLAIN.sub(r"\1", content)


makeExtension = finisher(finish, "neura-code-spans", 8)
