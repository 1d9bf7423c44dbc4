"""The live studio trains in Zensical's build as in MkDocs's (sitekit/zensical.py): its page, docs/live/index.md,
names its scripts and styles relative to its own folder, which both renderers resolve to live/."""

import shutil
from urllib.parse import urlsplit

import pytest

import sitekit
from sitekit import browsing, zensical


@pytest.fixture(scope="module")
def zensical_server(server, tmp_path_factory):
    """The address of Zensical's build, served below the same path as the session's MkDocs build."""
    root, built = tmp_path_factory.mktemp("zensical-served"), tmp_path_factory.mktemp("zensical") / "site"
    httpd, address = sitekit.serve(root)
    url = address + urlsplit(server).path.lstrip("/")
    done = zensical.build(built, url)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    shutil.copytree(built, root / urlsplit(server).path.strip("/"), dirs_exist_ok=True)
    yield url
    httpd.shutdown()


def trained(tabs, origin):
    """What the live studio shows once its default run is done, and what went wrong on the way."""
    v = browsing.Visit(tabs, origin)
    try:
        v.page.goto(origin + "live/", wait_until="networkidle")
        v.page.wait_for_selector("#live-studio[data-state=done]")
        return v.page.inner_text("#live-studio"), v.problems()
    finally:
        v.close()


def test_the_live_studio_trains_the_same_run_under_both_renderers(tabs, server, zensical_server):
    shown, problems = trained(tabs, zensical_server)
    assert problems == []
    assert shown == trained(tabs, server)[0]
