"""The built site: strict build, every page and figure there, math as MathML, nothing from other hosts."""

import re
import urllib.parse
from html.parser import HTMLParser

import pytest

import sitekit
from sitekit import layout

PAGES = sitekit.pages()


def built_html(site, page):
    return layout.built(site, page).read_text()


def test_strict_build_makes_every_page(site):
    for page in PAGES:
        assert layout.built(site, page).is_file(), page


def test_every_page_has_its_own_description(site):
    found = [re.search(r'<meta name="description" content="([^"]{40,})"', built_html(site, page)) for page in PAGES]
    assert all(found)
    assert len({m[1] for m in found}) == len(PAGES), "two pages share a description"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_search_dialog_has_an_accessible_name(site, page):
    assert re.search(r'<div class="md-search"[^>]*role="dialog"[^>]*aria-label="Search"', built_html(site, page))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_images_exist_and_have_alt_text(site, page):
    html = built_html(site, page)
    for tag in re.findall(r"<img [^>]*>", html):
        src = re.search(r'src="([^"]+)"', tag).group(1)
        assert re.search(r'alt="[^"]{20,}"', tag), f"{page}: {src} has no real alt text"
        if not src.startswith("data:"):
            assert layout.built(site, page).parent.joinpath(src).resolve().is_file(), f"{page}: {src} is missing"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_math_is_mathml_and_no_tex_is_left(site, page):
    html = built_html(site, page)
    assert not re.search(r'class="arithmatex"[^>]*>(?!<math xmlns="http://www.w3.org/1998/Math/MathML")', html)
    text = re.sub(r"<(pre|code)\b.*?</\1>", "", html, flags=re.S)
    assert not re.search(r"\\\(|\\\[|\$\$|\\frac", text)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_loads_nothing_from_other_hosts(site, page):
    html = built_html(site, page)
    loaded = re.findall(r'<(?:script|img|iframe|source)[^>]*\bsrc="(https?:)?//', html)
    loaded += re.findall(r'<link[^>]*rel="(?:stylesheet|preload|preconnect|icon|modulepreload)"'
                         r'[^>]*href="(?:https?:)?//', html)
    loaded += re.findall(r"@import\s+url\(['\"]?(?:https?:)?//", html)
    assert not loaded


class Links(HTMLParser):
    """The hrefs and the ids of one HTML page."""

    def __init__(self, html):
        super().__init__()
        self.hrefs, self.ids = [], set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def test_every_internal_link_and_anchor_resolves(served):
    site, url = served
    pages = {p: Links(p.read_text()) for p in site.rglob("*.html")}
    broken = []
    for page, links in pages.items():
        for href in links.hrefs:
            href = href.removeprefix(url)
            if re.match(r"[a-z]+:", href):
                continue  # another host, mailto: and the like
            path, _, anchor = href.partition("#")
            path = urllib.parse.unquote(path.split("?")[0])
            base = site if path.startswith("/") else page.parent  # the 404 page links from the site's root
            target = (base / path.lstrip("/")).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif anchor and target.suffix == ".html" and anchor not in pages[target].ids:
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert sum(len(links.hrefs) for links in pages.values()) > 100 and not broken
