"""Put Neura's training diary on the page as a real HTML table, rendered from the DataFrame at build time."""

import re
from pathlib import Path

import cache

PLACEHOLDER = "<!-- neura:diary -->"


def table(diary):
    """The diary as a plain HTML table (Material styles tables without a class), numbers to 4 decimals."""
    html = diary.to_html(index=False, border=0, float_format="{:.4f}".format)
    html = re.sub(r' class="dataframe"| border="0"| style="text-align: right;"', "", html)
    html = html.replace("<th>", '<th scope="col">')
    caption = "<caption>Neura's training diary: seed 1, SGD with learning rate 0.1, one row per epoch</caption>"
    return html.replace("<thead>", caption + "\n  <thead>", 1)


def on_page_markdown(markdown, **kwargs):
    if PLACEHOLDER not in markdown:
        return markdown
    return markdown.replace(PLACEHOLDER, cached_table().read_text())


def things():
    return [cache.Thing("diary", [Path(__file__)], made, "diary.html")]


def cached_table():
    """The path of the diary table, trained again only when neura, a pin or this hook changed."""
    return cache.cached(*things()[0])


def made():
    """The table of a real training run (trained only when neura, a pin or this hook changed)."""
    from neura import NeuralPainter, sketches, targets, train

    return table(train(NeuralPainter(seed=1), sketches(), targets()))
