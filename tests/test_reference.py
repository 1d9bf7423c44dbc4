"""The API reference page is written from a docstring for every public name."""

import inspect

import reference

import neura


def test_every_public_function_and_class_has_a_docstring():
    missing = [n for n in neura.__all__ if callable(getattr(neura, n)) and not inspect.getdoc(getattr(neura, n))]
    assert not missing


def test_reference_has_an_entry_with_the_docstring_for_each_public_name():
    text = reference.on_page_markdown("# API\n\n<!-- neura:api -->\n")
    assert "<!-- neura:api -->" not in text
    for name in neura.__all__:
        assert f"## `{name}" in text
        doc = inspect.getdoc(getattr(neura, name))
        if callable(getattr(neura, name)):
            assert doc.splitlines()[0] in text
