"""Label every shown output as output: the fence after an expected-output marker gets a title bar.

The Markdown stays as pytest-codeblocks reads it (a bare ```text fence after the marker); the label is
added to the HTML only, as the same title bar Material draws for a fence's `title`.
"""

import re

from .finisher import finisher

# The marker survives into the HTML as a comment, right before the fence's <div>.
_SHOWN = re.compile(r'(<!--\s*pytest-codeblocks:expected-output\s*-->\s*<div class="(?:language-\w+ )?highlight)">')


def finish(content):
    return _SHOWN.sub(r'\1 neura-output"><span class="filename">Output</span>', content)


makeExtension = finisher(finish, "neura-output-label", 9)
