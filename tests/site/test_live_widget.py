"""The live studio in the built site: its own code is small and loaded by its page alone, and each challenge
links to a heading that explains it."""

import gzip

import pytest

from sitekit import layout, studio

BUDGET = 40 * 1024  # issue 26's, for the widget with its pass view (issue 19's was 30 KiB)


def test_the_widget_is_small_and_only_on_its_page(site):
    live = site / layout.LIVE
    widget = sorted(p.name for p in live.iterdir() if p.suffix in {".js", ".css", ".json"})
    sizes = {name: len(gzip.compress((live / name).read_bytes())) for name in widget}
    print(f"\nthe live studio's own code, gzipped: {sum(sizes.values())} bytes {sizes}")
    assert {"view.js", "trainer.js", "live.css", "challenges.js", "heatmap.js", "gallery.js"} <= set(sizes)
    assert sum(sizes.values()) <= BUDGET, sizes
    for page in site.rglob("*.html"):
        if page != layout.built(site, studio.PAGE):
            assert not any(name in page.read_text() for name in widget), page


@pytest.mark.parametrize("ch", studio.challenges(), ids=lambda ch: ch["id"])
def test_each_challenge_links_to_a_heading_that_explains_it(site, ch):
    address, anchor = ch["step"][0].split("#")
    assert f'id="{anchor}"' in (site / address / "index.html").read_text()
