"""The pages' shown outputs are really checked: change a digit of any, and its block's check fails.

Each block itself is an item of its page (`pytest docs/3-loss.md`, see conftest.py at the root).
"""

import re

import sitekit

PAGES = [page for page in sitekit.pages() if page.suffix == ".md"]
RUN_ALONE = [block for page in PAGES for block in sitekit.blocks(page)]  # asked of `alone` (conftest.py)


def bump_one_digit_per_output(text):
    """The page with the last digit of the first digit-bearing line of each shown output changed."""
    lines, state, changed = text.splitlines(keepends=True), None, 0
    for i, line in enumerate(lines):
        fence = line.lstrip().startswith("```")
        if "pytest-codeblocks:expected-output" in line:
            state = "marker"
        elif state == "marker" and fence:
            state = "output"
        elif state == "output" and fence:
            state = None  # an output without a digit: nothing to change
        elif state == "output" and re.search(r"\d", line):
            j = max(m.start() for m in re.finditer(r"\d", line))
            lines[i] = line[:j] + str((int(line[j]) + 1) % 10) + line[j + 1:]
            changed, state = changed + 1, None
    return "".join(lines), changed


def test_changing_any_digit_of_any_output_fails(alone, tmp_path):
    """Bump one digit in every shown output: the very check each block's item makes must fail each one."""
    changed = caught = 0
    for page in PAGES:
        text, n = bump_one_digit_per_output(page.read_text())
        (tmp_path / page.name).write_text(text)
        changed += n
        caught += sum(b.problem(*alone(b.code)) is not None for b in sitekit.blocks(tmp_path / page.name)
                      if not b.must_fail)  # those fail anyway
    assert changed > 30 and caught == changed
