"""Each step page states its reading time under its title, counted at build from the page itself.

The count is .ci/budgets.py's, on the HTML this hook is given: the main path's words at 180 a minute
plus 6 seconds a line of code or output; collapsed boxes are not counted (the reader may skip them).
Registered last, so that it sees the content as the page will show it.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / ".ci"))  # budgets and sitetools
import budgets  # noqa: E402
import sitetools  # noqa: E402


def line(content):
    """The paragraph that states the reading time of CONTENT."""
    words, lines = budgets.count(content)
    mins = budgets.stated(budgets.minutes(words, lines))
    return (f'<p class="{budgets.STATED}"><strong>About {mins} minute{"s" * (mins != 1)} to read</strong>'
            f" ({words:,} words, {lines} lines of code and output). The <em>Look closer</em> and <em>Proof</em>"
            " boxes are optional: open them for more depth or for the evidence.</p>")


def on_page_content(content, page, **kwargs):
    if not sitetools.STEP.fullmatch(Path(page.file.src_uri).name):
        return content
    return content.replace("</h1>", "</h1>\n" + line(content), 1)
