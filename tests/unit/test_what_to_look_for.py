"""Each claim under "What to look for" on a step page is tied to a block that prints its evidence.

The rule, for every step page:
- the page has a "## What to look for" section; each top-level bullet in it is one claim;
- the evidence is the shown output of every block on the page up to the end of that section, except
  an output shown inside a collapsed box (`???`): the section stands on the main path, which a
  learner reads without opening the boxes;
- each claim cites at least one value the evidence prints: a number with a decimal point or of two
  digits or more, or a code span such as `[2, 3]` or `None` that appears in an output;
- every such number a claim cites is printed by the evidence (at the precision the claim gives it).
So a claim cannot quote a number that no block printed, and removing a claim's block fails it.
"""

import re
import textwrap

import pytest

import sitekit

NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?")


def section(text, title="What to look for"):
    """(the section's Markdown, the line number just past its end)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"## {title}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start + 1:end]), end + 1


def claims(markdown):
    """The section's top-level bullets, each with its continuation lines, links' targets dropped."""
    found = []
    for line in markdown.splitlines():
        if line.startswith("- "):
            found.append(line[2:])
        elif found and line.startswith("  ") and line.strip():
            found[-1] += " " + line.strip()
        elif found and (not line.strip() or line.startswith(("```", "|", "<!--"))):
            found[-1] += "\n"  # the bullet ended
    return [re.sub(r"\]\([^)]*\)", "]", c.strip()) for c in found]


def strong(number):
    """A number specific enough to count as evidence: a decimal, or two digits or more."""
    return "." in number or "e" in number or len(number.lstrip("-")) >= 2


def printed(number, evidence):
    """Whether EVIDENCE prints NUMBER at the precision it is written with."""
    x = float(number)
    decimals = len(number.split(".")[1].split("e")[0]) if "." in number else 0
    for y in map(float, NUMBER.findall(evidence)):
        if "e" in number and x and abs(y - x) <= 0.05 * abs(x):
            return True
        if "e" not in number and abs(y - x) <= 0.5 * 10 ** -decimals + 1e-12:
            return True
    return False


def problems(claim, evidence):
    """What ties CLAIM to no evidence, as sentences; [] if it is tied."""
    numbers = [n for n in NUMBER.findall(re.sub(r"`[^`]*`|\$[^$]*\$", " ", claim)) if strong(n)]
    numbers += [n for span in re.findall(r"\$([^$]*)\$", claim) for n in NUMBER.findall(span) if strong(n)]
    missing = [n for n in numbers if not printed(n, evidence)]
    spans = [s for s in re.findall(r"`([^`]+)`", claim) if s in evidence]
    found = [n for n in numbers if n not in missing] + spans
    out = [f"cites {n}, which no block above it prints on the main path" for n in missing]
    if not found:
        out.append("cites no value that a block prints")
    return out


def check(page, text=None):
    text = page.read_text() if text is None else text
    body, end = section(text)
    evidence = "\n".join(b.expected for b in sitekit.blocks(page, text)
                         if b.expected and b.line < end and not b.output_boxed)
    return {c[:60]: p for c in claims(body) if (p := problems(c, evidence))}, len(claims(body))


@pytest.mark.parametrize("page", sitekit.step_pages(), ids=lambda p: p.name)
def test_every_claim_cites_what_a_block_prints(page):
    found, count = check(page)
    assert count >= 2, "a step page needs a 'What to look for' with its claims"
    assert found == {}
    assert "grew from" not in section(page.read_text())[0], "the learner never saw the tutorial it grew from"


@pytest.mark.parametrize("page", sitekit.step_pages(), ids=lambda p: p.name)
def test_the_rule_fails_a_claim_without_its_evidence(page, tmp_path):
    """The same page with every shown output emptied: every claim fails; a made-up number fails too."""
    text = page.read_text()
    blank = re.sub(r"(<!--pytest-codeblocks:expected-output-->\n( *)```text\n).*?(\n\2```)", r"\1\2-\3",
                   text, flags=re.S)
    copy = tmp_path / page.name
    copy.write_text(blank)
    found, count = check(copy)
    assert len(found) == count
    body, _ = section(text)
    made_up = text.replace(body, body.rstrip() + "\n- Her loss is 0.123456 here.\n")
    copy.write_text(made_up)
    before = check(page)[0]  # what the page itself fails, if anything (test_every_claim... names it)
    assert [v for k, v in check(copy)[0].items() if k not in before] == [
        ["cites 0.123456, which no block above it prints on the main path", "cites no value that a block prints"]]


BLOCK = """```python
print(0.5239)
```"""
OUTPUT = """<!--pytest-codeblocks:expected-output-->
```text
0.5239
```"""


def sample(*parts):
    """A step page of PARTS, then a What to look for whose two claims cite what BLOCK prints."""
    claims = "## What to look for\n\n- Her loss is 0.5239.\n- Again, 0.5239.\n"
    return "\n\n".join(["# Step 9 · A sample", *parts, claims])


def box(title, text):
    return f"??? {title}\n\n" + textwrap.indent(text, "    ")


def test_a_number_that_only_a_collapsed_box_prints_is_no_evidence(tmp_path):
    page = tmp_path / "9-sample.md"
    shown = sample(f"{BLOCK}\n{OUTPUT}")
    in_proof = sample(box('note "Proof: the loss"', f"{BLOCK}\n{OUTPUT}"))
    in_answer = sample(BLOCK, box('success "Answer"', OUTPUT))
    assert check(page, shown) == ({}, 2)
    read = lambda text: [(b.boxed, b.output_boxed, b.expected) for b in sitekit.blocks(page, text)]  # noqa: E731
    assert read(in_proof) == [(True, True, "0.5239\n")]
    assert read(in_answer) == [(False, True, "0.5239\n")]
    assert len(check(page, in_proof)[0]) == len(check(page, in_answer)[0]) == 2
