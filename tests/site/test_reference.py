"""The API page (mkdocstrings) has an entry with signature and docstring for every public name, and each
name links to its entry from the page where the prose first names it (tests/unit/test_docstrings.py:
every public name has a docstring)."""

import inspect
import re

import pytest

import neura
import sitekit
from sitekit import layout


def entry_id(name):
    """The anchor of NAME's entry on the reference page (train and gallery are also module names)."""
    obj = getattr(neura, name)
    defined = getattr(obj, "__module__", "neura") if callable(obj) else "neura"
    return f"neura.{name}" if defined.rsplit(".", 1)[-1] != name else f"{defined}.{name}"


def prose(text):
    """Markdown without its code fences."""
    return re.sub(r"^([ \t]*)```.*?^\1```", "", text, flags=re.S | re.M)


@pytest.mark.parametrize("name", neura.__all__)
def test_reference_shows_signature_and_docstring(site, name):
    html = layout.built(site, "reference.md").read_text()
    entry = re.search(rf'id="{re.escape(entry_id(name))}".*?(?=<h2 |</article>)', html, re.S)
    assert entry, f"no entry for {name}"
    text = re.sub(r"<[^>]+>", "", entry.group(0))
    obj = getattr(neura, name)
    if callable(obj):
        assert name + "(" in text.replace("\u200b", "")  # the signature
        assert inspect.getdoc(obj).split("`")[0].split("\n")[0][:30] in text  # the docstring
    else:
        assert repr(obj)[:20] in text.replace("&#39;", "'")


@pytest.mark.parametrize("name", neura.__all__)
def test_name_links_to_its_entry_where_the_prose_first_names_it(site, name):
    for page in sitekit.pages():
        if page.suffix != ".md" or page.name == "reference.md":
            continue
        first = re.search(rf"(\[?)`(neura\.)?{name}\b[^`]*`(\]\[[\w.]+\])?", prose(page.read_text()))
        if first:
            assert first.group(3) == f"][{entry_id(name)}]", f"{page.name}: {first.group(0)} is not linked"
            html = layout.built(site, page).read_text()
            assert f'reference/#{entry_id(name)}"' in html
            return
    pytest.fail(f"no page names {name} in its prose")
