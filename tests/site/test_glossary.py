"""The glossary's words and their meanings, and the "Output" label on every shown output, in the built site.

Each word of docs/includes/abbreviations.md becomes an <abbr> whose title holds its meaning; the browser
shows that title on hover (Material's own tooltips are off: they cost the pages' load a third of its
blocking time). On each page the first use of each word links to its glossary entry
(sitekit/glossary_links.py), so that a keyboard, a touch or a screen reader reaches the meaning too.
"""

import html
import posixpath
import re

import pytest

import sitekit
from sitekit import glossary_links, layout

STEPS = sitekit.step_pages()
meanings = glossary_links.meanings


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.name)
def test_words_carry_their_meaning_on_prose_and_never_inside_code_or_math(site, step):
    page = layout.built(site, step).read_text()
    article = page[page.index("<article"):page.index("</article>")]
    words = re.findall(r'<abbr title="([^"]+)"[^>]*>([^<]+)</abbr>', article)
    assert words, "no word of the glossary carries its meaning"
    for title, word in words:
        assert html.unescape(title) == meanings()[word], f"{word}: its title is not its meaning"
    for box in re.findall(r"<pre.*?</pre>|<code.*?</code>|<math.*?</math>", article, re.S):
        assert "<abbr" not in box, box[:200]
    assert "*[" not in re.sub(r"<[^>]+>", "", article), "an abbreviation definition leaked into the text"


LINKED = re.compile(r'<a class="neura-term" href="([^"#]*)#([^"]+)">(<abbr title="[^"]*">([^<]+)</abbr>)</a>')


def uses(article):
    """[(anchor, on the main path, linked)] of each glossary word in ARTICLE outside headings, box titles
    and links (but its own), in order."""
    away = [m.span() for m in glossary_links.AWAY.finditer(article) if not m[0].startswith('<a class="neura-term"')]
    boxes = glossary_links.collapsed(article)
    linked = {m.start(3) for m in LINKED.finditer(article)}
    found = []
    for use in re.finditer(r"<abbr[^>]*>([^<]+)</abbr>", article):
        if not any(a <= use.start() < b for a, b in away):
            boxed = any(a <= use.start() < b for a, b in boxes)
            found.append((glossary_links.entry(use[1], ENTRIES), not boxed, use.start() in linked))
    return found


ENTRIES = glossary_links.entries((sitekit.DOCS / "glossary.md").read_text())
LINKABLE = [p for p in sitekit.pages() if p.suffix == ".md" and p.name != "glossary.md"]


@pytest.mark.parametrize("page", LINKABLE, ids=sitekit.url)
def test_each_pages_first_use_of_a_word_links_to_its_glossary_entry(site, page):
    built = layout.built(site, page).read_text()
    article = built[built.index("<article"):built.index("</article>")]
    glossary = layout.built(site, glossary_links.GLOSSARY).read_text()
    links = LINKED.findall(article)
    for href, anchor, _, word in links:
        assert posixpath.normpath(posixpath.join(sitekit.url(page), href)) == "glossary", href
        assert f'id="{anchor}"' in glossary, f"{word}: no entry #{anchor} in the glossary"
        assert anchor == glossary_links.entry(word, ENTRIES), f"{word}: linked to #{anchor}"
    anchors = [a for _, a, _, _ in links]
    assert len(anchors) == len(set(anchors)), "a word is linked twice on one page"
    found = uses(article)
    assert {a for a, *_ in found} == set(anchors), "a word used here is not linked, or a link is not a use"
    for anchor in anchors:
        mine = [(main, linked) for a, main, linked in found if a == anchor]
        first = next((u for u in mine if u[0]), mine[0])  # the first use on the main path, if there is one
        assert first[1], f"#{anchor}: the link is not on the first use"


@pytest.mark.parametrize("page", LINKABLE, ids=sitekit.url)
def test_a_word_takes_the_focus_unless_in_a_title_or_a_link(site, page):
    """A tap focuses a glossary word (the Tab key passes it), so that it shows its meaning (neura.css); never
    one in a heading, a box's title or a link, which would put a control inside another."""
    built = layout.built(site, page).read_text()
    article = built[built.index("<article"):built.index("</article>")]
    away = [m.span() for m in glossary_links.AWAY.finditer(article)]
    for use in re.finditer(r"<abbr[^>]*>([^<]+)</abbr>", article):
        titled = any(a <= use.start() < b for a, b in away)
        assert ('tabindex="-1"' in use[0]) != titled, use[0]


def test_abbreviations_stay_out_of_the_notebooks_and_the_pages_list(site):
    assert not (site / layout.INCLUDES).exists()
    for notebook in (site / layout.NOTEBOOKS).glob("*.ipynb"):
        assert "*[" not in notebook.read_text(), notebook.name


@pytest.mark.parametrize("page", [p for p in sitekit.pages() if p.suffix == ".md"], ids=sitekit.url)
def test_every_shown_output_is_labelled_output(site, page):
    shown = sum(b.expected is not None for b in sitekit.blocks(page))
    html = layout.built(site, page).read_text()
    labelled = re.findall(r'<div class="[^"]*neura-output"><span class="filename">Output</span><pre', html)
    assert len(labelled) == shown
