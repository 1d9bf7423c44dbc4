"""Zensical, the second renderer (sitekit/zensical.py): built for the same address as the session's MkDocs
build, every page's article is the same but for the differences named in zensical.DIFFERENCES; no page
of either keeps a placeholder or a snippet marker, every file an article names is there, and a missing
figure or snippet fails under either renderer (Zensical's missing figure by this test's own check).
"""

import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest

import sitekit
from sitekit import zensical

LEFT = ["<!-- neura:", "--8<--"]  # an unreplaced placeholder, an unincluded snippet


@pytest.fixture(scope="module")
def zensical_site(site, server, tmp_path_factory):
    """The folder of Zensical's build, for the address the session's MkDocs build is served from."""
    out = tmp_path_factory.mktemp("zensical") / "site"
    done = zensical.build(out, server)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    return out


def pages(folder):
    """{address below the site's root: its HTML} of the site's pages (the nav's, and "404.html") that a built
    site holds; not whatever else is there (a browser test leaves a broken page of its own in the shared build)."""
    found = {}
    for address in [*sitekit.urls(), "404.html"]:
        path = Path(folder) / (address if address.endswith(".html") else f"{address}index.html")
        if path.is_file():
            found[address] = path.read_text(encoding="utf-8")
    return found


class Urls(HTMLParser):
    """The src and href of every element of a piece of HTML."""

    def __init__(self, html):
        super().__init__()
        self.urls = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in ("src", "href") and value]


def unfound(folder, address, html, server):
    """The URLs in HTML (of the page at ADDRESS of the site in FOLDER) that name no file of the site."""
    page = Path(folder) / (address if address.endswith("/") or not address else Path(address).parent)
    missing = set()
    for url in Urls(html).urls:
        if url.startswith(server):
            target = Path(folder) / url.removeprefix(server)
        elif re.match(r"[a-z]+:|/|#", url):
            continue  # another host, a data: or mailto: URL, or an anchor of this page
        else:
            target = page / url
        target = Path(re.sub(r"[?#].*", "", str(target)))
        if not (target.is_file() or (target / "index.html").is_file()):
            missing.add(url)
    return missing


def test_every_difference_has_its_reason():
    assert all(len(reason) > 40 for reason in zensical.DIFFERENCES.values())
    assert set(zensical.REWRITTEN) | set(zensical.UNFOUND) <= set(zensical.DIFFERENCES)


def test_every_article_is_the_same_but_for_the_named_differences(site, zensical_site):
    mkdocs, other = pages(site), pages(zensical_site)
    assert set(mkdocs) - set(other) == {"studio-session/"}, "see DIFFERENCES['studio-session/']"
    assert set(other) <= set(mkdocs)
    assert {sitekit.url(page) for page in sitekit.pages()} <= set(mkdocs)
    for address, html in other.items():
        expected, found = zensical.article(mkdocs[address]), zensical.article(html)
        assert expected, f"{address}: no article in MkDocs's build"
        for before, after in zensical.REWRITTEN.get(address, []):
            assert expected.count(before) == 1, f"{address}: {before} (DIFFERENCES[{address!r}]) is gone"
            expected = expected.replace(before, after)
        at = max(len(os.path.commonprefix([expected, found])) - 80, 0)
        assert found == expected, f"{address}: the articles differ at\n{expected[at:at + 240]}\n{found[at:at + 240]}"


@pytest.mark.parametrize("renderer", ["mkdocs", "zensical"])
def test_no_placeholder_or_snippet_is_left_and_every_file_is_there(renderer, site, server, zensical_site):
    folder = site if renderer == "mkdocs" else zensical_site
    figures = 0
    for address, html in pages(folder).items():
        for left in LEFT:
            assert left not in html, f"{renderer}, {address}: {left} is left"
        text = zensical.article(html) or ""
        expected = zensical.UNFOUND.get(address, set()) if renderer == "zensical" else set()
        assert unfound(folder, address, text, server) == expected, f"{renderer}, {address}: a file is missing"
        figures += len(re.findall(r'<img [^>]*src="(?:\.\./)*figures/[\w-]+\.svg"', text))
    assert figures >= 10, f"{renderer}: only {figures} figures"


def mkdocs_copy(folder):
    """A copy of the project that MkDocs builds from the checkout's cache (its hook imports the copy's sitekit)."""
    zensical.copy(folder)
    for name in ["pyproject.toml", "README.md"]:  # the make step builds neura's wheel
        shutil.copy(sitekit.ROOT / name, folder / name)
    for name in [".ci", ".cache/build"]:  # the cache keys on .ci/constraints.txt
        shutil.copytree(sitekit.ROOT / name, folder / name)
    return folder


def drawn(page):
    """The first figure PAGE (a file in docs/) shows."""
    return re.search(r"figures/([\w-]+\.svg)", page.read_text())[1]


def figure_missing(project):
    """Step 1 names a figure no script draws (and keeps a placeholder nothing fills); PROJECT."""
    page = project / "docs" / "1-network.md"
    page.write_text(page.read_text().replace(f"figures/{drawn(page)}", "figures/never-drawn.svg")
                    + "\n<!-- neura:no-such-number -->\n")
    return project


def snippet_missing(project):
    """Step 2 includes a snippet nobody makes; PROJECT."""
    page = project / "docs" / "2-forward.md"
    assert "docs/includes/install-step.md" in page.read_text()
    page.write_text(page.read_text().replace("docs/includes/install-step.md", "docs/includes/never-made.md"))
    return project


def test_a_missing_figure_or_snippet_fails_under_either_renderer(site, server, tmp_path):
    """In copies of the project, built side by side: MkDocs's --strict fails by itself; Zensical fails by
    itself on a missing snippet, and on a missing figure only by this test's check (DIFFERENCES). Zensical
    has no make step, so its figure copy also loses a made figure (MkDocs's make step would put it back)."""
    lost = drawn(sitekit.DOCS / "2-forward.md")
    zensical_figure = figure_missing(zensical.copy(tmp_path / "zensical-figure"))
    (zensical_figure / "docs" / "figures" / lost).unlink()
    with ThreadPoolExecutor(2) as pool:
        runs = {
            "mkdocs figure": pool.submit(sitekit.build, tmp_path / "mkdocs-figure-site", server,
                                         figure_missing(mkdocs_copy(tmp_path / "mkdocs-figure"))),
            "mkdocs snippet": pool.submit(sitekit.build, tmp_path / "mkdocs-snippet-site", server,
                                          snippet_missing(mkdocs_copy(tmp_path / "mkdocs-snippet"))),
            "zensical figure": pool.submit(zensical.render, zensical_figure, server),
            "zensical snippet": pool.submit(zensical.render, snippet_missing(zensical.copy(tmp_path / "zs")), server),
        }
        runs = {name: run.result() for name, run in runs.items()}

    for name, missing in [("mkdocs figure", "never-drawn.svg"), ("mkdocs snippet", "never-made.md"),
                          ("zensical snippet", "never-made.md")]:
        assert runs[name].returncode != 0 and missing in runs[name].stderr, f"{name}: {runs[name].stderr[-2000:]}"

    assert runs["zensical figure"].returncode == 0, "Zensical now fails on a missing image: update DIFFERENCES, README"
    built = zensical_figure / "site"
    found = pages(built)
    assert unfound(built, "1-network/", zensical.article(found["1-network/"]), server) == {"../figures/never-drawn.svg"}
    assert unfound(built, "2-forward/", zensical.article(found["2-forward/"]), server) == {f"../figures/{lost}"}
    assert LEFT[0] in found["1-network/"]
