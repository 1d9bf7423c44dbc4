"""The built site: strict build, every page and figure there, math as MathML, nothing from other hosts."""

import re

import pytest

PAGES = ["index.html", "1-network/index.html", "2-forward/index.html", "3-loss/index.html",
         "4-backprop/index.html", "5-optimizer/index.html", "6-training/index.html", "reference/index.html",
         "studio-session/index.html"]


def test_strict_build_makes_every_page(site):
    for page in PAGES:
        assert (site / page).is_file(), page


@pytest.mark.parametrize("page", PAGES)
def test_page_has_its_own_description(site, page):
    html = (site / page).read_text()
    assert re.search(r'<meta name="description" content="[^"]{40,}"', html)


@pytest.mark.parametrize("page", PAGES)
def test_images_exist_and_have_alt_text(site, page):
    html = (site / page).read_text()
    for tag in re.findall(r"<img [^>]*>", html):
        src = re.search(r'src="([^"]+)"', tag).group(1)
        assert re.search(r'alt="[^"]{20,}"', tag), f"{page}: {src} has no real alt text"
        if not src.startswith("data:"):
            assert (site / page).parent.joinpath(src).resolve().is_file(), f"{page}: {src} is missing"


@pytest.mark.parametrize("page", PAGES)
def test_math_is_mathml_and_no_tex_is_left(site, page):
    html = (site / page).read_text()
    assert html.count('class="arithmatex"') == html.count('<math xmlns="http://www.w3.org/1998/Math/MathML"')
    text = re.sub(r"<(pre|code)\b.*?</\1>", "", html, flags=re.S)
    assert not re.search(r"\\\(|\\\[|\$\$|\\frac", text)


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_nothing_from_other_hosts(site, page):
    html = (site / page).read_text()
    loaded = re.findall(r'<(?:script|img|iframe|source)[^>]*\bsrc="(https?:)?//', html)
    loaded += re.findall(r'<link[^>]*rel="(?:stylesheet|preload|preconnect|icon|modulepreload)"[^>]*href="(?:https?:)?//', html)
    loaded += re.findall(r"@import\s+url\(['\"]?(?:https?:)?//", html)
    assert not loaded
