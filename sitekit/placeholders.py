"""Numbers a page states about the site's own files, filled in when the page is read.

`<!-- neura:trainer-lines -->`: how many lines of JavaScript do the live studio's arithmetic.
"""

from markdown import Extension
from markdown.preprocessors import Preprocessor

from .layout import DOCS, LIVE

TRAINER = DOCS / LIVE / "trainer.js"


def values():
    return {"<!-- neura:trainer-lines -->": str(len(TRAINER.read_text().splitlines()))}


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
