"""The strict build and the local server every test and benchmark uses.

    python -m sitekit.serve FOLDER --record RECORD [--until PID]

is a test run's site process (suite.py): it serves FOLDER from a free port of 127.0.0.1, builds the site
into it for that address, writes RECORD (JSON: url, returncode, stderr), then goes on serving until it is
stopped or process PID has ended.
"""

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import time
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


def main(args=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", help="the folder to build the site into and serve")
    parser.add_argument("--record", required=True, help="where to write the address and the build's outcome")
    parser.add_argument("--until", type=int, help="serve until this process has ended")
    args = parser.parse_args(args)
    Path(args.folder).mkdir(parents=True, exist_ok=True)
    _, url = serve(args.folder)  # the port is known before the build: site_url
    done = build(args.folder, url)
    record = Path(args.record)
    part = record.with_name(f".{record.name}.part")
    part.write_text(json.dumps({"url": url, "returncode": done.returncode, "stderr": done.stderr[-4000:]}))
    part.replace(record)  # whole or not at all: the test processes wait for it to appear
    while args.until is None or running(args.until):
        time.sleep(0.5)


if __name__ == "__main__":
    main()
