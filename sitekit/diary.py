"""Neura's training diary as a real HTML table, rendered from the DataFrame at make time; step 6 includes it."""

import re
from pathlib import Path

from . import cache


def table(diary):
    """The diary as a plain HTML table (Material styles tables without a class), numbers to 4 decimals."""
    html = diary.to_html(index=False, border=0, float_format="{:.4f}".format)
    html = re.sub(r' class="dataframe"| border="0"| style="text-align: right;"', "", html)
    html = html.replace("<th>", '<th scope="col">')
    caption = "<caption>Neura's training diary: seed 1, SGD with learning rate 0.1, one row per epoch</caption>"
    return html.replace("<thead>", caption + "\n  <thead>", 1)


def things():
    return [cache.Thing("diary", [Path(__file__)], made, "diary.html")]


def cached_table():
    """The path of the diary table, trained again only when neura, a pin or this hook changed."""
    return cache.cached(*things()[0])


def made():
    """The table of a real training run (trained only when neura, a pin or this hook changed)."""
    from neura import NeuralPainter, sketches, targets, train

    return table(train(NeuralPainter(seed=1), sketches(), targets()))
