"""The math font's rules: MathML Core's italic letters, the build without npm, and the CSS that names the font."""

import pytest

import sitekit
from sitekit import math_font
from sitekit.layout import FONTS


@pytest.mark.parametrize("char, form", [("L", "\U0001d43f"), ("h", "\u210e"), ("\u03b7", "\U0001d702"),
                                        ("\u2202", "\U0001d715"), ("1", "1")])
def test_italic_is_mathml_cores_math_auto(char, form):
    assert math_font.italic(char) == form


def test_a_build_without_npm_skips_the_font_and_says_so_once(monkeypatch, tmp_path, caplog):
    """The README's serve command needs no npm: the make step then serves no font (an INFO line, not a
    warning, which `mkdocs build --strict` would fail on); under CI a missing font fails the build."""
    monkeypatch.setattr(math_font.shutil, "which", lambda name: None)
    monkeypatch.setattr(math_font, "npm_folder", lambda spec: tmp_path)
    monkeypatch.setattr(math_font.cache, "where", lambda *args: tmp_path / "none")
    monkeypatch.delenv("CI", raising=False)
    math_font.no_npm.cache_clear()
    with caplog.at_level("INFO", logger="mkdocs"):
        assert math_font.thing() is None and math_font.thing() is None
    assert [(r.name, r.levelname) for r in caplog.records] == [("mkdocs.sitekit", "INFO")]
    monkeypatch.setenv("CI", "true")
    with pytest.raises(RuntimeError, match="CI needs the math font"):
        math_font.thing()


def test_the_site_names_the_font_it_serves():
    css = (sitekit.DOCS / "stylesheets" / "neura.css").read_text()
    assert f'font-family: "{math_font.FAMILY}";\n  src: url("../{FONTS}/{math_font.NAME}") format("woff2");' in css
    assert f'math {{\n  font-family: "{math_font.FAMILY}", math;\n}}' in css
