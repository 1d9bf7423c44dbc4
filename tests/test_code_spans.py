"""Names and spaces in highlighted code carry no <span> of their own (sitekit/code_spans.py), and
that changes nothing on screen: Material draws them as the code around them, in both palettes."""

import re

import sitekit

LOOKS = ["color", "font-weight", "font-style", "text-decoration-line"]
PROBE = """([kind, looks]) => {
    const code = document.querySelector('article .highlight code');
    const probe = Object.assign(document.createElement('span'), { className: kind, textContent: 'x' });
    code.append(probe);
    const seen = [probe, code].map(e => looks.map(look => getComputedStyle(e).getPropertyValue(look)));
    seen.push(getComputedStyle(probe).backgroundColor);
    probe.remove();
    return seen }"""


def test_no_page_wraps_a_name_or_a_space_of_its_code(site):
    pages = {path: (site / path / "index.html").read_text() for path in sitekit.urls()}
    assert all('<span class="p">' in pages[sitekit.url(step)] for step in sitekit.step_pages())  # still coloured
    for path, html in pages.items():
        assert not re.search(r'<span class="[nw]">', html), path


def test_a_name_or_a_space_in_its_span_would_look_as_the_code_around_it(visit):
    v = visit("1-network/")
    for _ in range(2):
        for kind in ["n", "w"]:  # the classes Pygments gives names and spaces
            wrapped, bare, background = v.page.evaluate(PROBE, [kind, LOOKS])
            assert wrapped == bare, f"{v.scheme()}: .{kind} looks {wrapped}, the code around it {bare} ({LOOKS})"
            assert background == "rgba(0, 0, 0, 0)", f"{v.scheme()}: .{kind} has a background, {background}"
        v.toggle_palette()
