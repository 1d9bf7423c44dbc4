"""What the processes of one test run share: pytest-xdist's controller and its workers (or the one process
of a run without xdist). The conftest.py files hand their hooks and fixtures to it.

- A folder of the run's own: the controller makes it and hands it to each worker it starts (xdist's
  `workerinput`); it removes it when the run ends.
- The built site (Site): built once for the run by a process of its own, which then serves it:

      python -m sitekit.suite FOLDER --record RECORD [--until PID]

  serves FOLDER from a free port of 127.0.0.1, builds the site into it for that address, writes RECORD
  (JSON: url, returncode, stderr), then goes on serving until it is stopped or process PID has ended.
- The blocks run alone (alone.py): each process asks its own Alone, which keeps what it ran in the
  folder, so that each code runs once for the whole run.
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from .alone import Alone
from .layout import ROOT
from .serve import build, running, serve

KEY = "neura_run"  # in a worker's workerinput: [the run's folder, the controller's process id]
FOLDER, CONTROLLER, ALONE = pytest.StashKey[Path](), pytest.StashKey[int](), pytest.StashKey[Alone]()


def is_worker(config):
    return hasattr(config, "workerinput")


def configure(config):
    """pytest_configure: the run's folder (the controller's, in a worker) and this process's Alone."""
    if is_worker(config):
        folder, controller = config.workerinput[KEY]
    else:
        folder, controller = tempfile.mkdtemp(prefix="neura-run-"), os.getpid()
    config.stash[FOLDER], config.stash[CONTROLLER] = Path(folder), controller
    config.stash[ALONE] = Alone(folder)


def configure_node(node):
    """pytest_configure_node (xdist, in the controller): hand the worker the run's folder."""
    node.workerinput[KEY] = [str(node.config.stash[FOLDER]), node.config.stash[CONTROLLER]]


def unconfigure(config):
    """pytest_unconfigure: the controller, once every worker has ended, stops the site and removes the folder."""
    if not is_worker(config) and FOLDER in config.stash:
        Site(config).stop()
        shutil.rmtree(config.stash[FOLDER], ignore_errors=True)


def alone(config):
    """This process's Alone, whose results the run's processes share."""
    return config.stash[ALONE]


class Site:
    """The site, built once for the run with `mkdocs build --strict` and served from 127.0.0.1.

    One process does both (`python -m sitekit.suite`, see main): it binds a free port, builds the site
    for that address (site_url: Material's instant navigation needs the page's real address), records the
    address and the build's outcome, and serves until the run's controller stops it (or has ended). The
    first test process to start it does so under a file lock; every process reads the record. It is not
    a thread of a worker, so it keeps serving when the worker that started it has run out of tests.
    """

    def __init__(self, config):
        self.run, self.controller = config.stash[FOLDER], config.stash[CONTROLLER]
        self.folder, self.record, self.pid = self.run / "site", self.run / "site.json", self.run / "site.pid"

    def start(self):
        """Start building the site, unless a process of this run has already started it."""
        from filelock import FileLock

        with FileLock(self.run / "site.lock"):
            if not self.pid.exists():
                process = subprocess.Popen([sys.executable, "-m", "sitekit.suite", str(self.folder), "--record",
                                            str(self.record), "--until", str(self.controller)],
                                           cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
                self.pid.write_text(str(process.pid))

    def ready(self):
        """(folder, address) of the site once it is built (started now if need be); the build's error if it failed."""
        self.start()
        pid = int(self.pid.read_text())
        while not self.record.exists():
            if not running(pid):
                raise RuntimeError(f"the site process ({pid}) ended before it recorded a build")
            time.sleep(0.1)
        done = json.loads(self.record.read_text())
        assert done["returncode"] == 0, done["stderr"]
        return self.folder, done["url"]

    def stop(self):
        if self.pid.exists():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(self.pid.read_text()), signal.SIGTERM)


def main(args=None):
    parser = argparse.ArgumentParser(description="Build the site into FOLDER for a free port of 127.0.0.1; serve it.")
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
