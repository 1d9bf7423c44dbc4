"""The glossary's words and their meanings, and the "Output" label on every shown output, in the built site.

Each word of docs/includes/abbreviations.md becomes an <abbr> whose title holds its meaning; the browser
shows that title on hover (Material's own tooltips are off: they cost the pages' load a third of its
blocking time).
"""

import html
import re

import pytest
import sitetools

ABBREVIATIONS = sitetools.DOCS / "includes" / "abbreviations.md"
STEPS = sitetools.step_pages()


def meanings():
    """{term: meaning} from the abbreviations that every page gets appended."""
    return dict(re.findall(r"^\*\[([^\]]+)\]: (.+)$", ABBREVIATIONS.read_text(), re.M))


def test_every_abbreviated_word_has_a_glossary_entry():
    entries = [h.lower() for h in re.findall(r"^## (.+)$", (sitetools.DOCS / "glossary.md").read_text(), re.M)]
    assert len(meanings()) >= 15
    for term in meanings():  # "epochs" -> Epoch, "mini-batches" -> Mini-batch, "broadcasts" -> Broadcasting
        stems = {term.lower(), term.lower()[:-1], term.lower()[:-2]}
        assert any(entry.startswith(stem) for entry in entries for stem in stems), f"{term}: not in the glossary"


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.name)
def test_words_carry_their_meaning_on_prose_and_never_inside_code_or_math(site, step):
    page = (site / sitetools.url(step) / "index.html").read_text()
    article = page[page.index("<article"):page.index("</article>")]
    words = re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', article)
    assert words, "no word of the glossary carries its meaning"
    for title, word in words:
        assert html.unescape(title) == meanings()[word], f"{word}: its title is not its meaning"
    for box in re.findall(r"<pre.*?</pre>|<code.*?</code>|<math.*?</math>", article, re.S):
        assert "<abbr" not in box, box[:200]
    assert "*[" not in re.sub(r"<[^>]+>", "", article), "an abbreviation definition leaked into the text"


def test_abbreviations_stay_out_of_the_notebooks_and_the_pages_list(site):
    assert not (site / "includes").exists()
    for notebook in (site / "notebooks").glob("*.ipynb"):
        assert "*[" not in notebook.read_text(), notebook.name


@pytest.mark.parametrize("page", [p for p in sitetools.pages() if p.suffix == ".md"], ids=sitetools.url)
def test_every_shown_output_is_labelled_output(site, page):
    shown = sum(b.expected is not None for b in sitetools.blocks(page))
    html = (site / sitetools.url(page) / "index.html").read_text()
    labelled = re.findall(r'<div class="[^"]*neura-output"><span class="filename">Output</span><pre', html)
    assert len(labelled) == shown


def test_a_glossary_word_in_a_title_keeps_its_tooltip_but_not_its_underline(visit):
    """Step 5 has glossary words in its title, its headings, a box's title and its prose."""
    v = visit("5-optimizer/")
    found = v.page.evaluate("""() => [...document.querySelectorAll('article abbr')].map(a => [
        !!a.closest('h1, h2, h3, h4, h5, h6, .admonition-title, summary'),
        getComputedStyle(a).borderBottomStyle, a.title !== ''])""")
    in_titles = {(style, tooltip) for in_title, style, tooltip in found if in_title}
    elsewhere = {(style, tooltip) for in_title, style, tooltip in found if not in_title}
    assert in_titles == {("none", True)}, in_titles
    assert elsewhere == {("dotted", True)}, elsewhere
