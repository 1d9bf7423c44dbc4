"""Typeset math at build time: arithmatex marks the TeX, this hook swaps in MathML.

Browsers draw MathML themselves, so pages need no math script, no font and no
request to another host, and math survives Material's instant navigation.
"""

import html
import re

from latex2mathml.converter import convert

# What pymdownx.arithmatex writes in its `generic` mode.
_MATH = re.compile(r'<(span|div) class="arithmatex">\\[(\[](.*?)\\[)\]]</\1>', re.S)


def to_mathml(match):
    """MathML for one element that arithmatex wrote."""
    tag, tex = match.group(1), html.unescape(match.group(2)).strip()
    display = "block" if tag == "div" else "inline"
    mathml = convert(tex, display=display)
    return f'<{tag} class="arithmatex">{mathml}</{tag}>'


def on_page_content(content, **kwargs):
    return _MATH.sub(to_mathml, content)
