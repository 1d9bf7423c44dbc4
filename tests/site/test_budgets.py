"""The learner's path, on the built site: each step's main path is short, states its reading time, alone
and with its questions, and ends with questions she can check herself against answers CI computed.

What counts is sitekit/budgets.py's: the words outside collapsed boxes (no code, outputs, formulas or
figures) at 180 a minute, plus 6 seconds a line of code or output on the main path
(tests/unit/test_budget_rules.py checks the rules themselves).
"""

import re

import pytest

import sitekit
from sitekit import budgets, layout

STEPS = sitekit.step_pages()


def built(site, step):
    return budgets.article(layout.built(site, step).read_text())


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
    assert budgets.asks(content).questions == len(budgets.QUESTION.findall(content))  # every question counted


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.stem)
def test_each_step_with_its_questions_fits_a_sitting_of_30_minutes(site, step):
    content = built(site, step)
    mins = budgets.with_questions(content)
    assert mins <= budgets.MAX_MINUTES_WITH_QUESTIONS, f"{mins:.1f} minutes with the questions: {budgets.asks(content)}"


@pytest.mark.parametrize("step", STEPS, ids=lambda p: p.stem)
def test_each_step_ends_with_questions_and_answers_to_check_yourself(site, step):
    assert budgets.check_yourself(built(site, step), step.read_text(), step) == []
