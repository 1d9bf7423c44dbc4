"""Every public function and class of neura has a docstring (the API page shows it: tests/site/test_reference.py)."""

import inspect

import neura


def test_every_public_function_and_class_has_a_docstring():
    missing = [n for n in neura.__all__ if callable(getattr(neura, n)) and not inspect.getdoc(getattr(neura, n))]
    assert not missing
