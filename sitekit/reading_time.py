"""Each step page states its reading time under its title, alone and with its questions, counted at
build from the page itself.

A step page asks for it with `<!-- neura:reading-time -->` under its title. The counts are budgets.py's,
on the page's HTML: the main path's words at 180 a minute plus 6 seconds a line of code or output;
collapsed boxes are not counted (the reader may skip them). With the questions adds the Check yourself
section's answers, counted the same way, and the time to think, predict, run and try what each question
asks (budgets.py says how much). It runs last, so that it sees the content as the page will show it.
"""

import re

from . import budgets
from .finisher import finisher

PLACEHOLDER = "<!-- neura:reading-time -->"


def line(content):
    """The paragraph that states the reading time of CONTENT."""
    words, lines = budgets.count(content)
    mins = budgets.stated(budgets.minutes(words, lines))
    asked = budgets.stated(budgets.with_questions(content))
    return (f'<p class="{budgets.STATED}"><strong>About {mins} minute{"s" * (mins != 1)} to read, about {asked}'
            f" with the questions</strong> ({words:,} words, {lines} lines of code and output; the questions add"
            " their answers and the time to work them out). The <em>Look closer</em> and <em>Proof</em>"
            " boxes are optional: open them for more depth or for the evidence.</p>")


def finish(content):
    if PLACEHOLDER not in content:
        return content
    return re.sub(re.escape(PLACEHOLDER) + r"\n*", lambda _: line(content.replace(PLACEHOLDER, "")) + "\n", content,
                  count=1)


makeExtension = finisher(finish, "neura-reading-time", 1)  # last
