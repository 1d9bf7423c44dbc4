"""The rules of sitekit/budgets.py, on samples: what counts as the main path's words and lines, and what
a step's "Check yourself" section must hold (tests/site/test_budgets.py holds the built steps to them)."""

import pytest

from sitekit import budgets

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
    assert budgets.check_yourself(render(SAMPLE), SAMPLE, page) == []
    assert budgets.asks(render(SAMPLE)) == (3, 1, 1, 0)  # question 1 asks to predict and shows a block
    two = SAMPLE.split("**Question 3.**")[0]
    assert budgets.check_yourself(render(two), two, page) == ["2 questions, not 3 or more"]
    shown = SAMPLE.replace('??? success "Answer"\n\n    <!--', "<!--").replace("    ```", "```").replace(
        "    2\n", "2\n")
    assert budgets.check_yourself(render(shown), shown, page) == [
        "question 1 has no answer box", "no block to predict: a main-path block whose output sits in its Answer box"]
