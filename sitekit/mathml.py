"""Typeset math at build time: arithmatex marks the TeX, this extension swaps in MathML.

Browsers draw MathML themselves, so pages need no math script and no request to
another host, and math survives Material's instant navigation; the font it is drawn
in is served with the site (math_font.py).
A browser never breaks a line inside a <math>, so an inline formula becomes one
<math> per piece, cut where TeX itself would break a line: after a relation
(=, <, ≈, ≤ ...), + or - outside brackets. On a phone a long formula then wraps
with the prose.
"""

import html
import re

from latex2mathml.converter import convert

from .finisher import finisher

# What pymdownx.arithmatex writes in its `generic` mode.
_MATH = re.compile(r'<(span|div) class="arithmatex">\\[(\[](.*?)\\[)\]]</\1>', re.S)
_TOKEN = re.compile(r"\\[a-zA-Z]+|\\.|\S")
OPEN, CLOSE = {"{", "(", "[", r"\left", r"\lvert"}, {"}", ")", "]", r"\right", r"\rvert"}
BREAKS = {"=", "+", "-", "<", ">", r"\approx", r"\ne", r"\le", r"\ge"}


def pieces(tex):
    """TeX cut after each relation (BREAKS), + or - outside brackets and bars; not after a sign
    (a leading minus, one after ^ or _, or one after another break)."""
    cuts, depth, bars, last = [], 0, False, None
    for m in _TOKEN.finditer(tex):
        token = m.group()
        depth += (token in OPEN) - (token in CLOSE)
        bars ^= token == "|"
        if token in BREAKS and depth == 0 and not bars and last not in {None, "^", "_", *BREAKS}:
            cuts.append(m.end())
        last = token
    return [tex[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(tex)], strict=True) if tex[a:b].strip()]


def to_mathml(match):
    """MathML for one element that arithmatex wrote."""
    tag, tex = match.group(1), html.unescape(match.group(2)).strip()
    if tag == "div":
        return f'<div class="arithmatex">{convert(tex, display="block")}</div>'
    parts = [convert(p) for p in pieces(tex)]
    # A piece's last sign still sits between two terms: spaced as one (alone it would be a postfix).
    parts = [re.sub(r"<mo>(?!.*<mo>)", '<mo form="infix">', p, flags=re.S) for p in parts[:-1]] + parts[-1:]
    return f'<span class="arithmatex">{"<wbr>".join(parts)}</span>'


def finish(content):
    return _MATH.sub(to_mathml, content)


makeExtension = finisher(finish, "neura-mathml", 10)  # first: the others then see <math>, not TeX
