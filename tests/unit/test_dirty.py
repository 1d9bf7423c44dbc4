"""sitekit/dirty.py: a dirty preview renders every page again when a file they all read is newer than one of
them, and only the edited page otherwise."""

import os

from sitekit import dirty


def built(site, *pages, at):
    for name in pages:
        page = site / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("<p>built</p>")
        os.utime(page, (at, at))


def test_a_shared_file_newer_than_the_oldest_page_forgets_every_page(tmp_path):
    site, shared = tmp_path / "site", tmp_path / "includes"
    built(site, "index.html", "3-loss/index.html", at=100)
    built(site, "4-backprop/index.html", at=300)  # rendered again by the last prose edit
    built(shared, "abbreviations.md", at=200)
    assert dirty.forget(site, [shared]) == 3
    assert list(site.rglob("*.html")) == []


def test_a_prose_edit_alone_forgets_nothing(tmp_path):
    site, shared = tmp_path / "site", tmp_path / "includes"
    built(site, "index.html", "3-loss/index.html", at=200)
    built(shared, "abbreviations.md", at=100)
    built(shared / "__pycache__", "x.cpython-311.pyc", at=300)  # Python's caches are no input
    assert dirty.forget(site, [shared]) == 0
    assert len(list(site.rglob("*.html"))) == 2


def test_a_first_build_has_nothing_to_forget(tmp_path):
    built(tmp_path / "includes", "abbreviations.md", at=100)
    assert dirty.forget(tmp_path / "site", [tmp_path / "includes"]) == 0
