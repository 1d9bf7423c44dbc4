"""The strict build and the local server every test and benchmark uses."""

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

from .layout import ROOT


def build(out, url, project=ROOT):
    """`mkdocs build --strict` of PROJECT into OUT, for pages served at URL; the finished process."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NEURA_SITE_URL": url})


class Quiet(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request."""

    def log_message(self, *args):
        pass


def serve(folder, handler=Quiet):
    """Serve FOLDER from a free port of 127.0.0.1; return the server and its address."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def running(pid):
    """Whether process PID is still running (not ended, nor ended and waiting to be reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True  # no /proc here: alive, as far as kill() can tell
