"""The learner's path, on the built site: each step's main path is short, states its reading time, alone
and with its questions, and ends with questions she can check herself against answers CI computed.

What counts is sitekit/budgets.py's: the words outside collapsed boxes (no code, outputs, formulas or
figures) at 180 a minute, plus 6 seconds a line of code or output on the main path; with the questions,
their answers counted the same way and the time to do what each asks.
"""

import re

import pytest

import sitekit
from sitekit import budgets

STEPS = sitekit.step_pages()
QUESTION = re.compile(r"<strong>Question \d+\.</strong>")
ANSWER = re.compile(r'<details class="success">\s*<summary>Answer</summary>')


def built(site, step):
    return budgets.article((site / sitekit.url(step) / "index.html").read_text())


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.stem)
def test_each_steps_main_path_is_at_most_1000_words(site, step):
    words, _ = budgets.count(built(site, step))
    assert words <= budgets.MAX_WORDS, f"{words} words outside the collapsed boxes"


def test_the_seven_steps_read_in_90_minutes(site):
    rows = budgets.table(site)
    assert len(rows) == len(STEPS) >= 7
    total = sum(row.minutes for row in rows)
    assert total <= budgets.MAX_MINUTES, "\n".join(f"{row.step}: {row.minutes:.1f} min" for row in rows)


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.stem)
def test_each_step_states_its_reading_time_at_the_top(site, step):
    content = built(site, step)
    top = re.search(r"</h1>\s*<p class=\"neura-reading-time\"><strong>About (\d+) minutes? to read", content)
    assert top, "no reading time right under the title"
    assert int(top[1]) == budgets.stated(budgets.minutes(*budgets.count(content)))


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.stem)
def test_each_step_states_its_time_with_the_questions(site, step):
    content = built(site, step)
    top = re.search(r'<p class="neura-reading-time"><strong>About \d+ minutes? to read, about (\d+) with the'
                    r" questions</strong>", content)
    assert top, "no time with the questions in the stated reading time"
    assert int(top[1]) == budgets.stated(budgets.with_questions(content))
    assert budgets.asks(content).questions == len(QUESTION.findall(content))  # every question counted


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.stem)
def test_each_step_with_its_questions_fits_a_sitting_of_30_minutes(site, step):
    content = built(site, step)
    mins = budgets.with_questions(content)
    assert mins <= budgets.MAX_MINUTES_WITH_QUESTIONS, f"{mins:.1f} minutes with the questions: {budgets.asks(content)}"


def check_yourself(content, markdown, page):
    """What the "Check yourself" section of a step lacks, as sentences; [] if nothing. CONTENT is the
    built page's, MARKDOWN its source."""
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
        marker = next(n for n in range(block.line + 1, len(lines) + 1) if sitekit.MARKER in lines[n - 1])
        box = next(b for n in range(marker, block.line, -1) if (b := sitekit.box(lines[n - 1])) and b.collapsed)
        return (box.kind, box.title) == ("success", "Answer")
    predict = [b for b in sitekit.blocks(page, markdown) if first < b.line < last and not b.boxed
               and b.output_boxed and in_answer(b)]
    if not predict:
        out.append("no block to predict: a main-path block whose output sits in its Answer box")
    return out


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.stem)
def test_each_step_ends_with_questions_and_answers_to_check_yourself(site, step):
    assert check_yourself(built(site, step), step.read_text(), step) == []


SAMPLE = """# Step 9 · A sample

## Check yourself

**Question 1.** Before you run it: what does it print?

```python
print(1 + 1)
```

??? success "Answer"

    <!--pytest-codeblocks:expected-output-->
    ```text
    2
    ```

    One and one make two.

**Question 2.** Two and two?

??? success "Answer"

    Four.

**Question 3.** Three and three?

??? success "Answer"

    Six.
"""


def test_the_count_leaves_out_collapsed_boxes_code_formulas_and_figures():
    content = ("<h1>Step 9</h1><p>One two three <code>four</code>.</p>"
               "<details class='note'><summary>Proof</summary><p>hidden words here</p></details>"
               "<details class='info' open><summary>Open</summary><p>shown</p></details>"
               '<div class="highlight"><span class="filename">Output</span><pre><code>a = 1\n\nprint(a)\n'
               "</code></pre></div><p><math><mi>x</mi></math></p><figure><img alt='x'><figcaption>cap</figcaption>"
               "</figure>")
    assert budgets.count(content) == (8, 2)  # Step 9 One two three four. Open shown; 2 non-blank lines
    assert budgets.count('<details class="note" open="open"><summary>T</summary><p>shown</p></details>') == (2, 0)
    assert budgets.minutes(180, 10) == 2


def test_the_time_with_the_questions_counts_the_answers_and_what_each_question_asks():
    content = ("<h1>Step 9</h1><p>Main words here.</p><h2 id=\"check-yourself\">Check yourself</h2>"
               "<p><strong>Question 1.</strong> Before you run it: what is printed?</p>"
               '<div class="language-python highlight"><pre><code>print(2)\n</code></pre></div>'
               '<details class="success"><summary>Answer</summary><div class="language-text highlight neura-output">'
               '<span class="filename">Output</span><pre><code>2\n</code></pre></div><p>Two, as printed.</p></details>'
               '<p><strong>Question 2.</strong> Open it <a href="live/?seed=1" class="live-link">in the studio</a>.</p>'
               '<details class="success"><summary>Answer</summary><p>It falls.</p></details>'
               "<p><strong>Question 3.</strong> Why run <code>guess</code>?</p>"
               '<details class="success"><summary>Answer</summary><p>See <a class="live-link" href="x">it</a>.</p>'
               '<div class="language-python highlight"><pre><code>a = 1\n\nprint(a)\n</code></pre></div></details>'
               '<h2 id="next">Next</h2><p>Not a question: guess, before you run it.</p>')
    assert budgets.count(content) == (37, 1)  # ... Question 1. Before you run it: what is printed? ...; print(2)
    assert budgets.answers(content) == (10, 3)  # Answer Two, as printed. Answer It falls. Answer See it.
    # 3 questions; 1 asks to predict (not the <code>guess</code>, nor the next section); 1 block in a question
    # (not the output, nor the answer's block); 1 live link in a question (not the answer's)
    assert budgets.asks(content) == (3, 1, 1, 1)
    assert budgets.asks(content).seconds() == 3 * 30 + 60 + 30 + 90
    assert budgets.with_questions(content) == pytest.approx((37 + 10) / 180 + (1 + 3) / 10 + 270 / 60)
    assert budgets.with_questions("<h1>Step 9</h1><p>No questions.</p>") == budgets.minutes(4, 0)


def test_check_yourself_finds_what_a_section_lacks(tmp_path):
    import markdown

    page = tmp_path / "9-sample.md"
    render = markdown.Markdown(extensions=["toc", "pymdownx.details", "pymdownx.superfences"]).convert
    assert check_yourself(render(SAMPLE), SAMPLE, page) == []
    assert budgets.asks(render(SAMPLE)) == (3, 1, 1, 0)  # question 1 asks to predict and shows a block
    two = SAMPLE.split("**Question 3.**")[0]
    assert check_yourself(render(two), two, page) == ["2 questions, not 3 or more"]
    shown = SAMPLE.replace('??? success "Answer"\n\n    <!--', "<!--").replace("    ```", "```").replace(
        "    2\n", "2\n")
    assert check_yourself(render(shown), shown, page) == [
        "question 1 has no answer box", "no block to predict: a main-path block whose output sits in its Answer box"]
