"""Every number in a page's prose is printed by a block of that page, written in one, or accepted in
docs/numbers.txt with its reason (sitekit/prose_numbers.py says what counts as prose and as a number)."""

import pytest

import sitekit
from sitekit.prose_numbers import accepted, offenders, value

PAGES = [page for page in sitekit.pages() if page.suffix == ".md"]
PAGE = """# Step 3 · The loss

Her loss is 0.5239, and 0.0051 is no loss of hers. See step 4.

```python
print(f"{0.52394:.4f}")
```
<!--pytest-codeblocks:expected-output-->
```text
0.5239
```
"""


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_number_in_the_prose_is_printed_by_a_block(page):
    found = [f"line {line}: {number}  ({text[:80]})" for line, number, text in offenders(page)]
    assert not found, "\n".join(found)


def test_a_number_no_block_prints_fails_and_a_printed_one_passes(tmp_path):
    page = tmp_path / "3-loss.md"
    page.write_text(PAGE)
    assert [(n, line) for line, n, _ in offenders(page)] == [("0.0051", 3)]
    assert offenders(page, PAGE.replace("0.0051", "0.5239")) == []
    assert offenders(page, PAGE.replace("0.0051", "0.524"))[0][1] == "0.524"  # a rounding is not the number
    assert offenders(page, PAGE.replace("0.0051", "0.52390")) == []  # the same value is
    for hidden in ("`0.0051`", "$0.0051$", "[her loss](x.md#0.0051)", "<!-- 0.0051 -->"):
        assert offenders(page, PAGE.replace("0.0051", hidden)) == [], hidden
    assert offenders(page, PAGE + "\n![Her loss, 0.0051, falls.](figures/loss.svg)\n")  # alt text is prose


def test_an_accepted_number_passes_on_its_page_only(tmp_path):
    page = tmp_path / "3-loss.md"
    page.write_text(PAGE)
    numbers = tmp_path / "numbers.txt"
    numbers.write_text("3-loss.md 0.0051  # a number this page defines\n")
    assert [n for _, n, _ in offenders(page)] == ["0.0051"]  # docs/numbers.txt does not list it
    assert offenders(page, numbers=numbers) == []
    assert accepted(tmp_path / "4-backprop.md", numbers) == set()
    numbers.write_text("* 0.0051  # on every page\n")
    assert offenders(page, numbers=numbers) == []


def test_a_page_in_a_folder_is_named_from_docs(tmp_path):
    numbers = tmp_path / "numbers.txt"
    numbers.write_text("live/index.md 0.0051  # a number of the page live/index.md\n")
    assert accepted(tmp_path / "live" / "index.md", numbers) == {value("0.0051")}
    assert accepted(tmp_path / "index.md", numbers) == set()  # the home page is another index.md


def test_the_accepted_numbers_stay_few_and_each_gives_its_reason():
    lines = [line for line in (sitekit.DOCS / "numbers.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert len(lines) <= 20, "the list of accepted numbers grew past 20: print the numbers instead"
    for line in lines:
        where, number, why = (line.split("#", 1)[0].split() + [line.partition("#")[2].strip()])
        assert where == "*" or (sitekit.DOCS / where).exists(), line
        assert why, f"{line}: says no reason"


def test_a_page_s_own_javascript_is_evidence_for_the_limits_its_form_states(tmp_path):
    (tmp_path / "live").mkdir()
    page = tmp_path / "live" / "index.md"  # served as live/, so its view.js is live/view.js
    page.write_text('Hidden neurons (1 to 8), seed 0 to 99.\n\n<script type="module" src="view.js"></script>\n')
    (tmp_path / "live" / "view.js").write_text('import { rule } from "./rule.js";\nconst hidden = whole(1, 8);\n')
    assert [n for _, n, _ in offenders(page)] == ["0", "99"]
    (tmp_path / "live" / "rule.js").write_text("export const seed = whole(0, 99);\n")  # an imported module
    assert offenders(page) == []
