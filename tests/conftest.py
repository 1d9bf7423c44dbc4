import functools
import http.server
import importlib.util
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Every page of the built site, by its path below the site root.
PAGES = ["", "1-network/", "2-forward/", "3-loss/", "4-backprop/", "5-optimizer/", "6-training/", "7-gallery/",
         "studio-session/", "reference/"]


def hook(name):
    """Import the build hook docs/hooks/NAME.py, so that tests call the very code the build runs."""
    spec = importlib.util.spec_from_file_location(f"{name}_hook", ROOT / "docs" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder, handler=Quiet):
    """Serve FOLDER from a free port of 127.0.0.1; return the server and its address."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def build(out, url, project=ROOT):
    """`mkdocs build --strict` of PROJECT into OUT, for pages served at URL; the finished process."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NEURA_SITE_URL": url})


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The site built once with `mkdocs build --strict` for, and served by, a server on 127.0.0.1.

    The server's port is known before the build, so that site_url (which Material's instant
    navigation relies on) is the address the pages are really served from.
    """
    out = tmp_path_factory.mktemp("site")
    httpd, url = serve(out)
    run = build(out, url)
    assert run.returncode == 0, run.stderr[-4000:]
    yield out, url
    httpd.shutdown()


@pytest.fixture(scope="session")
def site(served):
    """The folder of the built site."""
    return served[0]


@pytest.fixture(scope="session")
def server(served):
    """The address the built site is served from."""
    return served[1]
