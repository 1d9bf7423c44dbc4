"""The built site in Debian's headless Chromium: the six "next" links with instant navigation; search; and
a broken page the checker must catch (test_tour.py: every page loads clean, offline, with its math and
pictures).
"""

import sitekit
from sitekit import layout

STEPS = [sitekit.url(page) for page in sitekit.step_pages()]


def test_next_links_walk_every_step_with_instant_navigation(visit):
    v = visit("")
    v.page.evaluate("window.neuraMarker = 'still the first page load'")
    for number, step in enumerate(STEPS, 1):
        v.page.click("a.md-footer__link--next")
        v.page.wait_for_url(f"**/{step}")
        v.page.wait_for_function("n => document.querySelector('article h1').textContent.startsWith(`Step ${n}`)",
                                 arg=number)  # the new page's content is in place
        assert v.page.evaluate("window.neuraMarker") == "still the first page load"  # no full reload
        assert v.problems() == [], step
    assert len(STEPS) >= 6


def test_search_finds_the_backpropagation_step(visit):
    v = visit("")
    v.page.click(".md-search__input")
    v.page.keyboard.type("backpropagation", delay=20)  # Material searches on key events
    v.page.wait_for_selector(".md-search-result__item", state="attached")
    links = v.page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.href)")
    assert any("/4-backprop/" in link for link in links)


def test_checker_catches_a_broken_page(site, visit):
    page = layout.built(site, "broken.md")  # a page of its own, served with the site
    page.parent.mkdir(exist_ok=True)
    page.write_text(
        "<html><body><article><p>$$x$$</p><img src='missing.png' alt='gone'>"
        "<img src='https://example.com/x.png' alt='far away'>"
        "<script>console.error('boom')</script></article></body></html>")
    problems = " | ".join(visit(layout.url("broken.md")).problems())
    for kind in ["console error: boom", "image not loaded", "request to another host: https://example.com/x.png",
                 "raw TeX"]:
        assert kind in problems
