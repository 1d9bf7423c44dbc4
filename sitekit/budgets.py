"""The main path of a step page: its words and the minutes it takes to read.

    python -m sitekit.budgets --site DIR     (DIR: a built site, `mkdocs build -d DIR`)

prints each step page's words, lines of code and output, and minutes, then the total.

The main path is the page as it opens: everything outside collapsed boxes (boxes.py: a <details>
without `open`). Its words are those of the prose, headings, tables and admonitions; code blocks and
shown outputs (<pre>, with their "Output" title), formulas (<math>), figures and the reading time
itself are left out; inline code in a sentence counts as words, and so does every tab of a tabbed block. A
word is a run of non-space characters with at least one letter or digit. Reading time: WORDS / 180
minutes, plus 6 seconds for each non-blank line of code or output on the main path. The extension
reading_time.py counts the same HTML the same way, and the tests hold each step to its
budgets.
"""

import html
import re
import sys

from . import boxes

WORDS_PER_MINUTE = 180
SECONDS_PER_LINE = 6
MAX_WORDS = 1000  # a step's main path
MAX_MINUTES = 90  # the seven steps together
STATED = "neura-reading-time"  # the class of the paragraph that states a page's reading time

PRE = re.compile(r"<pre[\s>].*?</pre>", re.S)
LEFT_OUT = re.compile(r'<math[\s>].*?</math>|<figure[\s>].*?</figure>|<span class="filename">[^<]*</span>'
                      rf'|<p class="{STATED}">.*?</p>|<span class="neura-sr-only">[^<]*</span>', re.S)
TAG = re.compile(r"<[^>]+>")


def main_path(content):
    """CONTENT (a page's HTML) without its collapsed boxes; open boxes keep their content, in a <div>."""
    edits, cut = [], 0  # (start, end, what replaces it); the end of the last box cut
    for box in sorted(boxes.details(content), key=lambda b: b.start):
        if box.start < cut:
            continue  # inside a collapsed box, which goes whole
        if box.collapsed:
            edits.append((box.start, box.end, ""))
            cut = box.end
        else:
            edits += [(box.start, box.body, "<div>"), (box.close, box.end, "</div>")]
    for start, end, text in sorted(edits, reverse=True):
        content = content[:start] + text + content[end:]
    return content


def count(content):
    """(words, lines of code and output) on the main path of CONTENT, a page's HTML."""
    shown = main_path(content)
    lines = sum(1 for block in PRE.findall(shown) for line in html.unescape(TAG.sub("", block)).splitlines()
                if line.strip())
    text = html.unescape(TAG.sub(" ", LEFT_OUT.sub(" ", PRE.sub(" ", shown))))
    return sum(1 for word in text.split() if re.search(r"\w", word)), lines


def minutes(words, lines):
    return words / WORDS_PER_MINUTE + lines * SECONDS_PER_LINE / 60


def stated(minutes):
    """How a page states its reading time, in whole minutes."""
    return max(1, round(minutes))


def article(page_html):
    """The content of a built page: what its <article> holds."""
    start = page_html.index(">", page_html.index("<article")) + 1
    return page_html[start:page_html.index("</article>")]


def table(site):
    """[(step page's address, words, lines, minutes)] of the built site in folder SITE."""
    from .layout import built, url
    from .pages import step_pages

    rows = []
    for page in step_pages():
        words, lines = count(article(built(site, page).read_text()))
        rows.append((url(page), words, lines, minutes(words, lines)))
    return rows


def main(args):
    if len(args) != 2 or args[0] != "--site":
        sys.exit(__doc__.split("\n\n")[1])
    rows = table(args[1])
    print(f"{'step':16} {'words':>6} {'lines':>6} {'minutes':>8}")
    for name, words, lines, mins in rows:
        flag = f"  over {MAX_WORDS:,} words" if words > MAX_WORDS else ""
        print(f"{name:16} {words:6} {lines:6} {mins:8.1f}{flag}")
    total = sum(r[3] for r in rows)
    flag = f"  over {MAX_MINUTES} minutes" if total > MAX_MINUTES else ""
    print(f"{'total':16} {sum(r[1] for r in rows):6} {sum(r[2] for r in rows):6} {total:8.1f}{flag}")


if __name__ == "__main__":
    main(sys.argv[1:])
