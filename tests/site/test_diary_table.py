"""Step 6 shows the training diary as a real HTML table, with the DataFrame's own numbers."""

import re

from neura import NeuralPainter, sketches, targets, train
from sitekit import layout


def test_training_page_has_the_diary_as_an_html_table(site):
    html = layout.built(site, "6-training.md").read_text()
    assert "neura:diary" not in html
    table = re.search(r"<table>\s*<caption>Neura's training diary.*?</table>", html, re.S).group(0)
    header = re.findall(r'<th scope="col">(.*?)</th>', table)
    rows = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]
    diary = train(NeuralPainter(seed=1), sketches(), targets())
    assert header == list(diary.columns) and "Epoch" in header and "Loss" in header
    assert len(rows) == len(diary) == 10
    for row, (_, expected) in zip(rows, diary.iterrows(), strict=True):
        assert int(row[0]) == expected["Epoch"]
        assert [float(cell) for cell in row[1:]] == [round(v, 4) for v in expected.iloc[1:]]
