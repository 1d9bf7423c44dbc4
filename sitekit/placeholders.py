"""Numbers a page states about the site's own files, filled in when the page is read.

`<!-- neura:trainer-lines -->`: how many lines of JavaScript do the live studio's arithmetic.
`<!-- neura:live-... -->`: the live studio's limits, from sitekit/live_data.py's `limits()` (its scripts
read the same from limits.json): `live-hidden` and `live-seeds` the ranges offered ("LOW to HIGH"),
`live-sizes` the gallery's training sizes (smallest to largest), `live-most-sketches` the largest,
`live-epochs` the most epochs, `live-batch-epochs` the most with mini-batches.
"""

from markdown import Extension
from markdown.preprocessors import Preprocessor

from . import live_data
from .layout import DOCS, LIVE

TRAINER = DOCS / LIVE / "trainer.js"


def values():
    limits = live_data.limits()
    found = {"trainer-lines": len(TRAINER.read_text().splitlines()),
             "live-hidden": "{} to {}".format(*limits["hidden"]), "live-seeds": "{} to {}".format(*limits["seeds"]),
             "live-sizes": f"{min(limits['sizes'])} to {max(limits['sizes'])}",
             "live-most-sketches": max(limits["sizes"]), "live-epochs": limits["epochs"],
             "live-batch-epochs": limits["batchEpochs"]}
    return {f"<!-- neura:{name} -->": str(value) for name, value in found.items()}


class Fill(Preprocessor):
    def run(self, lines):
        found = values()
        for placeholder, value in found.items():
            lines = [line.replace(placeholder, value) for line in lines]
        return lines


class Placeholders(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(Fill(md), "neura-placeholders", 35)  # before raw HTML is stashed (30)


def makeExtension(**kwargs):
    return Placeholders(**kwargs)
