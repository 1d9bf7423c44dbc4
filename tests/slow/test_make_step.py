"""The make step writes into docs/ only what changed, so that a preview watching docs/ sees no change of its
own (tests/site/test_build_cache.py: its cache)."""


def test_the_make_step_writes_only_what_changed(tmp_path):
    """A second make writes nothing, and a changed file is put back whole (sitekit/make.py's place)."""
    from sitekit import make

    out = tmp_path / "docs"
    first = make.make("http://127.0.0.1:1/", out=out)
    assert {p.relative_to(out).as_posix() for p in first} == set(make.things("http://127.0.0.1:1/"))
    assert make.make("http://127.0.0.1:1/", out=out) == []
    figure = next(p for p in first if p.suffix == ".svg")
    kept = figure.read_bytes()
    figure.write_bytes(kept[:-1] + b"!")
    assert make.make("http://127.0.0.1:1/", out=out) == [figure] and figure.read_bytes() == kept
