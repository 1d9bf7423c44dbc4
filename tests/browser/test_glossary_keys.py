"""A glossary word in Chromium: a keyboard reaches its meaning, and in a title it keeps its tooltip but
not its underline (tests/site/test_glossary.py: the words in the built pages)."""


def test_a_keyboard_reaches_a_words_meaning(visit):
    """Step 5: the first linked word takes the keyboard focus (a plain link, in the Tab order) and Enter
    opens its glossary entry."""
    v = visit("5-optimizer/")
    link = v.page.locator("article a.neura-term").first
    href = link.get_attribute("href")
    assert link.evaluate("a => a.tabIndex") == 0  # Tab reaches it in the page's order
    link.focus()
    assert v.page.evaluate("document.activeElement.classList.contains('neura-term')")
    v.page.keyboard.press("Enter")
    v.page.wait_for_url("**/glossary/#*")
    assert v.page.url.endswith("glossary/" + href[href.index("#"):])
    heading = v.page.locator(href[href.index("#"):])
    heading.wait_for(state="visible")
    assert 0 <= heading.evaluate("h => h.getBoundingClientRect().top") < v.page.viewport_size["height"]


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
