"""A name or a space of highlighted code, which carries no <span> of its own (sitekit/code_spans.py), would
look the same in one: Material draws them as the code around them, in both palettes."""

LOOKS = ["color", "font-weight", "font-style", "text-decoration-line"]
PROBE = """([kind, looks]) => {
    const code = document.querySelector('article .highlight code');
    const probe = Object.assign(document.createElement('span'), { className: kind, textContent: 'x' });
    code.append(probe);
    const seen = [probe, code].map(e => looks.map(look => getComputedStyle(e).getPropertyValue(look)));
    seen.push(getComputedStyle(probe).backgroundColor);
    probe.remove();
    return seen }"""


def test_a_name_or_a_space_in_its_span_would_look_as_the_code_around_it(visit):
    v = visit("1-network/")
    for _ in range(2):
        for kind in ["n", "w"]:  # the classes Pygments gives names and spaces
            wrapped, bare, background = v.page.evaluate(PROBE, [kind, LOOKS])
            assert wrapped == bare, f"{v.scheme()}: .{kind} looks {wrapped}, the code around it {bare} ({LOOKS})"
            assert background == "rgba(0, 0, 0, 0)", f"{v.scheme()}: .{kind} has a background, {background}"
        v.toggle_palette()
