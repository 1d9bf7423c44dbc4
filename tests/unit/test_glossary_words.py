"""Every word of the glossary's abbreviations has an entry, and each entry is found from its word
(tests/site/test_glossary.py: the words in the built pages)."""

import re

import sitekit
from sitekit import glossary_links

ENTRIES = glossary_links.entries((sitekit.DOCS / glossary_links.GLOSSARY).read_text())
meanings = glossary_links.meanings


def test_every_abbreviated_word_has_a_glossary_entry():
    entries = [h.lower() for h in re.findall(r"^## (.+)$", (sitekit.DOCS / "glossary.md").read_text(), re.M)]
    assert len(meanings()) >= 15
    for term in meanings():  # "epochs" -> Epoch, "mini-batches" -> Mini-batch, "broadcasts" -> Broadcasting
        stems = {term.lower(), term.lower()[:-1], term.lower()[:-2]}
        assert any(entry.startswith(stem) for entry in entries for stem in stems), f"{term}: not in the glossary"


def test_every_words_entry_is_found():
    for term in meanings():
        assert glossary_links.entry(term, ENTRIES), term
    assert [glossary_links.entry(t, ENTRIES) for t in ("epochs", "mini-batches", "broadcasts")] == [
        "epoch", "mini-batch", "broadcasting"]
    assert glossary_links.entry("CO", {"c": "y"}) is None  # no stem shorter than 3 letters
    assert glossary_links.entry("loss", {"loss landscape": "a", "loss": "b"}) == "b"
