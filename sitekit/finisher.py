"""A Python-Markdown extension that passes a page's finished HTML through one function.

Each finishing module (mathml.py, output_label.py, ...) is listed by name under `markdown_extensions`
in mkdocs.yml, so MkDocs and Zensical, both built on Python-Markdown, finish every page the same way.
Postprocessors run after the raw HTML is put back (priority 30), from the highest priority down:
the priority each module passes says where it stands.
"""

from markdown import Extension
from markdown.postprocessors import Postprocessor


class _Finish(Postprocessor):
    def __init__(self, md, finish):
        super().__init__(md)
        self.finish = finish

    def run(self, text):
        return self.finish(text)


def finisher(finish, name, priority):
    """The makeExtension of an extension that finishes each page's HTML with FINISH(html) -> html."""

    class Finishing(Extension):
        def extendMarkdown(self, md):
            md.postprocessors.register(_Finish(md, finish), name, priority)

    return lambda **kwargs: Finishing(**kwargs)
