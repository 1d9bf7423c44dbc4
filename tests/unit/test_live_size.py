"""The live studio's own code (docs/live's JavaScript, CSS and JSON, each gzipped as a server sends it) stays
within 40 KiB; the brushes and the gallery (.bin files the make step writes) are data, not counted."""

import gzip

import sitekit

BUDGET = 40 * 1024


def widget_bytes():
    """{file name: its gzipped size} for docs/live's .js, .css and .json files."""
    live = sitekit.DOCS / "live"
    files = [p for p in sorted(live.iterdir()) if p.suffix in {".js", ".css", ".json"}]
    return {p.name: len(gzip.compress(p.read_bytes(), compresslevel=9, mtime=0)) for p in files}


def test_the_widgets_code_stays_within_40_kib():
    sizes = widget_bytes()
    assert "trainer.js" in sizes and "live.css" in sizes
    total = sum(sizes.values())
    print(f"\nlive studio code, gzipped: {total / 1024:.1f} KiB of {BUDGET // 1024}")
    assert total <= BUDGET, sizes
