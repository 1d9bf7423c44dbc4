"""CONTRIBUTING.md's example blocks run alone and print what they show."""

import re

import sitekit

GUIDE = sitekit.ROOT / "CONTRIBUTING.md"
EXAMPLES = [b for text in re.findall(r"````text\n(.*?)````", GUIDE.read_text(), re.S)
            for b in sitekit.blocks(GUIDE, text=text)]
RUN_ALONE = EXAMPLES  # asked of `alone`: run in the first batch (conftest.py)


def test_example_blocks_print_their_expected_output(alone):
    assert len(EXAMPLES) >= 2
    for example in EXAMPLES:
        assert example.expected and example.problem(*alone(example.code)) is None
