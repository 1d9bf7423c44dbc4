"""The live studio as a learner meets it: the first screen shows her learning, no label is cut whatever
the font, the challenges can be solved, runs sit side by side, and the map of what she thinks is
PyTorch's forward pass."""

import pytest

CONTROLS = ["#live-hidden", "#live-seed", "#live-optimizer", "#live-lr", "#live-epochs"]
PICTURES = ["#live-network", "#live-loss", "#live-predictions"]
FONTS = ["DejaVu Sans", "Liberation Sans"]  # Debian's fonts-dejavu-core and fonts-liberation

BOX = "s => { const b = document.querySelector(s).getBoundingClientRect(); return [b.top, b.bottom, b.left, b.right] }"

# Every text of a picture that reaches outside its picture, as a reader's font draws it.
CUT = """() => [...document.querySelectorAll('.live-card svg')].flatMap(svg => {
    const o = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('text')].filter(t => { const b = t.getBoundingClientRect();
        return b.left < o.left - 0.5 || b.right > o.right + 0.5 || b.top < o.top - 0.5 || b.bottom > o.bottom + 0.5 })
      .map(t => `${svg.id}: ${t.textContent}`) })"""


def studio(browser, server, width, height, query=""):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{server}live/{query}")
    page.wait_for_selector("#live-studio[data-state=done]")
    return page


def inside(box, height):
    top, bottom, _, _ = box
    return 0 <= top and bottom <= height


def test_the_first_screen_shows_the_controls_and_the_pictures_at_1280(browser, server):
    page = studio(browser, server, 1280, 900)
    for selector in CONTROLS + PICTURES:
        assert inside(page.evaluate(BOX, selector), 900), selector
    page.close()


def test_on_a_phone_the_pictures_come_right_after_each_control(browser, server):
    page = studio(browser, server, 390, 844)
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    for selector in CONTROLS:  # the control just under the header, as after tapping it
        page.evaluate("([s, h]) => { const b = document.querySelector(s).getBoundingClientRect();"
                      " window.scrollBy(0, b.top - h - 8) }", [selector, header])
        control = page.evaluate(BOX, selector)
        assert control[0] >= header, selector
        network, loss = page.evaluate(BOX, "#live-network"), page.evaluate(BOX, "#live-loss")
        assert network[0] > control[1] and inside(network, 844), (selector, network)
        assert loss[0] < 844, (selector, loss)  # the loss curve starts on the same screen
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_no_label_is_cut_in_either_font(browser, server, width):
    page = studio(browser, server, width, 900)
    widths = []
    for font in FONTS:
        page.add_style_tag(content=f'.live svg text {{ font-family: "{font}" !important; }}')
        page.click("#live-back")  # drawn again in that font
        page.click("#live-forward")
        widths.append(page.evaluate("[...document.querySelectorAll('#live-network text')]"
                                    ".find(t => t.textContent === 'brush pressure').getComputedTextLength()"))
        assert page.evaluate(CUT) == [], font
    assert widths[0] != widths[1], "the two fonts draw the same widths: one of them is missing"
    page.close()


def test_the_check_finds_a_label_that_does_not_fit(browser, server):
    page = studio(browser, server, 1280, 900)
    page.evaluate("""() => { const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
        t.setAttribute('x', 390); t.setAttribute('y', 20); t.textContent = 'a label far too wide to fit';
        document.querySelector('#live-loss').append(t) }""")
    assert page.evaluate(CUT) == ["live-loss: a label far too wide to fit"]
    page.close()
