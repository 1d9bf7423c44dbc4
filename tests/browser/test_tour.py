"""Every page of the built site (and the 404 page) visited once in Debian's headless Chromium, as a
reader would, in both palettes (sitekit/browsing.py's visit_every_page): what the tour saw, judged.

- Each page loads clean and offline, with its math and its pictures shown.
- axe-core, Deque's accessibility checker, finds nothing in either palette: every WCAG 2.0, 2.1 and 2.2
  rule of levels A and AA, and its best practices. Lighthouse runs only a subset of these rules, and only
  in the light palette.
- The light/dark toggle switches the palette; figures keep their light paper, quiet text keeps 4.5:1.
- No code or output box hides part of a line on a 1280 px desktop (on a phone, code scrolls in its box), and
  no table hides part of itself.
- Every copy button copies exactly a block that ran: a page's Python block (run alone, once, by the
  `alone` fixture) or a cell of the notebook the build executed.

The tests that judge the tour live in this one module, so that pytest-xdist's loadscope gives them all to
one worker, which makes the tour once. The checks that the checkers catch what they should are beside
their kin: test_browser_axe.py, test_browser_pages.py, test_code_widths.py.
"""

import json
import os

import pytest

import sitekit
from sitekit import browsing

PATHS = sitekit.urls()
PAGES = sitekit.pages()
RUN_ALONE = [block for page in PAGES if page.suffix == ".md" for block in sitekit.blocks(page)]  # asked of `alone`


@pytest.fixture(scope="module")
def tour(browser, server):
    """What a visit to every page saw (browsing.visit_every_page)."""
    return browsing.visit_every_page(browser, server)


@pytest.mark.parametrize("path", PATHS + ["404.html"])  # GitHub Pages shows 404.html for a missing page
def test_page_loads_clean_offline_with_math_and_pictures(tour, path):
    assert tour[path]["problems"] == []


@pytest.mark.parametrize("path", PATHS + ["404.html"])
def test_axe_finds_nothing_in_either_palette(tour, path):
    seen = tour[path]
    why = next((found for found in seen["axe"] if isinstance(found, str)), None)
    if why and os.environ.get("CI") == "true":
        pytest.fail(f"CI needs the accessibility check: {why}")
    if why:
        pytest.skip(why)
    found = [f"{scheme}: {rule} at {element}: {' '.join(summary.split())}"
             for scheme, violations in zip(seen["schemes"], seen["axe"], strict=True)
             for rule, element, summary in violations]
    assert found == [], "\n".join(found)


# The reference and the glossary have no pictures; the live studio draws SVG on its own paper
# (tests/browser/test_live.py checks it).
@pytest.mark.parametrize("path", [p for p in PATHS if p not in ("reference/", "glossary/", "live/")])
def test_palette_toggle_switches_light_and_dark_and_figures_keep_their_paper(tour, path):
    seen = tour[path]
    assert set(seen["schemes"]) == {"default", "slate"}
    first, second = seen["paper"]
    assert first and all(min(rgb) > 235 for rgb in first), first  # light paper under the dark ink
    assert second == first  # and the same in the other palette
    assert seen["problems_after_toggle"] == []


@pytest.mark.parametrize("path", PATHS)
def test_quiet_text_is_readable_in_both_palettes(tour, path):
    for scheme, shown in zip(tour[path]["schemes"], tour[path]["colours"], strict=True):
        assert shown, "no quiet text found to judge"
        low = [(text, round(sitekit.contrast(ink, back), 2)) for text, ink, back in shown
               if sitekit.contrast(ink, back) < 4.5]
        assert low == [], scheme


@pytest.mark.parametrize("path", PATHS)
def test_no_table_hides_part_of_itself_at_1280_px(tour, path):
    """Every table fits the article or sits in a box that scrolls sideways (browsing.CLIPPED); on a phone:
    test_browser_narrow.py."""
    assert tour[path]["clipped"] == []


@pytest.mark.parametrize("path", PATHS)
def test_no_code_box_hides_text_at_1280_px(tour, path):
    hidden = tour[path]["hidden"]
    assert hidden == [], f"{len(hidden)} boxes scroll sideways; their longest lines: {hidden}"


# ---- copy buttons ----

def lines(code):
    """The code's non-blank lines (pytest-codeblocks drops blank lines of indented blocks)."""
    return tuple(line for line in code.splitlines() if line.strip())


@pytest.mark.parametrize("source", PAGES, ids=sitekit.url)
def test_every_code_block_has_a_copy_button(tour, source):
    blocks, texts = tour[sitekit.url(source)]["blocks"], tour[sitekit.url(source)]["copies"]
    assert len(texts) == blocks and all(t.strip() for t in texts)


@pytest.mark.parametrize("source", [p for p in PAGES if p.suffix == ".md"], ids=sitekit.url)
def test_each_python_block_is_copied_as_it_ran_alone(tour, alone, source):
    copied = {lines(text) for text in tour[sitekit.url(source)]["copies"]}
    found = sitekit.blocks(source)
    assert found, "no Python to copy on this page"
    for block in found:
        assert lines(block.code) in copied, f"{block.name}: no copy button copies this block as it ran"
        ok, output = alone(block.code)
        assert ok != block.must_fail, f"{block.name}: {'ran, but it is marked to fail' if ok else output}"


@pytest.mark.parametrize("source", [p for p in PAGES if p.suffix == ".ipynb"], ids=sitekit.url)
def test_each_notebook_cell_is_copied_as_the_build_ran_it(tour, source):
    """The strict build executes the notebook (a failing cell fails it); the page offers what it ran."""
    cells = [lines("".join(c["source"])) for c in json.loads(source.read_text())["cells"] if c["cell_type"] == "code"]
    assert cells and [lines(text) for text in tour[sitekit.url(source)]["copies"]] == cells


@pytest.mark.parametrize("source", PAGES, ids=sitekit.url)
def test_each_code_blocks_buttons_are_named_once_it_is_shown(tour, source):
    """Material gives a block its buttons (in a <nav>) as the block comes on screen; overrides/main.html
    names each after its block, so a screen reader's list of landmarks tells them apart."""
    blocks, names = tour[sitekit.url(source)]["code_navs"]
    assert names == [f"Code block {i + 1}" for i in range(blocks)]
