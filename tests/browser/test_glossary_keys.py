"""A glossary word in Chromium: a keyboard and a tap reach its meaning, and in a title it keeps its tooltip
but not its underline (tests/site/test_glossary.py: the words in the built pages)."""


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


AFTER = "a => getComputedStyle(a, '::after').content"


def test_a_tap_on_a_word_shows_its_meaning(browser, server):
    """On a phone (touch, 390 px): a tap on a glossary word shows its meaning as text beside it; a tap
    elsewhere hides it again."""
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server}5-optimizer/", wait_until="networkidle")
    word = page.locator("article p abbr[tabindex]").first
    word.evaluate("a => a.scrollIntoView({block: 'center'})")
    title, before = word.get_attribute("title"), word.bounding_box()
    assert word.evaluate(AFTER) == "none"
    word.tap()
    shown, after = word.evaluate(AFTER), word.bounding_box()
    page.locator("article h1").tap()
    hidden = word.evaluate(AFTER)
    context.close()
    assert shown == f'"{title}"' and hidden == "none", (shown, hidden)
    assert after["width"] > before["width"] or after["height"] > before["height"], (before, after)


def test_the_tab_key_passes_the_words_and_stops_at_their_links(visit):
    """Out of the Tab order (up to 128 words a page): the keyboard reaches a meaning through the first
    use's link, which shows it on focus."""
    page = visit("5-optimizer/").page
    stops = []
    while len(stops) < 400 and not (stops and stops[-1].startswith("A.neura-term")):  # the nav comes first
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.tagName + '.' + document.activeElement.className"))
    assert stops[-1].startswith("A.neura-term"), stops
    assert not any(s.startswith("ABBR") for s in stops), stops
    assert page.evaluate("[...document.querySelectorAll('abbr')].every(a => a.tabIndex < 0)")  # further on too
    assert page.evaluate("getComputedStyle(document.activeElement.querySelector('abbr'), '::after').content") != "none"
