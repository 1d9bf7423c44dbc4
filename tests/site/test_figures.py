"""Every figure is drawn from the code at build time, into the built site (tests/unit/test_figure_scripts.py:
the scripts themselves)."""

import pytest

from sitekit import figures, layout


@pytest.mark.parametrize("name", figures.names())
def test_every_figure_script_drew_a_figure_with_axes_into_the_site(site, name):
    """The strict build drew each script's figure() (or took it from the cache, keyed on the script)."""
    svg = (site / layout.FIGURES / f"{name}.svg").read_text()
    assert svg.startswith("<?xml") and 'id="axes_1"' in svg
