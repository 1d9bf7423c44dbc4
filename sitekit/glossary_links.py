"""Each page's first use of a glossary word links to its entry in the glossary.

A glossary word is an <abbr> whose title holds its meaning (docs/includes/abbreviations.md): the
browser shows it on hover only. The first use of each entry on a page (on the main path if it is used
there, else in a box) becomes a link to the entry, which a keyboard, a touch or a screen reader can
follow; the word keeps its title. Its other uses take the focus on a tap or a click (tabindex="-1": not
in the Tab order, which would gain up to 128 stops a page), and show the meaning as text beside the word
(neura.css, `:focus`); the keyboard reaches the first use's link, which shows it too, and a tap on that
link follows it to the entry. Words in headings, box titles and links stay as they are. No
script runs: Material's tooltips, which cost the pages a third of their blocking time, stay off.

It works on the page's finished HTML, which holds the API page's docstrings too (mkdocstrings renders
each in a Markdown of its own, then puts it in the page's; those sub-documents link nothing). The link's
address is the renderer's own: a tree step leaves a link to `glossary.md` for the renderer to make
relative (MkDocs does it at priority 0), and the finishing step reads it back and removes it. A page in
a folder (live/index.md) says where the glossary is from there with a link reference,
`[glossary]: ../glossary.md`: renderers resolve a page's links from its Markdown file. The
glossary itself, the page whose title is the glossary's, links none of its own words.
"""

import functools
import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.extensions.toc import slugify
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from . import boxes
from .layout import DOCS, INCLUDES

GLOSSARY = "glossary.md"
ABBREVIATIONS = DOCS / INCLUDES / "abbreviations.md"  # every page gets it appended
ABBR = re.compile(r'<abbr title="[^"]*">([^<]+)</abbr>')
OPEN = re.compile(r'<abbr title="[^"]*">')
AWAY = re.compile(r'<(h[1-6]|summary|a)[\s>].*?</\1>|<p class="admonition-title">.*?</p>', re.S)

def meanings():
    """{word: meaning} of the abbreviations (ABBREVIATIONS): each word becomes an <abbr> with its meaning as title."""
    return dict(re.findall(r"^\*\[([^\]]+)\]: (.+)$", ABBREVIATIONS.read_text(), re.M))


@functools.cache
def entries(markdown):
    """{heading, lower case: anchor} of the glossary's `## ` entries, anchored as the toc extension does."""
    return {h.lower(): slugify(h, "-") for h in re.findall(r"^## (.+?)\s*$", markdown, re.M)}


def entry(term, found):
    """The anchor of TERM's entry among FOUND ({heading: anchor}), or None: "epochs" is under Epoch,
    "mini-batches" under Mini-batch, "broadcasts" under Broadcasting; of two headings that start
    alike the shorter wins ("loss" is Loss, not Loss landscape)."""
    word, shortest_first = term.lower(), sorted(found.items(), key=lambda item: len(item[0]))
    for stem in [word] + [s for s in (word[:-1], word[:-2]) if len(s) >= 3]:
        for heading, anchor in shortest_first:
            if heading.startswith(stem):
                return anchor
    return None


def focusable(content):
    """CONTENT with each glossary word outside a title or a link focusable by a tap, not by the Tab key."""
    away = [m.span() for m in AWAY.finditer(content)]
    return OPEN.sub(lambda m: m[0] if any(a <= m.start() < b for a, b in away) else m[0][:-1] + ' tabindex="-1">',
                    content)


def collapsed(content):
    """[(start, end)] of CONTENT's collapsed <details> boxes (boxes.py)."""
    return [(box.start, box.end) for box in boxes.details(content) if box.collapsed]


def link(content, href):
    """CONTENT with the first use of each glossary entry linked to HREF#anchor."""
    away = [m.span() for m in AWAY.finditer(content)]
    boxes = collapsed(content)
    inside = lambda at, spans: any(a <= at < b for a, b in spans)  # noqa: E731
    first = {}  # {anchor: (in a box, the use)}: a use on the main path wins over one in a box
    found = entries((DOCS / GLOSSARY).read_text(encoding="utf-8"))
    for use in ABBR.finditer(content):
        anchor = entry(use[1], found)
        boxed = inside(use.start(), boxes)
        if anchor and not inside(use.start(), away) and (anchor not in first or first[anchor][0] > boxed):
            first[anchor] = (boxed, use)
    for anchor, (_, use) in sorted(first.items(), key=lambda kv: -kv[1][1].start()):
        content = (content[:use.start()] + f'<a class="neura-term" href="{href}#{anchor}">{use[0]}</a>'
                   + content[use.end():])
    return content


WHERE = re.compile(r'<a data-neura-glossary="" href="([^"]*)"></a>')  # the address the renderer made


class Address(Treeprocessor):
    """Leave a link to the glossary for the renderer to make relative, unless this is the glossary or a
    docstring (mkdocstrings' sub-document, whose page links its words)."""

    def run(self, root):
        h1 = next(root.iter("h1"), None)
        own = re.search(r"^# (.+?)\s*$", (DOCS / GLOSSARY).read_text(encoding="utf-8"), re.M)[1]
        if (h1 is not None and "".join(h1.itertext()).strip() == own) or "mkdocstrings_ids" in self.md.treeprocessors:
            return
        href = self.md.references.get("glossary", (GLOSSARY, None))[0]  # a page in a folder: [glossary]: ../glossary.md
        etree.SubElement(root, "a", {"data-neura-glossary": "", "href": href})


class Link(Postprocessor):
    def run(self, text):
        where = WHERE.search(text)
        if where is None:
            return text
        return focusable(link(text[:where.start()] + text[where.end():], where[1]))


class GlossaryLinks(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(Address(md), "neura-glossary-address", 6)  # before the renderer's links (0)
        md.postprocessors.register(Link(md), "neura-glossary-links", 6)  # after the math, labels and spans


def makeExtension(**kwargs):
    return GlossaryLinks(**kwargs)
