"""An inline formula is cut into pieces where TeX would break its line (sitekit/mathml.py)."""

from sitekit import mathml


def test_an_inline_formula_is_cut_where_tex_breaks_a_line_outside_brackets_and_bars():
    assert mathml.pieces(r"\lvert t - 0.5 \rvert = \max(0, t - 0.5) + \max(0, 0.5 - t)") == [
        r"\lvert t - 0.5 \rvert =", r"\max(0, t - 0.5) +", r"\max(0, 0.5 - t)"]
    assert mathml.pieces(r"-x^{-1} = |a - b|") == [r"-x^{-1} =", "|a - b|"]
