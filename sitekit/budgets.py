"""The main path of a step page: its words and the minutes it takes to read; and the minutes it takes
with its questions.

    python -m sitekit.budgets --site DIR     (DIR: a built site, `mkdocs build -d DIR`)

prints each step page's words, lines of code and output, minutes, and minutes with the questions, then
the totals.

The main path is the page as it opens: everything outside collapsed boxes (boxes.py: a <details>
without `open`). Its words are those of the prose, headings, tables and admonitions; code blocks and
shown outputs (<pre>, with their "Output" title), formulas (<math>), figures and the reading time
itself are left out; inline code in a sentence counts as words, and so does every tab of a tabbed block. A
word is a run of non-space characters with at least one letter or digit. Reading time: WORDS / 180
minutes, plus 6 seconds for each non-blank line of code or output on the main path. A step's main path
is at most 1,000 words, and the seven steps read in at most 90 minutes.

With the questions: the reading time, plus the rest of the "Check yourself" section (from its <h2> to
the next <h2>), its collapsed answers counted as the main path is (words at 180 a minute, 6 seconds a
line of code or output), plus the time to do what each question asks, read from what she sees of it
before opening anything (its main path, up to the next question):

- 30 seconds a question (THINK_SECONDS): to answer it in her head before she opens its answer;
  reading it is already counted.
- 60 seconds more if it asks for a prediction or a result worked out first (PREDICT_SECONDS; its words
  say "before you run it", "work it out", "by hand" or "guess"): a shape, a sign or a small sum,
  written down.
- 30 seconds a code block it shows (RUN_SECONDS; a shown output is not one): copy it, run it, set the
  output beside her prediction; its lines are already counted at 6 seconds.
- 90 seconds a link to the live studio in it (LIVE_SECONDS, a `live-link`): the studio opens with the
  run, plays it (200 or 300 epochs), and she drags the slider or changes what the question asks.

The constants are the low end of a beginner's pace. They leave out the Look closer and Proof boxes
(optional, as the page says), re-reading, what the answers offer (their blocks print their outputs under
them; their live links are extras) and installing Python. A beginner measured 19-28 minutes a step with
the questions, the boxes she opened and her re-reading (issue 27); these counts give 19-28 for the seven
steps without those, so larger constants would overshoot her (30 seconds to think was 60 at first,
which gave up to 30 minutes). A step with its questions takes at most 30 minutes, one sitting
(MAX_MINUTES_WITH_QUESTIONS). The extension reading_time.py counts the same HTML the same way, and the
tests hold each step to its budgets.
"""

import html
import re
import sys
from typing import NamedTuple

from . import boxes

WORDS_PER_MINUTE = 180
SECONDS_PER_LINE = 6
MAX_WORDS = 1000  # a step's main path
MAX_MINUTES = 90  # the seven steps together, main path
THINK_SECONDS = 30  # each question
PREDICT_SECONDS = 60  # more, for a question that asks for a prediction or a worked result first
RUN_SECONDS = 30  # each code block a question shows
LIVE_SECONDS = 90  # each link to the live studio in a question
MAX_MINUTES_WITH_QUESTIONS = 30  # a step with its questions: one sitting
STATED = "neura-reading-time"  # the class of the paragraph that states a page's reading time

PRE = re.compile(r"<pre[\s>].*?</pre>", re.S)
LEFT_OUT = re.compile(r'<math[\s>].*?</math>|<figure[\s>].*?</figure>|<span class="filename">[^<]*</span>'
                      rf'|<p class="{STATED}">.*?</p>|<span class="neura-sr-only">[^<]*</span>', re.S)
TAG = re.compile(r"<[^>]+>")
SECTION = re.compile(r'<h2 id="check-yourself".*?(?=<h2[\s>]|\Z)', re.S)  # the questions, to the next <h2>
QUESTION = re.compile(r"<strong>Question \d+\.</strong>")
ANSWER = re.compile(r'<details class="success">\s*<summary>Answer</summary>')
PREDICT = re.compile(r"\bbefore you run it\b|\bwork(?: it)? out\b|\bby hand\b|\bguess", re.I)
CODE = re.compile(r'<div class="(?:language-[\w-]+ )?highlight">')  # a code block; an output's div has more
LIVE = re.compile(r"""<a\s[^>]*class=["'][^"']*\blive-link\b""")


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


def counted(shown):
    """(words, lines of code and output) of SHOWN, HTML counted whole, collapsed boxes too."""
    lines = sum(1 for block in PRE.findall(shown) for line in html.unescape(TAG.sub("", block)).splitlines()
                if line.strip())
    text = html.unescape(TAG.sub(" ", LEFT_OUT.sub(" ", PRE.sub(" ", shown))))
    return sum(1 for word in text.split() if re.search(r"\w", word)), lines


def count(content):
    """(words, lines of code and output) on the main path of CONTENT, a page's HTML."""
    return counted(main_path(content))


def minutes(words, lines):
    return words / WORDS_PER_MINUTE + lines * SECONDS_PER_LINE / 60


def stated(minutes):
    """How a page states its reading time, in whole minutes."""
    return max(1, round(minutes))


def questions(content):
    """The "Check yourself" section of CONTENT, a page's HTML: its <h2> up to the next; "" if none."""
    found = SECTION.search(content)
    return found[0] if found else ""


class Asks(NamedTuple):
    """What the questions of a page ask her to do."""

    questions: int
    predict: int  # questions that ask for a prediction or a worked result first
    blocks: int  # code blocks the questions show, to run
    live: int  # links to the live studio in the questions

    def seconds(self):
        return (self.questions * THINK_SECONDS + self.predict * PREDICT_SECONDS + self.blocks * RUN_SECONDS
                + self.live * LIVE_SECONDS)


def asks(content):
    """What the questions of CONTENT (a page's HTML) ask, each read from its main path: what she sees of
    it before opening its answer."""
    shown = [main_path(question) for question in QUESTION.split(questions(content))[1:]]
    said = [" ".join(TAG.sub(" ", LEFT_OUT.sub(" ", re.sub(r"<code>.*?</code>", " ", PRE.sub(" ", q)))).split())
            for q in shown]
    return Asks(len(shown), sum(1 for text in said if PREDICT.search(html.unescape(text))),
                sum(len(CODE.findall(q)) for q in shown), sum(len(LIVE.findall(q)) for q in shown))


def answers(content):
    """(words, lines of code and output) of the collapsed boxes of CONTENT's questions: the answers."""
    section = questions(content)
    (words, lines), (shown, shown_lines) = counted(section), count(section)
    return words - shown, lines - shown_lines


def with_questions(content):
    """The minutes CONTENT (a page's HTML) takes with its questions: its main path, its answers, and the
    time to do what the questions ask."""
    return minutes(*count(content)) + minutes(*answers(content)) + asks(content).seconds() / 60


def article(page_html):
    """The content of a built page: what its <article> holds."""
    start = page_html.index(">", page_html.index("<article")) + 1
    return page_html[start:page_html.index("</article>")]


def check_yourself(content, markdown, page):
    """What the "Check yourself" section of a step lacks, as sentences; [] if nothing: 3 questions or more, each
    with an Answer box, and a block on the main path whose output sits in its Answer box, to predict.
    CONTENT is the built page's article, MARKDOWN its source, PAGE its file."""
    from .boxes import box
    from .pages import MARKER, blocks

    start = content.find('<h2 id="check-yourself"')
    if start < 0:
        return ["no Check yourself section"]
    end = content.find("<h2", start + 1)
    section = content[start:end if end > 0 else len(content)]
    questions = QUESTION.split(section)[1:]
    out = [] if len(questions) >= 3 else [f"{len(questions)} questions, not 3 or more"]
    out += [f"question {i} has no answer box" for i, q in enumerate(questions, 1) if not ANSWER.search(q)]
    lines = markdown.splitlines()
    first = next(n for n, line in enumerate(lines, 1) if line.strip() == "## Check yourself")
    last = next((n for n in range(first + 1, len(lines) + 1) if lines[n - 1].startswith("## ")), len(lines) + 1)

    def in_answer(block):  # the nearest box above its output is an Answer box
        marker = next(n for n in range(block.line + 1, len(lines) + 1) if MARKER in lines[n - 1])
        above = next(b for n in range(marker, block.line, -1) if (b := box(lines[n - 1])) and b.collapsed)
        return (above.kind, above.title) == ("success", "Answer")
    predict = [b for b in blocks(page, markdown) if first < b.line < last and not b.boxed
               and b.output_boxed and in_answer(b)]
    if not predict:
        out.append("no block to predict: a main-path block whose output sits in its Answer box")
    return out


class Row(NamedTuple):
    step: str  # the step page's address
    words: int
    lines: int
    minutes: float  # the main path
    with_questions: float


def table(site):
    """[Row] of the step pages of the built site in folder SITE."""
    from .layout import built, url
    from .pages import step_pages

    rows = []
    for page in step_pages():
        content = article(built(site, page).read_text())
        words, lines = count(content)
        rows.append(Row(url(page), words, lines, minutes(words, lines), with_questions(content)))
    return rows


def main(args):
    if len(args) != 2 or args[0] != "--site":
        sys.exit(__doc__.split("\n\n")[1])
    rows = table(args[1])
    print(f"{'step':16} {'words':>6} {'lines':>6} {'minutes':>8} {'with questions':>15}")
    for row in rows:
        flag = f"  over {MAX_WORDS:,} words" if row.words > MAX_WORDS else ""
        flag += f"  over {MAX_MINUTES_WITH_QUESTIONS} minutes" * (row.with_questions > MAX_MINUTES_WITH_QUESTIONS)
        print(f"{row.step:16} {row.words:6} {row.lines:6} {row.minutes:8.1f} {row.with_questions:15.1f}{flag}")
    total = sum(row.minutes for row in rows)
    flag = f"  over {MAX_MINUTES} minutes" if total > MAX_MINUTES else ""
    print(f"{'total':16} {sum(r.words for r in rows):6} {sum(r.lines for r in rows):6} {total:8.1f}"
          f" {sum(r.with_questions for r in rows):15.1f}{flag}")


if __name__ == "__main__":
    main(sys.argv[1:])
